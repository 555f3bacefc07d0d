import Testing

@testable import SecretAtlas

struct BuildProgressTests {
    @Test func aCountedPhaseShowsDoneOfTotalRateAndTimeLeft() {
        let snapshot = BuildProgress.Snapshot(
            phase: .renderingPages, done: 12_345, total: 100_000, elapsed: .seconds(10))
        #expect(snapshot.rate == 1234.5)
        // 87,655 pages left at 1,234.5 a second: 71.004… s, rounded up.
        #expect(snapshot.line == "rendering pages 12,345/100,000 (12%) · 1,235 pages/s · 1:12 left")
    }

    @Test func aPhaseWithoutACountShowsTheTimeSpent() {
        let snapshot = BuildProgress.Snapshot(
            phase: .readingInputs, done: 0, total: nil, elapsed: .milliseconds(3_900))
        #expect(snapshot.rate == nil)
        #expect(snapshot.remaining == nil)
        #expect(snapshot.line == "reading inputs · 0:03")
    }

    @Test func noRateOrTimeLeftUntilThereIsEnoughToMeasure() {
        let early = BuildProgress.Snapshot(
            phase: .keepingUnchangedFiles, done: 40, total: 5_000, elapsed: .milliseconds(100))
        #expect(early.rate == nil)
        #expect(early.line == "keeping unchanged files 40/5,000 (0%) · 0:00")
        let none = BuildProgress.Snapshot(phase: .renderingPages, done: 0, total: 10, elapsed: .seconds(5))
        #expect(none.remaining == nil)
        #expect(none.line == "rendering pages 0/10 (0%) · 0:05")
    }

    @Test func longTimesShowHoursAndCountsAreGrouped() {
        let slow = BuildProgress.Snapshot(
            phase: .renderingPages, done: 1_000, total: 1_000_000, elapsed: .seconds(10))
        // 999,000 pages at 100 a second: 9,990 s = 2:46:30.
        #expect(slow.line == "rendering pages 1,000/1,000,000 (0%) · 100 pages/s · 2:46:30 left")
        #expect(BuildProgress.Snapshot.grouped(999) == "999")
        #expect(BuildProgress.Snapshot.grouped(1_000) == "1,000")
        #expect(BuildProgress.Snapshot.grouped(-1_234_567) == "-1,234,567")
        let done = BuildProgress.Snapshot(phase: .renderingPages, done: 10, total: 10, elapsed: .seconds(1))
        #expect(done.line == "rendering pages 10/10 (100%) · 10 pages/s · 0:00 left")
    }

    @Test func phasesAndCountsAreRecordedFromAnyThread() async {
        let progress = BuildProgress()
        progress.begin(.renderingPages, total: 1_000)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for _ in 0..<250 { progress.advance() } }
            }
        }
        let snapshot = progress.snapshot()
        #expect(snapshot.phase == .renderingPages)
        #expect(snapshot.done == 1_000)
        #expect(snapshot.total == 1_000)
        progress.begin(.sealing)
        #expect(progress.snapshot().done == 0)
        #expect(progress.snapshot().total == nil)
    }

    @Test func timingsListPhasesInOrderWithTheirCounts() {
        let progress = BuildProgress()
        #expect(progress.timings().count == 1, "only the default phase, up to now")
        progress.begin(.readingInputs)
        progress.begin(.renderingPages, total: 3)
        progress.advance(by: 3)
        progress.begin(.sealing)
        let timings = progress.timings()
        #expect(timings.map(\.phase) == [.readingInputs, .renderingPages, .sealing])
        #expect(timings.map(\.done) == [0, 3, 0])
        #expect(timings.allSatisfy { $0.duration >= .zero })
    }
}
