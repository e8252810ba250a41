import ArgumentParser
import ISUP

/// Where the decode commands put each input: one rendered line in a batch written to standard output, or, when
/// the input is malformed, a report on standard error under a label that says where it came from. One sink serves
/// every command and every input (hex arguments, hex files, captures), so they print alike.
struct OutputSink {
    /// Inputs seen, good or bad.
    private(set) var count = 0
    private(set) var failures = 0
    /// The batch of rendered lines. JSON is written into it in place; it goes to standard output from there.
    let out: JSONStream
    private static let batch = 1 << 16

    init() { out = JSONStream(capacity: Self.batch + 4096) }

    /// Renders one input as a line; a thrown error is reported with the label instead.
    mutating func emit(label: @autoclosure () -> String, _ render: (JSONStream) throws -> Void) {
        count += 1
        let start = out.count
        do {
            try render(out)
            out.newline()
        } catch {
            out.truncate(to: start)
            fail("\(label()): \(error)")
        }
        if out.count >= Self.batch { flush() }
    }

    /// Renders each hex message of `input`, whose text must first parse as hex.
    mutating func emit(_ input: HexInput, _ render: ([UInt8], JSONStream) throws -> Void) throws {
        for message in try input.messages() {
            emit(label: message.label) { out in
                guard let bytes = Hex.bytes(message.text) else { throw NotHex() }
                try render(bytes, out)
            }
        }
    }

    /// Reports an input that is no message (an unreadable packet, a damaged file).
    mutating func fail(_ line: String) {
        StandardStreams.error(line)
        failures += 1
    }

    /// Writes what is left; exit status 1 when anything failed.
    func finish() throws {
        flush()
        if failures > 0 { throw ExitCode(1) }
    }

    private func flush() {
        out.withWrittenBytes { StandardStreams.output($0) }
        out.truncate(to: 0)
    }

    struct NotHex: Error, CustomStringConvertible {
        var description: String { "not a hex string" }
    }
}
