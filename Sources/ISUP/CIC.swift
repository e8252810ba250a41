/// Circuit identification code, Q.763 §1.2.
///
/// ITU-T ISUP uses 12 bits sent in two octets, least significant octet first; the upper four bits of the
/// second octet are spare. `rawValue` keeps all 16 bits as received so that re-encoding is bit-exact.
public struct CIC: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Q.763 §1.2: `value` must be in 0...4095; `spare` is the upper nibble of the second octet.
    public init(_ value: Int, spare: UInt8 = 0) {
        precondition((0...0x0FFF).contains(value), "CIC \(value) is outside 0...4095 (Q.763 §1.2)")
        self.rawValue = UInt16(value) | UInt16(spare & 0x0F) << 12
    }

    public init(integerLiteral value: Int) { self.init(value) }

    /// The 12-bit circuit identification code.
    public var value: Int { Int(rawValue & 0x0FFF) }

    /// The four spare bits (bits 8–5 of the second octet); 0 on a conforming message.
    public var spare: UInt8 { UInt8(rawValue >> 12) }

    public var description: String { String(value) }
}
