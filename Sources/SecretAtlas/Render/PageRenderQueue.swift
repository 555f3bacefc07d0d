import Dispatch
import Synchronization

/// Renders pages on every core, in batches, and hands them to a consumer in plan order.
///
/// Rendering is pure, so pages can be rendered in any order on any thread; handing them over in
/// plan order keeps the writer single-threaded and the build deterministic, and batching keeps
/// memory bounded by one batch of pages rather than the whole site.
struct PageRenderQueue {
    /// The path and size of one page handed to the consumer.
    struct Written {
        let path: String
        let count: Int
    }

    let renderer: SiteRenderer

    /// Renders every page and passes each, in order, to `consume`.
    /// - Returns: the path and size of each page, in plan order.
    /// - Throws: the first rendering or consumer error.
    func render(
        _ pages: [SitePlan.Page], batchSize: Int, consume: (OutputFile) throws -> Void
    ) throws -> [Written] {
        var written: [Written] = []
        written.reserveCapacity(pages.count)
        var start = 0
        while start < pages.count {
            let batch = Array(pages[start..<min(start + batchSize, pages.count)])
            let slots = Mutex<[Result<OutputFile, any Error>?]>(Array(repeating: nil, count: batch.count))
            let renderer = self.renderer
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let result = Result { try renderer.render(batch[index]) }
                slots.withLock { $0[index] = result }
            }
            let results = slots.withLock { $0 }
            for result in results {
                guard let result else { continue }
                let file = try result.get()
                try consume(file)
                written.append(Written(path: file.path, count: file.bytes.count))
            }
            start += batchSize
        }
        return written
    }
}
