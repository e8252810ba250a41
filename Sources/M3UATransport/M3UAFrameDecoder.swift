import NIOCore

/// Splits a TCP byte stream into M3UA messages on the Message Length of the common header (RFC 4666 §3.1: octets
/// 5–8, big-endian, header included), the framing Osmocom uses for M3UA over TCP (digest sipi-m3ua.md E.1).
/// A length below the header size or above `maximumLength` cannot be resynchronised: the stream is closed.
public struct M3UAFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = [UInt8]

    /// The common header: version, reserved, class, type, length (RFC 4666 §3.1).
    public static let headerLength = 8
    public let maximumLength: Int

    public init(maximumLength: Int = 65_536) { self.maximumLength = maximumLength }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard buffer.readableBytes >= Self.headerLength,
              let declared = buffer.getInteger(at: buffer.readerIndex + 4, as: UInt32.self)
        else { return .needMoreData }
        let length = Int(declared)
        guard length >= Self.headerLength, length <= maximumLength else {
            throw M3UAFramingError(declaredLength: length, maximumLength: maximumLength)
        }
        guard buffer.readableBytes >= length, let bytes = buffer.readBytes(length: length) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(bytes))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

/// A Message Length that cannot frame a message (RFC 4666 §3.1).
public struct M3UAFramingError: Error, Hashable, Sendable, CustomStringConvertible {
    public let declaredLength: Int
    public let maximumLength: Int
    public var description: String {
        "M3UA message length \(declaredLength) is outside \(M3UAFrameDecoder.headerLength)...\(maximumLength): stream closed"
    }
}
