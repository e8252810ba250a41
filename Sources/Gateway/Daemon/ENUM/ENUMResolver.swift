import CCares
import Interworking
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// ENUM lookups (RFC 6116) through c-ares: NAPTR queries (class IN, type 35, RFC 3403 §4) for the domain of each
/// number, answered with the URI of the first usable `E2U+sip` record. c-ares (1.18 here: a channel is not
/// thread-safe, and it has no event thread) runs on a thread of its own that polls the channel's sockets and a
/// wake-up pipe; `resolve` only queues, so the caller's event loop never waits on DNS.
public final class ENUMResolver: @unchecked Sendable {
    /// The configuration this resolver was made for (servers and the engine's timeout).
    public let configuration: RouteConfiguration.ENUM

    /// A query on its way: the number (for the application unique string) and who takes the answer.
    final class Query {
        let number: String
        let answer: @Sendable (LookupAnswer) -> Void
        init(number: String, answer: @escaping @Sendable (LookupAnswer) -> Void) {
            self.number = number
            self.answer = answer
        }
    }

    private let lock = NIOLock()
    /// Queued by `resolve`, sent by the thread (under `lock`).
    private var queued: [(name: String, query: Query)] = []
    /// Set by `stop` (under `lock`).
    private var stopping = false
    /// Owned by the thread once it runs.
    private let channel: ares_channel
    private let wakeRead: Int32, wakeWrite: Int32
    private var thread = pthread_t()

    /// - Parameter configuration: `servers` override /etc/resolv.conf; each server is tried once, each for
    ///   `timeout` divided by their number, so a lookup ends (`.failed`) no later than the engine's own timer.
    public init(_ configuration: RouteConfiguration.ENUM) throws(ENUMResolverError) {
        self.configuration = configuration
        let channel = try Self.channel(for: configuration)
        var fds: [Int32] = [-1, -1]
        let piped = pipe(&fds) == 0
        guard piped, fds.allSatisfy({ fcntl($0, F_SETFL, O_NONBLOCK) == 0 && fcntl($0, F_SETFD, FD_CLOEXEC) == 0 }) else {
            let reason = String(cString: strerror(errno))
            if piped { fds.forEach { _ = close($0) } }
            Self.release(channel)
            throw ENUMResolverError("ENUM resolver: pipe: \(reason)")
        }
        self.channel = channel
        (wakeRead, wakeWrite) = (fds[0], fds[1])
        let started = pthread_create(&thread, nil, { argument in
            Unmanaged<ENUMResolver>.fromOpaque(argument!).takeRetainedValue().run()
            return nil
        }, Unmanaged.passRetained(self).toOpaque())
        guard started == 0 else {
            Unmanaged.passUnretained(self).release()
            fds.forEach { _ = close($0) }
            Self.release(channel)
            throw ENUMResolverError("ENUM resolver: pthread_create: \(String(cString: strerror(started)))")
        }
    }

    /// A channel with the configuration's servers, one try per server, the timeout shared among them.
    private static func channel(for configuration: RouteConfiguration.ENUM) throws(ENUMResolverError) -> ares_channel {
        var status = ares_library_init(ARES_LIB_INIT_ALL)
        guard status == ARES_SUCCESS else { throw ENUMResolverError("c-ares: \(text(status))") }
        let count: Int
        do {
            count = try configuration.servers.isEmpty ? systemServerCount() : configuration.servers.count
        } catch {
            ares_library_cleanup()
            throw error
        }
        let budget = configuration.timeout.duration.components
        let milliseconds = budget.seconds * 1000 + budget.attoseconds / 1_000_000_000_000_000
        var options = ares_options()
        options.timeout = Int32(clamping: max(1, milliseconds / Int64(count)))
        options.tries = 1
        var made: ares_channel?
        status = ares_init_options(&made, &options, ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES)
        guard status == ARES_SUCCESS, let channel = made else {
            ares_library_cleanup()
            throw ENUMResolverError("c-ares: \(text(status))")
        }
        let servers = configuration.servers.joined(separator: ",")
        if !servers.isEmpty {
            status = ares_set_servers_ports_csv(channel, servers)
            guard status == ARES_SUCCESS else {
                release(channel)
                throw ENUMResolverError("routes.enumLookup.servers \(servers): \(text(status))")
            }
        }
        return channel
    }

    private static func release(_ channel: ares_channel) {
        ares_destroy(channel)
        ares_library_cleanup()
    }

    /// How many servers c-ares read from the system's configuration (each is one try of the budget).
    private static func systemServerCount() throws(ENUMResolverError) -> Int {
        var channel: ares_channel?
        let status = ares_init(&channel)
        guard status == ARES_SUCCESS, let channel else { throw ENUMResolverError("c-ares: \(text(status))") }
        defer { ares_destroy(channel) }
        var list: UnsafeMutablePointer<ares_addr_port_node>?
        guard ares_get_servers_ports(channel, &list) == ARES_SUCCESS else { return 1 }
        defer { ares_free_data(list) }
        var count = 0, node = list
        while let current = node {
            count += 1
            node = current.pointee.next
        }
        return max(1, count)
    }

    /// RFC 6116 §2.4: queries the NAPTR records of `number`'s domain in `zone`; `answer` is called once, on the
    /// resolver's thread (`.failed` at once when the resolver has stopped).
    public func resolve(number: String, zone: String, answer: @escaping @Sendable (LookupAnswer) -> Void) {
        let name = ENUMQuery.domain(number: number, zone: zone)
        // Under the lock: once `stop` has set `stopping`, nobody writes to the pipe it closes.
        let accepted = lock.withLock {
            guard !stopping else { return false }
            queued.append((name, Query(number: number, answer: answer)))
            wake()
            return true
        }
        if !accepted { answer(.failed("ENUM resolver stopped")) }
    }

    /// Ends the thread: queries in flight are answered `.failed` (c-ares' destruction), then the thread is joined.
    /// From any thread but the resolver's; a second call does nothing.
    public func stop() {
        let first = lock.withLock {
            defer { stopping = true }
            if !stopping { wake() }
            return !stopping
        }
        guard first else { return }
        pthread_join(thread, nil)
        close(wakeRead)
        close(wakeWrite)
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    // MARK: The resolver's thread

    private func run() {
        var sockets = [ares_socket_t](repeating: ARES_SOCKET_BAD, count: Int(ARES_GETSOCK_MAXNUM))
        var drained = [UInt8](repeating: 0, count: 64)
        while true {
            while read(wakeRead, &drained, drained.count) > 0 {}
            let (queries, stop) = lock.withLock {
                defer { queued.removeAll() }
                return (queued, stopping)
            }
            if stop {
                for (_, query) in queries { query.answer(.failed("ENUM resolver stopped")) }
                break
            }
            for (name, query) in queries {
                ares_query(channel, name, ccares_class_in, ccares_type_naptr, { argument, status, _, reply, length in
                    let query = Unmanaged<Query>.fromOpaque(argument!).takeRetainedValue()
                    query.answer(ENUMResolver.answer(status: status, reply: reply, length: length, number: query.number))
                }, Unmanaged.passRetained(query).toOpaque())
            }
            let bits = ares_getsock(channel, &sockets, ARES_GETSOCK_MAXNUM)
            var polled = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            for i in 0..<Int(ARES_GETSOCK_MAXNUM) {
                let events = (ccares_getsock_readable(bits, Int32(i)) != 0 ? Int16(POLLIN) : 0)
                    | (ccares_getsock_writable(bits, Int32(i)) != 0 ? Int16(POLLOUT) : 0)
                if events != 0 { polled.append(pollfd(fd: sockets[i], events: events, revents: 0)) }
            }
            // Until the next c-ares timeout, at most a second.
            var longest = timeval(tv_sec: 1, tv_usec: 0), next = timeval()
            let wait = ares_timeout(channel, &longest, &next).pointee
            _ = poll(&polled, nfds_t(polled.count), Int32(wait.tv_sec * 1000 + (wait.tv_usec + 999) / 1000))
            for entry in polled.dropFirst() where entry.revents != 0 {
                let readable = entry.revents & Int16(POLLIN | POLLERR | POLLHUP) != 0
                let writable = entry.revents & Int16(POLLOUT) != 0
                ares_process_fd(channel, readable ? entry.fd : ARES_SOCKET_BAD, writable ? entry.fd : ARES_SOCKET_BAD)
            }
            // Timeouts of queries whose sockets stayed quiet.
            ares_process_fd(channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD)
        }
        // Every query still in flight is answered ARES_EDESTRUCTION.
        Self.release(channel)
    }

    /// The lookup answer of a c-ares completion: NXDOMAIN and NOERROR without NAPTR records are `.notFound` (no
    /// such number), records go through `ENUMQuery.answer`, anything else (timeout, SERVFAIL, REFUSED) fails.
    static func answer(status: Int32, reply: UnsafeMutablePointer<UInt8>?, length: Int32, number: String) -> LookupAnswer {
        switch status {
        case ARES_SUCCESS:
            var list: UnsafeMutablePointer<ares_naptr_reply>?
            let parsed = ares_parse_naptr_reply(reply, length, &list)
            guard parsed == ARES_SUCCESS else {
                return parsed == ARES_ENODATA ? .notFound : .failed("NAPTR reply: \(text(parsed))")
            }
            defer { ares_free_data(list) }
            var records = [NAPTRRecord](), node = list
            while let current = node {
                let r = current.pointee
                records.append(NAPTRRecord(order: r.order, preference: r.preference, flags: String(cString: r.flags),
                                           service: String(cString: r.service), regexp: String(cString: r.regexp)))
                node = r.next
            }
            return ENUMQuery.answer(records, number: number)
        case ARES_ENOTFOUND, ARES_ENODATA:
            return .notFound
        default:
            return .failed(text(status))
        }
    }

    static func text(_ status: Int32) -> String { String(cString: ares_strerror(status)) }
}

/// The resolver could not be made (c-ares refused its options or servers, no thread).
public struct ENUMResolverError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
