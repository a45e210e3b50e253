import Foundation
import Testing

@testable import MinbarWeb

/// The search API writes its answer by hand; it must be the JSON Foundation's encoder writes.
@Suite struct JSONTextTests {
    @Test func theSearchAnswerIsWhatJSONEncoderWrites() throws {
        let texts = [
            "", "وزير الدفاع", "\"quoted\" \\ back/slash", "<mark>شويغو</mark> … & 'x'", "tab\there\nline\r\u{08}\u{0C}\u{01}\u{1F}",
            "emoji 😀 and \u{2028}\u{2029}", "https://example.com/2015/12/21/%D8%AA/",
        ]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let results = (0..<(round % 4)).map { index in
                SearchAPI.Result(
                    slug: texts[(round + index) % texts.count], title: texts[(round + index + 1) % texts.count],
                    url: texts[(round + 2 * index) % texts.count], snippet: texts[(index + 3) % texts.count],
                    score: [0, 1, 12.345, -3.5, 1e-3, 123_456.789, Double(Int.random(in: 0...100_000, using: &generator)) / 1000][(round + index) % 7],
                    published: "2015-12-21T12:00:00+02:00")
            }
            let answer = SearchAPI.Answer(
                total: round * 7, more: [nil, true, false][round % 3], page: round % 3 + 1, results: results,
                suggestion: round % 2 == 0 ? nil : texts[round % texts.count])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            #expect(answer.json == Array(try encoder.encode(answer)))
        }
    }
}
