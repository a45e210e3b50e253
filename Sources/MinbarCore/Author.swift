/// Who an article is by: a journalist, or an organization such as a research centre or agency.
public struct Author: Sendable, Hashable, Identifiable, Codable {
    /// Person or organization: decides JSON-LD types and how the author box reads.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case person
        case organization
    }

    public var id: Int64
    public var slug: String
    public var name: String
    public var kind: Kind
    public var bio: String
    /// An image URL on the site's own host, or nil.
    public var avatarURL: String?

    public init(id: Int64, slug: String, name: String, kind: Kind = .person, bio: String = "", avatarURL: String? = nil) {
        self.id = id
        self.slug = slug
        self.name = name
        self.kind = kind
        self.bio = bio
        self.avatarURL = avatarURL
    }
}
