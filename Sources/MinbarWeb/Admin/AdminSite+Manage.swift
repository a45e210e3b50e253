import Foundation
import HTTPTypes
import Hummingbird
import MinbarArabic
import MinbarCore

extension AdminSite {
    // MARK: Dashboard

    /// GET /admin/: counts by status, recent drafts, the scheduled queue and a 30-day chart.
    func dashboard(_ request: Request) async -> Response {
        await page(request) { visitor in
            let language = visitor.language
            let counts = try await store.articleCounts()
            let settings = site.currentSettings
            let formatter = dateFormatter(visitor)
            var drafts = ArticleQuery()
            drafts.statuses = [.draft, .pending]
            drafts.newestChangeFirst = true
            drafts.limit = 6
            if !visitor.permissions.canList(ownerID: nil) { drafts.ownerID = visitor.user.id }
            var scheduled = ArticleQuery()
            scheduled.statuses = [.scheduled]
            scheduled.limit = 50
            let scheduledArticles = try await store.articles(matching: scheduled).articles.sorted {
                ($0.publishedAt ?? .distantFuture) < ($1.publishedAt ?? .distantFuture)
            }
            let chart = try await publishedChart(settings: settings, formatter: formatter, language: language)
            var pendingComments: Int?
            if visitor.permissions.canOpenCommentQueue {
                let owner = visitor.permissions.canModerateComments ? nil : visitor.user.id
                pendingComments = try await store.commentCountsByStatus(articleOwnerID: owner)[.pending]
            }
            let view = frame(
                visitor, title: AdminStrings.text("dashboard", language),
                extra: [
                    "counts": [ArticleStatus.published, .scheduled, .pending, .draft, .trashed].map {
                        ["label": AdminStrings.status($0, language), "count": formatter.digits.format(counts[$0] ?? 0), "status": $0.rawValue]
                    },
                    "drafts": try await store.articles(matching: drafts).articles.map {
                        ["id": $0.id, "title": $0.title, "status": AdminStrings.status($0.status, language), "modified": formatter.dateTime($0.modifiedAt)]
                    },
                    "scheduled": scheduledArticles.prefix(10).map {
                        ["id": $0.id, "title": $0.title, "at": $0.publishedAt.map(formatter.dateTime) ?? ""]
                    },
                    "chart": chart.svg, "chartSummary": chart.summary,
                    "chartHeading": formatter.digits.apply(to: AdminStrings.text("published_per_day", language)),
                    "pendingComments": pendingComments as Any,
                ])
            return htmlResponse(render("dashboard", view: view))
        }
    }

    /// Articles published per day over the last 30 days, as an inline SVG bar chart.
    func publishedChart(settings: SiteSettings, formatter: ArabicDateFormatter, language: String) async throws -> (svg: String, summary: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.resolvedTimeZone
        let today = calendar.startOfDay(for: now)
        let days = (0..<30).map { calendar.date(byAdding: .day, value: $0 - 29, to: today)! }
        let counts = try await store.publishedPerDay(since: days[0], timeZone: settings.resolvedTimeZone)
        let values = days.map { counts[$0] ?? 0 }
        let maximum = max(values.max() ?? 0, 1)
        let width = 600.0
        let height = 160.0
        let barWidth = width / Double(days.count)
        let digits = formatter.digits
        var bars = ""
        for (index, value) in values.enumerated() {
            let barHeight = Double(value) / Double(maximum) * (height - 24)
            // Oldest day at the reading start: right in Arabic, left in English.
            let slot = language == "en" ? index : days.count - 1 - index
            let x = Double(slot) * barWidth + 2
            let y = height - 16 - barHeight
            let label = formatter.string(for: formatter.day(of: days[index]))
            bars += "<rect x=\"\(Self.fixed(x))\" y=\"\(Self.fixed(y))\" width=\"\(Self.fixed(barWidth - 4))\" height=\"\(Self.fixed(barHeight))\" class=\"bar\"><title>\(HTMLText.escape(label)): \(digits.format(value))</title></rect>"
        }
        let total = values.reduce(0, +)
        let busiest = values.max() ?? 0
        // One kind of digits in the sentence, and each number with its noun in the right form.
        let summary = LocalizedText(
            ar: total == 0
                ? "لم يُنشر شيء في آخر \(ArabicCount.phrase(days.count, .day, digits: digits))."
                : "نُشر \(ArabicCount.phrase(total, .article, digits: digits)) في آخر \(ArabicCount.phrase(days.count, .day, digits: digits))، "
                    + "وأكثر يوم نُشر فيه \(ArabicCount.phrase(busiest, .article, digits: digits)).",
            en: "\(total) article\(total == 1 ? "" : "s") published in the last \(days.count) days; the busiest day had \(busiest).")
        // The chart's own geometry is left to right whatever the page's direction: in a
        // right-to-left page `text-anchor: end` otherwise points off the chart.
        let svg = """
            <svg class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" direction="ltr" role="img" aria-label="\(HTMLText.escape(summary.text(for: language)))" xmlns="http://www.w3.org/2000/svg">\
            <line x1="0" y1="\(Int(height - 16))" x2="\(Int(width))" y2="\(Int(height - 16))" class="axis"/>\(bars)\
            <text x="\(language == "en" ? 4 : Int(width) - 4)" y="\(Int(height - 2))" class="tick" text-anchor="\(language == "en" ? "start" : "end")">\(HTMLText.escape(formatter.monthString(year: formatter.day(of: days[0]).year, month: formatter.day(of: days[0]).month)))</text>\
            <text x="\(language == "en" ? Int(width) - 4 : 4)" y="\(Int(height - 2))" class="tick" text-anchor="\(language == "en" ? "end" : "start")">\(HTMLText.escape(AdminStrings.text("today", language)))</text>\
            </svg>
            """
        return (svg, summary.text(for: language))
    }

    static func fixed(_ value: Double) -> String { String(format: "%.1f", value) }

    // MARK: Sections, tags, authors

    /// GET /admin/terms/{kind}: the list with article counts, and forms to add, rename, re-slug,
    /// merge and delete.
    func termList(_ request: Request, kind: TermKind) async -> Response {
        await page(request) { visitor in
            guard visitor.permissions.canManageTerms else { throw AdminError.notAllowed }
            return try await termPage(visitor, kind: kind, errors: [], notice: request.uri.queryParameters.get("done").map { _ in AdminStrings.text("saved", visitor.language) })
        }
    }

    func termPage(_ visitor: Visitor, kind: TermKind, errors: [FieldError], typed: FormData? = nil, notice: String? = nil) async throws -> Response {
        let language = visitor.language
        let counts = try await store.termArticleCounts(kind)
        let categories = kind == .category ? try await store.categories() : []
        let terms: [(id: Int64, name: String, slug: String, description: String)]
        switch kind {
        case .category: terms = categories.map { ($0.id, $0.name, $0.slug, $0.description) }
        case .tag: terms = try await store.tags().map { ($0.id, $0.name, $0.slug, $0.description) }
        case .author: terms = try await store.authors().map { ($0.id, $0.name, $0.slug, $0.bio) }
        }
        let rows: [[String: Any]] = terms.map { term in
            let category = categories.first { $0.id == term.id }
            return [
                "id": term.id, "name": term.name, "slug": term.slug, "description": term.description, "count": counts[term.id] ?? 0,
                "others": terms.filter { $0.id != term.id }.map { ["id": $0.id, "name": $0.name] },
                "position": category.map { String($0.position) } as Any,
                "parents": terms.filter { $0.id != term.id }.map { ["id": $0.id, "name": $0.name, "selected": $0.id == category?.parentID] },
            ]
        }
        let errorTexts = errors.messagesByField(in: language)
        let view = frame(
            visitor, title: AdminStrings.text("terms_\(kind.rawValue)", language),
            extra: [
                "kind": kind.rawValue, "terms": rows, "isTag": kind == .tag, "isCategory": kind == .category, "errors": errorTexts, "hasErrors": !errors.isEmpty,
                "errorList": errors.map { $0.message.text(for: language) },
                "typed": ["name": typed?["name"] ?? "", "slug": typed?["slug"] ?? "", "description": typed?["description"] ?? ""],
                "notice": notice as Any,
            ])
        return htmlResponse(status: errors.isEmpty ? .ok : .badRequest, render("terms", view: view))
    }

    /// POST /admin/terms/{kind}: adds one (no id) or renames / re-slugs one; old addresses redirect.
    func saveTerm(_ request: Request, kind: TermKind) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canManageTerms else { throw AdminError.notAllowed }
            let id = form["id"].isEmpty ? nil : Int64(form["id"])
            if !form["id"].isEmpty, id == nil { throw AdminError.badRequest(LocalizedText(ar: "معرّف غير صالح.", en: "Invalid id.")) }
            do {
                switch kind {
                case .category:
                    let existing = try await id.asyncMap { try await store.category(id: $0) } ?? nil
                    if id != nil, existing == nil { throw AdminError.notFound }
                    // Parent and menu position when the form has them (the section rows do).
                    let parentID = form.has("parent_id") ? Int64(form["parent_id"]) : existing?.parentID
                    let position = form.has("position") ? Int(form["position"].trimmingCharacters(in: .whitespaces)) : existing?.position ?? 0
                    guard let position else {
                        return try await termPage(
                            visitor, kind: kind, errors: [FieldError(field: "position", message: LocalizedText(ar: "الترتيب عدد صحيح، مثل 3.", en: "The position is a whole number, e.g. 3."))],
                            typed: form)
                    }
                    try await store.saveCategory(
                        CategoryInput(
                            id: id, name: form["name"], slug: form["slug"], description: form["description"], parentID: parentID,
                            position: position))
                case .tag:
                    try await store.saveTag(TagInput(id: id, name: form["name"], slug: form["slug"], description: form["description"]))
                case .author:
                    let existing = try await id.asyncMap { try await store.author(id: $0) } ?? nil
                    if id != nil, existing == nil { throw AdminError.notFound }
                    try await store.saveAuthor(
                        AuthorInput(
                            id: id, name: form["name"], slug: form["slug"], kind: existing?.kind ?? .person, bio: form["description"],
                            avatarURL: existing?.avatarURL))
                }
            } catch let error as ValidationError {
                return try await termPage(visitor, kind: kind, errors: error.errors, typed: form)
            } catch let error as ContentStoreError {
                if case .notFound = error { throw AdminError.notFound }
                return try await termPage(visitor, kind: kind, errors: [error.fieldError], typed: form)
            }
            await publicContentChanged()
            return redirect("/admin/terms/\(kind.rawValue)?done=1")
        }
    }

    /// POST /admin/terms/{kind}/{id}/delete: articles move to `move_to` (a section, an author) or
    /// simply lose the tag.
    func deleteTerm(_ request: Request, kind: TermKind, id: Int64) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canManageTerms else { throw AdminError.notAllowed }
            let moveTo = form["move_to"].isEmpty ? nil : Int64(form["move_to"])
            do {
                switch kind {
                case .category: try await store.deleteCategory(id: id, moveTo: moveTo)
                case .tag: try await store.deleteTag(id: id)
                case .author: try await store.deleteAuthor(id: id, moveTo: moveTo)
                }
            } catch let error as ValidationError {
                return try await termPage(visitor, kind: kind, errors: error.errors)
            }
            await publicContentChanged()
            return redirect("/admin/terms/\(kind.rawValue)?done=1")
        }
    }

    /// POST /admin/tags/merge: the chosen tags become one; their addresses redirect.
    func mergeTags(_ request: Request) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canManageTerms else { throw AdminError.notAllowed }
            let (sources, bad) = form.ids("ids")
            guard bad.isEmpty, let target = Int64(form["into"]) else {
                return try await termPage(
                    visitor, kind: .tag,
                    errors: [FieldError(field: "into", message: LocalizedText(ar: "اختر الوسم الذي تُدمج فيه الوسوم المحددة.", en: "Choose the tag to merge the selected tags into."))])
            }
            try await store.mergeTags(sources, into: target)
            await publicContentChanged()
            return redirect("/admin/terms/tag?done=1")
        }
    }

    // MARK: Settings

    /// GET /admin/settings (administrators).
    func settingsPage(_ request: Request) async -> Response {
        await page(request) { visitor in
            guard visitor.permissions.canManageSettings else { throw AdminError.notAllowed }
            let settings = try await store.siteSettings()
            return settingsForm(visitor, settings: settings, errors: [], notice: request.uri.queryParameters.get("saved").map { _ in AdminStrings.text("saved", visitor.language) })
        }
    }

    func settingsForm(_ visitor: Visitor, settings: SiteSettings, errors: [FieldError], notice: String? = nil, articlesPerPage: String? = nil) -> Response {
        let language = visitor.language
        let errorTexts = errors.messagesByField(in: language)
        let view = frame(
            visitor, title: AdminStrings.text("settings", language),
            extra: [
                "s": [
                    "name": settings.name, "tagline": settings.tagline, "timeZone": settings.timeZone, "url": settings.url,
                    "articlesPerPage": articlesPerPage ?? String(settings.articlesPerPage), "headCode": settings.headCode, "footerCode": settings.footerCode,
                    "permalinkStructure": settings.permalinkStructure, "showsHijri": settings.showsHijri,
                    "commentsOpenByDefault": settings.commentsOpenByDefault, "feedFullText": settings.feedFullText,
                    "commentThreadDepth": String(settings.commentThreadDepth), "commentsPerPage": String(settings.commentsPerPage),
                    "commentsCloseAfterDays": String(settings.commentsCloseAfterDays), "commentMinimumSeconds": String(settings.commentMinimumSeconds),
                    "commentMaximumLinks": String(settings.commentMaximumLinks), "commentRateLimit": String(settings.commentRateLimit),
                    "commentBlocklist": settings.commentBlocklist,
                    "mediaMaximumMegabytes": String(settings.mediaMaximumMegabytes), "mediaMaximumMegapixels": String(settings.mediaMaximumMegapixels),
                    "mediaKeepsOriginals": settings.mediaKeepsOriginals,
                ] as [String: Any],
                "moderations": CommentModeration.allCases.map { ["value": $0.rawValue, "label": AdminStrings.text("moderation_\($0.rawValue)", language), "selected": $0 == settings.commentModeration] },
                "languages": [["value": "ar", "label": "العربية", "selected": settings.language == "ar"], ["value": "en", "label": "English", "selected": settings.language == "en"]],
                "monthStyles": MonthNameStyle.allCases.map { ["value": $0.rawValue, "label": AdminStrings.text("month_\($0.rawValue)", language), "selected": $0 == settings.monthStyle] },
                "digitStyles": DigitStyle.allCases.map { ["value": $0.rawValue, "label": AdminStrings.text("digits_\($0.rawValue)", language), "selected": $0 == settings.digits] },
                "errors": errorTexts, "hasErrors": !errors.isEmpty, "errorList": errors.map { $0.message.text(for: language) },
                "notice": notice as Any,
            ])
        return htmlResponse(status: errors.isEmpty ? .ok : .badRequest, render("settings", view: view))
    }

    /// POST /admin/settings.
    func saveSettings(_ request: Request) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canManageSettings else { throw AdminError.notAllowed }
            var settings = try await store.siteSettings()
            settings.name = form["name"].trimmingCharacters(in: .whitespacesAndNewlines)
            settings.tagline = form["tagline"].trimmingCharacters(in: .whitespacesAndNewlines)
            settings.language = form["language"]
            settings.direction = form["language"] == "en" ? "ltr" : "rtl"
            settings.timeZone = form["time_zone"].trimmingCharacters(in: .whitespaces)
            settings.url = form["url"].trimmingCharacters(in: .whitespaces)
            if let style = MonthNameStyle(rawValue: form["month_style"]) { settings.monthStyle = style }
            if let digits = DigitStyle(rawValue: form["digits"]) { settings.digits = digits }
            settings.showsHijri = form["shows_hijri"] == "1"
            var problems: [FieldError] = []
            settings.commentsOpenByDefault = form["comments_open"] == "1"
            settings.feedFullText = form["feed_full_text"] == "1"
            if let moderation = CommentModeration(rawValue: form["comment_moderation"]) { settings.commentModeration = moderation }
            settings.commentBlocklist = form["comment_blocklist"]
            for (field, keyPath) in [
                ("comment_thread_depth", \SiteSettings.commentThreadDepth), ("comments_per_page", \SiteSettings.commentsPerPage),
                ("comments_close_after_days", \SiteSettings.commentsCloseAfterDays), ("comment_minimum_seconds", \SiteSettings.commentMinimumSeconds),
                ("comment_maximum_links", \SiteSettings.commentMaximumLinks), ("comment_rate_limit", \SiteSettings.commentRateLimit),
            ] where form.has(field) {
                if let value = Int(form[field].trimmingCharacters(in: .whitespaces)) {
                    settings[keyPath: keyPath] = value
                } else {
                    problems.append(FieldError(field: field == "comment_thread_depth" || field == "comments_per_page" || field == "comments_close_after_days" ? field : "comment_limits", message: LocalizedText(ar: "اكتب عدداً صحيحاً.", en: "Enter a whole number.")))
                }
            }
            for (field, keyPath) in [
                ("media_maximum_megabytes", \SiteSettings.mediaMaximumMegabytes), ("media_maximum_megapixels", \SiteSettings.mediaMaximumMegapixels),
            ] where form.has(field) {
                if let value = Int(form[field].trimmingCharacters(in: .whitespaces)) {
                    settings[keyPath: keyPath] = value
                } else {
                    problems.append(FieldError(field: "media_limits", message: LocalizedText(ar: "اكتب عدداً صحيحاً.", en: "Enter a whole number.")))
                }
            }
            if form.has("media_maximum_megabytes") { settings.mediaKeepsOriginals = form["media_keeps_originals"] == "1" }
            settings.headCode = form["head_code"]
            settings.footerCode = form["footer_code"]
            if let perPage = Int(form["articles_per_page"].trimmingCharacters(in: .whitespaces)) {
                settings.articlesPerPage = perPage
            } else {
                problems.append(FieldError(field: "articles_per_page", message: LocalizedText(ar: "اكتب عدداً صحيحاً بين 1 و100.", en: "Enter a whole number from 1 to 100.")))
            }
            let structure = form["permalink_structure"].trimmingCharacters(in: .whitespaces)
            if !structure.isEmpty { settings.changePermalinkStructure(to: structure) }
            do {
                try settings.validate()
            } catch let error as ValidationError {
                problems += error.errors
            }
            guard problems.isEmpty else { return settingsForm(visitor, settings: settings, errors: problems, articlesPerPage: form["articles_per_page"]) }
            try await store.saveSiteSettings(settings)
            await publicContentChanged()
            return redirect("/admin/settings?saved=1")
        }
    }

    // MARK: Users

    /// GET /admin/users (administrators): accounts, roles, and a form to add one.
    func userList(_ request: Request) async -> Response {
        await page(request) { visitor in
            guard visitor.permissions.canManageUsers else { throw AdminError.notAllowed }
            return try await usersPage(visitor, errors: [], typed: nil, notice: request.uri.queryParameters.get("done").map { _ in AdminStrings.text("saved", visitor.language) })
        }
    }

    func usersPage(_ visitor: Visitor, errors: [FieldError], typed: FormData?, notice: String? = nil) async throws -> Response {
        let language = visitor.language
        let authors = try await store.authors()
        let errorTexts = errors.messagesByField(in: language)
        let view = frame(
            visitor, title: AdminStrings.text("users", language),
            extra: [
                "users": try await store.users().map { user in
                    [
                        "id": user.id, "name": user.name, "email": user.email, "isSelf": user.id == visitor.user.id,
                        "roles": Role.allCases.map { ["value": $0.rawValue, "label": $0.label.text(for: language), "selected": $0 == user.role] },
                        "author": authors.first { $0.id == user.authorID }?.name ?? "—",
                        "authorChoices": authors.map { ["id": $0.id, "name": $0.name, "selected": $0.id == user.authorID] as [String: Any] },
                        "hasAuthor": user.authorID != nil,
                    ] as [String: Any]
                },
                "roles": Role.allCases.map { ["value": $0.rawValue, "label": $0.label.text(for: language), "selected": $0.rawValue == (typed?["role"] ?? "author")] },
                "authors": authors.map { ["id": $0.id, "name": $0.name, "selected": String($0.id) == typed?["author_id"]] },
                "typed": ["name": typed?["name"] ?? "", "email": typed?["email"] ?? ""],
                "errors": errorTexts, "hasErrors": !errors.isEmpty, "notice": notice as Any,
            ])
        return htmlResponse(status: errors.isEmpty ? .ok : .badRequest, render("users", view: view))
    }

    /// POST /admin/users: a new account.
    func createUser(_ request: Request) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canManageUsers else { throw AdminError.notAllowed }
            guard let role = Role(rawValue: form["role"]) else {
                return try await usersPage(visitor, errors: [FieldError(field: "role", message: LocalizedText(ar: "اختر دوراً.", en: "Choose a role."))], typed: form)
            }
            do {
                try AccountValidation.password(form["password"])
                let hash = await hashPassword(form["password"])
                try await store.createUser(
                    email: form["email"], name: form["name"], role: role, passwordHash: hash, authorID: Int64(form["author_id"]))
            } catch let error as ValidationError {
                return try await usersPage(visitor, errors: error.errors, typed: form)
            } catch let error as ContentStoreError {
                return try await usersPage(visitor, errors: [error.fieldError], typed: form)
            }
            return redirect("/admin/users?done=1")
        }
    }

    /// POST /admin/users/{id}/role.
    func changeRole(_ request: Request, id: Int64) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canManageUsers else { throw AdminError.notAllowed }
            guard let role = Role(rawValue: form["role"]) else { throw AdminError.badRequest(LocalizedText(ar: "دور غير معروف.", en: "Unknown role.")) }
            if id == visitor.user.id, role != .administrator {
                throw AdminError.badRequest(LocalizedText(ar: "لا يمكنك إزالة صلاحية المدير عن نفسك.", en: "You cannot remove your own administrator role."))
            }
            try await store.setRole(userID: id, role: role)
            return redirect("/admin/users?done=1")
        }
    }

    /// POST /admin/users/{id}/author: the author profile an account writes under — an existing
    /// one, a new one in the account's name (`new`), or none.
    func linkAuthor(_ request: Request, id: Int64) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canManageUsers else { throw AdminError.notAllowed }
            switch form["author_id"] {
            case "": try await store.setAuthor(userID: id, authorID: nil)
            case "new":
                try await store.setAuthor(userID: id, authorID: nil)
                _ = try await store.authorProfile(forUser: id)
            case let value:
                guard let authorID = Int64(value) else {
                    throw AdminError.badRequest(LocalizedText(ar: "اختر ملف كاتب من القائمة.", en: "Choose an author profile from the list."))
                }
                try await store.setAuthor(userID: id, authorID: authorID)
            }
            return redirect("/admin/users?done=1")
        }
    }

    /// POST /admin/users/{id}/sessions/revoke: signs a user out everywhere.
    func revokeUserSessions(_ request: Request, id: Int64) async -> Response {
        await action(request) { visitor, _ in
            guard visitor.permissions.canManageUsers else { throw AdminError.notAllowed }
            try await store.revokeSessions(userID: id)
            return redirect("/admin/users?done=1")
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): return try await transform(value)
        case .none: return nil
        }
    }
}
