import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinbarCore
import MinbarMedia
import NIOCore
import Testing

@testable import MinbarWeb

/// Files for upload tests, made here (libvips, exiftool) or taken from the shared security
/// fixtures; never downloaded.
enum UploadFiles {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/fixtures/security/xss").standardized

    /// A file of the shared security fixtures, when `shared/` is beside the checkout.
    /// (`MINBAR_TESTS_WITHOUT_SHARED=1` runs the tests as on a machine without it.)
    static func fixture(_ name: String) -> Data? {
        guard ProcessInfo.processInfo.environment["MINBAR_TESTS_WITHOUT_SHARED"] == nil else { return nil }
        return try? Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    /// The shared fixtures' SVGs when they are beside the checkout, and hostile SVGs of our own.
    static func hostileSVGs() -> [(String, Data)] {
        var svgs: [(String, Data)] = [
            ("onload.svg", Data("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.domain)\"/>".utf8)),
            ("script.svg", Data("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8)),
            ("as-image.jpg", Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><iframe src=\"javascript:alert(1)\"/></foreignObject></svg>".utf8)),
        ]
        let shared = ProcessInfo.processInfo.environment["MINBAR_TESTS_WITHOUT_SHARED"] != nil
            ? [] : (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path))?.filter { $0.hasSuffix(".svg") }.sorted() ?? []
        for name in shared { if let data = fixture(name) { svgs.append((name, data)) } }
        return svgs
    }

    /// A small image whose metadata (EXIF, XMP, IPTC, comment) carries XSS payloads: the shared
    /// fixture when it is beside the checkout, else one made here with libvips and exiftool.
    static func payloadImage(_ format: String) async throws -> Data {
        if let shared = fixture("payload_in_all_known_metadata.\(format)") { return shared }
        let directory = try directory()
        let jpeg = directory.appendingPathComponent("payload.jpg")
        try await DemoPhotos.make(1, to: jpeg, width: 229, height: 229)
        var file = jpeg
        if format == "png" {
            file = directory.appendingPathComponent("payload.png")
            try run("vips", ["copy", jpeg.path, file.path])
        }
        let payload = "\"><img src=x onerror=alert(1)><script>alert(2)</script>"
        try run("exiftool", [
            "-m", "-q", "-overwrite_original", "-Comment=\(payload)", "-XMP:Title=\(payload)", "-XMP:Description=\(payload)",
            "-EXIF:ImageDescription=\(payload)", "-EXIF:Artist=\(payload)", "-IPTC:Caption-Abstract=\(payload)", file.path,
        ])
        return try Data(contentsOf: file)
    }

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError("\(tool) \(arguments) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    /// A 1600 × 900 picture with a camera's metadata: GPS, make, model, serial, XMP and IPTC
    /// credits, a comment, and an orientation of 90° (the pixels lie on their side).
    static func cameraPhoto(in directory: URL) async throws -> URL {
        let file = directory.appendingPathComponent("قصف_حلب.jpg")
        // 2400 × 1350, large enough for every copy (the social and schema crops are 1200 wide).
        try await DemoPhotos.make(2, to: file, width: 2400, height: 1350)
        try run("exiftool", [
            "-q", "-overwrite_original", "-GPSLatitude=33.5138", "-GPSLatitudeRef=N", "-GPSLongitude=36.2765", "-GPSLongitudeRef=E",
            "-Make=Canon", "-Model=EOS R5", "-SerialNumber=0123456789", "-Orientation#=6", "-XMP:Creator=مصور", "-IPTC:By-line=Reporter",
            "-Comment=secret source", file.path,
        ])
        return file
    }

    /// A PNG whose header declares 100,000 × 100,000 pixels (a decompression bomb's header).
    static func bombPNG() -> Data {
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        for value in [UInt32(100_000), UInt32(100_000)] { withUnsafeBytes(of: value.bigEndian) { png.append(contentsOf: $0) } }
        png.append(contentsOf: [8, 2, 0, 0, 0, 0, 0, 0, 0])
        png.append(Data(repeating: 0, count: 64))
        return png
    }
}

/// A `multipart/form-data` body as a browser's upload form sends it: the CSRF field first,
/// then each file.
enum MultipartBody {
    static let boundary = "----MinbarTestFormBoundaryQ3mK8z"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    static func make(csrf: String, files: [(name: String, type: String, data: Data)]) -> ByteBuffer {
        var body = Data()
        func line(_ text: String) { body.append(Data((text + "\r\n").utf8)) }
        line("--\(boundary)")
        line("Content-Disposition: form-data; name=\"_csrf\"")
        line("")
        line(csrf)
        for file in files {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"")
            line("Content-Type: \(file.type)")
            line("")
            body.append(file.data)
            line("")
        }
        line("--\(boundary)--")
        return ByteBuffer(data: body)
    }
}

extension TestClientProtocol {
    /// Uploads files from the library's form as a signed-in browser (JSON answers with
    /// `json: true`, as the page's script asks).
    func upload(_ files: [(name: String, type: String, data: Data)], as browser: AdminBrowser, json: Bool = false) async throws -> Page {
        var headers: HTTPFields = [.contentType: MultipartBody.contentType, .cookie: browser.cookie]
        if json { headers[.accept] = "application/json" }
        return try await execute(uri: "/admin/media", method: .post, headers: headers, body: MultipartBody.make(csrf: browser.csrf, files: files)) {
            Page($0)
        }
    }

    /// A served file's bytes and headers.
    func file(_ path: String, headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, HTTPFields, Data) {
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return try await execute(uri: encoded, method: .get, headers: headers) { response in
            (response.status, response.headers, Data(buffer: response.body))
        }
    }
}

extension Page {
    /// The library item a single upload redirected to (`/admin/media/{id}?done=uploaded`).
    var uploadedMediaID: Int64? {
        guard status == .seeOther, let location = headers[.location], location.hasPrefix("/admin/media/") else { return nil }
        return Int64(location.dropFirst("/admin/media/".count).prefix { $0.isNumber })
    }
}

@Suite(.enabled(if: ImageProcessor.isAvailable || ProcessInfo.processInfo.environment["CI"] != nil, "libvips-tools and webp are not installed"))
struct MediaTests {
    /// Uploads the camera photo as an editor and gives it alt text, caption and credit.
    static func uploadCameraPhoto(
        _ client: some TestClientProtocol, as browser: AdminBrowser, harness: AdminHarness, credit: String = "رويترز"
    ) async throws -> MediaItem? {
        let directory = try UploadFiles.directory()
        let photo = try await UploadFiles.cameraPhoto(in: directory)
        let upload = try await client.upload([(photo.lastPathComponent, "image/jpeg", try Data(contentsOf: photo))], as: browser)
        guard let id = upload.uploadedMediaID else { return nil }
        let saved = try await client.post(
            "/admin/media/\(id)", as: browser,
            [("title", "قصف حلب"), ("alt_text", "دخان يتصاعد فوق أحياء حلب"), ("caption", "حلب صباح الجمعة"), ("credit", credit)])
        #expect(saved.status == .seeOther)
        #expect(try await client.get("/admin/media/\(id)", as: browser).status == .ok)
        return try await harness.store.media(id: id)
    }

    @Test func anUploadedPhotoIsUprightAndNoServedCopyKeepsItsCameraMetadata() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let item = try #require(try await Self.uploadCameraPhoto(client, as: editor, harness: harness))
            #expect(item.status == .ready)
            // The pixels lay on their side with "rotate 90°": the copies stand upright.
            #expect(item.width == 1350 && item.height == 2400)
            let names = Set(item.copies.map(\.name))
            for size in ["thumbnail", "medium", "medium_large", "large", "1536x1536", "social", "full"] { #expect(names.contains(size), "\(size)") }
            #expect(item.copies.contains { $0.format == .webp && $0.name == "medium_large" })
            #expect(item.copy("social")?.width == 1200 && item.copy("social")?.height == 630, "\(item.copies.map { "\($0.name) \($0.width)x\($0.height)" })")
            #expect(item.copy("thumbnail")?.width == 150 && item.copy("thumbnail")?.height == 150)
            let directory = try UploadFiles.directory()
            for copy in item.copies {
                let (status, headers, data) = try await client.file(copy.path)
                #expect(status == .ok, "\(copy.path)")
                #expect(headers[.contentType] == copy.format.mimeType)
                let file = directory.appendingPathComponent(UUID().uuidString + "." + copy.format.fileExtension)
                try data.write(to: file)
                let tags = try UploadFiles.run("exiftool", ["-G", "-s", "-a", file.path])
                for leak in ["GPS", "Canon", "EOS R5", "0123456789", "XMP", "IPTC", "secret source", "Orientation"] {
                    #expect(!tags.contains(leak), "\(copy.name) \(copy.format) keeps \(leak)")
                }
                let size = try UploadFiles.run("vipsheader", ["-f", "width", file.path]).trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(Int(size) == copy.width)
            }
            // The original is not kept (the site setting is off) and nothing else is public.
            let root = try #require(harness.mediaRoot)
            let kept = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
            #expect(!kept.contains { $0.hasPrefix("originals/") && $0.hasSuffix(".jpg") })
            #expect(!kept.contains { $0.hasPrefix("work/") && !$0.hasSuffix("work/") && $0 != "work" }, "no upload left in the working folder: \(kept)")
        }
    }

    @Test func hostileFilesAreRefusedInArabicAndLeaveNothingBehind() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            var jpeg = try Data(contentsOf: try await UploadFiles.cameraPhoto(in: try UploadFiles.directory()))
            jpeg = jpeg.prefix(jpeg.count / 3)
            var hostile: [(name: String, type: String, data: Data, says: String)] = [
                ("shell.jpg", "image/jpeg", Data("<?php system($_GET['c']); ?>".utf8), "ليس صورة"),
                ("truncated.jpg", "image/jpeg", jpeg, "تالف أو ناقص"),
                ("bomb.png", "image/png", UploadFiles.bombPNG(), "ميغابكسل"),
                ("empty.jpg", "image/jpeg", Data(), "فارغ"),
            ]
            for (name, svg) in UploadFiles.hostileSVGs() { hostile.append((name, "image/svg+xml", svg, "SVG")) }
            for file in hostile {
                let started = Date()
                let answer = try await client.upload([(file.name, file.type, file.data)], as: editor)
                #expect(answer.status == .unprocessableContent, "\(file.name)")
                #expect(answer.body.contains(file.says), "\(file.name): \(answer.body.between("<main", "</main>") ?? answer.body)")
                #expect(answer.body.contains("lang=\"ar\""))
                #expect(Date().timeIntervalSince(started) < 10, "\(file.name) took long")
                // The server answers at once afterwards.
                #expect(try await client.page("/").status == .ok)
            }
            #expect(try await harness.store.mediaItems(matching: MediaQuery(), timeZone: .gmt).total == 0, "no half-written record")
            let root = try #require(harness.mediaRoot)
            let left = (FileManager.default.enumerator(atPath: root.appendingPathComponent("work").path)?.allObjects ?? []).count
            #expect(left == 0, "no upload left in the working folder")
            // The JavaScript uploader gets the same refusal as JSON.
            let json = try await client.upload([("shell.jpg", "image/jpeg", Data("<?php ?>".utf8))], as: editor, json: true)
            #expect(json.status == .unprocessableContent)
            #expect(json.body.contains("ليس صورة"))
        }
    }

    @Test func aFormUploadOfGoodAndBadFilesShowsEachRefusalAndNoAddressCanWriteOne() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        let photo = try UploadFiles.directory().appendingPathComponent("good.jpg")
        try await DemoPhotos.make(3, to: photo, width: 400, height: 300)
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let mixed = try await client.upload(
                [("good.jpg", "image/jpeg", try Data(contentsOf: photo)), ("shell.jpg", "image/jpeg", Data("<?php echo 1; ?>".utf8))], as: editor)
            #expect(mixed.status == .ok)
            #expect(mixed.body.contains("<p class=\"error-box\" role=\"alert\">«shell.jpg»: الملف ليس صورة"))
            #expect(mixed.body.contains("رُفعت الصور وجُهزت نسخها."))
            #expect(try await harness.store.mediaItems(matching: MediaQuery(), timeZone: .gmt).total == 1)
            // Messages never come from the address.
            let forged = try await client.get("/admin/media?done=%3Cb%3Ehi&refused=%D8%AC%D9%84%D8%B3%D8%AA%D9%83+%D8%A7%D9%86%D8%AA%D9%87%D8%AA", as: editor)
            #expect(!forged.body.contains("error-box") && !forged.body.contains("&lt;b&gt;hi") && !forged.body.contains("<b>hi"))
            #expect(!forged.body.contains("جلستك انتهت") && !forged.body.contains("class=\"notice\""))
        }
    }

    @Test func aFileOverTheLimitIsRefusedWithTheLimitNamed() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        try await harness.app.test(.router) { client in
            // The owner lowers the limit in the settings (a bad value is refused beside the field).
            let owner = try await client.signIn(as: .administrator)
            let settings: [(String, String)] = [("name", "موقع"), ("language", "ar"), ("time_zone", "UTC"), ("articles_per_page", "10")]
            let bad = try await client.post("/admin/settings", as: owner, settings + [("media_maximum_megabytes", "0"), ("media_maximum_megapixels", "50")])
            #expect(bad.status == .badRequest)
            #expect(bad.fieldError("media_limits")?.contains("بين 1 و200 ميغابايت") == true)
            let saved = try await client.post("/admin/settings", as: owner, settings + [("media_maximum_megabytes", "1"), ("media_maximum_megapixels", "50")])
            #expect(saved.status == .seeOther)
            #expect(try await harness.store.siteSettings().mediaMaximumMegabytes == 1)
            let editor = try await client.signIn(as: .editor)
            let form = try await client.get("/admin/media", as: editor)
            #expect(form.body.contains("حتى <bdi>1</bdi> ميغابايت"))
            let big = try await client.upload([("big.jpg", "image/jpeg", Data(repeating: 0xFF, count: 1_500_000))], as: editor)
            #expect(big.status == .contentTooLarge, "\(big.body.between("<main", "</main>") ?? "")")
            #expect(big.body.contains("أكبر من 1 ميغابايت"))
            // (A body whose Content-Length is larger than any form may send is refused from its
            // headers before a byte is read: e2e/test_media.py checks that over a real socket.)
            #expect(try await harness.store.mediaItems(matching: MediaQuery(), timeZone: .gmt).total == 0)
        }
    }

    @Test func uploadsNeedTheFormsTokenAndAnAccount() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        let png = try await UploadFiles.payloadImage("png")
        try await harness.app.test(.router) { client in
            // No account: the library and the upload are closed.
            let library = try await client.page("/admin/media")
            #expect(library.status == .seeOther)
            #expect(library.headers[.location]?.hasPrefix("/admin/login") == true)
            let anonymous = try await client.execute(
                uri: "/admin/media", method: .post, headers: [.contentType: MultipartBody.contentType],
                body: MultipartBody.make(csrf: "x", files: [("a.png", "image/png", png)])
            ) { Page($0) }
            #expect(anonymous.status == .forbidden || anonymous.status == .seeOther)
            // A forged token.
            let editor = try await client.signIn(as: .editor)
            let forged = AdminBrowser(cookie: editor.cookie, csrf: "forged-token")
            #expect(try await client.upload([("a.png", "image/png", png)], as: forged).status == .forbidden)
            #expect(try await harness.store.mediaItems(matching: MediaQuery(), timeZone: .gmt).total == 0)
        }
    }

    @Test func contributorsManageTheirOwnPhotosAndEditorsEveryone() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        let png = try await UploadFiles.payloadImage("png")
        try await harness.app.test(.router) { client in
            let contributor = try await client.signIn(as: .contributor)
            let author = try await client.signIn(as: .author)
            let editor = try await client.signIn(as: .editor)
            let mine = try #require(try await client.upload([("mine.png", "image/png", png)], as: contributor).uploadedMediaID)
            let theirs = try #require(try await client.upload([("theirs.png", "image/png", png)], as: author).uploadedMediaID)
            // Their own: edited; someone else's: refused.
            #expect(try await client.post("/admin/media/\(mine)", as: contributor, [("title", "صورتي"), ("alt_text", "وصف")]).status == .seeOther)
            #expect(try await client.post("/admin/media/\(theirs)", as: contributor, [("title", "ليست لي")]).status == .forbidden)
            #expect(try await client.post("/admin/media/\(theirs)/delete", as: contributor, []).status == .forbidden)
            #expect(try await harness.store.media(id: theirs)?.title != "ليست لي")
            // "Mine only" in the library lists their own.
            let list = try await client.get("/admin/media?mine=1&view=list", as: contributor)
            #expect(list.body.contains("صورتي") && !list.body.contains("theirs"))
            // An editor edits and deletes anyone's.
            #expect(try await client.post("/admin/media/\(mine)", as: editor, [("title", "عدّلها المحرر"), ("alt_text", "وصف")]).status == .seeOther)
            #expect(try await client.post("/admin/media/\(theirs)/delete", as: editor, []).status == .seeOther)
            #expect(try await harness.store.media(id: theirs) == nil)
        }
    }

    @Test func theLibraryFindsPhotosByFoldedArabicAndFiltersByMonthTypeAndUse() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        let png = try await UploadFiles.payloadImage("png")
        let jpeg = try await UploadFiles.payloadImage("jpg")
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let first = try #require(try await client.upload([("a.png", "image/png", png)], as: editor).uploadedMediaID)
            let second = try #require(try await client.upload([("b.jpg", "image/jpeg", jpeg)], as: editor).uploadedMediaID)
            _ = try await client.post("/admin/media/\(first)", as: editor, [("title", "مؤتمر صحفي"), ("alt_text", "وزير الخارجية أمام الصحفيين"), ("credit", "وكالة الأنباء")])
            _ = try await client.post("/admin/media/\(second)", as: editor, [("title", "ملعب"), ("alt_text", "جمهور في المدرجات")])
            func titles(_ query: String) async throws -> [String] {
                let page = try await client.get("/admin/media?view=list&" + query, as: editor)
                return ["مؤتمر صحفي", "ملعب"].filter { page.body.contains(">\($0)<") }
            }
            // Alt text, credit: found with other spellings of alef, ta marbuta and the article.
            #expect(try await titles("q=" + "الوزير".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!) == ["مؤتمر صحفي"])
            #expect(try await titles("q=" + "وكاله".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!) == ["مؤتمر صحفي"])
            #expect(try await titles("q=" + "المدرجات".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!) == ["ملعب"])
            #expect(try await titles("type=png") == ["مؤتمر صحفي"])
            // The month filter lists the months that have photos.
            let library = try await client.get("/admin/media", as: editor)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try await harness.store.siteSettings().resolvedTimeZone
            let parts = calendar.dateComponents([.year, .month], from: Date())
            let thisMonth = String(format: "%04d-%02d", parts.year!, parts.month!)
            #expect(library.body.contains("<option value=\"\(thisMonth)\""))
            #expect(library.body.components(separatedBy: "<option value=\"20").count == 2, "one month with photos")
            #expect(try await titles("month=\(thisMonth)").count == 2)
            #expect(try await titles("month=2001-01").isEmpty)
            // "Unused": once one is an article's featured image, only the other is unused.
            _ = try await client.post("/admin/articles/new", as: editor, AdminTests.article("مقال", [("do", "publish"), ("featured_media", "\(first)")]))
            #expect(try await titles("unused=1") == ["ملعب"])
        }
    }

    @Test func aPhotoInUseIsNotDeletedAndNeedsAltTextToBeFeatured() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        let png = try await UploadFiles.payloadImage("png")
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let id = try #require(try await client.upload([("photo.png", "image/png", png)], as: editor).uploadedMediaID)
            // Without alt text it cannot be the featured image: an Arabic message beside the field.
            let refused = try await client.post("/admin/articles/new", as: editor, AdminTests.article("مقال بصورة", [("do", "publish"), ("featured_media", "\(id)")]))
            #expect(refused.status == .badRequest)
            #expect(refused.fieldError("featured_image_url")?.contains("أضف نصاً بديلاً") == true)
            _ = try await client.post("/admin/media/\(id)", as: editor, [("title", "صورة"), ("alt_text", "وصف الصورة")])
            let saved = try await client.post("/admin/articles/new", as: editor, AdminTests.article("مقال بصورة", [("do", "publish"), ("featured_media", "\(id)")]))
            let articleID = try #require(saved.savedArticleID)
            // In use: deleting is refused and names the article.
            let delete = try await client.post("/admin/media/\(id)/delete", as: editor, [])
            #expect(delete.status == .conflict)
            #expect(delete.body.contains("مقال بصورة"))
            #expect(try await harness.store.media(id: id) != nil)
            let item = try #require(try await harness.store.media(id: id))
            let fullPath = try #require(item.fullPath)
            #expect(try await client.file(fullPath).0 == .ok)
            // Once no article uses it, it goes, files and all.
            _ = try await client.post("/admin/articles/\(articleID)", as: editor, AdminTests.article("مقال بصورة", [("do", "publish"), ("featured_media", ""), ("revision", "1")]))
            #expect(try await client.post("/admin/media/\(id)/delete", as: editor, []).status == .seeOther)
            #expect(try await client.file(fullPath).0 == .notFound)
        }
    }

    @Test func thePublicPageShowsTheFeaturedPhotoWithSrcsetCreditAndSocialCopies() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let item = try #require(try await Self.uploadCameraPhoto(client, as: editor, harness: harness, credit: "<script>alert('credit')</script>وكالة"))
            let snippet = "<figure><img src=\"\(item.copy("medium_large", format: .jpeg)!.path)\" alt=\"صورة في النص\" width=\"768\" height=\"1365\"></figure>"
            let saved = try await client.post(
                "/admin/articles/new", as: editor,
                AdminTests.article("مقال بصورة بارزة", [("do", "publish"), ("featured_media", "\(item.id)")]).map {
                    $0.0 == "body" ? ("body", "فقرة.\r\n\r\n" + snippet) : $0
                })
            let articleID = try #require(saved.savedArticleID)
            let article = try #require(try await harness.store.article(id: articleID))
            let page = try await client.page(try await harness.test.path(of: article))
            #expect(page.status == .ok)
            let figure = try #require(page.body.between("<figure class=\"article-image\">", "</figure>"))
            #expect(figure.contains("<source type=\"image/webp\" srcset=\""))
            #expect(figure.contains(" 768w"))
            #expect(figure.contains("sizes=\"(min-width: 44rem) 42rem, calc(100vw - 2rem)\""))
            #expect(figure.contains("width=\"") && figure.contains("height=\""))
            #expect(!figure.contains("loading=\"lazy\""), "the lead image loads at once")
            #expect(figure.contains("حلب صباح الجمعة"))
            #expect(figure.contains("&lt;script&gt;alert(&#39;credit&#39;)&lt;/script&gt;وكالة") || figure.contains("&lt;script&gt;"))
            #expect(!page.body.contains("<script>alert('credit')"))
            // The body's library image gets its srcset and loads lazily.
            let body = try #require(page.body.between("<div class=\"article-body\">", "</div>"))
            #expect(body.contains("<picture><source type=\"image/webp\""))
            #expect(body.contains("loading=\"lazy\""))
            // Social cards: the 1200×630 copy; JSON-LD: the three crops, credited.
            let social = try #require(item.copy("social", format: .jpeg))
            #expect(page.body.contains("<meta property=\"og:image\" content=\"http://127.0.0.1:8080\(social.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)\">") || page.body.contains("-1200x630.jpg\">"))
            #expect(page.body.contains("<meta property=\"og:image:width\" content=\"1200\">"))
            #expect(page.body.contains("<meta name=\"twitter:image\""))
            #expect(page.body.contains("-1200x1200.jpg") && page.body.contains("-1200x900.jpg") && page.body.contains("-1200x675.jpg"))
            #expect(page.body.contains("\"creditText\":\"\\u003cscript\\u003ealert('credit')\\u003c/script\\u003eوكالة\"") || page.body.contains("\"creditText\""))
            #expect(page.body.contains("\"copyrightHolder\""))
            // Feeds point to a copy of at most 1024 px, with its type and length.
            let rss = try await client.page("/feed/")
            #expect(rss.body.contains("<enclosure url=\"") && rss.body.contains("type=\"image/jpeg\""))
            #expect(rss.body.contains("-576x1024.jpg"))
        }
    }

    @Test func payloadsInMetadataAndFileNamesNeverReachAPageOrTheAPIUnescaped() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        let jpeg = try await UploadFiles.payloadImage("jpg")
        let hostileName = "\"><img src=x onerror=alert(1)><script>alert(2)</script>.jpg"
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let id = try #require(try await client.upload([(hostileName, "image/jpeg", jpeg)], as: editor).uploadedMediaID)
            _ = try await client.post("/admin/media/\(id)", as: editor, [("title", "<script>alert(3)</script>"), ("alt_text", "\" onload=\"alert(4)"), ("caption", "<b>x</b>"), ("credit", "<i>y</i>")])
            let saved = try await client.post("/admin/articles/new", as: editor, AdminTests.article("صورة بحمولة", [("do", "publish"), ("featured_media", "\(id)")]))
            let articleID = try #require(saved.savedArticleID)
            let article = try #require(try await harness.store.article(id: articleID))
            let item = try #require(try await harness.store.media(id: id))
            // Nothing of the file's metadata was read into the item.
            #expect(!item.title.contains("alert") || item.title == "<script>alert(3)</script>")
            // The editor's picker gets JSON (its script builds the list with DOM calls, never markup).
            let picker = try await client.get("/admin/media?picker=1", as: editor)
            #expect(picker.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(picker.body.contains("\"title\""))
            for uri in ["/admin/media", "/admin/media?view=list", "/admin/media/\(id)", "/admin/articles/\(articleID)"] {
                let page = try await client.get(uri, as: editor)
                for raw in ["<img src=x", "<script>alert", "onload=\"alert", "<b>x</b>", "<i>y</i>"] { #expect(!page.body.contains(raw), "\(uri) has \(raw)") }
            }
            for uri in [try await harness.test.path(of: article), "/feed/", "/feed/atom/", "/feed.json", "/api/search?q=%D8%B5%D9%88%D8%B1%D8%A9"] {
                let page = try await client.page(uri)
                #expect(page.status == .ok, "\(uri)")
                for raw in ["<img src=x", "<script>alert", "onload=\"alert", "<b>x</b>", "<i>y</i>"] { #expect(!page.body.contains(raw), "\(uri) has \(raw)") }
            }
            // The served file carries none of the payloads.
            let (_, _, data) = try await client.file(try #require(item.fullPath))
            #expect(!String(decoding: data, as: UTF8.self).contains("alert("))
        }
    }

    @Test func mediaFilesAreCachedForAYearAndAnswerRangesAndRevalidation() async throws {
        let harness = try await AdminHarness.make(withMedia: true)
        let png = try await UploadFiles.payloadImage("png")
        try await harness.app.test(.router) { client in
            let editor = try await client.signIn(as: .editor)
            let photo = try UploadFiles.directory().appendingPathComponent("photo.jpg")
            try await DemoPhotos.make(0, to: photo, width: 800, height: 450)
            let id = try #require(try await client.upload([("photo.jpg", "image/jpeg", try Data(contentsOf: photo))], as: editor).uploadedMediaID)
            let payloadID = try #require(try await client.upload([("payload.png", "image/png", png)], as: editor).uploadedMediaID)
            let payloadFile = try #require(try await harness.store.media(id: payloadID)?.fullPath)
            let item = try #require(try await harness.store.media(id: id))
            let webp = try #require(item.copies.first { $0.format == .webp })
            let (status, headers, data) = try await client.file(webp.path)
            #expect(status == .ok)
            #expect(headers[.contentType] == "image/webp")
            #expect(headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(headers[.xContentTypeOptions] == "nosniff")
            #expect(data.count == webp.bytes)
            let etag = try #require(headers[.eTag])
            #expect(try await client.file(webp.path, headers: [.ifNoneMatch: etag]).0 == .notModified)
            let (partial, rangeHeaders, slice) = try await client.file(webp.path, headers: [.range: "bytes=0-9"])
            #expect(partial == .partialContent)
            #expect(rangeHeaders[.contentRange] == "bytes 0-9/\(webp.bytes)")
            #expect(slice == data.prefix(10))
            #expect(try await client.file(webp.path, headers: [.range: "bytes=\(webp.bytes + 10)-"]).0 == .rangeNotSatisfiable)
            // Nothing but the copies: no originals, no working files, no climbing out, no SVG.
            for path in ["/media/../minbar.sqlite", "/media/%2e%2e/work", "/media/originals/x.jpg", "/media/x.svg", "/media/2026/none.jpg"] {
                #expect(try await client.file(path).0 == .notFound, "\(path)")
            }
            // The payload in the PNG's metadata went with the metadata.
            let (_, payloadHeaders, payloadData) = try await client.file(payloadFile)
            #expect(payloadHeaders[.contentType] == "image/png")
            #expect(!String(decoding: payloadData, as: UTF8.self).contains("<script"))
            let libraryPage = try await client.get("/admin/media?view=list", as: editor)
            #expect(!libraryPage.body.contains("<script>alert"))
        }
    }
}
