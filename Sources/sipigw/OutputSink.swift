import ArgumentParser
import ISUP

/// Where the decode commands put each input: one rendered line in a batch written to standard output, or, when
/// the input is malformed, a report on standard error under a label that says where it came from. One sink serves
/// every command and every input (hex arguments, hex files, captures), so they print alike.
struct OutputSink {
    /// Inputs seen, good or bad.
    private(set) var count = 0
    private(set) var failures = 0
    private var out = [UInt8]()
    private static let batch = 1 << 16

    init() { out.reserveCapacity(Self.batch) }

    /// Renders one input as a line; a thrown error is reported with the label instead.
    mutating func emit(label: @autoclosure () -> String, _ render: (inout [UInt8]) throws -> Void) {
        count += 1
        let start = out.count
        do {
            try render(&out)
            out.append(UInt8(ascii: "\n"))
        } catch {
            out.removeSubrange(start...)
            fail("\(label()): \(error)")
        }
        if out.count >= Self.batch {
            StandardStreams.output(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    /// Renders each hex message of `input`, whose text must first parse as hex.
    mutating func emit(_ input: HexInput, _ render: ([UInt8], inout [UInt8]) throws -> Void) throws {
        for message in try input.messages() {
            emit(label: message.label) { out in
                guard let bytes = Hex.bytes(message.text) else { throw NotHex() }
                try render(bytes, &out)
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
        StandardStreams.output(out)
        if failures > 0 { throw ExitCode(1) }
    }

    struct NotHex: Error, CustomStringConvertible {
        var description: String { "not a hex string" }
    }
}
