import ISUP
import OracleSupport
import Testing

/// Properties over many generated inputs (seeded, so a failure names a reproducible case).
@Suite struct PropertyTests {
    static let wellFormedCount = 100_000
    static let fuzzCount = 100_000

    @Test func randomWellFormedMessagesRoundTripBitExact() throws {
        var generator = MessageGenerator(seed: 0x15_0763)
        for n in 0..<Self.wellFormedCount {
            let framing: ISUPMessage.Framing = n % 4 == 0 ? .withoutCIC : .withCIC
            let message = generator.message(framing: framing)
            let bytes = try message.encoded(framing: framing)
            let decoded: ISUPMessage
            do {
                decoded = try ISUPMessage(decoding: bytes, framing: framing)
            } catch {
                Issue.record("case \(n): \(error) for \(Hex.string(bytes))")
                return
            }
            guard decoded == message, try decoded.encoded(framing: framing) == bytes else {
                Issue.record("case \(n) not bit-exact: \(Hex.string(bytes))")
                return
            }
        }
    }

    @Test func randomMessagesRoundTripThroughJSONText() throws {
        var generator = MessageGenerator(seed: 0x15_0764)
        for n in 0..<20_000 {
            let message = generator.message()
            let bytes = try message.encoded()
            let text = JSONValue.object(message.json).jsonText
            do {
                let back = try ISUPMessage(json: try JSONValue(parsing: text))
                guard try back.encoded() == bytes else {
                    Issue.record("case \(n): JSON round trip changed \(Hex.string(bytes)) via \(text)")
                    return
                }
            } catch {
                Issue.record("case \(n): \(error) for \(text)")
                return
            }
        }
    }

    /// Random octet strings, and valid messages with octets flipped, cut or inserted: decoding never crashes, and
    /// whatever decodes re-encodes to a message that decodes to the same value.
    @Test func arbitraryBytesNeverCrash() throws {
        var rng = SplitMix64(seed: 0xF022)
        var generator = MessageGenerator(seed: 0xF023)
        var accepted = 0
        for n in 0..<Self.fuzzCount {
            var bytes: [UInt8]
            if n % 2 == 0 {
                bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                if n % 4 == 0, bytes.count > 2 { bytes[2] = UInt8.random(in: 0...0x43, using: &rng) }
            } else {
                bytes = try generator.message().encoded()
                switch Int.random(in: 0...2, using: &rng) {
                case 0:
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    bytes[i] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.removeLast(Int.random(in: 1...bytes.count, using: &rng))
                default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
                }
            }
            guard let message = try? ISUPMessage(decoding: bytes) else { continue }
            accepted += 1
            _ = message.json
            _ = message.text
            let again = try ISUPMessage(decoding: try message.encoded())
            if again != message {
                Issue.record("case \(n): \(Hex.string(bytes)) decodes differently after re-encoding")
                return
            }
        }
        // The mutations must exercise the accepting paths too, not only the error paths.
        #expect(accepted > Self.fuzzCount / 20)
    }
}
