import Foundation
import Testing

/// `minbar import json` and `minbar reindex` as a site owner runs them.
@Suite(.serialized) struct ImportCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let binary = try #require(ServeCommandTests.executable, "build the minbar executable first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func importsGoodLinesAndNamesEachBadOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("articles.jsonl")
        let lines = [
            #"{"slug": "a1", "title": "وزير الدفاع يزور موسكو", "body": "زار وزير الدفاع موسكو.", "category": "سياسة", "tags": ["روسيا"], "published": "2024-01-02", "author": "سلمى"}"#,
            #"{"slug": "a2", "title": "بلا تاريخ", "body": "نص"}"#,
            #"not json"#,
            #"{"slug": "a3", "body": "لا عنوان", "published": "2024-01-03"}"#,
            #"{"slug": "a4", "title": "خبر ثان", "body": "<p>نص <b>HTML</b></p>", "category": "سياسة", "published": "2024-01-04T10:00:00Z"}"#,
            #"{"slug": "a1", "title": "رابط مكرر", "body": "نص", "published": "2024-01-05"}"#,
        ]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let data = directory.appendingPathComponent("data").path
        let result = try run(["import", "json", file.path, "--data", data])
        #expect(result.status == 0)
        #expect(result.output.contains("imported 2 of 6 articles"))
        #expect(result.errors.contains("line 2: published must be YYYY-MM-DD"))
        #expect(result.errors.contains("line 3: not a JSON object"))
        #expect(result.errors.contains("line 4: title is missing"))
        #expect(result.errors.contains("line 6: slug already used: a1"))
        #expect(result.errors.contains("import: 6/6"), "progress is shown")

        let reindex = try run(["reindex", "--data", data])
        #expect(reindex.status == 0)
        #expect(reindex.output.contains("indexed 2 articles"))
    }

    @Test func generatesManyArticlesForBenchmarks() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-generate-\(UUID().uuidString)").path
        let result = try run(["demo", "--data", data, "--articles", "60"])
        #expect(result.status == 0)
        #expect(result.output.contains("generated 60 articles"))
        let again = try run(["demo", "--data", data, "--articles", "2000000"])
        #expect(again.status != 0)
        #expect(again.errors.contains("--articles must be between 0 and 1000000"))
    }
}
