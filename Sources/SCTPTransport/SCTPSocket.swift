import CSCTP

#if canImport(Glibc)
import Glibc
#endif

/// The socket calls shared by `SCTPAssociation` and `SCTPListener`.
enum SCTPSocket {
    /// A one-to-one style socket (RFC 6458 §3) with the notifications subscribed and the stream counts set.
    static func open(ipv6: Bool, streams: UInt16) throws(SCTPError) -> Int32 {
        let fd = Glibc.socket(ipv6 ? AF_INET6 : AF_INET, csctp_sock_stream, csctp_ipproto_sctp)
        guard fd >= 0 else { throw .from(.socket, errno: errno) }
        do {
            // RFC 6458 §6.2.1 SCTP_EVENTS: data I/O info (stream and PPID on receive), association, address
            // and shutdown notifications.
            var events = sctp_event_subscribe()
            events.sctp_data_io_event = 1
            events.sctp_association_event = 1
            events.sctp_address_event = 1
            events.sctp_shutdown_event = 1
            try setOption(fd, SCTP_EVENTS, &events)
            var initmsg = sctp_initmsg()
            initmsg.sinit_num_ostreams = streams
            initmsg.sinit_max_instreams = streams
            try setOption(fd, SCTP_INITMSG, &initmsg)
            try disableNagle(fd)
        } catch {
            Glibc.close(fd)
            throw error
        }
        return fd
    }

    /// RFC 6458 §8.1.5 SCTP_NODELAY: without it a reply queued behind an unacknowledged message waits for the
    /// peer's delayed SACK (~200 ms: a BEAT ACK or ASPAC ACK 200 ms late, issue 8's conformance finding). Set on
    /// every socket, accepted ones included (the kernel does not promise to copy it from the listener).
    static func disableNagle(_ fd: Int32) throws(SCTPError) {
        var one: Int32 = 1
        try setOption(fd, SCTP_NODELAY, &one)
    }

    static func setOption<T: BitwiseCopyable>(_ fd: Int32, _ name: Int32, _ value: inout T) throws(SCTPError) {
        let rc = setsockopt(fd, csctp_ipproto_sctp, name, &value, socklen_t(MemoryLayout<T>.size))
        guard rc == 0 else { throw .from(.setsockopt, errno: errno) }
    }

    /// bind(2) to the first address, `sctp_bindx(SCTP_BINDX_ADD_ADDR)` for the others (multi-homing; one port).
    static func bind(_ fd: Int32, _ local: [SCTPEndpoint]) throws(SCTPError) {
        guard let first = local.first else { return }
        let address = try first.sockaddr()
        let rc = address.withUnsafeBytes {
            Glibc.bind(fd, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
        }
        guard rc == 0 else { throw .from(.bind, errno: errno) }
        guard local.count > 1 else { return }
        var packed = [UInt8]()
        for endpoint in local.dropFirst() { packed += try endpoint.sockaddr() }
        let added = packed.withUnsafeMutableBytes {
            sctp_bindx(fd, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), Int32(local.count - 1),
                       SCTP_BINDX_ADD_ADDR)
        }
        guard added == 0 else { throw .from(.bindx, errno: errno) }
    }

    /// poll(2) for `events`; false on timeout. nil waits for ever.
    static func wait(_ fd: Int32, for events: Int16, timeout: Duration?, _ operation: SCTPOperation) throws(SCTPError) -> Bool {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            var remaining: Int32 = -1
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                let ms = max(0, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
                remaining = Int32(min(ms, Int64(Int32.max)))
            }
            var p = pollfd(fd: fd, events: events, revents: 0)
            let n = poll(&p, 1, remaining)
            if n > 0 { return true }
            if n == 0 { return false }
            if errno != EINTR { throw .from(.poll, errno: errno) }
        }
    }

    /// `sctp_getpaddrs` / `sctp_getladdrs` (association 0: the one of a one-to-one socket).
    static func addresses(_ fd: Int32, peer: Bool) throws(SCTPError) -> [SCTPEndpoint] {
        var list: UnsafeMutablePointer<sockaddr>?
        let n = peer ? sctp_getpaddrs(fd, 0, &list) : sctp_getladdrs(fd, 0, &list)
        guard n >= 0 else { throw .from(.addresses, errno: errno) }
        guard let list else { return [] }
        defer { if peer { sctp_freepaddrs(list) } else { sctp_freeladdrs(list) } }
        var out = [SCTPEndpoint]()
        var cursor = UnsafeRawPointer(list)
        for _ in 0..<n {
            let family = Int32(cursor.loadUnaligned(as: sa_family_t.self))
            let size = family == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size
            if let e = SCTPEndpoint(sockaddr: UnsafeRawBufferPointer(start: cursor, count: size)) { out.append(e) }
            cursor += size
        }
        return out
    }
}

/// A listening one-to-one SCTP socket (the server side: an SGP, or a test peer).
public final class SCTPListener {
    public private(set) var descriptor: Int32
    public let local: [SCTPEndpoint]

    /// Binds to `local` (several addresses: multi-homed, with `sctp_bindx`) and listens.
    public init(on local: [SCTPEndpoint], streams: UInt16 = 2, backlog: Int32 = 8) throws(SCTPError) {
        guard !local.isEmpty else { throw .invalidAddress("no local address") }
        let fd = try SCTPSocket.open(ipv6: local.contains(where: \.isIPv6), streams: streams)
        descriptor = fd
        self.local = local
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        do throws(SCTPError) {
            try SCTPSocket.bind(fd, local)
            guard listen(fd, backlog) == 0 else { throw SCTPError.from(.listen, errno: errno) }
        } catch {
            Glibc.close(fd)
            descriptor = -1
            throw error
        }
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// The next association, or nil when none came within `timeout` (nil: wait for ever).
    public func accept(timeout: Duration? = nil) throws(SCTPError) -> SCTPAssociation? {
        guard descriptor >= 0 else { throw .closed }
        guard try SCTPSocket.wait(descriptor, for: Int16(POLLIN), timeout: timeout, .accept) else { return nil }
        while true {
            let fd = Glibc.accept(descriptor, nil, nil)
            if fd >= 0 {
                do throws(SCTPError) { try SCTPSocket.disableNagle(fd) } catch { Glibc.close(fd); throw error }
                let peers = (try? SCTPSocket.addresses(fd, peer: true)) ?? []
                return SCTPAssociation(accepted: fd, remote: peers, local: local)
            }
            if errno != EINTR { throw .from(.accept, errno: errno) }
        }
    }

    public func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }
}

/// Accepting runs on its own thread; the descriptor is the only state.
extension SCTPListener: @unchecked Sendable {}
