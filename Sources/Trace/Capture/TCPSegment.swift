/// The fields of a TCP segment (RFC 9293 §3.1) that stream reassembly needs.
struct TCPSegment {
    var sourcePort: UInt16
    var destinationPort: UInt16
    var sequenceNumber: UInt32
    var synchronize: Bool
    /// FIN or RST: the sender closes or aborts the connection.
    var closing: Bool
    var payload: ArraySlice<UInt8>

    /// RFC 9293 §3.1: ports, sequence and acknowledgment numbers, data offset (header length in 32-bit words,
    /// at least 5), flags; the payload follows the options.
    init(_ segment: ArraySlice<UInt8>) throws(CaptureDecodingError) {
        try segment.require(20, field: "TCP header")
        let headerLength = Int(segment.u8(at: 12) >> 4) * 4
        guard headerLength >= 20 else {
            throw CaptureDecodingError(offset: segment.startIndex + 12, field: "TCP data offset",
                                       reason: "\(headerLength / 4) words, below 5 (RFC 9293 §3.1)")
        }
        try segment.require(headerLength, field: "TCP options")
        sourcePort = segment.u16(at: 0)
        destinationPort = segment.u16(at: 2)
        sequenceNumber = segment.u32(at: 4)
        synchronize = segment.u8(at: 13) & 0x02 != 0
        closing = segment.u8(at: 13) & 0x05 != 0
        payload = segment.dropping(headerLength)
    }
}
