/// Builds a classic pcap file (draft-ietf-opsawg-pcap §4–§5): little-endian, microsecond timestamps
/// (magic 0xA1B2C3D4), version 2.4, one link type. Pure: the caller writes `bytes` wherever it wants.
///
/// ```swift
/// var writer = PcapWriter(linkType: .mtp3)
/// writer.append(msu, at: CaptureTimestamp(seconds: 1_700_000_000))
/// ```
public struct PcapWriter: Sendable {
    public let linkType: LinkType
    /// Packets longer than this are cut to it; their original length is kept in the record.
    public let snapLength: Int
    /// The file so far: header, then one record per `append`.
    public private(set) var bytes: [UInt8]

    /// 262144 is libpcap's MAXIMUM_SNAPLEN.
    public init(linkType: LinkType, snapLength: Int = 262_144) {
        precondition((1...Int(UInt32.max)).contains(snapLength), "snap length \(snapLength) is not a 32-bit length")
        self.linkType = linkType
        self.snapLength = snapLength
        bytes = []
        bytes.reserveCapacity(1 << 12)
        append32(0xA1B2_C3D4)
        append16(2)  // major
        append16(4)  // minor
        append32(0)  // reserved1 (was thiszone)
        append32(0)  // reserved2 (was sigfigs)
        append32(UInt32(snapLength))
        append32(linkType.rawValue)
    }

    /// Appends one packet record; the timestamp is cut to whole microseconds.
    public mutating func append(_ packet: some Collection<UInt8>, at timestamp: CaptureTimestamp) {
        precondition((0...Int64(UInt32.max)).contains(timestamp.seconds), "\(timestamp) does not fit classic pcap")
        let captured = min(packet.count, snapLength)
        append32(UInt32(timestamp.seconds))
        append32(timestamp.nanoseconds / 1_000)
        append32(UInt32(captured))
        append32(UInt32(packet.count))
        bytes.append(contentsOf: packet.prefix(captured))
    }

    /// Takes the octets written so far (the header first, then records), for a writer that streams the file.
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func append16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private mutating func append32(_ value: UInt32) {
        append16(UInt16(truncatingIfNeeded: value))
        append16(UInt16(truncatingIfNeeded: value >> 16))
    }
}
