/// The ITU-T routing label of an MTP3 message signal unit (Q.704 §2.2): 32 bits sent least significant octet
/// first, DPC in bits 1–14, OPC in bits 15–28, SLS in bits 29–32.
public struct RoutingLabel: Hashable, Sendable {
    /// Destination point code, 14 bits.
    public var destinationPointCode: UInt16
    /// Originating point code, 14 bits.
    public var originatingPointCode: UInt16
    /// Signalling link selection, 4 bits.
    public var signallingLinkSelection: UInt8

    public init(destinationPointCode: UInt16, originatingPointCode: UInt16, signallingLinkSelection: UInt8) {
        self.destinationPointCode = destinationPointCode & 0x3FFF
        self.originatingPointCode = originatingPointCode & 0x3FFF
        self.signallingLinkSelection = signallingLinkSelection & 0x0F
    }

    /// The four label octets, in transmission order.
    public init(octets: some Collection<UInt8>) {
        precondition(octets.count == Self.length, "a routing label is \(Self.length) octets")
        var value: UInt32 = 0
        for (shift, octet) in zip(stride(from: 0, to: 32, by: 8), octets) { value |= UInt32(octet) << shift }
        self.init(
            destinationPointCode: UInt16(truncatingIfNeeded: value),
            originatingPointCode: UInt16(truncatingIfNeeded: value >> 14),
            signallingLinkSelection: UInt8(truncatingIfNeeded: value >> 28)
        )
    }

    public static let length = 4

    /// The four label octets, in transmission order.
    public var octets: [UInt8] {
        let value = UInt32(destinationPointCode) | UInt32(originatingPointCode) << 14
            | UInt32(signallingLinkSelection) << 28
        return (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
