import Foundation
import Testing

@testable import MinbarImport

@Suite struct PHPSerializedTests {
    @Test func attachmentMetadataAsWordPressWritesItIsRead() throws {
        // `_wp_attachment_metadata` of a photo, with an Arabic file name (lengths in UTF-8 bytes).
        let file = "2015/12/صورة.jpg"
        let text = "a:4:{s:5:\"width\";i:1600;s:6:\"height\";i:900;s:4:\"file\";s:\(file.utf8.count):\"\(file)\";"
            + "s:5:\"sizes\";a:1:{s:9:\"thumbnail\";a:3:{s:4:\"file\";s:15:\"x-150x150.jpg\u{20}\u{20}\";s:5:\"width\";i:150;s:6:\"height\";i:150;}}}"
        #expect(PHPSerialized.looksSerialized(text))
        let value = try #require(PHPSerialized.parse(text))
        #expect(value["width"]?.intValue == 1600 && value["height"]?.intValue == 900)
        #expect(value["file"]?.stringValue == file)
        #expect(value["sizes"]?["thumbnail"]?["width"]?.intValue == 150)
    }

    @Test func everyKindOfValueAndNestedArraysKeepTheirOrder() throws {
        let value = try #require(PHPSerialized.parse("a:6:{i:0;N;i:1;b:1;i:2;d:0.5;s:1:\"k\";s:0:\"\";i:9;a:0:{}i:3;O:8:\"stdClass\":1:{s:1:\"a\";i:-4;}}"))
        guard case .array(let pairs) = value else {
            Issue.record("not an array")
            return
        }
        #expect(pairs.map(\.key) == ["0", "1", "2", "k", "9", "3"])
        #expect(value["0"] == .null && value["1"] == .bool(true) && value["2"] == .double(0.5) && value["k"] == .string(""))
        #expect(value["9"] == .array([]))
        #expect(value["3"] == .object(className: "stdClass", fields: [("a", .int(-4))]))
    }

    @Test func wrongLengthsFromACharsetConversionAreReadLeniently() throws {
        // "café" counted as 4 bytes (Latin-1) but UTF-8 has 5; and an Arabic word counted in letters.
        let value = try #require(PHPSerialized.parse("a:2:{s:4:\"name\";s:4:\"café\";s:6:\"credit\";s:5:\"رويترز\";}"))
        #expect(value["name"]?.stringValue == "café")
        #expect(value["credit"]?.stringValue == "رويترز")
    }

    @Test func whatIsNotSerializedIsNotReadAsIfItWere() {
        for text in ["", "plain text", "a:1:{", "s:5:\"abc\"", "a:2:{i:0;i:1;}", "i:12", "x:1;", "a:1:{a:0:{}i:1;}"] {
            #expect(PHPSerialized.parse(text) == nil, "\(text)")
        }
        #expect(!PHPSerialized.looksSerialized("نص عادي"))
        // Deep nesting is refused rather than followed.
        let deep = String(repeating: "a:1:{i:0;", count: 100) + "N;" + String(repeating: "}", count: 100)
        #expect(PHPSerialized.parse(deep) == nil)
    }
}
