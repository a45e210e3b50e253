import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `minbar serve` started as a new user starts it: a real process, a real port, a signal to stop.
@Suite(.serialized) struct ServeCommandTests {
    /// The `minbar` executable built beside the tests.
    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("minbar") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// Starts `minbar` with arguments and waits for the line announcing its address.
    func start(_ arguments: [String]) throws -> (Process, Pipe, String) {
        let (process, pipe, address, _) = try startReading(arguments)
        return (process, pipe, address)
    }

    /// Starts `minbar` and returns, with its address, everything it printed up to then.
    func startReading(_ arguments: [String]) throws -> (Process, Pipe, String, String) {
        let binary = try #require(Self.executable, "build the minbar executable first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "serving http://") {
                let address = text[range.upperBound...].prefix { $0 != "/" && $0 != " " }
                return (process, output, "http://" + address, text)
            }
        }
        process.terminate()
        Issue.record("minbar did not announce its address: \(text)")
        throw CancellationError()
    }

    func get(_ url: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesTheDemoSiteAndStopsCleanlyOnSIGTERM() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-cli-\(UUID().uuidString)").path
        let (process, _, base) = try start(["serve", "--data", data, "--demo", "--port", "0"])
        defer { if process.isRunning { process.terminate() } }
        let (health, text) = try await get(base + "/healthz")
        #expect(health == 200 && text == "ok\n")
        let (homeStatus, home) = try await get(base + "/")
        #expect(homeStatus == 200)
        #expect(home.contains("تحالف فرنسي – روسي ضد تنظيم “الدولة الإسلامية” في سوريا"))
        let (seedStatus, _) = try await get(base + "/2015/12/21/تحالف-فرنسي-روسي-ضد-تنظيم-الدولة-الإسلامية-في-سوريا/".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)
        #expect(seedStatus == 200)
        #expect(FileManager.default.fileExists(atPath: data + "/minbar.sqlite"))

        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "still running 15 s after SIGTERM")
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    /// A new site says how to make its first account in a form that works where it was started:
    /// `scripts/run` builds in the checkout and puts no `minbar` on PATH.
    @Test func aNewSitePrintsAFirstAccountCommandThatWorksFromTheCheckout() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("minbar-cli-\(UUID().uuidString)").path
        let (process, _, _, text) = try startReading(["serve", "--data", data, "--demo", "--port", "0"])
        defer { process.terminate() }
        #expect(text.contains("No admin account yet"))
        #expect(text.contains("| swift run minbar user add --data \(data) --email"), "\(text)")
    }

    @Test func refusesABadPortWithAMessage() throws {
        let binary = try #require(Self.executable)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "70000"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("--port must be between 0 and 65535"))
    }
}
