import Foundation
import HTTPTypes
import Hummingbird
import MinbarArabic
import MinbarCore

extension AdminSite {
    static let listPageSize = 20

    // MARK: List

    /// GET /admin/articles: filters (status, section, author, breaking), title search, pages.
    func articleList(_ request: Request) async -> Response {
        await page(request) { visitor in
            let parameters = request.uri.queryParameters
            let language = visitor.language
            var query = ArticleQuery()
            let status = parameters.get("status").flatMap(ArticleStatus.init(rawValue:))
            query.statuses = status.map { [$0] } ?? [.draft, .pending, .scheduled, .published]
            let categoryID = parameters.get("category").flatMap { Int64($0) }
            if let categoryID { query.categoryIDs = [categoryID] }
            let authorID = parameters.get("author").flatMap { Int64($0) }
            query.authorID = authorID
            let breakingOnly = parameters.get("breaking") == "1"
            if breakingOnly { query.breakingAt = now }
            let search = parameters.get("q")?.trimmingCharacters(in: .whitespaces) ?? ""
            if !search.isEmpty { query.titleContains = search }
            if !visitor.permissions.canList(ownerID: nil) { query.ownerID = visitor.user.id }
            query.newestChangeFirst = true
            let pageNumber = max(1, parameters.get("page").flatMap { Int($0) } ?? 1)
            query = query.page(pageNumber, perPage: Self.listPageSize)
            let result = try await store.articles(matching: query)
            let formatter = dateFormatter(visitor)
            let counts = try await store.articleCounts()
            let categories = try await store.categories()
            let authors = try await store.authors()
            let builder = site.pageBuilder(try await site.snapshot(at: now), now: now)
            let rows: [[String: Any]] = result.articles.map { article in
                [
                    "id": article.id, "title": article.title, "status": AdminStrings.status(article.status, language),
                    "statusKey": article.status.rawValue,
                    "date": formatter.dateTime(article.publishedAt ?? article.modifiedAt),
                    "section": article.primaryCategory?.name ?? "",
                    "authors": article.authors.map(\.name).joined(separator: "، "),
                    "breaking": article.isBreaking(at: now),
                    "canEdit": visitor.permissions.canEdit(ownerID: article.ownerID, status: article.status),
                    "canFlag": visitor.permissions.canFlagBreaking && article.status != .trashed,
                    "publicURL": (article.isPublic(at: now) ? builder.articleEncodedPath(article) : nil) as Any,
                ] as [String: Any]
            }
            let totalPages = max(1, (result.total + Self.listPageSize - 1) / Self.listPageSize)
            func link(_ page: Int) -> String {
                var items = [URLQueryItem(name: "page", value: String(page))]
                for key in ["status", "category", "author", "breaking", "q"] {
                    if let value = parameters.get(key), !value.isEmpty { items.append(URLQueryItem(name: key, value: value)) }
                }
                var components = URLComponents()
                components.path = "/admin/articles"
                components.queryItems = items
                return components.string ?? "/admin/articles"
            }
            let statusFilters: [[String: Any]] = [ArticleStatus.draft, .pending, .scheduled, .published, .trashed].map {
                ["value": $0.rawValue, "label": AdminStrings.status($0, language), "count": counts[$0] ?? 0, "selected": $0 == status]
            }
            let view = frame(
                visitor, title: AdminStrings.text("articles", language),
                extra: [
                    "articles": rows, "hasArticles": !rows.isEmpty, "total": result.total, "q": search,
                    "statuses": statusFilters, "isTrash": status == .trashed,
                    "categories": categories.map { ["id": $0.id, "name": $0.name, "selected": $0.id == categoryID] },
                    "authors": authors.map { ["id": $0.id, "name": $0.name, "selected": $0.id == authorID] },
                    "breakingOnly": breakingOnly, "page": pageNumber, "totalPages": totalPages,
                    "prevURL": (pageNumber > 1 ? link(pageNumber - 1) : nil) as Any,
                    "nextURL": (pageNumber < totalPages ? link(pageNumber + 1) : nil) as Any,
                    "notice": parameters.get("done").map { AdminStrings.text("done_" + $0, language) } as Any,
                ])
            return htmlResponse(render("articles", view: view))
        }
    }

    /// POST /admin/articles/bulk: trash or restore many articles at once.
    func bulkArticles(_ request: Request) async -> Response {
        await action(request) { visitor, form in
            let (ids, bad) = form.ids("ids")
            guard bad.isEmpty else { throw AdminError.badRequest(LocalizedText(ar: "معرّفات غير صالحة.", en: "Invalid ids.")) }
            let operation = form["operation"]
            guard ["trash", "restore"].contains(operation) else {
                throw AdminError.badRequest(LocalizedText(ar: "اختر إجراءً: نقل إلى المهملات أو استعادة.", en: "Choose an action: trash or restore."))
            }
            // Every article is checked before any changes.
            var articles: [Article] = []
            for id in ids {
                guard let article = try await store.article(id: id) else { throw AdminError.notFound }
                guard visitor.permissions.canEdit(ownerID: article.ownerID, status: article.status) else { throw AdminError.notAllowed }
                articles.append(article)
            }
            for article in articles {
                var input = Self.input(from: article)
                input.status = operation == "trash" ? .trashed : .draft
                if operation == "restore", article.status != .trashed { continue }
                input.editorID = visitor.user.id
                try await store.saveArticle(input)
            }
            await publicContentChanged()
            return redirect("/admin/articles?done=\(operation)" + (operation == "restore" ? "&status=trashed" : ""))
        }
    }

    /// POST /admin/articles/{id}/breaking: flags or unflags breaking news in one click.
    func toggleBreaking(_ request: Request, id: Int64) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canFlagBreaking else { throw AdminError.notAllowed }
            guard let article = try await store.article(id: id) else { throw AdminError.notFound }
            var input = Self.input(from: article)
            input.breaking = article.isBreaking(at: now) ? nil : BreakingNews()
            input.editorID = visitor.user.id
            try await store.saveArticle(input)
            await publicContentChanged()
            return redirect(Self.safeNext(form["back"]) ?? "/admin/articles")
        }
    }

    /// The input that saves an article unchanged.
    static func input(from article: Article) -> ArticleInput {
        ArticleInput(
            id: article.id, title: article.title, slug: article.slug, excerpt: article.excerpt, body: article.body,
            status: article.status, publishedAt: article.publishedAt, breaking: article.breaking, sourceCredit: article.sourceCredit,
            primaryCategoryID: article.primaryCategory?.id, extraCategoryIDs: article.categories.map(\.id), tagIDs: article.tags.map(\.id),
            authorIDs: article.authors.map(\.id), featuredImage: article.featuredImage, commentsOpen: article.commentsOpen)
    }

    // MARK: Editor

    /// GET /admin/articles/new and /admin/articles/{id}.
    func editor(_ request: Request, id: Int64?) async -> Response {
        await page(request) { visitor in
            var form = ArticleForm(newBy: visitor.user, commentsOpen: site.currentSettings.commentsOpenByDefault)
            var article: Article?
            if let id {
                guard let found = try await store.article(id: id) else { throw AdminError.notFound }
                guard visitor.permissions.canEdit(ownerID: found.ownerID, status: found.status) else { throw AdminError.notAllowed }
                article = found
                form = ArticleForm(article: found, timeZone: site.currentSettings.resolvedTimeZone)
            }
            let autosave = try await store.autosave(articleID: id, userID: visitor.user.id)
            let offered = autosave.flatMap { saved -> Autosave? in
                if let article, saved.savedAt <= article.modifiedAt { return nil }
                if saved.title == form.title && saved.bodySource == form.body && saved.excerpt == form.excerpt { return nil }
                return saved
            }
            let parameters = request.uri.queryParameters
            var notice: String?
            if parameters.get("saved") != nil { notice = AdminStrings.text("saved", visitor.language) }
            if let number = parameters.get("restored").flatMap({ Int($0) }), let article,
                let revision = try await store.revision(articleID: article.id, number: number)
            {
                notice = AdminStrings.restoredNotice(
                    number: number, savedAt: dateFormatter(visitor).dateTime(revision.savedAt), current: article.revision,
                    language: visitor.language)
            }
            if parameters.get("numbered") != nil, let article {
                notice = AdminStrings.numberedSlugNotice(taken: Slug.make(from: article.title), slug: article.slug, language: visitor.language)
            }
            if parameters.get("took") != nil { notice = AdminStrings.text("took_theirs", visitor.language) }
            return try await editorPage(visitor, form: form, article: article, errors: [], autosave: offered, notice: notice)
        }
    }

    func editorPage(
        _ visitor: Visitor, form: ArticleForm, article: Article?, errors: [FieldError], autosave: Autosave? = nil, notice: String? = nil,
        conflict: [String: Any]? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = visitor.language
        let categories = try await store.categories()
        let authors = try await store.authors()
        let permissions = visitor.permissions
        let errorTexts = errors.messagesByField(in: language)
        let formatter = dateFormatter(visitor)
        let view = frame(
            visitor, title: form.id == nil ? AdminStrings.text("new_article", language) : AdminStrings.text("edit_article", language),
            extra: [
                "form": [
                    "id": form.id as Any, "revision": form.revision as Any, "title": form.title, "slug": form.slug, "excerpt": form.excerpt,
                    "body": form.body, "isMarkdown": form.format == .markdown, "tags": form.tags, "sourceCredit": form.sourceCredit,
                    "breaking": form.breaking, "breakingUntil": form.breakingUntil, "publishedAt": form.publishedAt,
                    "imageURL": form.imageURL, "imageAlt": form.imageAlt, "imageCaption": form.imageCaption,
                    "status": AdminStrings.status(form.status, language), "isPublished": form.status == .published,
                    "isScheduled": form.status == .scheduled, "isTrashed": form.status == .trashed, "commentsOpen": form.commentsOpen,
                ] as [String: Any],
                "action": form.id.map { "/admin/articles/\($0)" } ?? "/admin/articles/new",
                "categories": categories.map {
                    [
                        "id": $0.id, "name": $0.name, "checked": form.categoryIDs.contains(String($0.id)),
                        "primary": form.primaryCategoryID == String($0.id),
                    ] as [String: Any]
                },
                "authors": ownProfileChoice(visitor, form: form)
                    + authors.map { ["id": $0.id, "name": $0.name, "checked": form.authorIDs.contains(String($0.id))] as [String: Any] },
                "errors": errorTexts, "hasErrors": !errors.isEmpty,
                "errorList": errors.map { ["field": $0.field, "message": $0.message.text(for: language)] },
                "canPublish": permissions.canPublishAny, "canFlagBreaking": permissions.canFlagBreaking,
                "publicURL": article.flatMap { $0.isPublic(at: now) ? "/?p=\($0.id)" : nil } as Any,
                "hasRevisions": form.id != nil,
                "hasMediaLibrary": media != nil,
                "mediaChoices": try await featuredChoices(selected: Int64(form.featuredMediaID)),
                "autosave": autosave.map {
                    ["title": $0.title, "excerpt": $0.excerpt, "body": $0.bodySource, "savedAt": formatter.dateTime($0.savedAt)] as [String: Any]
                } as Any,
                "notice": notice as Any,
                "conflict": conflict as Any,
                "modifiedMillis": article.map { String(Int64($0.modifiedAt.timeIntervalSince1970 * 1000)) } ?? "0",
            ])
        return htmlResponse(status: status, render("editor", view: view))
    }

    /// The library photos offered as featured image: the newest 60 ready ones, and the chosen
    /// one wherever it is.
    func featuredChoices(selected: Int64?) async throws -> [[String: Any]] {
        guard let media else { return [] }
        var query = MediaQuery()
        query.readyOnly = true
        query.limit = 60
        var items = try await media.library.mediaItems(matching: query, timeZone: site.currentSettings.resolvedTimeZone).items
        if let selected, !items.contains(where: { $0.id == selected }), let item = try await media.library.media(id: selected) { items.insert(item, at: 0) }
        return items.map {
            [
                "id": $0.id, "title": $0.title, "hasAlt": !$0.altText.isEmpty, "selected": $0.id == selected,
                "thumb": $0.thumbnailCopy?.path ?? "",
            ] as [String: Any]
        }
    }

    /// A byline choice under the signed-in user's own name when they have no author profile yet.
    func ownProfileChoice(_ visitor: Visitor, form: ArticleForm) -> [[String: Any]] {
        guard visitor.user.authorID == nil else { return [] }
        return [
            [
                "id": ArticleForm.ownProfile, "checked": form.wantsOwnProfile,
                "name": visitor.user.name + " (" + AdminStrings.text("own_profile_new", visitor.language) + ")",
            ]
        ]
    }

    /// POST /admin/articles/new and /admin/articles/{id}: validates, saves and redirects; on any
    /// problem shows the form again as typed, with each message beside its field.
    func saveArticle(_ request: Request, id: Int64?) async -> Response {
        await action(request) { visitor, formData in
            var form = ArticleForm(form: formData, id: id)
            // After a conflict the editor chose to save their text over the version the conflict
            // showed: only that explicit choice moves the revision the save is checked against.
            let resolvingConflict = formData["resolve"] == "mine"
            if resolvingConflict { form.revision = Int(formData["conflict_revision"]) }
            let requested = resolvingConflict ? formData["intended"] : formData["do"]
            let permissions = visitor.permissions
            var existing: Article?
            if let id {
                guard let article = try await store.article(id: id) else { throw AdminError.notFound }
                guard permissions.canEdit(ownerID: article.ownerID, status: article.status) else { throw AdminError.notAllowed }
                existing = article
                form.status = article.status
            }
            let settings = site.currentSettings
            let targetStatus: ArticleStatus
            switch requested {
            case "draft": targetStatus = .draft
            case "pending": targetStatus = .pending
            case "trash": targetStatus = .trashed
            case "publish": targetStatus = .published
            default:
                // "Update" keeps the status; a new article starts as a draft.
                targetStatus = existing.map { $0.status == .trashed ? .draft : $0.status } ?? .draft
            }
            var (input, problems) = form.input(status: targetStatus, timeZone: settings.resolvedTimeZone, editorID: visitor.user.id)
            if targetStatus == .published, let date = input.publishedAt, date > now { input.status = .scheduled }
            if input.status == .scheduled, input.publishedAt == nil { input.status = .scheduled }
            guard permissions.canSet(input.status) else { throw AdminError.notAllowed }
            if !permissions.canFlagBreaking { input.breaking = existing?.breaking }

            func again(_ errors: [FieldError], status: HTTPResponse.Status) async throws -> Response {
                try await editorPage(visitor, form: form, article: existing, errors: errors, status: status)
            }
            do {
                // Everything the store would refuse is found before any tag is created.
                _ = try input.validated(now: now)
                guard problems.isEmpty else { return try await again(problems, status: .badRequest) }
                input.tagIDs = try await store.tags(named: form.tagNames).map(\.id)
                if form.wantsOwnProfile {
                    input.authorIDs.append(try await store.authorProfile(forUser: visitor.user.id).id)
                }
                let saved = try await store.saveArticle(input)
                try await store.discardAutosave(articleID: id, userID: visitor.user.id)
                if id == nil { try await store.discardAutosave(articleID: nil, userID: visitor.user.id) }
                await publicContentChanged()
                // Another article had the slug made from this title: say which one it got instead.
                let numbered = form.slug.trimmingCharacters(in: .whitespaces).isEmpty && saved.slug != Slug.make(from: saved.title)
                return redirect("/admin/articles/\(saved.id)?saved=1" + (numbered ? "&numbered=1" : ""))
            } catch let error as ValidationError {
                return try await again(problems + error.errors, status: .badRequest)
            } catch let error as ContentStoreError {
                if case .conflict(let current) = error, let id {
                    // The editor keeps their text and the revision they opened, so a plain second
                    // click is refused again: they choose to keep theirs, take the other, or merge.
                    let conflict = try await conflictView(visitor, articleID: id, opened: form.revision, current: current, intended: requested)
                    return try await editorPage(
                        visitor, form: form, article: existing, errors: problems + [error.fieldError], conflict: conflict, status: .conflict)
                }
                if case .notFound = error { throw AdminError.notFound }
                return try await again(problems + [error.fieldError], status: .badRequest)
            }
        }
    }

    /// POST /admin/preview: the article as the public page will show it, from the form, unsaved.
    func preview(_ request: Request) async -> Response {
        await action(request) { visitor, formData in
            let id = Int64(formData["id"])
            let form = ArticleForm(form: formData, id: id)
            var existing: Article?
            if let id {
                guard let article = try await store.article(id: id) else { throw AdminError.notFound }
                guard visitor.permissions.canEdit(ownerID: article.ownerID, status: article.status) else { throw AdminError.notAllowed }
                existing = article
            }
            let settings = site.currentSettings
            let (input, _) = form.input(status: .published, timeZone: settings.resolvedTimeZone, editorID: visitor.user.id)
            let categories = try await store.categories()
            let authors = try await store.authors()
            let chosenCategories = ([input.primaryCategoryID].compactMap { $0 } + input.extraCategoryIDs).compactMap { id in
                categories.first { $0.id == id }
            }
            var tags: [MinbarCore.Tag] = []
            for name in form.tagNames {
                tags.append(try await store.tag(slug: Slug.make(from: name)) ?? MinbarCore.Tag(id: 0, slug: Slug.make(from: name), name: name))
            }
            let article = Article(
                id: existing?.id ?? 0, slug: input.slug.isEmpty ? Slug.make(from: input.title) : input.slug,
                title: input.title.isEmpty ? AdminStrings.text("untitled", visitor.language) : input.title, excerpt: input.excerpt,
                body: input.body, status: .published, publishedAt: input.publishedAt ?? now, modifiedAt: now,
                createdAt: existing?.createdAt ?? now, breaking: input.breaking, sourceCredit: input.sourceCredit,
                primaryCategory: chosenCategories.first, categories: chosenCategories.uniqued(), tags: tags,
                authors: input.authorIDs.compactMap { id in authors.first { $0.id == id } }
                    + (form.wantsOwnProfile
                        ? [Author(id: 0, slug: Slug.make(from: visitor.user.name), name: visitor.user.name, kind: .person, bio: "", avatarURL: nil)] : []),
                featuredImage: try await previewImage(input.featuredImage))
            let html = try await site.previewPage(of: article)
            var headers = SecurityHeaders.html
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.cacheControl] = "no-store"
            headers[.init("X-Robots-Tag")!] = "noindex"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    /// A featured image as the page will show it: a library photo with its copies.
    func previewImage(_ image: FeaturedImage?) async throws -> FeaturedImage? {
        guard let image, let id = image.mediaID else { return image }
        guard let item = try await media?.library.media(id: id) else { return nil }
        return FeaturedImage(media: item, alt: image.alt, caption: image.caption)
    }

    /// POST /admin/autosave (JSON answer): keeps what is being typed, every few seconds.
    func autosave(_ request: Request) async -> Response {
        guard let visitor = await visitor(request) else {
            return jsonResponse(status: .unauthorized, ["error": "signed out"])
        }
        guard let form = try? await FormData.read(request) else { return jsonResponse(status: .contentTooLarge, ["error": "too large"]) }
        let token = request.headers[.init("X-CSRF-Token")!] ?? form["_csrf"]
        guard Tokens.equal(token, visitor.session.csrfToken) else { return jsonResponse(status: .forbidden, ["error": "csrf"]) }
        let id = Int64(form["id"])
        do {
            if let id {
                guard let article = try await store.article(id: id) else { return jsonResponse(status: .notFound, ["error": "not found"]) }
                guard visitor.permissions.canEdit(ownerID: article.ownerID, status: article.status) else {
                    return jsonResponse(status: .forbidden, ["error": "forbidden"])
                }
            }
            guard form["body"].utf8.count <= ArticleInput.maximumBodyBytes else {
                return jsonResponse(status: .contentTooLarge, ["error": AdminStrings.text("body_too_large", visitor.language)])
            }
            let savedAt = now
            try await store.saveAutosave(
                Autosave(articleID: id, userID: visitor.user.id, title: form["title"], excerpt: form["excerpt"], bodySource: form["body"], savedAt: savedAt))
            return jsonResponse([
                "saved_at": ISO8601DateFormatter().string(from: savedAt),
                "message": AdminStrings.text("autosaved", visitor.language) + " " + dateFormatter(visitor).time(savedAt),
            ])
        } catch {
            logger.error("autosave failed: \(error)")
            return jsonResponse(status: .internalServerError, ["error": "not saved"])
        }
    }

    /// GET /admin/tags/suggest?q=: existing tags whose name has a word starting with the text
    /// being typed (Arabic folded, so ة/ه and أ/ا do not matter), for the editor's tags field.
    func suggestTags(_ request: Request) async -> Response {
        guard await visitor(request) != nil else { return jsonResponse(status: .unauthorized, ["error": "signed out"]) }
        let typed = ArabicAnalyzer.foldedText(request.uri.queryParameters.get("q") ?? "")
        guard !typed.isEmpty, let tags = try? await store.tags() else { return jsonResponse(["tags": [String]()]) }
        let names = tags.filter { tag in
            let folded = ArabicAnalyzer.foldedText(tag.name)
            return folded.hasPrefix(typed) || folded.contains(" " + typed)
        }.prefix(10).map(\.name)
        return jsonResponse(["tags": Array(names)])
    }

    // MARK: Revisions

    /// GET /admin/articles/{id}/revisions: every save, and a form to compare two.
    func revisionList(_ request: Request, id: Int64) async -> Response {
        await page(request) { visitor in
            guard let article = try await store.article(id: id) else { throw AdminError.notFound }
            guard visitor.permissions.canEdit(ownerID: article.ownerID, status: article.status) else { throw AdminError.notAllowed }
            let formatter = dateFormatter(visitor)
            let revisions = try await store.revisions(articleID: id)
            let rows: [[String: Any]] = revisions.enumerated().map { index, revision in
                [
                    "number": revision.number, "title": revision.title, "savedAt": formatter.dateTime(revision.savedAt),
                    "by": revision.userName ?? "—", "status": AdminStrings.status(revision.status, visitor.language),
                    "isCurrent": revision.number == article.revision, "fromChecked": index == 1, "toChecked": index == 0,
                ]
            }
            return htmlResponse(
                render(
                    "revisions",
                    view: frame(
                        visitor, title: AdminStrings.text("revisions", visitor.language),
                        extra: ["article": ["id": article.id, "title": article.title], "revisions": rows])))
        }
    }

    /// GET /admin/articles/{id}/compare?from=&to=: a readable diff of title and body.
    func compareRevisions(_ request: Request, id: Int64) async -> Response {
        await page(request) { visitor in
            guard let article = try await store.article(id: id) else { throw AdminError.notFound }
            guard visitor.permissions.canEdit(ownerID: article.ownerID, status: article.status) else { throw AdminError.notAllowed }
            let parameters = request.uri.queryParameters
            guard let fromNumber = parameters.get("from").flatMap({ Int($0) }), let toNumber = parameters.get("to").flatMap({ Int($0) }),
                let from = try await store.revision(articleID: id, number: fromNumber),
                let to = try await store.revision(articleID: id, number: toNumber)
            else {
                throw AdminError.badRequest(LocalizedText(ar: "اختر نسختين موجودتين للمقارنة.", en: "Choose two existing revisions to compare."))
            }
            let formatter = dateFormatter(visitor)
            let view = frame(
                visitor, title: AdminStrings.text("compare", visitor.language),
                extra: [
                    "article": ["id": article.id, "title": article.title],
                    "from": ["number": from.number, "savedAt": formatter.dateTime(from.savedAt), "by": from.userName ?? "—"],
                    "to": ["number": to.number, "savedAt": formatter.dateTime(to.savedAt), "by": to.userName ?? "—"],
                ].merging(Self.diffView(from: from, to: to)) { $1 })
            return htmlResponse(render("compare", view: view))
        }
    }

    /// GET /admin/articles/{id}/revisions/{n}/restore: what restoring would change (the live
    /// article against the revision), and the button that does it.
    func confirmRestore(_ request: Request, id: Int64, number: Int) async -> Response {
        await page(request) { visitor in
            guard let article = try await store.article(id: id) else { throw AdminError.notFound }
            guard visitor.permissions.canEdit(ownerID: article.ownerID, status: article.status) else { throw AdminError.notAllowed }
            guard let revision = try await store.revision(articleID: id, number: number),
                let current = try await store.revision(articleID: id, number: article.revision)
            else { throw AdminError.notFound }
            let formatter = dateFormatter(visitor)
            let view = frame(
                visitor, title: AdminStrings.text("restore_revision", visitor.language),
                extra: [
                    "article": ["id": article.id, "title": article.title, "isPublic": article.isPublic(at: now)],
                    "revision": ["number": revision.number, "savedAt": formatter.dateTime(revision.savedAt), "by": revision.userName ?? "—"],
                    "current": ["number": current.number],
                ].merging(Self.diffView(from: current, to: revision)) { $1 })
            return htmlResponse(render("restore", view: view))
        }
    }

    /// POST /admin/articles/{id}/revisions/{n}/restore: the revision's text becomes a new save,
    /// once confirmed on the page above (a post without `confirm` is sent there).
    func restoreRevision(_ request: Request, id: Int64, number: Int) async -> Response {
        await action(request) { visitor, form in
            guard form["confirm"] == "1" else { return redirect("/admin/articles/\(id)/revisions/\(number)/restore") }
            guard let article = try await store.article(id: id) else { throw AdminError.notFound }
            guard visitor.permissions.canEdit(ownerID: article.ownerID, status: article.status) else { throw AdminError.notAllowed }
            guard let revision = try await store.revision(articleID: id, number: number) else { throw AdminError.notFound }
            var input = Self.input(from: article)
            input.title = revision.title
            input.excerpt = revision.excerpt
            input.body = revision.body
            input.slug = revision.slug
            input.editorID = visitor.user.id
            input.expectedRevision = article.revision
            do {
                try await store.saveArticle(input)
            } catch ContentStoreError.slugTaken {
                // The old slug belongs to another article now: keep the current one.
                input.slug = article.slug
                try await store.saveArticle(input)
            }
            await publicContentChanged()
            return redirect("/admin/articles/\(id)?restored=\(number)")
        }
    }

    /// The title, excerpt and body of two revisions compared, for a template's `diffLine`s.
    static func diffView(from: ArticleRevision, to: ArticleRevision) -> [String: Any] {
        func lines(_ diff: [TextDiff.Line]) -> [[String: Any]] {
            diff.map { line in
                // Words are marked only in a line that was changed, not replaced whole.
                let partial = line.kind != .same && line.segments.contains { !$0.changed }
                return [
                    "kind": line.kind.rawValue,
                    "segments": line.segments.map { ["text": $0.text, "changed": partial && $0.changed] as [String: Any] },
                ]
            }
        }
        return [
            "titleDiff": lines(TextDiff.lines(from.title, to.title)),
            "excerptDiff": lines(TextDiff.lines(from.excerpt, to.excerpt)),
            "bodyDiff": lines(TextDiff.lines(from.body.source, to.body.source)),
            "identical": from.title == to.title && from.body.source == to.body.source && from.excerpt == to.excerpt,
        ]
    }

    /// What a conflicting save shows: who saved meanwhile, what they changed (the revision the
    /// editor opened against the current one), their text, and the three choices.
    func conflictView(_ visitor: Visitor, articleID: Int64, opened: Int?, current: Int, intended: String) async throws -> [String: Any] {
        guard let theirs = try await store.revision(articleID: articleID, number: current) else { throw AdminError.notFound }
        let formatter = dateFormatter(visitor)
        var view: [String: Any] = [
            "current": current, "intended": intended.isEmpty ? "update" : intended,
            "by": theirs.userName ?? "—", "savedAt": formatter.dateTime(theirs.savedAt),
            "theirs": ["title": theirs.title, "excerpt": theirs.excerpt, "body": theirs.body.source] as [String: Any],
        ]
        if let opened, let base = try await store.revision(articleID: articleID, number: opened) {
            view["opened"] = opened
            for (key, value) in Self.diffView(from: base, to: theirs) { view[key] = value }
        }
        return view
    }

    /// POST /admin/articles/{id}/take-theirs: after a conflict, drop this editor's text (and its
    /// autosave) and open the current version.
    func takeTheirs(_ request: Request, id: Int64) async -> Response {
        await action(request) { visitor, _ in
            guard let article = try await store.article(id: id) else { throw AdminError.notFound }
            guard visitor.permissions.canEdit(ownerID: article.ownerID, status: article.status) else { throw AdminError.notAllowed }
            try await store.discardAutosave(articleID: id, userID: visitor.user.id)
            return redirect("/admin/articles/\(id)?took=1")
        }
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
