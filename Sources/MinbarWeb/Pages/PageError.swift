import MinbarCore

/// Why a public page is not shown as asked; each case becomes a themed page or a redirect.
enum PageError: Error, Sendable {
    case notFound
    case badRequest(LocalizedText)
    /// The page lives at another address (permanent).
    case movedPermanently(String)
    case uriTooLong
}
