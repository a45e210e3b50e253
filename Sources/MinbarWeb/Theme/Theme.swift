import Foundation
import Mustache
import NIOCore

/// A theme folder loaded into memory: Mustache templates, interface strings and static assets.
///
/// A theme is data, never code: `theme.json` names it and holds its strings in each language,
/// `templates/` holds the Mustache templates and partials, `assets/` the CSS, JavaScript and
/// images it links to.
public struct Theme: Sendable {
    /// What `theme.json` says.
    public struct Manifest: Decodable, Sendable {
        public var name: String
        public var version: String
        /// Interface strings by language code, e.g. `strings["ar"]["related"]`.
        public var strings: [String: [String: String]]
    }

    public let directory: String
    public let manifest: Manifest
    public let templates: MustacheLibrary
    /// Static files by name (`style.css`), each with its content hash for cache-busting URLs.
    public let assets: [String: Asset]
    /// Interface strings per language, Arabic filling any key a translation lacks (merged once
    /// here rather than on every render).
    let mergedStrings: [String: [String: String]]

    /// Loads the theme in `directory`; throws a `ThemeError` that says what is missing or wrong.
    public init(directory: String) async throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ThemeError("theme folder not found: \(directory) (run Minbar from the repository root or pass --theme DIR)")
        }
        let manifestPath = (directory as NSString).appendingPathComponent("theme.json")
        guard let manifestData = fileManager.contents(atPath: manifestPath) else {
            throw ThemeError("theme.json is missing in \(directory)")
        }
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: manifestData)
        } catch {
            throw ThemeError("theme.json in \(directory) is not valid: \(error)")
        }
        FastHTMLContentType.registered
        do {
            templates = try CoreTemplates.adding(
                to: try await MustacheLibrary(directory: (directory as NSString).appendingPathComponent("templates")))
        } catch let error as MustacheLibrary.ParserError {
            throw ThemeError("template \(error.filename) line \(error.context.lineNumber): \(error.error)")
        }
        for required in ["index", "error"] where templates.getTemplate(named: required) == nil {
            throw ThemeError("the theme has no \(required).mustache template: every theme needs index and error")
        }
        var assets: [String: Asset] = [:]
        let assetsDirectory = (directory as NSString).appendingPathComponent("assets")
        for name in (try? fileManager.contentsOfDirectory(atPath: assetsDirectory)) ?? [] {
            let path = (assetsDirectory as NSString).appendingPathComponent(name)
            guard let data = fileManager.contents(atPath: path) else { continue }
            assets[name] = Asset(name: name, bytes: data)
        }
        self.assets = assets
        self.directory = directory
        let arabic = manifest.strings["ar"] ?? [:]
        mergedStrings = manifest.strings.mapValues { arabic.merging($0) { _, translated in translated } }
    }

    /// The first of `candidates` the theme has a template for.
    ///
    /// Callers list names from specific to generic (`article-{slug}`, `article-{category}`,
    /// `article`, `index`), as WordPress and Ghost do.
    public func templateName(from candidates: [String]) -> String {
        candidates.first { templates.getTemplate(named: $0) != nil } ?? "index"
    }

    /// Interface strings in a language, falling back to Arabic for keys a translation lacks.
    public func strings(for language: String) -> [String: String] {
        mergedStrings[language] ?? mergedStrings["ar"] ?? [:]
    }

    /// The URL of an asset with its content hash, so it can be cached for a year.
    public func assetURL(_ name: String) -> String {
        guard let asset = assets[name] else { return "/assets/" + name }
        return "/assets/" + name + "?v=" + asset.hash
    }
}

/// A static file of a theme, kept in memory with its compressed form.
public struct Asset: Sendable {
    public let name: String
    public let contentType: String
    public let body: ByteBuffer
    public let gzippedBody: ByteBuffer?
    /// Short content hash, used in URLs and as the ETag.
    public let hash: String

    init(name: String, bytes: Data) {
        self.name = name
        let buffer = ByteBuffer(bytes: bytes)
        body = buffer
        hash = ContentHash.hex(of: buffer)
        contentType = Self.contentType(forExtension: (name as NSString).pathExtension)
        gzippedBody = Self.compressible(contentType) ? Gzip.compress(buffer) : nil
    }

    static func contentType(forExtension ext: String) -> String {
        switch ext.lowercased() {
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "json": return "application/json"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    static func compressible(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/") || contentType.contains("svg") || contentType.contains("json")
    }
}

/// A theme that cannot be used, with what to fix.
public struct ThemeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
