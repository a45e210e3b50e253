import Foundation
import MinbarCore

/// Media files in a directory: `public/` (served at `/media/`), `originals/` (kept untouched
/// uploads, never served) and `work/` (uploads being received and copies being made).
public struct FileMediaStore: MediaStore {
    public let root: URL
    let publicFolder: String

    /// `root` is usually `DATA/media`; its folders are made when missing.
    public init(root: URL) throws {
        self.root = root
        self.publicFolder = root.appendingPathComponent("public").path
        for folder in ["public", "originals", "work"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    public func workingFile(named name: String) throws -> URL {
        root.appendingPathComponent("work").appendingPathComponent(UUID().uuidString + "-" + Self.safeName(name))
    }

    public func publish(_ file: URL, at path: String) throws {
        guard let target = location(ofPublicPath: path) else { throw CocoaError(.fileWriteInvalidFileName) }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.moveItem(at: file, to: target)
    }

    public func file(forPublicPath path: String) -> URL? {
        guard let url = location(ofPublicPath: path) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return url
    }

    public func localPath(forPublicPath path: String) -> String? {
        guard let relative = Self.safeRelativePath(path) else { return nil }
        return publicFolder + "/" + relative
    }

    public func keepOriginal(_ file: URL, key: String) throws {
        let target = root.appendingPathComponent("originals").appendingPathComponent(key)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.copyItem(at: file, to: target)
    }

    public func original(key: String) -> URL? {
        let url = root.appendingPathComponent("originals").appendingPathComponent(key)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    public func remove(key: String, paths: [String]) throws {
        for path in paths {
            if let url = location(ofPublicPath: path), FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        }
        if let original = original(key: key) { try FileManager.default.removeItem(at: original) }
    }

    /// `/media/2026/12/x.jpg` → `ROOT/public/2026/12/x.jpg`; nil for anything that could leave
    /// the folder (`..`, a backslash, an empty segment) or is not under `/media/`.
    func location(ofPublicPath path: String) -> URL? {
        guard let relative = Self.safeRelativePath(path) else { return nil }
        return relative.split(separator: "/").reduce(root.appendingPathComponent("public")) { $0.appendingPathComponent(String($1)) }
    }

    /// `2026/12/x.jpg` for `/media/2026/12/x.jpg`; nil for anything that could leave the folder.
    static func safeRelativePath(_ path: String) -> String? {
        guard path.hasPrefix(FeaturedImage.mediaPathPrefix) else { return nil }
        let relative = path.dropFirst(FeaturedImage.mediaPathPrefix.count)
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty, segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\\") && !$0.contains("\0") })
        else { return nil }
        return String(relative)
    }

    /// A file name without folders or odd characters.
    static func safeName(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0) }
        let text = String(String.UnicodeScalarView(kept)).prefix(60)
        return text.isEmpty ? "upload" : String(text)
    }
}
