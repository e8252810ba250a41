import NIOCore
import SIPI

/// SIP over TCP (RFC 3261 §18.3): one message per start line, header and Content-Length octets of body
/// (`SIPFraming`). CRLFs between messages are keep-alives (RFC 5626 §3.5.1): a double CRLF "ping" is answered with a
/// CRLF "pong". A stream that does not start a SIP message where one must begin, or whose header or body exceeds
/// the limits, has lost its framing: the decoder throws and the connection is closed.
struct SIPStreamDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    /// The largest body accepted (an INVITE with SDP and ISUP is a few kB).
    static let maximumBody = 65_536
    private static let pong: [UInt8] = SIPFraming.crlf

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        var keepAlives = 0
        while buffer.readableBytesView.starts(with: SIPFraming.crlf) {
            buffer.moveReaderIndex(forwardBy: 2)
            keepAlives += 1
        }
        if keepAlives >= 2 {
            context.writeAndFlush(NIOAny(context.channel.allocator.buffer(bytes: Self.pong)), promise: nil)
        }
        guard buffer.readableBytes > 0 else { return .needMoreData }
        let octets = Array(buffer.readableBytesView.prefix(SIPFraming.maximumHeader + Self.maximumBody))[...]
        switch SIPFraming.startLine(of: octets) {
        case .needMore: return .needMoreData
        case .notSIP:
            throw SIPFramingError(offset: 0, field: "start line", reason: "not a SIP Request-Line or Status-Line (RFC 3261 §7)")
        case .sip: break
        }
        guard let length = try SIPFraming.messageLength(in: octets, maximum: Self.maximumBody) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: length)!))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
