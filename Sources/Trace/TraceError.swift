/// A capture file or signal unit that cannot be read: where (absolute byte offset in the bytes given to the
/// reader), in which field, for which packet, and why. Reading stops at the first such error; the records
/// already returned stay valid.
public struct TraceError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The bytes end before a field that must be there.
        case truncated(needed: Int, available: Int)
        /// The first four octets are no pcap magic (draft-ietf-opsawg-pcap §3) and no pcapng
        /// Section Header Block type (draft-ietf-opsawg-pcapng §4.1).
        case unknownMagic(UInt32)
        /// The pcapng byte-order magic is neither 0x1A2B3C4D nor its byte swap (draft-ietf-opsawg-pcapng §4.1).
        case unknownByteOrderMagic(UInt32)
        case unsupportedVersion(major: UInt16, minor: UInt16)
        /// A pcapng block total length below 12 or not a multiple of 4 (draft-ietf-opsawg-pcapng §3.1).
        case invalidBlockLength(Int)
        /// A block shorter than the fixed fields of its type.
        case blockTooShort(length: Int, minimum: Int)
        /// The trailing copy of a pcapng block total length differs from the leading one.
        case blockLengthMismatch(leading: Int, trailing: Int)
        /// A length field runs past the end of its block.
        case lengthOverrun(length: Int, available: Int)
        /// A packet block names an interface that no Interface Description Block of its section declared.
        case unknownInterface(id: Int, declared: Int)
        /// A record's link type has no layout here: signal units come from LINKTYPE_MTP2, LINKTYPE_MTP2_WITH_PHDR
        /// and LINKTYPE_MTP3, IP packets (through `CaptureDecoder`) from Ethernet, raw IP, Linux SLL and SLL2.
        case unsupportedLinkType(LinkType)
        /// A field holds a value its format forbids (text says which rule).
        case invalid(String)
    }

    public let offset: Int
    /// The field being read (`pcap file header`, `enhanced packet block`, `routing label`, ...).
    public let field: String
    /// The 1-based number of the packet being read, when the error is inside one.
    public let packet: Int?
    public let reason: Reason

    public init(offset: Int, field: String, packet: Int? = nil, reason: Reason) {
        self.offset = offset
        self.field = field
        self.packet = packet
        self.reason = reason
    }

    public var description: String {
        let packetText = packet.map { "packet \($0), " } ?? ""
        return "\(packetText)offset \(offset), \(field): \(reason.explanation)"
    }
}

extension TraceError.Reason {
    /// Why, without the offset, field and packet.
    public var explanation: String {
        switch self {
        case .truncated(let needed, let available):
            "truncated: \(needed) octet(s) needed, \(available) available"
        case .unknownMagic(let magic): "unknown magic 0x\(hex(magic)): neither pcap nor pcapng"
        case .unknownByteOrderMagic(let magic): "unknown byte-order magic 0x\(hex(magic))"
        case .unsupportedVersion(let major, let minor): "unsupported version \(major).\(minor)"
        case .invalidBlockLength(let length): "block total length \(length) is below 12 or not a multiple of 4"
        case .blockTooShort(let length, let minimum):
            "block total length \(length) is below the \(minimum) octets of its fixed fields"
        case .blockLengthMismatch(let leading, let trailing):
            "block total length \(leading) at the start but \(trailing) at the end"
        case .lengthOverrun(let length, let available):
            "length \(length) runs past the end of its block (\(available) octet(s) left)"
        case .unknownInterface(let id, let declared):
            "interface \(id) not declared (\(declared) interface(s) in this section)"
        case .unsupportedLinkType(let linkType):
            "link type \(linkType.rawValue) is not supported: signal units are read from MTP2 (139, 140) and "
                + "MTP3 (141), IP packets (by capture decoding) from Ethernet (1), raw IP (101, 228, 229), "
                + "Linux SLL (113) and SLL2 (276)"
        case .invalid(let text): text
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
