import Foundation
import Hummingbird
import MinbarCore

/// Search synonyms the newsroom manages (داعش ↔ تنظيم الدولة الإسلامية): a search for one
/// phrase of a group finds articles that use another, ranked below the words as typed.
extension AdminSite {
    /// GET /admin/synonyms (editors and administrators).
    func synonymsPage(_ request: Request) async -> Response {
        await page(request) { visitor in
            guard visitor.permissions.canManageTerms else { throw AdminError.notAllowed }
            return try await synonymsForm(visitor, errors: [], notice: request.uri.queryParameters.get("done").map { _ in AdminStrings.text("saved", visitor.language) })
        }
    }

    func synonymsForm(_ visitor: Visitor, errors: [FieldError], typed: String = "", notice: String? = nil) async throws -> Response {
        guard let index = site.searchIndex else { throw AdminError.notFound }
        let language = visitor.language
        let groups = try await index.synonymGroups()
        let view = frame(
            visitor, title: AdminStrings.text("synonyms", language),
            extra: [
                "groups": groups.map { group in ["phrases": group.map { ["text": $0] }, "first": group[0]] as [String: Any] },
                "hasGroups": !groups.isEmpty, "typed": typed,
                "errors": errors.messagesByField(in: language), "hasErrors": !errors.isEmpty,
                "errorList": errors.map { $0.message.text(for: language) }, "notice": notice as Any,
            ])
        return htmlResponse(status: errors.isEmpty ? .ok : .badRequest, render("synonyms", view: view))
    }

    /// POST /admin/synonyms: a new group, one phrase per line (or separated by commas). A phrase
    /// already in another group moves to this one.
    func addSynonymGroup(_ request: Request) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canManageTerms else { throw AdminError.notAllowed }
            guard let index = site.searchIndex else { throw AdminError.notFound }
            let typed = form["phrases"]
            let phrases = typed.split(whereSeparator: { "\n\r,،".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            do {
                try await index.saveSynonymGroup(phrases)
            } catch let error as ValidationError {
                return try await synonymsForm(visitor, errors: error.errors, typed: typed)
            }
            await publicContentChanged()
            return redirect("/admin/synonyms?done=1")
        }
    }

    /// POST /admin/synonyms/delete: removes the group holding `phrase`.
    func deleteSynonymGroup(_ request: Request) async -> Response {
        await action(request) { visitor, form in
            guard visitor.permissions.canManageTerms else { throw AdminError.notAllowed }
            guard let index = site.searchIndex else { throw AdminError.notFound }
            guard try await index.deleteSynonymGroup(containing: form["phrase"]) else { throw AdminError.notFound }
            await publicContentChanged()
            return redirect("/admin/synonyms?done=1")
        }
    }
}
