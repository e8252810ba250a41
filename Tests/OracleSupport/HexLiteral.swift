import ISUP

/// Hex test vectors: spaces allowed; a malformed literal is a bug in the test itself.
public func hex(_ text: String) -> [UInt8] {
    guard let bytes = Hex.bytes(text) else { fatalError("bad hex literal in test: \(text)") }
    return bytes
}
