import Synchronization

/// How far a build has got, for a progress display.
///
/// The phase it is in and, where they are counted, the items done of the total. Safe to update
/// from any thread and to read from another.
///
/// The build only records; whoever made the object (the command line, when standard error is a
/// terminal) reads ``snapshot()`` as often as it likes and decides how to show it, so the engine
/// does no terminal I/O and a build without a display pays nothing but an optional check.
public final class BuildProgress: Sendable {
    /// A stage of a build, in the order they happen.
    public enum Phase: String, Sendable, Equatable {
        /// Comparing the inputs and options with the ones the site at `-o` was built from.
        case checkingLastBuild = "checking the last build"
        /// Reading and parsing the input files.
        case readingInputs = "reading inputs"
        /// Making the model: matching findings to resources, targets, attack paths.
        case analysing
        /// Rendering and writing the planned pages (counted).
        case renderingPages = "rendering pages"
        /// Filling in the report fingerprint and writing `SHA256SUMS`.
        case sealing
        /// Writing the `--zip` archive.
        case zipping
        /// Waiting for another build of the same site to finish moving its site into place
        /// (``SiteLock``).
        case waitingForOtherBuild = "waiting for another build of the same folder"
        /// Comparing the new files with the previous site's, keeping those with the same bytes (counted).
        case keepingUnchangedFiles = "keeping unchanged files"
        /// Moving the new site into place and removing the previous one.
        case replacingSite = "replacing the previous site"

        /// What is counted in this phase, for the rate.
        public var unit: String {
            self == .renderingPages ? "pages" : "files"
        }
    }

    /// What a display shows at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// The current phase.
        public let phase: Phase
        /// Items done in this phase.
        public let done: Int
        /// Items this phase will do, when known.
        public let total: Int?
        /// Time since the phase began.
        public let elapsed: Duration

        /// Creates a snapshot; displays get theirs from ``BuildProgress/snapshot()``.
        public init(phase: Phase, done: Int, total: Int?, elapsed: Duration) {
            self.phase = phase
            self.done = done
            self.total = total
            self.elapsed = elapsed
        }

        /// Items per second in this phase, once there is enough to measure (a quarter of a second).
        public var rate: Double? {
            let seconds = elapsed.seconds
            guard done > 0, seconds >= 0.25 else { return nil }
            return Double(done) / seconds
        }

        /// Time left in this phase at the current rate, when the total is known.
        public var remaining: Duration? {
            guard let total, let rate, rate > 0 else { return nil }
            return .seconds(Double(max(0, total - done)) / rate)
        }

        /// One line for a display, without any terminal control characters, for example
        /// `rendering pages 12,345/100,000 (12%) · 4,321 pages/s · 0:20 left`.
        public var line: String {
            var parts = [phase.rawValue]
            if let total {
                let percent = total > 0 ? min(100, done * 100 / total) : 100
                parts[0] += " \(Self.grouped(done))/\(Self.grouped(total)) (\(percent)%)"
            } else if done > 0 {
                parts[0] += " \(Self.grouped(done)) \(phase.unit)"
            }
            if total != nil, let rate {
                parts.append("\(Self.grouped(Int(rate.rounded()))) \(phase.unit)/s")
            }
            if let remaining {
                parts.append("\(Self.clock(remaining, rounded: .up)) left")
            } else {
                parts.append(Self.clock(elapsed, rounded: .down))
            }
            return parts.joined(separator: " · ")
        }

        /// `12345` as `12,345`: grouped so a changing count stays readable, the same in every locale.
        static func grouped(_ value: Int) -> String {
            let digits = String(value.magnitude)
            var result = ""
            for (index, digit) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
                result.append(digit)
            }
            return value < 0 ? "-" + result : result
        }

        /// A duration as `m:ss`, or `h:mm:ss` from an hour, in whole seconds (time left is rounded
        /// up, so it never reads 0:00 while work remains; time spent is rounded down).
        static func clock(_ duration: Duration, rounded rule: FloatingPointRoundingRule) -> String {
            let total = Int(duration.seconds.rounded(rule))
            let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60)
            let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
            return hours > 0
                ? "\(hours):\(twoDigits(minutes)):\(twoDigits(seconds))" : "\(minutes):\(twoDigits(seconds))"
        }
    }

    private struct State {
        var phase = Phase.readingInputs
        var done = 0
        var total: Int?
        var started: ContinuousClock.Instant
        /// The phases already over, with how long each took, in order.
        var finished: [PhaseTime] = []
        /// Whether the build has begun a phase yet; until then `phase` is only a default.
        var begun = false
    }

    /// How long one phase of a build took, for `build --timings`.
    public struct PhaseTime: Sendable, Equatable {
        /// The phase.
        public let phase: Phase
        /// From its start to the start of the next phase.
        public let duration: Duration
        /// Items done in it, when the phase counts them.
        public let done: Int

        /// ``duration`` in seconds.
        public var seconds: Double { duration.seconds }
    }

    private let state: Mutex<State>

    /// Creates a progress record, in ``Phase/readingInputs`` until the build says otherwise.
    public init() {
        state = Mutex(State(started: .now))
    }

    /// The phase, count and time now.
    public func snapshot() -> Snapshot {
        state.withLock { state in
            Snapshot(
                phase: state.phase, done: state.done, total: state.total, elapsed: .now - state.started)
        }
    }

    /// Starts a phase with nothing done.
    func begin(_ phase: Phase, total: Int? = nil) {
        state.withLock { state in
            let now = ContinuousClock.now
            if state.begun {
                state.finished.append(
                    PhaseTime(phase: state.phase, duration: now - state.started, done: state.done))
            }
            state = State(
                phase: phase, done: 0, total: total, started: now, finished: state.finished, begun: true)
        }
    }

    /// Every phase so far with how long it took, the current one up to now.
    public func timings() -> [PhaseTime] {
        state.withLock { state in
            state.finished + [PhaseTime(phase: state.phase, duration: .now - state.started, done: state.done)]
        }
    }

    /// Counts items done in the current phase.
    func advance(by count: Int = 1) {
        state.withLock { $0.done += count }
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
