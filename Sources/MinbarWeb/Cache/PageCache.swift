import Foundation
import Synchronization

/// Rendered pages in memory, keyed by route and variant, bounded by total bytes.
///
/// A hit costs one dictionary lookup under a lock; an entry past its `validUntil` counts as a
/// miss. Writers call `removeAll()` when content changes. A page is stored with the cache's
/// `generation` taken before its content was read, and refused if pages were dropped since: a
/// render that read the content before a change and finished after it would otherwise be kept
/// until the next change (a scheduled article missing from the home page for hours).
public final class PageCache<Key: Hashable & Sendable>: Sendable {
    struct State {
        var entries: [Key: CachedPage] = [:]
        /// Insertion order, oldest first, for eviction.
        var order: [Key] = []
        var bytes = 0
        /// Bumped whenever pages are dropped or expired.
        var generation = 0
    }

    private let state = Mutex(State())
    /// The most bytes (identity plus gzip bodies) kept; the oldest pages go first beyond it.
    public let byteLimit: Int

    public init(byteLimit: Int = 32 * 1024 * 1024) {
        self.byteLimit = byteLimit
    }

    /// The page for `key` if it is cached and still valid at `now`.
    public func page(for key: Key, now: Date) -> CachedPage? {
        state.withLock { state in
            guard let page = state.entries[key] else { return nil }
            return page.validUntil > now ? page : nil
        }
    }

    /// The number to take before reading what a page is rendered from, for `store`.
    public var generation: Int { state.withLock { $0.generation } }

    /// Keeps a page rendered from content read after `generation` was taken, evicting the oldest
    /// ones while over the byte limit; nothing when pages were dropped since (the content changed
    /// while it was rendered).
    public func store(_ page: CachedPage, for key: Key, renderedSince generation: Int) {
        let size = Self.size(of: page)
        guard size <= byteLimit else { return }
        state.withLock { state in
            guard state.generation == generation else { return }
            if let old = state.entries.updateValue(page, forKey: key) {
                state.bytes -= Self.size(of: old)
            } else {
                state.order.append(key)
            }
            state.bytes += size
            var evicted = 0
            while state.bytes > byteLimit, evicted < state.order.count {
                let oldest = state.order[evicted]
                evicted += 1
                if let removed = state.entries.removeValue(forKey: oldest) { state.bytes -= Self.size(of: removed) }
            }
            if evicted > 0 { state.order.removeFirst(evicted) }
        }
    }

    /// Forgets every page (content changed).
    public func removeAll() {
        state.withLock { $0 = State(generation: $0.generation + 1) }
    }

    /// Lets the pages whose key matches be served until `date` at the latest, then rendered
    /// again: many changes in a short time cost one render, not one each.
    public func expire(where matches: (Key) -> Bool, by date: Date) {
        state.withLock { state in
            state.generation += 1
            for key in state.entries.keys where matches(key) {
                if let page = state.entries[key], page.validUntil > date { state.entries[key]?.validUntil = date }
            }
        }
    }

    /// Forgets the pages whose key matches.
    public func remove(where matches: (Key) -> Bool) {
        state.withLock { state in
            state.generation += 1
            let doomed = state.entries.keys.filter(matches)
            guard !doomed.isEmpty else { return }
            for key in doomed {
                if let removed = state.entries.removeValue(forKey: key) { state.bytes -= Self.size(of: removed) }
            }
            let gone = Set(doomed)
            state.order.removeAll { gone.contains($0) }
        }
    }

    /// Number of pages held.
    public var count: Int { state.withLock { $0.entries.count } }

    static func size(of page: CachedPage) -> Int {
        page.body.readableBytes + (page.gzippedBody?.readableBytes ?? 0)
    }
}
