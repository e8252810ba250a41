import ISUP
import OracleSupport
import Testing


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
