import Crypto
import Foundation
import Logging
import MinbarArabic
import MinbarCore
import MinbarMedia

/// The newsroom's photos: takes an upload from the working area to a library item with its
/// copies (at most `concurrentJobs` at once, each in its own limited processes), regenerates
/// copies, serves them.
public final class MediaService: Sendable {
    public let library: any MediaLibrary
    public let files: any MediaStore
    let settings: @Sendable () -> SiteSettings
    let clock: @Sendable () -> Date
    let gate: JobGate
    let logger: Logger
    /// The copies served lately, in memory (see `MediaFiles`).
    public let fileCache = MediaFileCache()

    public init(
        library: any MediaLibrary, files: any MediaStore, settings: @escaping @Sendable () -> SiteSettings, concurrentJobs: Int = 2,
        logger: Logger = Logger(label: "minbar.media"), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.library = library
        self.files = files
        self.settings = settings
        self.clock = clock
        self.gate = JobGate(permits: concurrentJobs)
        self.logger = logger
    }

    /// The processor under the site's current limits.
    var processor: ImageProcessor {
        ImageProcessor(maximumPixels: settings().mediaMaximumMegapixels * 1_000_000)
    }

    /// The largest upload accepted, in bytes.
    public var maximumUploadBytes: Int { settings().mediaMaximumMegabytes * 1_000_000 }

    /// Checks an uploaded file (its format from its bytes, its pixel count from its header),
    /// records it and makes its copies. The working file is gone afterwards either way; a refused
    /// upload leaves nothing behind.
    public func ingest(
        _ file: URL, originalName: String, sha256: String, ownerID: Int64?
    ) async throws -> Result<MediaItem, ImageProcessor.Refusal> {
        defer { try? FileManager.default.removeItem(at: file) }
        let processor = self.processor
        let header: ImageProcessor.Header
        do {
            header = try await processor.header(of: file)
        } catch let refusal {
            return .failure(refusal)
        }
        let now = clock()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings().resolvedTimeZone
        let parts = calendar.dateComponents([.year, .month], from: now)
        let stem = ((originalName as NSString).deletingPathExtension as String)
        let slug = Slug.make(from: stem.replacingOccurrences(of: "_", with: " "))
        let name = slug.isEmpty ? "photo" : String(slug.prefix(60))
        let key = String(format: "%04d/%02d/", parts.year ?? 2000, parts.month ?? 1) + sha256.prefix(10) + "-" + name
        let title = stem.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ").trimmingCharacters(in: .whitespaces)
        var item = try await library.createMedia(
            key: key, originalName: originalName, format: header.format, title: title.isEmpty ? name : String(title.prefix(300)), ownerID: ownerID,
            at: now)
        let result: ImageProcessor.Result
        do {
            let key = item.key
            result = try await gate.run {
                try await processor.makeCopies(of: file, format: header.format, key: key, store: self.files, pixels: (header.width, header.height))
            }
        } catch let refusal as ImageProcessor.Refusal {
            try? await library.deleteMedia(id: item.id)
            return .failure(refusal)
        }
        if settings().mediaKeepsOriginals { try files.keepOriginal(file, key: item.key) }
        try await library.finishMedia(id: item.id, width: result.width, height: result.height, copies: result.copies, status: .ready, failure: nil)
        item.width = result.width
        item.height = result.height
        item.copies = result.copies
        item.status = .ready
        return .success(item)
    }

    /// Makes an item's copies again (after a change of sizes): from the kept original when there
    /// is one, else from the full copy (already upright and stripped). Copies no longer made
    /// are removed.
    public func regenerate(id: Int64) async throws {
        guard let item = try await library.media(id: id) else { throw ContentStoreError.notFound("media \(id)") }
        guard let source = files.original(key: item.key) ?? item.fullPath.flatMap({ files.file(forPublicPath: $0) }) else {
            throw ContentStoreError.notFound("media \(id) files")
        }
        let working = try files.workingFile(named: "regenerate")
        try FileManager.default.copyItem(at: source, to: working)
        defer { try? FileManager.default.removeItem(at: working) }
        let format = files.original(key: item.key) != nil ? item.format : item.format.fullFormat
        let processor = self.processor
        let result = try await gate.run { try await processor.makeCopies(of: working, format: format, key: item.key, store: self.files) }
        let kept = Set(result.copies.map(\.path))
        try files.remove(key: "", paths: item.copies.map(\.path).filter { !kept.contains($0) })
        try await library.finishMedia(id: id, width: result.width, height: result.height, copies: result.copies, status: .ready, failure: nil)
        fileCache.removeAll()
    }

    /// Deletes an item and its files; refused while an article uses it.
    public func delete(id: Int64) async throws {
        guard let item = try await library.media(id: id) else { throw ContentStoreError.notFound("media \(id)") }
        try await library.deleteMedia(id: id)
        try files.remove(key: item.key, paths: item.copies.map(\.path))
        fileCache.removeAll()
    }

    /// The SHA-256 of a file, hex (uploads hash while they arrive; this is for files on disk).
    public static func sha256(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// At most `permits` jobs at a time; the others wait their turn in order.
actor JobGate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) { free = max(1, permits) }

    func run<T: Sendable>(_ job: @Sendable () async throws -> T) async throws -> T {
        if free > 0 {
            free -= 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        defer {
            if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
        }
        return try await job()
    }
}
