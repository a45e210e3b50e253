import Foundation
import MinbarArabic
import MinbarCore

/// The search page (`/?s=`, `/search/{q}/`).
extension PublicSite {
    func searchPage(query: String, page: Int, category: String?, route: SiteRoute, builder: PageBuilder) async throws -> (PageView, [Article]) {
        let settings = builder.settings
        let section = category.flatMap { slug in builder.categories.first { $0.slug == slug } }
        if category != nil && section == nil { throw PageError.notFound }
        var view = builder.frame(
            title: query.isEmpty ? builder.string("search") : builder.string("search_results_for").replacingOccurrences(of: "{query}", with: query),
            canonicalPath: route.path(encoded: true), description: nil, bodyClass: "search")
        // Every section, sub-sections under their parent (a search in a parent covers them too).
        let options = builder.categories.tree.map { entry in
            CategoryOption(
                slug: entry.category.slug, name: String(repeating: "— ", count: entry.depth) + entry.category.name,
                selected: entry.category.id == section?.id)
        }
        guard !query.isEmpty else {
            view.search = SearchView(
                query: "", message: builder.string("search_prompt"), countText: nil, articles: [], pagination: nil, suggestion: nil,
                categories: options)
            return (view, [])
        }
        guard let searchIndex else {
            view.search = SearchView(
                query: query, message: builder.string("search_unavailable"), countText: nil, articles: [], pagination: nil,
                suggestion: nil, categories: options)
            return (view, [])
        }
        let perPage = settings.articlesPerPage
        let results = try await searchIndex.search(
            SearchQuery(text: query, categoryIDs: section.map { builder.categories.idsInTree(of: $0.id) }, page: page, perPage: perPage),
            now: builder.now)
        let totalPages = max(1, (results.total + perPage - 1) / perPage)
        if page > totalPages { throw PageError.notFound }
        let cards = results.hits.map { hit -> ArticleCard in
            var card = builder.card(hit.article)
            card.snippetHTML = hit.snippetHTML.isEmpty ? nil : hit.snippetHTML
            return card
        }
        let pagination = builder.pagination(for: route, totalPages: totalPages)
        view.prevURL = pagination?.prevURL
        view.nextURL = pagination?.nextURL
        // "More than N" when a very common word matches more than can be listed (a theme
        // without that string says "N").
        let countKey = results.hasMore && builder.strings["more_results_count"] != nil ? "more_results_count" : results.total == 1 ? "one_result" : "results_count"
        let countText = builder.string(countKey).replacingOccurrences(of: "{count}", with: builder.number(results.total))
        view.search = SearchView(
            query: query, message: results.total == 0 ? builder.string("no_results") : nil, countText: results.total > 0 ? countText : nil,
            articles: cards, pagination: pagination,
            suggestion: results.suggestion.map { LinkView(name: $0, url: SiteRoute.search(query: $0, page: 1).path()) },
            categories: options)
        return (view, results.hits.map(\.article))
    }
}
