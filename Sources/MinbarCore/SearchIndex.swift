import Foundation

/// Full-text search over articles, Arabic-aware. The SQLite store implements it with FTS5 on
/// pre-analysed text; the query planning, ranking inputs and snippets live in `SearchPlanner`.
public protocol SearchIndex: Sendable {
    /// Articles readers may see at `now` that match the query, best first.
    func search(_ query: SearchQuery, now: Date) async throws -> SearchResults
    /// Rebuilds the whole index from the articles; reports (done, total). Returns the count.
    @discardableResult
    func rebuildSearchIndex(progress: @Sendable (Int, Int) -> Void) async throws -> Int
    /// Titles of public articles that start with or contain the words typed so far.
    func suggestions(for text: String, now: Date, limit: Int) async throws -> [Article]
    /// Editor-managed synonyms: each group's phrases find each other.
    func synonymGroups() async throws -> [[String]]
    func saveSynonymGroup(_ phrases: [String]) async throws
    func deleteSynonymGroup(containing phrase: String) async throws -> Bool
}

/// What a reader asked for.
public struct SearchQuery: Sendable, Hashable {
    public var text: String
    /// Only articles in this section (and below it).
    public var categoryIDs: [Int64]?
    public var page: Int
    public var perPage: Int
    /// Articles never to return (the article whose related articles are sought).
    public var excludingIDs: [Int64]
    /// Fewer candidates for quick, approximate uses such as related articles.
    public var candidateLimit: Int?
    /// Cut snippets (and read bodies) for the hits; related articles need neither.
    public var withSnippets = true
    /// Related articles: only the rarest words of the text, each with its stem family only
    /// (no spelling variants, plurals or synonyms), so a page render stays cheap.
    public var isRelatedLookup = false

    public init(
        text: String, categoryIDs: [Int64]? = nil, page: Int = 1, perPage: Int = 10, excludingIDs: [Int64] = [],
        candidateLimit: Int? = nil
    ) {
        self.text = text
        self.categoryIDs = categoryIDs
        self.page = page
        self.perPage = perPage
        self.excludingIDs = excludingIDs
        self.candidateLimit = candidateLimit
    }
}

/// One article found, with its score and a snippet whose matched words are marked.
public struct SearchHit: Sendable, Hashable {
    /// The article with what results show: its sections and authors but not its tags, its HTML
    /// body but not the body's source.
    public var article: Article
    public var score: Double
    /// Escaped HTML from the original text with `<mark>` around the matched words.
    public var snippetHTML: String

    public init(article: Article, score: Double, snippetHTML: String) {
        self.article = article
        self.score = score
        self.snippetHTML = snippetHTML
    }
}

public struct SearchResults: Sendable, Hashable {
    public var hits: [SearchHit]
    /// The results that can be paged through.
    public var total: Int
    /// More articles match than `total` (a very common word on a big site): the best or newest
    /// `total` are the ones listed.
    public var hasMore: Bool
    /// A spelling the site knows, when the query found little ("did you mean").
    public var suggestion: String?

    public init(hits: [SearchHit] = [], total: Int = 0, hasMore: Bool = false, suggestion: String? = nil) {
        self.hits = hits
        self.total = total
        self.hasMore = hasMore
        self.suggestion = suggestion
    }
}
