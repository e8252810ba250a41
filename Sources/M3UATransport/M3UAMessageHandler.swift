import M3UA
import NIOCore

/// Decodes framed octets into `M3UAMessage`s for the next handler, and answers what does not decode with the
/// RFC 4666 §3.8.1 ERR (error code and the first 40 octets as diagnostic information) on the same connection; the
/// decoding error is also passed on as a user event, so the owner can count and log it.
public final class M3UAMessageHandler: ChannelDuplexHandler, Sendable {
    public typealias InboundIn = [UInt8]
    public typealias InboundOut = M3UAMessage
    public typealias OutboundIn = M3UAMessage
    public typealias OutboundOut = ByteBuffer

    public let padding: M3UAMessage.Padding

    /// A live association applies the receiver rules for padding (RFC 4666 §3.2).
    public init(padding: M3UAMessage.Padding = .ignored) { self.padding = padding }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        do {
            context.fireChannelRead(wrapInboundOut(try M3UAMessage(decoding: bytes, padding: padding)))
        } catch {
            context.fireUserInboundEventTriggered(error)
            if let reply = error.reply(to: bytes), let octets = try? reply.encoded() {
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: octets)), promise: nil)
            }
        }
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        do {
            let octets = try unwrapOutboundIn(data).encoded()
            context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: octets)), promise: promise)
        } catch {
            promise?.fail(error)
        }
    }
}

extension ChannelPipeline.SynchronousOperations {
    /// Frame decoder then message handler: what an M3UA-over-TCP channel needs before the application's handler.
    public func addM3UAHandlers(maximumLength: Int = 65_536, padding: M3UAMessage.Padding = .ignored) throws {
        try addHandler(ByteToMessageHandler(M3UAFrameDecoder(maximumLength: maximumLength)))
        try addHandler(M3UAMessageHandler(padding: padding))
    }
}
