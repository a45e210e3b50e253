import Foundation
import MinbarArabic
import MinbarCore

/// Many varied Arabic articles for load and search benchmarks (`minbar demo --articles N`),
/// recombined from the demo newsroom's sentences and words with a fixed-seed generator, so two
/// runs make the same site.
public enum GeneratedArticles {
    /// A small deterministic generator (SplitMix64).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Adds `count` published articles spread over the five years before `now`, in the store's
    /// existing sections, tagged from the demo's tags; reports (done, total).
    public static func add(
        _ count: Int, to store: some ContentStore, now: Date = Date(), progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws {
        let demo = try DemoSite.content()
        let sentences = demo.articles.flatMap { article in
            article.paragraphs.flatMap { $0.split(separator: "،").map { $0.trimmingCharacters(in: .whitespaces) } }
        }.filter { $0.count > 20 }
        let words = Array(Set(sentences.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.count > 3 }))
        let categories = try await store.categories()
        guard !categories.isEmpty, !sentences.isEmpty else { throw CocoaError(.featureUnsupported) }
        var tagIDs: [Int64] = []
        for name in Set(demo.articles.flatMap(\.tags)).sorted() {
            if let tag = try await store.tag(slug: Slug.make(from: name)) { tagIDs.append(tag.id) } else { tagIDs.append(try await store.saveTag(TagInput(name: name)).id) }
        }
        let authors = try await store.authors().map(\.id)
        var random = Generator(state: 2015_12_21)
        let span: Double = 5 * 365 * 86_400
        // Real news is full of rare words (people, places, organisations): a pool of invented
        // names, each used by a few articles, keeps word frequencies close to a real site's.
        let names = (0..<max(count / 3, 10)).map { _ in name(using: &random) }
        var batch: [ArticleInput] = []
        // Two batches in flight: while one is written, the next is analysed (the store's single
        // writer keeps the writes one at a time) and the one after is generated.
        var inFlight: [Task<Int, any Error>] = []
        for number in 1...count {
            let own = (0..<3).map { _ in names.randomElement(using: &random)! }
            let titleWords = (0..<Int.random(in: 4...7, using: &random)).map { _ in words.randomElement(using: &random)! } + [own[0]]
            let paragraphs = (0..<Int.random(in: 3...6, using: &random)).map { _ in
                (0..<Int.random(in: 2...4, using: &random)).map { _ in sentences.randomElement(using: &random)! }.joined(separator: "، ")
                    + " " + own.randomElement(using: &random)! + "."
            }
            batch.append(
                ArticleInput(
                    title: titleWords.joined(separator: " "), slug: "generated-\(number)", body: ArticleBody(html: HTMLText.paragraphs(paragraphs)),
                    status: .published, publishedAt: now.addingTimeInterval(-Double.random(in: 0..<span, using: &random)),
                    primaryCategoryID: categories.randomElement(using: &random)!.id,
                    tagIDs: Array(Set((0..<Int.random(in: 1...3, using: &random)).map { _ in tagIDs.randomElement(using: &random)! })),
                    authorIDs: authors.isEmpty ? [] : [authors.randomElement(using: &random)!]))
            // Batches of 1,000: one transaction, analysis on every core, word counts once.
            if batch.count == 1_000 || number == count {
                if inFlight.count == 2 { _ = try await inFlight.removeFirst().value }
                let ready = batch
                inFlight.append(Task { try await store.saveArticles(ready) })
                batch.removeAll(keepingCapacity: true)
                progress(number, count)
            }
        }
        for task in inFlight { _ = try await task.value }
    }

    /// An invented name of two or three Arabic syllables.
    static func name(using random: inout Generator) -> String {
        let consonants = Array("بتثجحخدذرزسشصضطظعغفقكلمنهوي")
        let vowels = ["ا", "و", "ي", ""]
        return (0..<Int.random(in: 2...3, using: &random)).map { _ in
            String(consonants.randomElement(using: &random)!) + vowels.randomElement(using: &random)!
        }.joined() + String(consonants.randomElement(using: &random)!)
    }
}
