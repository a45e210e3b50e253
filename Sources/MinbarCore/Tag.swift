/// A keyword that links articles across sections (الوسوم).
public struct Tag: Sendable, Hashable, Identifiable, Codable {
    public var id: Int64
    public var slug: String
    public var name: String
    public var description: String

    public init(id: Int64, slug: String, name: String, description: String = "") {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
    }
}
