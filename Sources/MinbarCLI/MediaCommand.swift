import ArgumentParser
import Foundation
import MinbarCore
import MinbarMedia
import MinbarWeb

/// `minbar media`: the photo library from the command line.
struct MediaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media", abstract: "Manage the photo library.", subcommands: [Regenerate.self])

    /// `minbar media regenerate`: makes every item's copies again (after the sizes changed).
    struct Regenerate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make every photo's copies again, from the kept original or the full-size copy (after a change of sizes).")

        @OptionGroup var dataOptions: DataOptions

        @Option(help: "Only this item (its number in the library).")
        var id: Int64?

        func run() async throws {
            guard ImageProcessor.isAvailable else {
                throw ValidationError("libvips-tools, webp or prlimit is missing: apt-get install libvips-tools webp util-linux")
            }
            let store = try dataOptions.openStore()
            let settings = try await store.siteSettings()
            let media = try dataOptions.openMedia(store: store, settings: { settings })
            let ids: [Int64]
            if let id { ids = [id] } else { ids = try await store.allMediaIDs() }
            guard !ids.isEmpty else {
                print("the library is empty: nothing to regenerate")
                return
            }
            let bar = ProgressBar(label: "regenerating")
            let started = Date()
            var done = 0
            var failed: [(Int64, String)] = []
            // As many at once as the service allows (two processes per job, two jobs).
            try await withThrowingTaskGroup(of: (Int64, String?).self) { group in
                var next = ids.makeIterator()
                func addNext() -> Bool {
                    guard let id = next.next() else { return false }
                    group.addTask {
                        do {
                            try await media.regenerate(id: id)
                            return (id, nil)
                        } catch {
                            return (id, "\(error)")
                        }
                    }
                    return true
                }
                for _ in 0..<2 { _ = addNext() }
                while let (id, failure) = try await group.next() {
                    if let failure { failed.append((id, failure)) }
                    done += 1
                    bar.update(done, of: ids.count)
                    _ = addNext()
                }
            }
            let seconds = Date().timeIntervalSince(started)
            let made = ids.count - failed.count
            print(
                "regenerated \(made) of \(ids.count) photos in \(String(format: "%.1f", seconds)) s"
                    + " (\(String(format: "%.2f", Double(made) / max(seconds, 0.001))) images/s)")
            for (id, failure) in failed { print("  item \(id) failed: \(failure)") }
            if !failed.isEmpty { throw ExitCode(1) }
        }
    }
}
