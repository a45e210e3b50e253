import Foundation
import HTTPTypes
import Hummingbird
import MinbarCore

extension AdminSite {
    /// Adds every `/admin/` route to the application's router.
    public func addRoutes(to router: Router<SiteRequestContext>) {
        router.get("/admin/") { request, _ in await self.dashboard(request) }
        router.get("/admin/assets/admin.css") { _, _ in Self.asset(AdminAssets.css, type: "text/css; charset=utf-8") }
        router.get("/admin/assets/admin.js") { _, _ in Self.asset(AdminAssets.js, type: "text/javascript; charset=utf-8") }
        router.get("/admin/login") { request, _ in await self.signInForm(request) }
        router.post("/admin/login") { request, context in await self.signIn(request, context: context) }
        router.post("/admin/logout") { request, _ in await self.signOut(request) }
        router.post("/admin/sessions/revoke") { request, _ in await self.signOutEverywhere(request) }
        router.get("/admin/language/{language}") { request, context in
            self.switchLanguage(request, to: context.parameters.get("language") ?? "ar")
        }

        router.get("/admin/articles") { request, _ in await self.articleList(request) }
        router.post("/admin/articles/bulk") { request, _ in await self.bulkArticles(request) }
        router.get("/admin/articles/new") { request, _ in await self.editor(request, id: nil) }
        router.post("/admin/articles/new") { request, _ in await self.saveArticle(request, id: nil) }
        router.get("/admin/articles/{id}") { request, context in
            await self.withID(request, context) { await self.editor(request, id: $0) }
        }
        router.post("/admin/articles/{id}") { request, context in
            await self.withID(request, context) { await self.saveArticle(request, id: $0) }
        }
        router.post("/admin/articles/{id}/breaking") { request, context in
            await self.withID(request, context) { await self.toggleBreaking(request, id: $0) }
        }
        router.get("/admin/articles/{id}/revisions") { request, context in
            await self.withID(request, context) { await self.revisionList(request, id: $0) }
        }
        router.get("/admin/articles/{id}/compare") { request, context in
            await self.withID(request, context) { await self.compareRevisions(request, id: $0) }
        }
        router.get("/admin/articles/{id}/revisions/{number}/restore") { request, context in
            await self.withID(request, context) { id in
                guard let number = context.parameters.get("number").flatMap({ Int($0) }) else {
                    return self.errorPage(.notFound, language: self.language(of: request), visitor: nil)
                }
                return await self.confirmRestore(request, id: id, number: number)
            }
        }
        router.post("/admin/articles/{id}/take-theirs") { request, context in
            await self.withID(request, context) { await self.takeTheirs(request, id: $0) }
        }
        router.post("/admin/articles/{id}/revisions/{number}/restore") { request, context in
            await self.withID(request, context) { id in
                guard let number = context.parameters.get("number").flatMap({ Int($0) }) else {
                    return self.errorPage(.notFound, language: self.language(of: request), visitor: nil)
                }
                return await self.restoreRevision(request, id: id, number: number)
            }
        }
        router.get("/admin/media") { request, _ in await self.mediaLibrary(request) }
        router.post("/admin/media") { request, _ in await self.uploadMedia(request) }
        router.get("/admin/media/{id}") { request, context in
            await self.withID(request, context) { await self.mediaItemPage(request, id: $0) }
        }
        router.post("/admin/media/{id}") { request, context in
            await self.withID(request, context) { await self.saveMediaItem(request, id: $0) }
        }
        router.post("/admin/media/{id}/delete") { request, context in
            await self.withID(request, context) { await self.deleteMediaItem(request, id: $0) }
        }
        router.post("/admin/preview") { request, _ in await self.preview(request) }
        router.post("/admin/autosave") { request, _ in await self.autosave(request) }

        router.get("/admin/terms/{kind}") { request, context in
            await self.withKind(request, context) { await self.termList(request, kind: $0) }
        }
        router.get("/admin/tags/suggest") { request, _ in await self.suggestTags(request) }
        router.post("/admin/tags/merge") { request, _ in await self.mergeTags(request) }
        router.post("/admin/terms/{kind}") { request, context in
            await self.withKind(request, context) { await self.saveTerm(request, kind: $0) }
        }
        router.post("/admin/terms/{kind}/{id}/delete") { request, context in
            await self.withKind(request, context) { kind in
                await self.withID(request, context) { await self.deleteTerm(request, kind: kind, id: $0) }
            }
        }

        router.get("/admin/synonyms") { request, _ in await self.synonymsPage(request) }
        router.post("/admin/synonyms") { request, _ in await self.addSynonymGroup(request) }
        router.post("/admin/synonyms/delete") { request, _ in await self.deleteSynonymGroup(request) }
        router.get("/admin/comments") { request, _ in await self.commentQueue(request) }
        router.post("/admin/comments/bulk") { request, _ in await self.moderateComments(request) }
        router.post("/admin/comments/{id}/reply") { request, context in
            await self.withID(request, context) { await self.replyToComment(request, id: $0) }
        }
        router.post("/admin/comments/{id}/edit") { request, context in
            await self.withID(request, context) { await self.editComment(request, id: $0) }
        }
        router.get("/admin/settings") { request, _ in await self.settingsPage(request) }
        router.post("/admin/settings") { request, _ in await self.saveSettings(request) }
        router.get("/admin/users") { request, _ in await self.userList(request) }
        router.post("/admin/users") { request, _ in await self.createUser(request) }
        router.post("/admin/users/{id}/role") { request, context in
            await self.withID(request, context) { await self.changeRole(request, id: $0) }
        }
        router.post("/admin/users/{id}/author") { request, context in
            await self.withID(request, context) { await self.linkAuthor(request, id: $0) }
        }
        router.post("/admin/users/{id}/sessions/revoke") { request, context in
            await self.withID(request, context) { await self.revokeUserSessions(request, id: $0) }
        }
    }

    func withID(_ request: Request, _ context: SiteRequestContext, _ body: (Int64) async -> Response) async -> Response {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
            return errorPage(.notFound, language: language(of: request), visitor: nil)
        }
        return await body(id)
    }

    func withKind(_ request: Request, _ context: SiteRequestContext, _ body: (TermKind) async -> Response) async -> Response {
        guard let kind = context.parameters.get("kind").flatMap(TermKind.init(rawValue:)) else {
            return errorPage(.notFound, language: language(of: request), visitor: nil)
        }
        return await body(kind)
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600", .xContentTypeOptions: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
