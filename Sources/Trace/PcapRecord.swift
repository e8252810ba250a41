/// One captured packet: a classic pcap record (draft-ietf-opsawg-pcap §5), or a pcapng Enhanced or Simple
/// Packet Block (draft-ietf-opsawg-pcapng §4.3, §4.4).
public struct PcapRecord: Hashable, Sendable {
    /// 1-based position among the packets of the file, as Wireshark numbers frames.
    public var number: Int
    /// Absent for a Simple Packet Block, which carries no time.
    public var timestamp: CaptureTimestamp?
    /// The link type of the file (classic pcap) or of the packet's interface (pcapng).
    public var linkType: LinkType
    /// The pcapng interface ID (0 in classic pcap).
    public var interfaceID: Int
    /// The captured octets: a slice of the file, so its indices are file offsets.
    public var data: ArraySlice<UInt8>
    /// The length of the packet on the wire; larger than `data.count` when the capture cut it at the snap length.
    public var originalLength: Int

    public init(
        number: Int, timestamp: CaptureTimestamp?, linkType: LinkType, interfaceID: Int = 0,
        data: ArraySlice<UInt8>, originalLength: Int
    ) {
        self.number = number
        self.timestamp = timestamp
        self.linkType = linkType
        self.interfaceID = interfaceID
        self.data = data
        self.originalLength = originalLength
    }
}
