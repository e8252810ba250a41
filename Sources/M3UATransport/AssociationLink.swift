import NIOCore
import SCTPTransport

/// Where one association of an `M3UANode` goes.
public enum M3UAPeer: Hashable, Sendable {
    /// M3UA over TCP (digest sipi-m3ua.md E.1).
    case tcp(SocketAddress)
    /// M3UA over kernel SCTP (RFC 4666 §1.4): the peer's addresses, ours (several: multi-homing), and the
    /// number of outbound streams to ask for (stream 0 management, DATA on the others by SLS).
    case sctp(remote: [SCTPEndpoint], local: [SCTPEndpoint], streams: UInt16)
}

/// One live association as the node writes to it: send octets on a stream, or close.
protocol AssociationLink: AnyObject, Sendable {
    func send(_ octets: [UInt8], stream: UInt16)
    /// Ends the association in order (SCTP SHUTDOWN, TCP FIN).
    func close()
    /// Ends it at once, as a failure would (SCTP ABORT, TCP close).
    func abort()
}

/// A TCP connection (streams do not exist on TCP: one ordered byte stream), written through a `CoalescingWriter`.
final class TCPLink: AssociationLink, @unchecked Sendable {
    private let writer: CoalescingWriter
    private var channel: Channel { writer.channel }

    init(channel: Channel) { writer = CoalescingWriter(channel: channel) }

    func send(_ octets: [UInt8], stream: UInt16) { writer.write(channel.allocator.buffer(bytes: octets)) }

    /// What was written in this loop pass goes out first: a close in the same pass would drop it (the ASPDN
    /// before an orderly end, say).
    func close() {
        channel.flush()
        channel.close(promise: nil)
    }

    func abort() { close() }
}
