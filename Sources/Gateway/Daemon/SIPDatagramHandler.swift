import Interworking
import NIOCore
import SIPI

/// SIP over UDP (RFC 3261 §18): each datagram is one message, parsed by libosip2 and handed to the daemon;
/// what does not parse is counted and dropped (a request without a usable Via cannot be answered).
final class SIPDatagramHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let receive: (SIPMessage, SIPEndpoint) -> Void
    private let refuse: (String) -> Void

    init(receive: @escaping (SIPMessage, SIPEndpoint) -> Void, refuse: @escaping (String) -> Void) {
        self.receive = receive
        self.refuse = refuse
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard let host = envelope.remoteAddress.ipAddress, let port = envelope.remoteAddress.port else { return }
        let source = SIPEndpoint(host: host, port: port, transport: .udp)
        do {
            receive(try SIPMessage(receiving: Array(envelope.data.readableBytesView)), source)
        } catch {
            refuse("SIP datagram from \(source) dropped: \(error)")
        }
    }
}
