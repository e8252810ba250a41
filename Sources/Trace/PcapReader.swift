/// Reads the packets of a whole capture file held in memory: classic libpcap files (draft-ietf-opsawg-pcap) in
/// either byte order with microsecond or nanosecond timestamps, and pcapng files (draft-ietf-opsawg-pcapng) with
/// any number of sections, in either byte order, taking packets from Enhanced and Simple Packet Blocks and link
/// types from Interface Description Blocks, and skipping every other block.
///
/// Pure: bytes in, records out. Records are slices of the bytes given, so reading copies no packet data.
///
/// ```swift
/// var reader = try PcapReader(bytes: fileBytes)
/// while let record = try reader.next() { ... }
/// ```
public struct PcapReader: Sendable {
    public enum Format: Hashable, Sendable {
        /// Classic pcap; `nanosecondTimestamps` for the 0xA1B23C4D magic, microseconds for 0xA1B2C3D4.
        case pcap(ByteOrder, nanosecondTimestamps: Bool)
        /// pcapng; each section has its own byte order.
        case pcapng
    }

    public let format: Format
    var file: FileBytes
    /// Where the next record or block starts.
    var offset: Int
    var packetsRead = 0
    /// Classic pcap: the one link type, and the timestamp fraction's units per second.
    var classicLinkType = LinkType(rawValue: 0)
    var classicUnitsPerSecond: UInt64 = 1_000_000
    /// pcapng: the interfaces declared so far in the current section, in order of their IDs.
    var interfaces: [PcapngInterface] = []

    /// Reads the file header (classic pcap) or checks that the file starts with a Section Header Block (pcapng).
    public init(bytes: [UInt8]) throws(TraceError) {
        file = FileBytes(bytes: bytes)
        try file.require(4, at: 0, field: "file magic")
        let magic = file.u32LittleEndian(at: 0)
        switch magic {
        case 0xA1B2_C3D4: format = .pcap(.littleEndian, nanosecondTimestamps: false)
        case 0xD4C3_B2A1: format = .pcap(.bigEndian, nanosecondTimestamps: false)
        case 0xA1B2_3C4D: format = .pcap(.littleEndian, nanosecondTimestamps: true)
        case 0x4D3C_B2A1: format = .pcap(.bigEndian, nanosecondTimestamps: true)
        case PcapngBlockType.sectionHeader: format = .pcapng
        default: throw TraceError(offset: 0, field: "file magic", reason: .unknownMagic(magic))
        }
        offset = 0
        if case .pcap(let byteOrder, let nanoseconds) = format {
            file.byteOrder = byteOrder
            classicUnitsPerSecond = nanoseconds ? 1_000_000_000 : 1_000_000
            try readClassicHeader()
        }
    }

    /// Octets dropped from the front by `append(_:)` (streaming): add it to a buffer offset to get a file offset.
    public private(set) var consumed = 0

    /// Streaming (`PcapStream`): forgets the octets already read and goes on with `more` after the rest. Records
    /// returned before stay valid; the indices of later records count from the new buffer.
    public mutating func append(_ more: [UInt8]) {
        var rest = Array(file.bytes[offset...])
        rest.append(contentsOf: more)
        let byteOrder = file.byteOrder
        file = FileBytes(bytes: rest)
        file.byteOrder = byteOrder
        consumed += offset
        offset = 0
    }

    /// The next packet, or nil at the end of the file.
    public mutating func next() throws(TraceError) -> PcapRecord? {
        switch format {
        case .pcap: try nextClassicRecord()
        case .pcapng: try nextPcapngRecord()
        }
    }

    /// Every packet of a capture file.
    public static func records(in bytes: [UInt8]) throws(TraceError) -> [PcapRecord] {
        var reader = try PcapReader(bytes: bytes)
        var records = [PcapRecord]()
        while let record = try reader.next() { records.append(record) }
        return records
    }
}
