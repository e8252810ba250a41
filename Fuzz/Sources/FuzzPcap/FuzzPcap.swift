import FuzzSupport
import Trace

/// The pcap and pcapng reader (Sources/Trace): every record of the input, its MTP2/MTP3 signal unit and ISUP, and
/// the packets written back with PcapWriter read again as the same octets.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard var reader = try? PcapReader(bytes: bytes(data, size)) else { return 0 }
    var records = [PcapRecord]()
    while let record = try? reader.next() {
        records.append(record)
        _ = try? record.messageSignalUnit()
        _ = try? record.isupMessage()
    }
    guard let linkType = records.first?.linkType else { return 0 }
    var writer = PcapWriter(linkType: linkType)
    let packets = records.filter { $0.linkType == linkType }.map(\.data)
    for packet in packets { writer.append(packet, at: CaptureTimestamp(seconds: 0)) }
    guard let again = try? PcapReader.records(in: writer.bytes), again.map(\.data) == packets else {
        violated("packets written back do not read back the same")
    }
    return 0
}
