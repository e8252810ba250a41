/// A point code with its mask octet: Affected Point Code (RFC 4666 §3.4.1), Destination Point Code and
/// Originating Point Code List (§3.6.1). The point code is right-aligned in 24 bits (ITU 14-bit codes are padded
/// on the left); the mask is the number of least significant bits that are wildcarded (0 = exactly this code).
public struct MaskedPointCode: Hashable, Sendable, FixedWidthValue, CustomStringConvertible {
    public var mask: UInt8
    /// 24 bits.
    public var pointCode: UInt32

    public init(_ pointCode: UInt32, mask: UInt8 = 0) {
        precondition(pointCode <= 0xFF_FFFF, "point code \(pointCode) does not fit in 24 bits (RFC 4666 §3.4.1)")
        self.mask = mask
        self.pointCode = pointCode
    }

    static var width: Int { 4 }
    init(wire: ArraySlice<UInt8>) { self.init(wire.bigEndian(at: 1, width: 3), mask: wire[wire.startIndex]) }
    func append(to out: inout [UInt8]) {
        out.append(mask)
        out.appendBigEndian(pointCode, width: 3)
    }

    public var description: String { mask == 0 ? "\(pointCode)" : "\(pointCode)/\(mask)" }
}

/// One entry of the Circuit Range parameter (tag 0x020f, RFC 3332 §3.6.1; RFC 4666 §3.2 lists the tag as
/// reserved, Wireshark still decodes it): an OPC with its mask and the lowest and highest CIC of the range.
public struct CircuitRange: Hashable, Sendable, FixedWidthValue {
    public var opc: MaskedPointCode
    public var lowerCIC: UInt16
    public var upperCIC: UInt16

    public init(opc: MaskedPointCode, lowerCIC: UInt16, upperCIC: UInt16) {
        self.opc = opc
        self.lowerCIC = lowerCIC
        self.upperCIC = upperCIC
    }

    static var width: Int { 8 }
    init(wire: ArraySlice<UInt8>) {
        let s = wire.startIndex
        self.init(opc: MaskedPointCode(wire: wire[s..<(s + 4)]), lowerCIC: wire.uint16(at: 4), upperCIC: wire.uint16(at: 6))
    }
    func append(to out: inout [UInt8]) {
        opc.append(to: &out)
        out.appendUInt16(lowerCIC)
        out.appendUInt16(upperCIC)
    }
}
