import Foundation
import Logging
import MinbarCore
import ServiceLifecycle

/// Puts scheduled articles live at their time, with no request needed: checks the store every
/// `interval` and, when an article's time has come, publishes it and refreshes the public site.
/// Articles whose time passed while the server was down go live as soon as it starts.
public struct PublishingScheduler: Service {
    let store: any NewsroomStore
    let site: PublicSite
    let interval: Duration
    let clock: @Sendable () -> Date
    let logger: Logger

    public init(
        store: any NewsroomStore, site: PublicSite, interval: Duration = .seconds(1), logger: Logger = Logger(label: "minbar.scheduler"),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.site = site
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    /// Publishes what is due now; returns the ids published.
    @discardableResult
    public func runOnce() async throws -> [Int64] {
        // A read first: the writer is taken only when an article is due.
        let now = clock()
        guard let next = try await store.nextScheduledPublication(), next <= now else { return [] }
        let published = try await store.publishDueArticles(now: now)
        if !published.isEmpty {
            logger.info("published scheduled articles \(published)")
            try await site.contentChanged()
        }
        return published
    }

    public func run() async throws {
        // Ends with the server (SIGTERM, Ctrl-C): the sleep is cancelled on graceful shutdown.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await runOnce()
                } catch {
                    logger.error("publishing scheduled articles failed: \(error)")
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
