import ISUP
import OracleSupport
import M3UA
import Testing


/// Decodes a vector and checks that it re-encodes to the same octets.
func decodeRoundTrip(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> M3UAMessage {
    let octets = hex(text)
    let message = try M3UAMessage(decoding: octets)
    #expect(try message.encoded() == octets, "re-encoding is not bit-exact", sourceLocation: sourceLocation)
    return message
}

/// A named vector: where it comes from, its octets and its message type.
struct Vector: CustomTestStringConvertible, Sendable {
    let name: String
    let hex: String
    let type: M3UAMessageType

    init(_ name: String, _ hex: String, _ type: M3UAMessageType) {
        self.name = name
        self.hex = hex
        self.type = type
    }

    var testDescription: String { name }
}
