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

    @Test func aWordPressExportIsReportedByADryRunAndACutOffOneIsRefusedWithItsPlace() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-wxr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let export = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
            <title>صحيفة</title>
            <wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_blog_url>https://news.example</wp:base_blog_url>
            <item><title>خبر</title><wp:post_id>41</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
            <content:encoded><![CDATA[فقرة.\r\n\r\n<script>alert(1)</script>]]></content:encoded>
            <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_approved>1</wp:comment_approved></wp:comment></item>
            <item><title>صفحة</title><wp:post_id>42</wp:post_id><wp:post_type>page</wp:post_type><wp:status>draft</wp:status></item>
            </channel>
            </rss>

            """
        let file = directory.appendingPathComponent("export.xml")
        try export.write(to: file, atomically: true, encoding: .utf8)
        let report = try run(["import", "wxr", file.path, "--dry-run"])
        #expect(report.status == 0, "\(report.errors)")
        #expect(report.output.contains("WordPress export of «صحيفة» https://news.example, WXR 1.2"))
        #expect(report.output.contains("post: 1 (publish 1)") && report.output.contains("page: 1 (draft 1)"))
        #expect(report.output.contains("comments: 1 (approved 1)"))
        #expect(report.output.contains("script removed by the sanitizer (WordPress IDs): 41"))
        #expect(report.errors.contains("reading:"), "progress is shown")

        let cut = directory.appendingPathComponent("cut.xml")
        try String(export.prefix(export.count - 120)).write(to: cut, atomically: true, encoding: .utf8)
        let refused = try run(["import", "wxr", cut.path, "--dry-run"])
        #expect(refused.status != 0)
        // The second item, cut off, starts on line 12 (the body above holds two Windows line ends).
        #expect(refused.errors.contains("line 12, column 1"), "\(refused.errors)")

        let withoutDryRun = try run(["import", "wxr", file.path])
        #expect(withoutDryRun.status != 0)
        #expect(withoutDryRun.errors.contains("only --dry-run is available yet"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/vips") || ProcessInfo.processInfo.environment["CI"] != nil))
    func theDemoMakesItsPhotosAndRegenerateMakesTheirCopiesAgain() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-photos-\(UUID().uuidString)").path
        let empty = try run(["media", "regenerate", "--data", data])
        #expect(empty.status == 0)
        #expect(empty.output.contains("the library is empty"))
        let demo = try run(["demo", "--data", data])
        #expect(demo.status == 0, "\(demo.errors)")
        #expect(demo.errors.contains("demo photos: 6/6"))
        let copies = URL(fileURLWithPath: data).appendingPathComponent("media/public")
        let before = (FileManager.default.enumerator(atPath: copies.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".webp") }
        #expect(before.count >= 6 * 5, "WebP copies of each photo")
        let again = try run(["media", "regenerate", "--data", data])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("regenerated 6 of 6 photos"))
        #expect(again.output.contains("images/s"))
        #expect(again.errors.contains("regenerating"), "progress is shown")
        let after = (FileManager.default.enumerator(atPath: copies.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".webp") }
        #expect(Set(after) == Set(before), "the same copies, under the same names")
    }
}
