import ArgumentParser
import Foundation
import Hummingbird
import Logging
import MinbarCore
import MinbarMedia
import MinbarWeb

/// `minbar serve`: runs the site until Ctrl-C or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the site over HTTP.")

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Flag(help: "Fill an empty data directory with the demo site first.")
    var demo = false

    @Option(help: "Theme folder (default: themes/default of the Minbar checkout).")
    var theme: String?

    @Option(name: .customLong("base-url"), help: "Public address for absolute URLs when the site setting url is empty (default: http://HOST:PORT).")
    var baseURL: String?

    @Flag(name: .customLong("no-page-cache"), help: "Render every page anew (for measuring render cost).")
    var noPageCache = false

    @Flag(name: .customLong("behind-proxy"), help: "Trust X-Forwarded-For and X-Forwarded-Proto (only behind a proxy that sets them).")
    var behindProxy = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) || baseURL.hasSuffix("/") {
            throw ValidationError("--base-url must start with http:// or https:// and have no trailing slash, e.g. https://news.example")
        }
    }

    func run() async throws {
        var logger = Logger(label: "minbar")
        logger.logLevel = logLevel
        let searchLogger = logger
        let store = try dataOptions.openStore()
        if demo {
            let settings = try await store.siteSettings()
            try await Demo.install(into: store, data: dataOptions.data, media: try dataOptions.openMedia(store: store, settings: { settings }))
        }
        let themeDirectory = try ThemeLocator.locate(theme)
        let loadedTheme: Theme
        do {
            loadedTheme = try await Theme(directory: themeDirectory)
        } catch let error as ThemeError {
            throw ValidationError(error.description)
        }
        var configuration = WebConfiguration()
        configuration.pageCacheEnabled = !noPageCache
        configuration.trustProxyHeaders = behindProxy
        let reachableHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        configuration.baseURL = baseURL ?? "http://\(reachableHost):\(port)"
        let site = try await PublicSite(store: store, search: store, theme: loadedTheme, configuration: configuration, logger: logger)
        let host = self.host
        let explicitBaseURL = baseURL
        let media = try dataOptions.openMedia(store: store, settings: { site.currentSettings })
        if !ImageProcessor.isAvailable {
            logger.warning("libvips-tools, webp or prlimit is missing: photo uploads will be refused (apt-get install libvips-tools webp)")
        }
        let admin = try AdminSite(store: store, site: site, media: media, logger: logger)
        let scheduler = PublishingScheduler(store: store, site: site, logger: logger)
        let app = buildApplication(site: site, admin: admin, services: [scheduler], host: host, port: port, logger: logger) { port in
            if explicitBaseURL == nil { site.serverStarted(at: "http://\(reachableHost):\(port)") }
            var line = "Minbar is serving http://\(host):\(port)/ (data: \(dataOptions.data), theme: \(themeDirectory))\n"
            if (try? await store.users().isEmpty) == true {
                line += "No admin account yet. Create the first one, then sign in at /admin/:\n"
                line += "  echo 'a long passphrase' | \(Self.invocation) user add --data \(dataOptions.data) --email you@example.com --name NAME"
                    + " --role administrator --password-stdin\n"
            }
            FileHandle.standardOutput.write(Data(line.utf8))
            // The search vocabulary is read once, in the background, before readers ask.
            Task.detached(priority: .utility) {
                do {
                    try await store.prepareSearch()
                } catch {
                    searchLogger.error("reading the search vocabulary failed: \(error)")
                }
            }
        }
        try await app.runService()
    }

    /// How to run this same program again from the shell it was started in: `swift run minbar`
    /// when it was built in a checkout (`scripts/run`), which puts nothing on PATH; else the
    /// name or path it was started by.
    static var invocation: String {
        let path = CommandLine.arguments.first ?? "minbar"
        if path.contains("/.build/") { return "swift run minbar" }
        if !path.contains("/") { return path }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        let name = (path as NSString).lastPathComponent
        let onPath = directories.contains { directory in
            (directory + "/" + name as NSString).resolvingSymlinksInPath == (path as NSString).resolvingSymlinksInPath
        }
        return onPath ? name : path
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Finds the theme folder when none is given: `themes/default` in the working directory, then
/// beside the executable's checkout (`swift run` builds into `.build/<config>/`).
enum ThemeLocator {
    static func locate(_ explicit: String?) throws -> String {
        if let explicit { return explicit }
        let fileManager = FileManager.default
        var candidates = [fileManager.currentDirectoryPath + "/themes/default"]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("themes/default").path)
            directory.deleteLastPathComponent()
        }
        if let found = candidates.first(where: { fileManager.fileExists(atPath: $0 + "/theme.json") }) {
            return found
        }
        throw ValidationError("no theme found; run Minbar from its repository root or pass --theme DIR (looked in \(candidates[0]))")
    }
}
