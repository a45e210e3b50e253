import ArgumentParser
import Foundation
import MinbarCore
import MinbarDemo

/// `minbar demo`: fills an empty data directory with the demo site.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill an empty data directory with the demo site (the seed article and the demo newsroom).")

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Also generate this many articles from the demo's sentences (for load and search benchmarks).")
    var articles: Int = 0

    func validate() throws {
        guard (0...1_000_000).contains(articles) else { throw ValidationError("--articles must be between 0 and 1000000") }
    }

    func run() async throws {
        let store = try dataOptions.openStore()
        try await Self.install(into: store, data: dataOptions.data)
        if articles > 0 {
            let bar = ProgressBar(label: "generated articles")
            let started = Date()
            try await GeneratedArticles.add(articles, to: store, progress: { bar.update($0, of: $1) })
            let seconds = Date().timeIntervalSince(started)
            print("generated \(articles) articles in \(String(format: "%.1f", seconds)) s (\(Int(Double(articles) / max(seconds, 0.001))) articles/s, search index included)")
        }
    }

    static func install(into store: some ContentStore, data: String) async throws {
        let bar = ProgressBar(label: "demo articles")
        if try await DemoSite.install(into: store, progress: { bar.update($0, of: $1) }) {
            print("demo site installed in \(data)")
        } else {
            print("\(data) already has articles; the demo was not installed")
        }
    }
}
