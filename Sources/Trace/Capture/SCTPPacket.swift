/// The DATA chunks of an SCTP packet (RFC 4960 §3, RFC 9260 §3): the common header, then chunks of type, flags
/// and length, each padded to 4 octets. Chunks of other types (INIT, SACK, HEARTBEAT, ...) are passed over.
/// The CRC32c checksum is not checked: a capture on the sending host holds it before offload fills it in.
struct SCTPPacket {
    var sourcePort: UInt16
    var destinationPort: UInt16
    var verificationTag: UInt32
    var dataChunks: [DataChunk]
    /// The chunk that could not be read, if any; the DATA chunks before it are kept.
    var error: CaptureDecodingError?

    /// RFC 4960 §3.3.1 DATA chunk: flags U (unordered), B (beginning), E (ending); TSN, stream identifier,
    /// stream sequence number, payload protocol identifier, user data.
    struct DataChunk {
        var tsn: UInt32
        var stream: UInt16
        var payloadProtocol: UInt32
        var beginning: Bool
        var ending: Bool
        var userData: ArraySlice<UInt8>
    }

    static let dataChunkType: UInt8 = 0
    /// Type, flags, length, TSN, stream identifier, stream sequence number, PPID.
    static let dataChunkHeaderLength = 16

    init(_ packet: ArraySlice<UInt8>) throws(CaptureDecodingError) {
        try packet.require(12, field: "SCTP common header")
        sourcePort = packet.u16(at: 0)
        destinationPort = packet.u16(at: 2)
        verificationTag = packet.u32(at: 4)
        dataChunks = []
        var chunk = packet.dropping(12)
        while !chunk.isEmpty {
            do throws(CaptureDecodingError) {
                try chunk.require(4, field: "SCTP chunk header")
                let length = Int(chunk.u16(at: 2))
                guard length >= 4 else {
                    throw CaptureDecodingError(offset: chunk.startIndex + 2, field: "SCTP chunk length",
                                               reason: "\(length), less than the 4-octet chunk header")
                }
                try chunk.require(length, field: "SCTP chunk of type \(chunk.u8(at: 0))")
                if chunk.u8(at: 0) == Self.dataChunkType {
                    dataChunks.append(try Self.dataChunk(chunk.slice(0, length)))
                }
                chunk = chunk.dropping(min(chunk.count, (length + 3) & ~3))
            } catch {
                self.error = error
                return
            }
        }
    }

    private static func dataChunk(_ chunk: ArraySlice<UInt8>) throws(CaptureDecodingError) -> DataChunk {
        guard chunk.count > dataChunkHeaderLength else {
            throw CaptureDecodingError(
                offset: chunk.startIndex + 2, field: "SCTP DATA chunk length",
                reason: "\(chunk.count), no user data after the 16-octet header (RFC 4960 §3.3.1)")
        }
        let flags = chunk.u8(at: 1)
        return DataChunk(tsn: chunk.u32(at: 4), stream: chunk.u16(at: 8), payloadProtocol: chunk.u32(at: 12),
                         beginning: flags & 0x02 != 0, ending: flags & 0x01 != 0,
                         userData: chunk.dropping(dataChunkHeaderLength))
    }
}
