import Foundation
import Synchronization

/// Runs one of libvips's command-line tools (Debian's `libvips-tools`, and libwebp's `webpmux`) as a separate process,
/// so that a hostile file can at worst crash or stall that process, never the server: each run
/// has an address-space and a CPU-time limit (`prlimit`) and a wall-clock deadline after which
/// it is killed; libvips's untrusted loaders (ImageMagick, PDF, SVG, FITS, …) are blocked.
struct VipsCommand: Sendable {
    /// Limits of one run.
    struct Limits: Sendable {
        /// Address space of the process (libvips streams big images in tiles; 1.5 GB is ample
        /// for 50-megapixel photos and stops a decompression bomb that slips past the header check).
        var memoryBytes = 1_536 * 1024 * 1024
        var cpuSeconds = 60
        var wallClock: Duration = .seconds(60)
    }

    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var output: String
        var timedOut: Bool
        var description: String { timedOut ? "timed out" : "exit \(status): \(output.prefix(400))" }
    }

    var limits = Limits()

    /// Runs `tool arguments…`; returns what it printed on standard output.
    /// `untrustedInput`: the arguments name a file from outside (an upload); its loaders are then
    /// limited to libvips's trusted ones.
    func run(_ tool: String, _ arguments: [String], untrustedInput: Bool) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--as=\(limits.memoryBytes)", "--cpu=\(limits.cpuSeconds)", "--", tool] + arguments
        var environment = ProcessInfo.processInfo.environment
        if untrustedInput { environment["VIPS_BLOCK_UNTRUSTED"] = "1" }
        // One thread pool per process is plenty: several copies are made side by side.
        environment["VIPS_CONCURRENCY"] = "1"
        if let home = Self.home { environment["VIPSHOME"] = home }
        environment["VIPS_WARNING"] = "0"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let finished = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished.continuation.yield($0.terminationStatus) }
        try process.run()
        let deadline = limits.wallClock
        let killed = Mutex(false)
        let watchdog = Task {
            try await Task.sleep(for: deadline)
            if process.isRunning {
                killed.withLock { $0 = true }
                kill(process.processIdentifier, SIGKILL)
            }
        }
        // Read while it runs: a pipe fills at 64 KB and would stall a chatty process.
        async let printed = Self.readAll(output.fileHandleForReading)
        async let complained = Self.readAll(errors.fileHandleForReading)
        var status: Int32 = -1
        for await value in finished.stream {
            status = value
            break
        }
        watchdog.cancel()
        let timedOut = killed.withLock { $0 }
        let (text, problems) = await (printed, complained)
        guard status == 0 else { throw Failure(status: status, output: problems, timedOut: timedOut) }
        return text
    }

    /// A private libvips home whose only loadable module is HEIF (HEIC and AVIF photos): the
    /// ImageMagick, PDF, OpenSlide and JPEG XL modules Debian installs are never loaded, which
    /// leaves their code out of every process that reads an upload and starts each run ~20 ms
    /// sooner (two dozen runs per photo). nil when it cannot be made (libvips's default then).
    static let home: String? = {
        let fileManager = FileManager.default
        guard let modules = (try? fileManager.contentsOfDirectory(atPath: "/usr/lib"))?.lazy.filter({ $0.hasSuffix("-linux-gnu") }).compactMap({ triple -> (String, String)? in
            let folder = "/usr/lib/" + triple
            guard let entry = (try? fileManager.contentsOfDirectory(atPath: folder))?.first(where: { $0.hasPrefix("vips-modules-") }) else { return nil }
            return (triple, entry)
        }).first,
            fileManager.fileExists(atPath: "/usr/lib/\(modules.0)/\(modules.1)/vips-heif.so")
        else { return nil }
        let home = fileManager.temporaryDirectory.appendingPathComponent("minbar-vips-\(getuid())").path
        let folder = "\(home)/\(modules.0)/\(modules.1)"
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let link = folder + "/vips-heif.so"
            if (try? fileManager.destinationOfSymbolicLink(atPath: link)) == nil {
                try? fileManager.removeItem(atPath: link)
                try fileManager.createSymbolicLink(atPath: link, withDestinationPath: "/usr/lib/\(modules.0)/\(modules.1)/vips-heif.so")
            }
            return home
        } catch {
            return nil
        }
    }()

    /// Reads a pipe to its end on a GCD thread: a blocking read must not hold one of Swift's
    /// few cooperative threads.
    static func readAll(_ handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self))
            }
        }
    }
}
