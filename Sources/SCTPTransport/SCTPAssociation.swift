import CSCTP
import M3UA

#if canImport(Glibc)
import Glibc
#endif

/// A user message received on an association, with the stream and payload protocol identifier it came on.
public struct SCTPMessage: Hashable, Sendable {
    public var bytes: [UInt8]
    public var stream: UInt16
    /// The PPID in host order (3 for M3UA, RFC 4666 §1.4.7).
    public var ppid: UInt32

    public init(bytes: [UInt8], stream: UInt16, ppid: UInt32) {
        self.bytes = bytes
        self.stream = stream
        self.ppid = ppid
    }
}

/// What one `receive` gives: a user message, a notification, or the end of the association.
public enum SCTPIncoming: Hashable, Sendable {
    case message(SCTPMessage)
    case event(SCTPEvent)
    /// The association is over (the socket read returned 0 after SHUTDOWN or ABORT).
    case closed
}

/// One SCTP association on a one-to-one style socket (RFC 6458 §3: SOCK_STREAM, IPPROTO_SCTP), through the
/// Linux kernel stack and libsctp. Blocking calls, with poll(2) timeouts on connect and receive.
///
/// Notifications for association changes, peer address changes and shutdown are subscribed, and arrive from
/// `receive` as `.event`s in order with the messages.
public final class SCTPAssociation {
    /// RFC 4666 §1.4.7: the SCTP Payload Protocol Identifier of M3UA.
    public static let m3uaPPID: UInt32 = 3

    /// The socket, or -1 once closed.
    public private(set) var descriptor: Int32
    public let remote: [SCTPEndpoint]
    public let local: [SCTPEndpoint]

    /// Opens a socket, binds it to `local` (the first with bind(2), the others added with `sctp_bindx`; they must
    /// share the port), and connects to `remote` (several addresses of one peer: `sctp_connectx`).
    /// `streams` is the number of outbound streams asked for in INIT (and the inbound maximum).
    public init(
        connectingTo remote: [SCTPEndpoint], from local: [SCTPEndpoint] = [], streams: UInt16 = 2,
        timeout: Duration = .seconds(5)
    ) throws(SCTPError) {
        guard !remote.isEmpty else { throw .invalidAddress("no remote address") }
        let fd = try SCTPSocket.open(ipv6: (remote + local).contains(where: \.isIPv6), streams: streams)
        self.descriptor = fd
        self.remote = remote
        self.local = local
        do {
            try SCTPSocket.bind(fd, local)
            try connect(remote, timeout: timeout)
        } catch {
            Glibc.close(fd)
            descriptor = -1
            throw error
        }
    }

    /// An association accepted by `SCTPListener` (the notifications subscription is inherited).
    init(accepted fd: Int32, remote: [SCTPEndpoint], local: [SCTPEndpoint]) {
        self.descriptor = fd
        self.remote = remote
        self.local = local
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// Creates an SCTP one-to-one socket and closes it: `.protocolNotSupported` (errno 93) on a kernel without SCTP.
    public static func checkKernelSupport() throws(SCTPError) {
        Glibc.close(try SCTPSocket.open(ipv6: false, streams: 1))
    }

    /// The peer's transport addresses as the kernel knows them now (`sctp_getpaddrs`): all of a multi-homed peer.
    public func peerAddresses() throws(SCTPError) -> [SCTPEndpoint] {
        guard descriptor >= 0 else { throw .closed }
        return try SCTPSocket.addresses(descriptor, peer: true)
    }

    /// This end's transport addresses in the association (`sctp_getladdrs`).
    public func localAddresses() throws(SCTPError) -> [SCTPEndpoint] {
        guard descriptor >= 0 else { throw .closed }
        return try SCTPSocket.addresses(descriptor, peer: false)
    }

    /// A non-blocking connect(2)/sctp_connectx, waited for with poll(2), then back to blocking.
    private func connect(_ remote: [SCTPEndpoint], timeout: Duration) throws(SCTPError) {
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(descriptor, F_SETFL, flags) }
        var packed = [UInt8]()
        for endpoint in remote { packed += try endpoint.sockaddr() }
        let operation: SCTPOperation = remote.count == 1 ? .connect : .connectx
        let rc = packed.withUnsafeMutableBytes { raw in
            let address = raw.baseAddress!.assumingMemoryBound(to: sockaddr.self)
            return remote.count == 1
                ? Glibc.connect(descriptor, address, socklen_t(raw.count))
                : sctp_connectx(descriptor, address, Int32(remote.count), nil)
        }
        if rc == 0 { return }
        guard errno == EINPROGRESS else { throw .from(operation, errno: errno) }
        guard try SCTPSocket.wait(descriptor, for: Int16(POLLOUT), timeout: timeout, operation) else {
            throw .timedOut(operation)
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
        guard error == 0 else { throw .from(operation, errno: error) }
    }

    /// Sends one user message on `stream` with `ppid` (given in host order; sent in network byte order, as
    /// RFC 6458 §5.3.2 wants; osmo-stp drops messages whose PPID is not 3). Through libsctp's `sctp_send`, the
    /// `sctp_sendmsg` of a connected socket that also takes send(2) flags: MSG_NOSIGNAL, so that a peer gone
    /// away is `.system(.send, errno: EPIPE)` and not a SIGPIPE that kills the process.
    public func send(_ bytes: [UInt8], stream: UInt16 = 0, ppid: UInt32 = m3uaPPID) throws(SCTPError) {
        guard descriptor >= 0 else { throw .closed }
        var info = sctp_sndrcvinfo()
        info.sinfo_stream = stream
        info.sinfo_ppid = ppid.bigEndian
        while true {
            let n = bytes.withUnsafeBytes { sctp_send(descriptor, $0.baseAddress, $0.count, &info, csctp_msg_nosignal) }
            if n >= 0 { return }
            if errno != EINTR { throw .from(.send, errno: errno) }
        }
    }

    /// Waits up to `timeout` (nil: for ever) for the next message or notification; nil when the time ran out.
    /// A message larger than one read is reassembled until MSG_EOR.
    public func receive(timeout: Duration? = nil) throws(SCTPError) -> SCTPIncoming? {
        guard descriptor >= 0 else { throw .closed }
        guard try SCTPSocket.wait(descriptor, for: Int16(POLLIN), timeout: timeout, .receive) else { return nil }
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var info = sctp_sndrcvinfo()
            var flags: Int32 = 0
            let n = chunk.withUnsafeMutableBytes {
                sctp_recvmsg(descriptor, $0.baseAddress, $0.count, nil, nil, &info, &flags)
            }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == ECONNRESET || errno == ENOTCONN { return .closed }
                throw .from(.receive, errno: errno)
            }
            if n == 0 && bytes.isEmpty { return .closed }
            bytes += chunk[..<Int(n)]
            guard flags & csctp_msg_eor != 0 || n == 0 else { continue }
            if flags & csctp_msg_notification != 0 {
                return .event(bytes.withUnsafeBytes { SCTPEvent(notification: $0) })
            }
            return .message(SCTPMessage(bytes: bytes, stream: info.sinfo_stream, ppid: UInt32(bigEndian: info.sinfo_ppid)))
        }
    }

    /// Graceful shutdown (RFC 6458 §4.1.7: shutdown(SHUT_WR) sends SHUTDOWN after the queued data); keep
    /// receiving to see SCTP_SHUTDOWN_COMP and `.closed`.
    public func shutdown() throws(SCTPError) {
        guard descriptor >= 0 else { throw .closed }
        guard Glibc.shutdown(descriptor, Int32(SHUT_WR)) == 0 else { throw .from(.shutdown, errno: errno) }
    }

    /// Ends the association at once with an ABORT chunk (RFC 6458 §8.1.4: SO_LINGER with a zero timeout, then
    /// close); the peer sees SCTP_COMM_LOST.
    public func abort() {
        guard descriptor >= 0 else { return }
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close()
    }

    /// Closes the socket (an association still up is shut down by the kernel).
    public func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }
}

extension SCTPAssociation {
    /// Sends an M3UA message with PPID 3 on `stream`. RFC 4666 §1.4.7: ASPSM, MGMT, RKM on stream 0.
    public func send(_ message: M3UAMessage, stream: UInt16 = 0) throws {
        try send(try message.encoded(), stream: stream, ppid: Self.m3uaPPID)
    }
}

/// A thread may send while another receives on the same association (the kernel serialises socket calls); the
/// descriptor is the only state, and closing it ends a blocked receive with `.closed`.
extension SCTPAssociation: @unchecked Sendable {}
