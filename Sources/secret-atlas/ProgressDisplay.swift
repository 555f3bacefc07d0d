import Dispatch
import Foundation
import SecretAtlas

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows a build's ``BuildProgress`` as one line on standard error, redrawn in place ten times a
/// second and cleared when the build ends.
///
/// Only when standard error is a terminal: a log file or a pipe gets no progress, so scripts and
/// CI logs see exactly what they saw before. Nothing is drawn in the first 0.3 s, so a small build
/// does not flash a line.
final class ProgressDisplay: @unchecked Sendable {
    // @unchecked: `shownLine` is only touched on `queue`, the timer's serial queue.
    let progress = BuildProgress()
    private let queue = DispatchQueue(label: "secret-atlas.progress")
    private let timer: any DispatchSourceTimer
    /// The line on screen, not drawn again while it stays the same.
    private var shownLine: String?

    /// A display, or nil when standard error is not a terminal (or is a `dumb` one).
    init?() {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else {
            return nil
        }
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(300), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// Stops redrawing and clears the line, before anything else is printed.
    func stop() {
        queue.sync {
            timer.cancel()
            if shownLine != nil { Self.write("\r\u{1B}[K") }
            shownLine = nil
        }
    }

    private func draw() {
        var line = progress.snapshot().line
        // One character short of the width, so the cursor never wraps onto a second line.
        let width = Self.terminalWidth() - 1
        if line.count > width { line = String(line.prefix(max(0, width))) }
        guard line != shownLine else { return }
        Self.write("\r" + line + "\u{1B}[K")
        shownLine = line
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
