import Interworking
import NIOCore
import SIPI

/// One SIP over TCP connection, accepted or opened by the daemon: its messages parsed by libosip2 and handed on
/// with the connection's remote address (transport TCP), what does not parse counted and dropped; the daemon
/// learns when the connection opens and closes (responses and requests to that address use it).
final class SIPStreamHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private let receive: (SIPMessage, SIPEndpoint) -> Void
    private let refuse: (String) -> Void
    private let opened: (SIPEndpoint, Channel) -> Void
    private let closed: (SIPEndpoint, Channel) -> Void
    private var remote: SIPEndpoint?

    init(receive: @escaping (SIPMessage, SIPEndpoint) -> Void, refuse: @escaping (String) -> Void,
         opened: @escaping (SIPEndpoint, Channel) -> Void, closed: @escaping (SIPEndpoint, Channel) -> Void) {
        self.receive = receive
        self.refuse = refuse
        self.opened = opened
        self.closed = closed
    }

    func channelActive(context: ChannelHandlerContext) {
        if let address = context.channel.remoteAddress, let host = address.ipAddress, let port = address.port {
            let endpoint = SIPEndpoint(host: host, port: port, transport: .tcp)
            remote = endpoint
            opened(endpoint, context.channel)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let remote { closed(remote, context.channel) }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let source = remote else { return }
        let buffer = unwrapInboundIn(data)
        do {
            receive(try SIPMessage(receiving: Array(buffer.readableBytesView)), source)
        } catch {
            refuse("SIP over TCP from \(source) dropped: \(error)")
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        refuse("SIP over TCP with \(remote.map(String.init(describing:)) ?? "?") closed: \(error)")
        context.close(promise: nil)
    }
}
