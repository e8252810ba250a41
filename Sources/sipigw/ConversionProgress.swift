#if canImport(Glibc)
import Glibc
#endif

/// The progress bar of `sipigw convert` on standard error, when it is a terminal: bytes read, messages, calls;
/// redrawn at most ten times a second, quiet when standard error is a file or a pipe.
struct ConversionProgress {
    let total: Int
    let enabled = isatty(2) != 0
    var last = timespec()
    var drawn = false

    init(total: Int) { self.total = max(total, 1) }

    mutating func update(offset: Int, messages: Int, calls: Int) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let elapsed = Int(now.tv_sec - last.tv_sec) * 1000 + Int(now.tv_nsec - last.tv_nsec) / 1_000_000
        guard elapsed >= 100 else { return }
        last = now
        let width = 30, filled = width * min(offset, total) / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r[\(bar)] \(100 * min(offset, total) / total)%  \(offset / 1_048_576)/\(total / 1_048_576) MiB  \(messages) messages  \(calls) calls"
        StandardStreams.raw(Array(line.utf8), fd: 2)
        drawn = true
    }

    /// Clears the bar's line.
    mutating func done() {
        guard drawn else { return }
        StandardStreams.raw(Array("\r\u{1B}[K".utf8), fd: 2)
    }
}
