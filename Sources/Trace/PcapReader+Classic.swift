/// Classic libpcap layout, draft-ietf-opsawg-pcap §4 (file header) and §5 (packet record).
extension PcapReader {
    static let classicHeaderLength = 24
    static let classicRecordHeaderLength = 16

    /// magic(4) major(2) minor(2) reserved1(4) reserved2(4) SnapLen(4) LinkType and additional information(4).
    mutating func readClassicHeader() throws(TraceError) {
        let field = "pcap file header"
        try file.require(Self.classicHeaderLength, at: 0, field: field)
        let major = file.u16(at: 4), minor = file.u16(at: 6)
        guard major == 2 else {
            throw TraceError(offset: 4, field: field, reason: .unsupportedVersion(major: major, minor: minor))
        }
        // §4: the upper 6 bits carry the FCS length and its flag; LINKTYPE_ values fit in the rest.
        classicLinkType = LinkType(rawValue: file.u32(at: 20) & 0x03FF_FFFF)
        offset = Self.classicHeaderLength
    }

    /// Timestamp seconds(4), fraction(4), captured length(4), original length(4), then the captured octets.
    mutating func nextClassicRecord() throws(TraceError) -> PcapRecord? {
        guard offset < file.count else { return nil }
        let number = packetsRead + 1
        try file.require(Self.classicRecordHeaderLength, at: offset, field: "packet record header", packet: number)
        let seconds = UInt64(file.u32(at: offset)), fraction = UInt64(file.u32(at: offset + 4))
        let captured = Int(file.u32(at: offset + 8)), original = Int(file.u32(at: offset + 12))
        let start = offset + Self.classicRecordHeaderLength
        try file.require(captured, at: start, field: "packet data", packet: number)
        offset = start + captured
        packetsRead = number
        return PcapRecord(
            number: number,
            timestamp: CaptureTimestamp(
                units: seconds * classicUnitsPerSecond + fraction, unitsPerSecond: classicUnitsPerSecond),
            linkType: classicLinkType,
            data: file.bytes[start..<offset],
            originalLength: original
        )
    }
}
