/// Network byte order (RFC 4666 §3.1: "All fields in an M3UA message MUST be transmitted in network byte order").
extension ArraySlice<UInt8> {
    /// Reads `width` octets (1...4) at `offset` octets from the start of the slice.
    func bigEndian(at offset: Int, width: Int) -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<width { value = value << 8 | UInt32(self[startIndex + offset + i]) }
        return value
    }

    func uint16(at offset: Int) -> UInt16 { UInt16(bigEndian(at: offset, width: 2)) }
    func uint32(at offset: Int) -> UInt32 { bigEndian(at: offset, width: 4) }
}

extension Array<UInt8> {
    /// Appends the low `width` octets (1...4) of `value`, most significant first.
    mutating func appendBigEndian(_ value: UInt32, width: Int) {
        for i in stride(from: width - 1, through: 0, by: -1) { append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(i)))) }
    }

    mutating func appendUInt16(_ value: UInt16) { appendBigEndian(UInt32(value), width: 2) }
    mutating func appendUInt32(_ value: UInt32) { appendBigEndian(value, width: 4) }
}
