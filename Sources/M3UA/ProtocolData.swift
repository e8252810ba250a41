import ISUP

/// The Protocol Data parameter, RFC 4666 §3.3.1: the MTP3 routing label and SIO fields of the original MSU, then
/// the MTP3-user message that followed the routing label. For ISUP (SI = 5) that message starts with the CIC,
/// least significant octet first (Q.763 §1.2).
public struct ProtocolData: Hashable, Sendable {
    /// Originating Point Code, right-aligned in 32 bits.
    public var opc: UInt32
    /// Destination Point Code, right-aligned in 32 bits.
    public var dpc: UInt32
    /// Service Indicator.
    public var si: ServiceIndicator
    /// Network Indicator (0 international, 2 national, ...), right-aligned.
    public var ni: UInt8
    /// Message Priority (ANSI/TTC; 0 in ITU networks).
    public var mp: UInt8
    /// Signalling Link Selection.
    public var sls: UInt8
    /// The MTP3-user message. Decoded values share the message's storage.
    public var userProtocolData: ArraySlice<UInt8>

    /// OPC, DPC, SI, NI, MP and SLS come before the user protocol data.
    static let headerLength = 12

    public init(
        opc: UInt32, dpc: UInt32, si: ServiceIndicator, ni: UInt8, mp: UInt8 = 0, sls: UInt8,
        userProtocolData: some Sequence<UInt8>
    ) {
        self.opc = opc
        self.dpc = dpc
        self.si = si
        self.ni = ni
        self.mp = mp
        self.sls = sls
        self.userProtocolData = ArraySlice(userProtocolData)
    }

    /// Protocol Data carrying an ISUP message (SI = 5), encoded with its CIC (Q.763 §1.2).
    public init(
        opc: UInt32, dpc: UInt32, ni: UInt8, mp: UInt8 = 0, sls: UInt8, isup: ISUPMessage
    ) throws(ISUPEncodingError) {
        self.init(
            opc: opc, dpc: dpc, si: .isup, ni: ni, mp: mp, sls: sls,
            userProtocolData: try isup.encoded(framing: .withCIC))
    }

    /// Reads a value the decoder has checked to be at least `headerLength` octets long.
    init(wire: ArraySlice<UInt8>) {
        let s = wire.startIndex
        opc = wire.uint32(at: 0)
        dpc = wire.uint32(at: 4)
        si = ServiceIndicator(rawValue: wire[s + 8])
        ni = wire[s + 9]
        mp = wire[s + 10]
        sls = wire[s + 11]
        userProtocolData = wire[(s + Self.headerLength)...]
    }

    var octets: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Self.headerLength + userProtocolData.count)
        out.appendUInt32(opc)
        out.appendUInt32(dpc)
        out.append(contentsOf: [si.rawValue, ni, mp, sls])
        out.append(contentsOf: userProtocolData)
        return out
    }

    /// The user protocol data decoded as ISUP with its CIC, or nil when the SI is not ISUP. Error offsets count
    /// in the same coordinates as the M3UA decoder's (from the first octet of the decoded M3UA message).
    public func isup() throws(ISUPDecodingError) -> ISUPMessage? {
        guard si == .isup else { return nil }
        return try ISUPMessage(decoding: userProtocolData, framing: .withCIC)
    }
}
