import Foundation
import Testing

@testable import MinbarMarkup

@Suite struct WPAutopTests {
    struct Case: Decodable {
        var input: String
        var wpautop: String
        var wpautop_nobr: String
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/wpautop-wordpress-6.1.json")
        return (try? JSONDecoder().decode([Case].self, from: Data(contentsOf: url))) ?? []
    }()

    @Test func everyCaseGivesWhatWordPressItselfGives() {
        #expect(Self.cases.count >= 26)
        for (index, test) in Self.cases.enumerated() {
            #expect(WPAutop.apply(test.input) == test.wpautop, "case \(index): \(test.input.debugDescription)")
            #expect(WPAutop.apply(test.input, lineBreaks: false) == test.wpautop_nobr, "case \(index) without line breaks")
        }
    }

    @Test func arabicTextWithNoBreakSpacesKeepsThem() {
        // ICU's \s would eat U+00A0 at a paragraph's edge; WordPress (PCRE without /u) does not.
        #expect(WPAutop.apply("نص\u{00A0}\n\nفقرة\u{00A0}") == "<p>نص\u{00A0}</p>\n<p>فقرة\u{00A0}</p>\n")
    }
}
