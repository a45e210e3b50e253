/// A section of the site (السياسة، الاقتصاد …). Categories nest: a child's articles also show
/// on its parent's page, as in WordPress.
public struct Category: Sendable, Hashable, Identifiable, Codable {
    public var id: Int64
    /// Decoded slug, e.g. `الشرق-الأوسط`.
    public var slug: String
    public var name: String
    public var description: String
    public var parentID: Int64?
    /// Order among siblings in menus and on the home page; lower first.
    public var position: Int

    public init(id: Int64, slug: String, name: String, description: String = "", parentID: Int64? = nil, position: Int = 0) {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
        self.parentID = parentID
        self.position = position
    }
}

extension Array where Element == Category {
    /// The ids of a category and of every category below it.
    public func idsInTree(of root: Int64) -> [Int64] {
        var result = [root]
        var index = 0
        while index < result.count {
            let parent = result[index]
            for category in self where category.parentID == parent && !result.contains(category.id) {
                result.append(category.id)
            }
            index += 1
        }
        return result
    }

    /// Top-level categories in menu order.
    public var topLevel: [Category] {
        filter { $0.parentID == nil }.sorted { ($0.position, $0.name) < ($1.position, $1.name) }
    }

    /// Every category with its depth (0 for top level), each followed by its children, in menu
    /// order: what a section picker lists.
    public var tree: [(category: Category, depth: Int)] {
        var result: [(Category, Int)] = []
        var placed = Set<Int64>()
        func add(_ category: Category, depth: Int) {
            guard placed.insert(category.id).inserted else { return }
            result.append((category, depth))
            for child in filter({ $0.parentID == category.id }).sorted(by: { ($0.position, $0.name) < ($1.position, $1.name) }) {
                add(child, depth: depth + 1)
            }
        }
        for category in topLevel { add(category, depth: 0) }
        // A category whose parent is missing still shows.
        for category in self where !placed.contains(category.id) { add(category, depth: 0) }
        return result
    }

    /// A category followed by its ancestors up to the top level.
    public func ancestry(of category: Category) -> [Category] {
        var chain = [category]
        var current = category
        while let parentID = current.parentID, let parent = first(where: { $0.id == parentID }),
            !chain.contains(where: { $0.id == parent.id })
        {
            chain.append(parent)
            current = parent
        }
        return chain
    }
}
