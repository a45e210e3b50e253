import Foundation

/// A photo in the newsroom's library: what the uploader and editors say about it (title, alt
/// text, caption, credit) and the copies made of it. The original as uploaded is never served:
/// every copy, the full-size one included, is re-encoded without metadata.
public struct MediaItem: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Names the files: `2026/12/3f9a1c2b7d-قصف-حلب` (month folder, content hash, name).
    public var key: String
    public var title: String
    /// Describes the picture for people who cannot see it; required before it becomes a
    /// featured image.
    public var altText: String
    public var caption: String
    /// Photographer or agency, shown under the photo and in JSON-LD `creditText`.
    public var credit: String
    /// The file name as uploaded.
    public var originalName: String
    /// The real format of the upload (read from its bytes, not its name).
    public var format: ImageFormat
    /// Pixels once the camera's orientation is applied.
    public var width: Int
    public var height: Int
    public var status: MediaStatus
    /// Why processing failed, for the library.
    public var failure: String?
    public var copies: [MediaCopy]
    public var uploadedAt: Date
    /// The account that uploaded it.
    public var ownerID: Int64?

    public init(
        id: Int64, key: String, title: String, altText: String = "", caption: String = "", credit: String = "", originalName: String,
        format: ImageFormat, width: Int = 0, height: Int = 0, status: MediaStatus = .processing, failure: String? = nil,
        copies: [MediaCopy] = [], uploadedAt: Date, ownerID: Int64? = nil
    ) {
        self.id = id
        self.key = key
        self.title = title
        self.altText = altText
        self.caption = caption
        self.credit = credit
        self.originalName = originalName
        self.format = format
        self.width = width
        self.height = height
        self.status = status
        self.failure = failure
        self.copies = copies
        self.uploadedAt = uploadedAt
        self.ownerID = ownerID
    }

    /// The copy of this name, if made.
    public func copy(_ name: String, format: ImageFormat? = nil) -> MediaCopy? {
        copies.first { $0.name == name && (format == nil || $0.format == format) }
    }

    /// Copies of one format that keep the whole picture (no crop), narrowest first: a `srcset`.
    public func scaledCopies(format: ImageFormat) -> [MediaCopy] {
        copies.filter { $0.format == format && !(ImageSize.named($0.name)?.crop ?? false) }.sorted { $0.width < $1.width }
    }

    /// The format of the copies beside WebP (the original's, or JPEG for a format browsers do
    /// not all show).
    public var fallbackFormat: ImageFormat { format.copyFormat }

    /// The path of the full-size copy.
    public var fullPath: String? { copy("full")?.path }

    /// The small square the admin's lists and pickers show (WebP where made).
    public var thumbnailCopy: MediaCopy? { copy("thumbnail", format: .webp) ?? copy("thumbnail") ?? scaledCopies(format: fallbackFormat).first }

    /// The copy a plain `src` shows (in a body, for old browsers and feed readers): the `large`
    /// one (at most 1024 px) or the biggest below it, in a format every browser shows.
    public var displayCopy: MediaCopy? {
        let copies = scaledCopies(format: fallbackFormat)
        return copies.last { $0.width <= 1024 && $0.height <= 1024 } ?? copies.first
    }

    /// The library key a `/media/` path belongs to: `2026/12/3f9a1c2b7d-name` for
    /// `/media/2026/12/3f9a1c2b7d-name-300x200.webp` and `/media/2026/12/3f9a1c2b7d-name.jpg`.
    public static func key(ofPath path: some StringProtocol) -> String? {
        guard path.hasPrefix(FeaturedImage.mediaPathPrefix) else { return nil }
        let path = path.dropFirst(FeaturedImage.mediaPathPrefix.count).prefix { $0 != "?" && $0 != "#" }
        guard let dot = path.lastIndex(of: "."), !path.contains("..") else { return nil }
        var stem = path[..<dot]
        // A resized copy's `-WxH`.
        if let dash = stem.lastIndex(of: "-") {
            let size = stem[stem.index(after: dash)...].split(separator: "x", omittingEmptySubsequences: false)
            if size.count == 2, size.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) { stem = stem[..<dash] }
        }
        return stem.isEmpty ? nil : String(stem)
    }

    /// The library keys an article body's images point to.
    public static func keys(inHTML html: String) -> Set<String> {
        var keys = Set<String>()
        var rest = Substring(html)
        while let start = rest.range(of: "src=\"" + FeaturedImage.mediaPathPrefix) {
            let tail = rest[rest.index(start.upperBound, offsetBy: -FeaturedImage.mediaPathPrefix.count)...]
            let path = tail.prefix { $0 != "\"" }
            rest = tail.dropFirst(path.count)
            if let key = key(ofPath: path) { keys.insert(key) }
        }
        return keys
    }
}

/// Where a media item is in its processing.
public enum MediaStatus: String, Sendable, Codable, CaseIterable {
    case processing, ready, failed
}

/// One file made from an upload.
public struct MediaCopy: Sendable, Hashable, Codable {
    /// `full`, or a size of `ImageSize.all` (`thumbnail`, `medium`, …, `social`).
    public var name: String
    public var format: ImageFormat
    public var width: Int
    public var height: Int
    public var bytes: Int
    /// The public address path: `/media/2026/12/3f9a1c2b7d-قصف-حلب-medium.webp`.
    public var path: String

    public init(name: String, format: ImageFormat, width: Int, height: Int, bytes: Int, path: String) {
        self.name = name
        self.format = format
        self.width = width
        self.height = height
        self.bytes = bytes
        self.path = path
    }
}

/// The image formats an upload may be, read from its first bytes.
public enum ImageFormat: String, Sendable, Codable, CaseIterable {
    case jpeg, png, webp, gif, avif, heic

    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .gif: "image/gif"
        case .avif: "image/avif"
        case .heic: "image/heic"
        }
    }

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        default: rawValue
        }
    }

    /// The format of resized copies beside WebP: the original's, except where browsers do not
    /// all show it (HEIC) or encoding is slow (AVIF, GIF's frames): JPEG, or PNG for a GIF.
    public var copyFormat: ImageFormat {
        switch self {
        case .heic, .avif: .jpeg
        case .gif: .png
        default: self
        }
    }

    /// The format of the full-size copy: the original's, except HEIC (which browsers do not
    /// show) and AVIF (whose encoder takes seconds for a phone photo): JPEG for both.
    public var fullFormat: ImageFormat { self == .heic || self == .avif ? .jpeg : self }

    /// The format of bytes, from their signature; nil for anything else (a PHP file named
    /// `.jpg`, an SVG, a PDF…).
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageFormat? {
        let head = Array(bytes.prefix(32))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<(offset + signature.count)]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        // ISO base media: `ftyp` at 4, then the major brand.
        if starts(Array("ftyp".utf8), at: 4), head.count >= 12 {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["avif", "avis"].contains(brand) { return .avif }
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains(brand) { return .heic }
        }
        return nil
    }
}

/// A size copies are made at: WordPress's (so its REST API's `media_details.sizes` answer the
/// same names) plus crops for social cards and Google's 1:1, 4:3 and 16:9.
public struct ImageSize: Sendable, Hashable {
    public var name: String
    /// The box the copy fits in (or fills exactly, when `crop`).
    public var width: Int
    public var height: Int
    public var crop: Bool
    /// Made in WebP too (the schema crops are for search engines, which read JPEG).
    public var withWebP: Bool

    public init(name: String, width: Int, height: Int, crop: Bool = false, withWebP: Bool = true) {
        self.name = name
        self.width = width
        self.height = height
        self.crop = crop
        self.withWebP = withWebP
    }

    /// A box without a height limit (`medium_large`).
    public static let unlimited = 100_000

    public static let all: [ImageSize] = [
        ImageSize(name: "thumbnail", width: 150, height: 150, crop: true),
        ImageSize(name: "medium", width: 300, height: 300),
        ImageSize(name: "medium_large", width: 768, height: unlimited),
        ImageSize(name: "large", width: 1024, height: 1024),
        ImageSize(name: "1536x1536", width: 1536, height: 1536),
        ImageSize(name: "2048x2048", width: 2048, height: 2048),
        ImageSize(name: "social", width: 1200, height: 630, crop: true),
        ImageSize(name: "square", width: 1200, height: 1200, crop: true, withWebP: false),
        ImageSize(name: "four_three", width: 1200, height: 900, crop: true, withWebP: false),
        ImageSize(name: "sixteen_nine", width: 1200, height: 675, crop: true, withWebP: false),
    ]

    public static func named(_ name: String) -> ImageSize? { all.first { $0.name == name } }

    /// The size of a copy of a `width` × `height` picture: fitted in the box (never enlarged),
    /// or the box itself for a crop (a crop larger than the picture is not made: nil).
    public func dimensions(forWidth width: Int, height: Int) -> (width: Int, height: Int)? {
        guard width > 0, height > 0 else { return nil }
        if crop {
            guard width >= self.width || height >= self.height else { return nil }
            return (min(self.width, width), min(self.height, height))
        }
        // WordPress makes no copy at least as large as the original.
        guard width > self.width || height > self.height else { return nil }
        let scale = min(Double(self.width) / Double(width), Double(self.height) / Double(height))
        return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
    }
}

/// What an editor sets on a media item.
public struct MediaDetails: Sendable, Hashable {
    public var title: String
    public var altText: String
    public var caption: String
    public var credit: String

    public init(title: String, altText: String = "", caption: String = "", credit: String = "") {
        self.title = title
        self.altText = altText
        self.caption = caption
        self.credit = credit
    }

    /// Trimmed and checked, field by field.
    public func validated() throws(ValidationError) -> MediaDetails {
        var problems = ValidationErrorCollector()
        var result = self
        result.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        result.altText = altText.trimmingCharacters(in: .whitespacesAndNewlines)
        result.caption = caption.withUnixLineEnds.trimmingCharacters(in: .whitespacesAndNewlines)
        result.credit = credit.trimmingCharacters(in: .whitespacesAndNewlines)
        if result.title.isEmpty { problems.add("title", ar: "العنوان مطلوب.", en: "A title is required.") }
        for (field, value, limit) in [("title", result.title, 300), ("alt_text", result.altText, 500), ("caption", result.caption, 2_000), ("credit", result.credit, 200)]
        where value.count > limit {
            problems.add(field, ar: "النص أطول من \(limit) حرف؛ اختصره.", en: "The text is longer than \(limit) characters; shorten it.")
        }
        try problems.throwIfAny()
        return result
    }
}

/// Which media items to list in the library.
public struct MediaQuery: Sendable, Hashable {
    /// Words found in the title, alt text, caption or credit (Arabic folded).
    public var text: String?
    /// `2026-12`: uploaded that month (site time zone).
    public var month: (year: Int, month: Int)?
    public var format: ImageFormat?
    /// Only items no article uses.
    public var unusedOnly = false
    /// Only items this account uploaded (contributors and authors see their own).
    public var ownerID: Int64?
    /// Only items ready to use.
    public var readyOnly = false
    public var offset = 0
    public var limit = 40

    public init() {}

    public static func == (a: MediaQuery, b: MediaQuery) -> Bool {
        a.text == b.text && a.month?.year == b.month?.year && a.month?.month == b.month?.month && a.format == b.format
            && a.unusedOnly == b.unusedOnly && a.ownerID == b.ownerID && a.readyOnly == b.readyOnly && a.offset == b.offset
            && a.limit == b.limit
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(month?.year)
        hasher.combine(month?.month)
        hasher.combine(format)
        hasher.combine(unusedOnly)
        hasher.combine(ownerID)
        hasher.combine(offset)
    }
}

/// An article that uses a media item (as its featured image or in its body).
public struct MediaUse: Sendable, Hashable {
    public var articleID: Int64
    public var title: String
    public var status: ArticleStatus
    public var asFeaturedImage: Bool

    public init(articleID: Int64, title: String, status: ArticleStatus, asFeaturedImage: Bool) {
        self.articleID = articleID
        self.title = title
        self.status = status
        self.asFeaturedImage = asFeaturedImage
    }
}

/// The media library's records (the files live in a `MediaStore`).
public protocol MediaLibrary: Sendable {
    /// Records a new upload, in `processing` status; its key is made unique.
    func createMedia(key: String, originalName: String, format: ImageFormat, title: String, ownerID: Int64?, at: Date) async throws -> MediaItem
    /// Records what processing made (or why it failed).
    func finishMedia(id: Int64, width: Int, height: Int, copies: [MediaCopy], status: MediaStatus, failure: String?) async throws
    func saveMediaDetails(id: Int64, _ details: MediaDetails) async throws -> MediaItem
    func media(id: Int64) async throws -> MediaItem?
    func media(key: String) async throws -> MediaItem?
    func mediaItems(matching query: MediaQuery, timeZone: TimeZone) async throws -> (items: [MediaItem], total: Int)
    /// The months that have uploads, newest first, in a time zone (for the library's filter).
    func mediaMonths(timeZone: TimeZone) async throws -> [(year: Int, month: Int)]
    /// The ready items with these keys (the images an article body shows).
    func mediaItems(keys: Set<String>) async throws -> [MediaItem]
    /// Every item, oldest first (regenerating copies).
    func allMediaIDs() async throws -> [Int64]
    /// The articles that use an item.
    func mediaUses(id: Int64) async throws -> [MediaUse]
    /// Deletes the record; throws `ContentStoreError.inUse` when an article uses it.
    func deleteMedia(id: Int64) async throws
}
