import Foundation
import HTTPTypes
import Hummingbird
import MinbarArabic
import MinbarCore
import MinbarMedia

/// The media library at `/admin/media`: upload (a plain file input, or drag and drop with
/// per-file progress), grid and list, search and filters, each item's details and uses.
extension AdminSite {
    static let mediaPageSize = 40

    func mediaService() throws -> MediaService {
        guard let media else { throw AdminError.notFound }
        return media
    }

    // MARK: Library

    /// GET /admin/media: the library; `?picker=1` answers JSON for the editor's image picker.
    /// `uploadErrors`: the refusals of an upload just made (shown above the library, never
    /// carried in the address, where anyone could write a message of their own).
    func mediaLibrary(_ request: Request, uploadErrors: [String] = [], uploaded: Bool = false) async -> Response {
        await page(request) { visitor in
            let media = try mediaService()
            let parameters = request.uri.queryParameters
            let language = visitor.language
            var query = MediaQuery()
            let text = parameters.get("q")?.trimmingCharacters(in: .whitespaces) ?? ""
            if !text.isEmpty { query.text = text }
            let monthValue = parameters.get("month") ?? ""
            let monthParts = monthValue.split(separator: "-").compactMap { Int($0) }
            if monthParts.count == 2, (1...12).contains(monthParts[1]) { query.month = (monthParts[0], monthParts[1]) }
            let formatValue = parameters.get("type") ?? ""
            query.format = ImageFormat(rawValue: formatValue)
            query.unusedOnly = parameters.get("unused") == "1"
            if parameters.get("mine") == "1" { query.ownerID = visitor.user.id }
            let pageNumber = max(1, parameters.get("page").flatMap { Int($0) } ?? 1)
            query.offset = (pageNumber - 1) * Self.mediaPageSize
            query.limit = Self.mediaPageSize
            let formatter = dateFormatter(visitor)
            if parameters.get("picker") == "1" {
                query.readyOnly = true
                let (items, _) = try await media.library.mediaItems(matching: query, timeZone: site.currentSettings.resolvedTimeZone)
                return jsonResponse(["items": items.map { PickerItem($0) }])
            }
            let (items, total) = try await media.library.mediaItems(matching: query, timeZone: site.currentSettings.resolvedTimeZone)
            let listView = parameters.get("view") == "list"
            let totalPages = max(1, (total + Self.mediaPageSize - 1) / Self.mediaPageSize)
            func link(_ changes: [String: String?]) -> String {
                var values: [String: String] = [:]
                for key in ["q", "month", "type", "unused", "mine", "view", "page"] { if let value = parameters.get(key), !value.isEmpty { values[key] = value } }
                for (key, value) in changes { values[key] = value }
                var components = URLComponents()
                components.path = "/admin/media"
                components.queryItems = values.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
                return components.string ?? "/admin/media"
            }
            // The months with uploads, newest first (for the filter).
            let months: [[String: Any]] = try await media.library.mediaMonths(timeZone: site.currentSettings.resolvedTimeZone).map { year, month in
                let value = String(format: "%04d-%02d", year, month)
                return ["value": value, "label": formatter.monthString(year: year, month: month), "selected": value == monthValue]
            }
            let view = frame(
                visitor, title: AdminStrings.text("media", language),
                extra: [
                    "items": items.map { mediaRow($0, visitor: visitor, formatter: formatter) }, "hasItems": !items.isEmpty,
                    "total": formatter.digits.format(total), "q": text, "months": months,
                    "types": ImageFormat.allCases.map { ["value": $0.rawValue, "label": $0.rawValue.uppercased(), "selected": $0.rawValue == formatValue] },
                    "unused": query.unusedOnly, "mine": query.ownerID != nil, "listView": listView,
                    "gridURL": link(["view": nil]), "listURL": link(["view": "list"]),
                    "prevURL": (pageNumber > 1 ? link(["page": String(pageNumber - 1)]) : nil) as Any,
                    "nextURL": (pageNumber < totalPages ? link(["page": String(pageNumber + 1)]) : nil) as Any,
                    "page": formatter.digits.format(pageNumber), "totalPages": formatter.digits.format(totalPages),
                    "maxMegabytes": formatter.digits.format(site.currentSettings.mediaMaximumMegabytes),
                    "maxBytes": media.maximumUploadBytes,
                    "maxMegapixels": formatter.digits.format(site.currentSettings.mediaMaximumMegapixels),
                    "notice": (uploaded ? "uploaded" : parameters.get("done")).flatMap { ["uploaded", "deleted", "saved"].contains($0) ? AdminStrings.text("media_done_" + $0, language) : nil } as Any,
                    "uploadErrors": (uploadErrors.isEmpty ? nil : uploadErrors) as Any,
                ])
            return htmlResponse(render("media", view: view))
        }
    }

    func mediaRow(_ item: MediaItem, visitor: Visitor, formatter: ArabicDateFormatter) -> [String: Any] {
        let thumb = item.thumbnailCopy
        return [
            "id": item.id, "title": item.title, "alt": item.altText, "credit": item.credit, "hasAlt": !item.altText.isEmpty,
            "thumb": thumb?.path as Any, "format": item.format.rawValue.uppercased(),
            "size": formatter.digits.apply(to: "\(item.width)×\(item.height)"), "date": formatter.dateTime(item.uploadedAt),
            "canManage": visitor.permissions.canManageMedia(ownerID: item.ownerID),
            "ready": item.status == .ready, "status": AdminStrings.text("media_status_" + item.status.rawValue, visitor.language),
        ]
    }

    /// What the editor's picker shows of an item.
    struct PickerItem: Encodable {
        var id: Int64
        var title: String
        var alt: String
        var caption: String
        var credit: String
        var thumb: String
        var src: String
        var width: Int
        var height: Int

        init(_ item: MediaItem) {
            id = item.id
            title = item.title
            alt = item.altText
            caption = item.caption
            credit = item.credit
            thumb = item.thumbnailCopy?.path ?? ""
            let body = item.displayCopy
            src = body?.path ?? ""
            width = body?.width ?? item.width
            height = body?.height ?? item.height
        }
    }

    // MARK: Upload

    /// POST /admin/media: one or many files (multipart, streamed to disk). A browser form gets
    /// the library back with a notice; the JavaScript uploader (`Accept: application/json`)
    /// gets each file's item or refusal as JSON.
    func uploadMedia(_ request: Request) async -> Response {
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        guard let visitor = await visitor(request) else {
            return wantsJSON
                ? jsonResponse(status: .unauthorized, ["error": "signed out"])
                : errorPage(.forbidden(LocalizedText(ar: "انتهت جلستك؛ سجّل الدخول من جديد.", en: "Your session has ended; sign in again.")), language: language(of: request), visitor: nil)
        }
        let language = visitor.language
        func refuse(_ status: HTTPResponse.Status, _ message: LocalizedText) -> Response {
            if wantsJSON { return jsonResponse(status: status, ["error": message.text(for: language)]) }
            var page = errorPage(.badRequest(message), language: language, visitor: visitor)
            page.status = status
            return page
        }
        guard let media = self.media else { return refuse(.notFound, LocalizedText(ar: "مكتبة الوسائط غير متاحة.", en: "The media library is not available.")) }
        guard let boundary = MultipartUpload.boundary(of: request.headers[.contentType]) else {
            return refuse(.badRequest, LocalizedText(ar: "أرسل الصور من نموذج الرفع.", en: "Send the photos from the upload form."))
        }
        let limit = media.maximumUploadBytes
        let megabytes = site.currentSettings.mediaMaximumMegabytes
        let tooLarge = { (name: String) in
            LocalizedText(
                ar: "الملف «\(name)» أكبر من \(megabytes) ميغابايت، الحد المسموح؛ صغّره ثم ارفعه.",
                en: "The file “\(name)” is larger than the \(megabytes) MB limit; make it smaller and upload it again.")
        }
        // Refused before reading a byte of it when the request says it is too large for even
        // the most files a form may send.
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit * 20 + 1_000_000 {
            return refuse(.contentTooLarge, tooLarge(AdminStrings.text("media_the_upload", language)))
        }
        let csrf = visitor.session.csrfToken
        let upload: MultipartUpload
        do {
            upload = try await MultipartUpload.read(
                request, boundary: boundary, maximumFileBytes: limit, store: media.files, headerToken: request.headers[.init("X-CSRF-Token")!],
                checkCSRF: { Tokens.equal($0, csrf) })
        } catch MultipartUpload.Problem.tooLarge(let name, _) {
            return refuse(.contentTooLarge, tooLarge(name))
        } catch MultipartUpload.Problem.csrf {
            return wantsJSON ? jsonResponse(status: .forbidden, ["error": "csrf"]) : errorPage(.csrf, language: language, visitor: visitor)
        } catch {
            return refuse(.badRequest, LocalizedText(ar: "تعذّرت قراءة الملفات المرسلة؛ أعد المحاولة.", en: "The files sent could not be read; try again."))
        }
        guard !upload.files.isEmpty else {
            return refuse(.badRequest, LocalizedText(ar: "اختر صورة واحدة على الأقل.", en: "Choose at least one photo."))
        }
        var made: [MediaItem] = []
        var refusals: [(String, LocalizedText)] = []
        for file in upload.files {
            do {
                switch try await media.ingest(file.url, originalName: file.filename, sha256: file.sha256, ownerID: visitor.user.id) {
                case .success(let item): made.append(item)
                case .failure(let refusal): refusals.append((file.filename, refusal.message))
                }
            } catch {
                logger.error("media upload of \(file.filename) failed: \(error)")
                refusals.append((file.filename, LocalizedText(ar: "تعذّر حفظ الصورة؛ أعد المحاولة.", en: "The photo could not be saved; try again.")))
            }
        }
        if wantsJSON {
            let status: HTTPResponse.Status = made.isEmpty ? .unprocessableContent : .ok
            return jsonResponse(
                status: status,
                UploadAnswer(
                    items: made.map { PickerItem($0) }, url: made.first.map { "/admin/media/\($0.id)" },
                    errors: refusals.map { "«\($0.0)»: " + $0.1.text(for: language) }))
        }
        if made.isEmpty {
            return htmlResponse(
                status: .unprocessableContent,
                render("error", view: frame(visitor, title: AdminStrings.text("error", language), extra: [
                    "message": refusals.map { "«\($0.0)»: " + $0.1.text(for: language) }.joined(separator: " "),
                ])))
        }
        if made.count == 1, refusals.isEmpty { return redirect("/admin/media/\(made[0].id)?done=uploaded") }
        if refusals.isEmpty { return redirect("/admin/media?done=uploaded") }
        // Some made, some refused: the library at once, with each refusal and its reason.
        return await mediaLibrary(request, uploadErrors: refusals.map { "«\($0.0)»: " + $0.1.text(for: language) }, uploaded: true)
    }

    struct UploadAnswer: Encodable {
        var items: [PickerItem]
        var url: String?
        var errors: [String]
    }

    // MARK: One item

    /// GET /admin/media/{id}: the photo, its details form, its copies and the articles using it.
    func mediaItemPage(_ request: Request, id: Int64) async -> Response {
        await page(request) { visitor in
            let media = try mediaService()
            guard let item = try await media.library.media(id: id) else { throw AdminError.notFound }
            let notice = request.uri.queryParameters.get("done").flatMap {
                ["uploaded", "saved"].contains($0) ? AdminStrings.text("media_done_" + $0, visitor.language) : nil
            }
            return try await mediaItemView(visitor, item: item, errors: [], notice: notice)
        }
    }

    func mediaItemView(
        _ visitor: Visitor, item: MediaItem, errors: [FieldError], typed: MediaDetails? = nil, notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let media = try mediaService()
        let formatter = dateFormatter(visitor)
        let uses = try await media.library.mediaUses(id: item.id)
        let details = typed ?? MediaDetails(title: item.title, altText: item.altText, caption: item.caption, credit: item.credit)
        let preview = item.copy("large", format: .webp) ?? item.copy("medium_large", format: .webp) ?? item.copy("full")
        let body = PickerItem(item)
        let snippet = MediaFigure.html(src: body.src, alt: item.altText, width: body.width, height: body.height, caption: item.caption, credit: item.credit)
        let view = frame(
            visitor, title: item.title,
            extra: [
                "item": mediaRow(item, visitor: visitor, formatter: formatter).merging([
                    "preview": preview?.path as Any, "originalName": item.originalName,
                    "copies": item.copies.sorted { ($0.width, $0.format.rawValue) < ($1.width, $1.format.rawValue) }.map {
                        [
                            "name": $0.name, "format": $0.format.rawValue.uppercased(), "path": $0.path,
                            "size": formatter.digits.apply(to: "\($0.width)×\($0.height)"),
                            "kb": formatter.digits.format(max(1, ($0.bytes + 512) / 1024)),
                        ] as [String: Any]
                    },
                    "snippet": snippet,
                ]) { $1 },
                "details": ["title": details.title, "alt": details.altText, "caption": details.caption, "credit": details.credit],
                "uses": uses.map {
                    ["id": $0.articleID, "title": $0.title, "status": AdminStrings.status($0.status, visitor.language), "featured": $0.asFeaturedImage] as [String: Any]
                },
                "hasUses": !uses.isEmpty,
                "errors": errors.messagesByField(in: visitor.language), "hasErrors": !errors.isEmpty,
                "errorList": errors.map { ["field": $0.field, "message": $0.message.text(for: visitor.language)] },
                "notice": notice as Any,
            ])
        return htmlResponse(status: status, render("mediaItem", view: view))
    }

    /// POST /admin/media/{id}: title, alt text, caption and credit.
    func saveMediaItem(_ request: Request, id: Int64) async -> Response {
        await action(request) { visitor, form in
            let media = try mediaService()
            guard let item = try await media.library.media(id: id) else { throw AdminError.notFound }
            guard visitor.permissions.canManageMedia(ownerID: item.ownerID) else { throw AdminError.notAllowed }
            let details = MediaDetails(title: form["title"], altText: form["alt_text"], caption: form["caption"], credit: form["credit"])
            do {
                _ = try await media.library.saveMediaDetails(id: id, details)
            } catch let error as ValidationError {
                return try await mediaItemView(visitor, item: item, errors: error.errors, typed: details, status: .badRequest)
            }
            // Pages showing it (its caption, credit, alt text) are rendered anew.
            await publicContentChanged()
            return redirect("/admin/media/\(id)?done=saved")
        }
    }

    /// POST /admin/media/{id}/delete: refused, with the articles named, while any uses it.
    func deleteMediaItem(_ request: Request, id: Int64) async -> Response {
        await action(request) { visitor, _ in
            let media = try mediaService()
            guard let item = try await media.library.media(id: id) else { throw AdminError.notFound }
            guard visitor.permissions.canManageMedia(ownerID: item.ownerID) else { throw AdminError.notAllowed }
            do {
                try await media.delete(id: id)
            } catch let error as ContentStoreError {
                guard case .inUse = error else { throw error }
                return try await mediaItemView(visitor, item: item, errors: [error.fieldError], status: .conflict)
            }
            return redirect("/admin/media?done=deleted")
        }
    }
}

/// The HTML of a library photo inserted into an article's body: a figure with its caption and
/// credit, which the sanitizer keeps and the theme gives `srcset`.
enum MediaFigure {
    static func html(src: String, alt: String, width: Int, height: Int, caption: String, credit: String) -> String {
        var html = "<figure><img src=\"\(HTMLText.escape(src))\" alt=\"\(HTMLText.escape(alt))\" width=\"\(width)\" height=\"\(height)\">"
        let parts = [caption, credit.isEmpty ? "" : "<small>" + HTMLText.escape(credit) + "</small>"]
        if !caption.isEmpty || !credit.isEmpty {
            html += "<figcaption>" + [HTMLText.escape(parts[0]), parts[1]].filter { !$0.isEmpty }.joined(separator: " ") + "</figcaption>"
        }
        return html + "</figure>"
    }
}
