import Foundation

/// Where media files live. The default keeps them under the site's data directory
/// (`FileMediaStore` in MinbarMedia); several servers share one directory (an NFS or similar
/// mount), and an object store would implement this same protocol: `publish` uploads,
/// `file(forPublicPath:)` gives way to a redirect or a CDN in front.
public protocol MediaStore: Sendable {
    /// A new file in the store's private working area, for an upload being received or a copy
    /// being made. Nothing there is ever served.
    func workingFile(named name: String) throws -> URL
    /// Moves a finished copy to its public path (`/media/2026/12/…-300x200.webp`).
    func publish(_ file: URL, at path: String) throws
    /// The local file behind a public path, when there is one.
    func file(forPublicPath path: String) -> URL?
    /// Where the local file of a public path would be, without looking (serving checks it with
    /// one `stat`); nil for a path that could not be one.
    func localPath(forPublicPath path: String) -> String?
    /// Keeps the untouched upload privately (only when the site owner turned that on).
    func keepOriginal(_ file: URL, key: String) throws
    /// The kept original of a key, if any.
    func original(key: String) -> URL?
    /// Removes the public copies (and the kept original) of a key.
    func remove(key: String, paths: [String]) throws
}

extension MediaStore {
    public func localPath(forPublicPath path: String) -> String? { file(forPublicPath: path)?.path }
}
