import ArgumentParser
import Foundation
import MinbarCore
import MinbarDemo

/// `minbar demo`: fills an empty data directory with the demo site.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill an empty data directory with the demo site (the seed article and the demo newsroom).")

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let store = try dataOptions.openStore()
        try await Self.install(into: store, data: dataOptions.data)
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
