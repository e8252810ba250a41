import ISUP
import M3UA
import Testing

/// Random well-formed messages of every type (seeded, so a failure names its seed and index).
struct PropertyTests {
    @Test(arguments: [0x4666 as UInt64, 0x3332, 2905])
    func encodeDecodeIsTheIdentity(seed: UInt64) throws {
        var generator = M3UAMessageGenerator(seed: seed)
        for n in 0..<2_000 {
            let message = generator.message()
            let octets = try message.encoded()
            #expect(octets.count == message.encodedLength && octets.count % 4 == 0)
            let decoded: M3UAMessage
            do {
                decoded = try M3UAMessage(decoding: octets)
            } catch {
                Issue.record("seed \(seed) #\(n): \(error) in \(Hex.string(octets))")
                continue
            }
            #expect(decoded == message, "seed \(seed) #\(n)")
            #expect(try decoded.encoded() == octets, "seed \(seed) #\(n)")
            #expect(try M3UAMessage(decoding: octets, padding: .ignored) == message)
            #expect(!decoded.json.isEmpty)
        }
    }

    @Test func everyTruncationIsATypedError() throws {
        // Cutting a well-formed message anywhere gives a typed error, never a crash or a wrong message.
        var generator = M3UAMessageGenerator(seed: 7)
        for _ in 0..<200 {
            let octets = try generator.message().encoded()
            for cut in 0..<octets.count {
                #expect(throws: M3UADecodingError.self) { try M3UAMessage(decoding: octets[..<cut]) }
            }
        }
    }
}
