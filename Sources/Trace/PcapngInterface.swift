/// What a pcapng Interface Description Block (draft-ietf-opsawg-pcapng §4.2) says about the packets of its
/// interface: link type, snap length, and how to read their timestamps (options if_tsresol and if_tsoffset).
struct PcapngInterface: Sendable {
    var linkType: LinkType
    /// 0: no limit.
    var snapLength: Int
    /// From if_tsresol (code 9): 10^n or 2^n; 10^6 when the option is absent.
    var unitsPerSecond: UInt64 = 1_000_000
    /// From if_tsoffset (code 14): seconds added to every timestamp.
    var offsetSeconds: Int64 = 0
}

/// Block type codes, draft-ietf-opsawg-pcapng §10.1.
enum PcapngBlockType {
    static let sectionHeader: UInt32 = 0x0A0D_0D0A
    static let interfaceDescription: UInt32 = 0x0000_0001
    static let simplePacket: UInt32 = 0x0000_0003
    static let enhancedPacket: UInt32 = 0x0000_0006

    static func name(_ type: UInt32) -> String {
        switch type {
        case sectionHeader: "section header block"
        case interfaceDescription: "interface description block"
        case simplePacket: "simple packet block"
        case enhancedPacket: "enhanced packet block"
        default: "block of type 0x\(String(type, radix: 16, uppercase: true))"
        }
    }
}
