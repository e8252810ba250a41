import ArgumentParser
import ISUP

/// Where `decode` puts each message: decoded to JSON Lines or text in a batch written to standard output, or,
/// when it is malformed, reported on standard error under a label that says where it came from. One sink
/// serves every input (hex arguments, hex files, captures), so they print alike.
struct DecodeSink {
    let framing: ISUPMessage.Framing
    let format: OutputFormat
    /// Inputs seen: messages and strings that were no hex.
    private(set) var count = 0
    private(set) var failures = 0
    private var out = [UInt8]()

    init(framing: ISUPMessage.Framing, format: OutputFormat) {
        self.framing = framing
        self.format = format
        out.reserveCapacity(Self.batch)
    }

    private static let batch = 1 << 16

    /// Decodes one message; error offsets count from its first octet, whatever the slice's indices.
    mutating func decode(_ bytes: ArraySlice<UInt8>, label: @autoclosure () -> String) {
        count += 1
        do {
            let message = try ISUPMessage(decoding: bytes, framing: framing)
            switch format {
            case .json: JSONValue.object(message.json).write(into: &out)
            case .text: out.append(contentsOf: message.text.utf8)
            }
            out.append(UInt8(ascii: "\n"))
        } catch {
            let relative = ISUPDecodingError(
                offset: error.offset - bytes.startIndex, field: error.field, reason: error.reason)
            fail("\(label()): \(relative)")
        }
        if out.count >= Self.batch {
            StandardStreams.output(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    /// Parses hex (`Hex.bytes`) and decodes the message.
    mutating func decode(hex text: Substring, label: @autoclosure () -> String) {
        guard let bytes = Hex.bytes(text) else {
            count += 1
            fail("\(label()): not a hex string")
            return
        }
        decode(bytes[...], label: label())
    }

    /// Reports an input that is no message (bad hex, an unreadable packet).
    mutating func fail(_ line: String) {
        StandardStreams.error(line)
        failures += 1
    }

    /// Writes what is left; exit status 1 when anything failed.
    func finish() throws {
        StandardStreams.output(out)
        if failures > 0 { throw ExitCode(1) }
    }
}
