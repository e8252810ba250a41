import ISUP
import Testing

/// Hex test vectors: spaces allowed; a malformed literal is a bug in the test itself.
func hex(_ text: String) -> [UInt8] {
    guard let bytes = Hex.bytes(text) else { fatalError("bad hex literal in test: \(text)") }
    return bytes
}

func decode(_ text: String, framing: ISUPMessage.Framing = .withCIC) throws -> ISUPMessage {
    try ISUPMessage(decoding: hex(text), framing: framing)
}

/// A named vector and where it comes from.
struct Vector: CustomTestStringConvertible, Sendable {
    let name: String
    let hex: String
    let source: String
    var testDescription: String { name }
}
