import ArgumentParser
import Foundation
import MinbarCore
import MinbarDemo
import MinbarMedia
import MinbarSQLite
import MinbarWeb

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
        let settings = try await store.siteSettings()
        try await Self.install(into: store, data: dataOptions.data, media: try dataOptions.openMedia(store: store, settings: { settings }))
        if articles > 0 {
            let bar = ProgressBar(label: "generated articles")
            let started = Date()
            try await GeneratedArticles.add(articles, to: store, progress: { bar.update($0, of: $1) })
            let seconds = Date().timeIntervalSince(started)
            print("generated \(articles) articles in \(String(format: "%.1f", seconds)) s (\(Int(Double(articles) / max(seconds, 0.001))) articles/s, search index included)")
        }
    }

    static func install(into store: SQLiteContentStore, data: String, media: MediaService) async throws {
        guard try await DemoSite.isEmpty(store) else {
            print("\(data) already has articles; the demo was not installed")
            return
        }
        let photos = try await makePhotos(media: media)
        let bar = ProgressBar(label: "demo articles")
        if try await DemoSite.install(into: store, photos: photos, progress: { bar.update($0, of: $1) }) {
            print("demo site installed in \(data)")
        } else {
            print("\(data) already has articles; the demo was not installed")
        }
    }

    /// The demo's photos, made here by libvips and put through the library like uploads
    /// (none without libvips's tools: the demo then has no photos).
    static func makePhotos(media: MediaService) async throws -> [FeaturedImage] {
        guard ImageProcessor.isAvailable else {
            print("libvips-tools or webp is missing: the demo has no photos (apt-get install libvips-tools webp)")
            return []
        }
        let bar = ProgressBar(label: "demo photos")
        var photos: [FeaturedImage] = []
        for index in 0..<DemoPhotos.count {
            let file = try media.files.workingFile(named: "demo-\(index).jpg")
            try await DemoPhotos.make(index, to: file)
            let sha = try MediaService.sha256(of: file)
            switch try await media.ingest(file, originalName: "minbar-demo-\(index + 1).jpg", sha256: sha, ownerID: nil) {
            case .success(let item):
                let saved = try await media.library.saveMediaDetails(
                    id: item.id,
                    MediaDetails(
                        title: "صورة توضيحية \(index + 1)", altText: "خلفية ملوّنة مجرّدة، صورة توضيحية للموقع التجريبي",
                        caption: "صورة توضيحية من الموقع التجريبي", credit: "منبر"))
                photos.append(FeaturedImage(media: saved))
            case .failure(let refusal):
                print("demo photo \(index + 1) was not made: \(refusal)")
            }
            bar.update(index + 1, of: DemoPhotos.count)
        }
        return photos
    }
}
