/// The UDP header (RFC 768): ports, then a length covering header and data, within the captured octets.
struct UDPDatagram {
    var sourcePort: UInt16
    var destinationPort: UInt16
    var payload: ArraySlice<UInt8>

    init(_ datagram: ArraySlice<UInt8>) throws(CaptureDecodingError) {
        try datagram.require(8, field: "UDP header")
        var length = Int(datagram.u16(at: 4))
        if length == 0 { length = datagram.count }  // RFC 2675 §4 (jumbograms), and segmentation offload
        guard length >= 8, length <= datagram.count else {
            throw CaptureDecodingError(offset: datagram.startIndex + 4, field: "UDP length",
                                       reason: "\(length) octets, \(datagram.count) captured and 8 the minimum")
        }
        sourcePort = datagram.u16(at: 0)
        destinationPort = datagram.u16(at: 2)
        payload = datagram.slice(8, length - 8)
    }
}
