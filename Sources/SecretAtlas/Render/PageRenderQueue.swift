import Dispatch
import Foundation
import Synchronization

/// Renders pages on several threads and hands each to a consumer on the thread that rendered it.
///
/// Each worker takes the next page of the plan, renders it and passes it straight on, so
/// rendering, the leak check, hashing and writing of different pages overlap on every core, and
/// memory holds one page per worker rather than a batch or the site. Jobs that are not pages (the
/// data files) are taken from the same queue first: started before the pages, the long ones end
/// while pages are still rendering instead of leaving the other cores idle after them. The consumer must therefore be
/// safe to call from several threads at once (the writer stack is: see ``ManifestWriter``); the
/// order files reach it does not matter, because the manifest is sorted when sealed and every file
/// has its own path.
struct PageRenderQueue {
    /// What was rendered: how many bytes in all and the largest page.
    struct Summary {
        var totalBytes = 0
        var largestPath = ""
        var largestBytes = 0

        mutating func add(_ path: String, _ count: Int) {
            totalBytes += count
            // Ties go to the first path in byte order, so the report does not depend on thread timing.
            if count > largestBytes || (count == largestBytes && path < largestPath) {
                largestPath = path
                largestBytes = count
            }
        }

        mutating func merge(_ other: Summary) {
            let total = totalBytes + other.totalBytes
            add(other.largestPath, other.largestBytes)
            totalBytes = total
        }
    }

    let renderer: SiteRenderer
    /// How many pages are rendered at once; at least 1.
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    /// Renders every page and passes each to `consume`, then `pageDone` (for progress), on workers
    /// that first take the `sideJobs` (work that is not a page), so those start before any page.
    /// - Throws: the first job, rendering or consumer error; the other workers stop at their next
    ///   page or job.
    func render(
        _ pages: [SitePlan.Page], startingWith sideJobs: [@Sendable () throws -> Void] = [],
        consume: @Sendable (OutputFile) throws -> Void, pageDone: @Sendable () -> Void = {}
    ) throws -> Summary {
        let next = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let summary = Mutex(Summary())
        let renderer = self.renderer
        let total = sideJobs.count + pages.count
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, total))) { _ in
            var mine = Summary()
            while true {
                let item = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard item < total, failure.withLock({ $0 == nil }) else { break }
                do {
                    guard item >= sideJobs.count else {
                        try sideJobs[item]()
                        continue
                    }
                    let index = item - sideJobs.count
                    let file = try renderer.render(pages[index])
                    mine.add(file.path, file.bytes.count)
                    try consume(file)
                    pageDone()
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    break
                }
            }
            summary.withLock { $0.merge(mine) }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return summary.withLock { $0 }
    }
}
