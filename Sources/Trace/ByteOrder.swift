/// The byte order of a capture file's header fields, fixed by its magic number (classic pcap) or by the
/// byte-order magic of each Section Header Block (pcapng).
public enum ByteOrder: Hashable, Sendable {
    case littleEndian
    case bigEndian
}
