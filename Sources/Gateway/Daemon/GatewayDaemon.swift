import Interworking
import ISUP
import M3UA
import M3UATransport
import NIOCore
import NIOPosix
import SIPI

#if canImport(Glibc)
import Glibc
#endif

/// `sipigw run`: the interworking engine wired to M3UA associations and SIP sockets, on one event loop. The
/// daemon executes the engine's actions (send ISUP and SIP, run timers, write call records, count metrics) and
/// feeds it what the network, the clock and the operator (control endpoint) do; it makes no call decision of its own.
/// Its state belongs to its one event loop: the HTTP endpoints run there too.
public final class GatewayDaemon: @unchecked Sendable {
    /// The configuration in force (a reload replaces it); read on the event loop.
    public internal(set) var configuration: GatewayConfiguration
    /// Reads and checks the configuration file again, for `POST /reload`; nil: the daemon cannot reload.
    let reloadSource: (@Sendable () throws -> GatewayConfiguration)?
    let group: MultiThreadedEventLoopGroup
    let loop: EventLoop
    var engine: InterworkingEngine
    public let metrics = GatewayMetrics()
    private var endpoints: [HTTPEndpointServer] = []
    /// Whether each association is up, as last reported by its node.
    var associationUp: [String: Bool] = [:]
    var links: [String: any SignallingLink] = [:]
    /// The UDP socket and the TCP listening socket.
    private var sipChannels: [SIPEndpoint.Transport: Channel] = [:]
    /// Writes on the UDP socket, flushed once per event-loop pass.
    private var udpWriter: CoalescingWriter?
    /// SIP over TCP: the connections, accepted or opened, by remote address; messages waiting for a connection
    /// being opened.
    private var tcpConnections: [SIPEndpoint: Channel] = [:]
    private var tcpWaiting: [SIPEndpoint: [(message: SIPMessage, bytes: [UInt8])]] = [:]
    /// More connections than this (a flood, a peer that never closes) are refused as they open.
    static let maximumTCPConnections = 1_024
    private var timers: [Interworking.TimerID: Scheduled<Void>] = [:]
    private var addresses: [SIPEndpoint: SocketAddress] = [:]
    /// The M3UA association of each trunk, by the trunk's DPC (or the only association when the trunk names none).
    private let associationByDPC: [UInt32: String]
    let records: CallRecordFile?
    /// ENUM over c-ares (GatewayDaemon+ENUM.swift), made at the first lookup; on the event loop.
    var enumResolver: ENUMResolver?
    let log: @Sendable (String) -> Void
    let started = NIODeadline.now()

    /// - Parameters:
    ///   - instance: a token unique to this run, in every Call-ID, tag and branch the engine makes.
    ///   - reload: reads and checks the configuration file again (`POST /reload`); its error text is the answer.
    ///   - log: where alerts and discarded input are reported (numbers never are).
    public init(configuration: GatewayConfiguration, mappings: Mappings, instance: String,
                reload: (@Sendable () throws -> GatewayConfiguration)? = nil,
                log: @escaping @Sendable (String) -> Void) throws {
        self.configuration = configuration
        self.reloadSource = reload
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.loop = group.next()
        self.engine = InterworkingEngine(configuration: configuration.engine, mappings: mappings, instance: instance)
        self.records = try configuration.records.map { try CallRecordFile(path: $0.path) }
        let only = configuration.associations.count == 1 ? configuration.associations.first?.name : nil
        self.associationByDPC = Dictionary(configuration.engine.trunks.compactMap { trunk in
            (trunk.association ?? only).map { (trunk.circuits.dpc, $0) }
        }, uniquingKeysWith: { first, _ in first })
        self.log = log
    }

    /// Binds the SIP listeners and the metrics and control endpoints, starts every M3UA association; the trunks
    /// count as unavailable until their association is up, which resets their circuits (GRS).
    public func start() throws {
        if let metrics = configuration.metrics {
            endpoints.append(try HTTPEndpointServer(host: metrics.host, port: metrics.port, loop: loop) { [weak self] request in
                self?.serveMetrics(request) ?? HTTPResponse(.serviceUnavailable, contentType: "text/plain", body: "stopping\n")
            })
        }
        if let control = configuration.control {
            endpoints.append(try HTTPEndpointServer(host: control.host, port: control.port, loop: loop) { [weak self] request in
                self?.control(request) ?? HTTPResponse(.serviceUnavailable, contentType: "text/plain", body: "stopping\n")
            })
        }
        let listeners = configuration.listeners.isEmpty ? [configuration.engine.sip.address] : configuration.listeners
        for listener in listeners {
            switch listener.transport {
            case .udp:
                // A burst (every call released at once on SIGTERM, a peer's retransmission storm) must not
                // overflow the socket: a large receive buffer (capped by net.core.rmem_max) and more datagrams
                // per read.
                sipChannels[.udp] = try DatagramBootstrap(group: loop)
                    .channelOption(.socketOption(.so_reuseaddr), value: 1)
                    .channelOption(.socketOption(.so_rcvbuf), value: 4 << 20)
                    .channelOption(.maxMessagesPerRead, value: 64)
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(SIPDatagramHandler(
                                receive: { [weak self] message, source in self?.feed(.sip(message, from: source)) },
                                refuse: { [log = self.log] in log($0) }))
                        }
                    }
                    .bind(host: listener.host, port: listener.port).wait()
                udpWriter = sipChannels[.udp].map(CoalescingWriter.init)
            case .tcp:
                sipChannels[.tcp] = try ServerBootstrap(group: loop)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                    .childChannelInitializer { [weak self] channel in
                        self?.streamPipeline(channel) ?? channel.close()
                    }
                    .bind(host: listener.host, port: listener.port).wait()
            }
        }
        for association in configuration.associations {
            let name = association.name
            let link = try SignallingLinks.make(association, group: loop, log: log) { [weak self] action in
                self?.m3ua(action, association: name)
            }
            links[name] = link
        }
        try loop.submit {
            for name in self.links.keys.sorted() { self.associationChanged(name, up: false) }
            for peer in self.configuration.engine.peers { self.metrics.peer(peer.name, up: true) }
            for action in self.engine.start(at: self.now, resetCircuits: false) { self.execute(action) }
        }.wait()
        for link in links.values { try link.start() }
    }

    /// SIGTERM: new calls are refused and every call is released on both sides (`shutdown.cause`); once they have
    /// all ended (their records written) or the drain time is over, the associations stop (ASPDN where the role
    /// sends it), the sockets close and the record file is flushed.
    public func stop() {
        guard let shutdown = try? loop.submit({ self.configuration.shutdown }).wait() else { return }
        let deadline = NIODeadline.now() + .milliseconds(Int64(shutdown.drainTime.duration.components.seconds * 1000
                                                                 + shutdown.drainTime.duration.components.attoseconds / 1_000_000_000_000_000))
        try? loop.submit { self.feedOnLoop(.drain(cause: shutdown.cause)) }.wait()
        while NIODeadline.now() < deadline, (try? loop.submit { self.engine.activeCalls }.wait()) ?? 0 > 0 {
            usleep(20_000)
        }
        // Calls whose releases did not complete in the drain time still get their records (marked unfinished).
        try? loop.submit { for action in self.engine.close(at: self.now) { self.execute(action) } }.wait()
        for link in links.values { try? link.stop().wait() }
        for channel in sipChannels.values { try? channel.close().wait() }
        let connections = (try? loop.submit { Array(self.tcpConnections.values) }.wait()) ?? []
        for channel in connections { try? channel.close().wait() }
        for endpoint in endpoints { endpoint.close() }
        try? loop.submit {
            for timer in self.timers.values { timer.cancel() }
            self.enumResolver?.stop()
            self.records?.close()
        }.wait()
        try? group.syncShutdownGracefully()
    }

    /// SIGHUP (log rotation): the call-record file is opened anew at its path, so the next record goes to a new
    /// file there once the old one was moved away.
    public func reopenRecords() {
        loop.execute {
            do {
                try self.records?.reopen()
            } catch {
                self.log("SIGHUP: \(error); records go on to the file open so far")
            }
        }
    }

    // MARK: Feeding the engine

    var now: Instant { Instant(.nanoseconds(Int64(NIODeadline.now().uptimeNanoseconds - started.uptimeNanoseconds))) }

    /// From any thread.
    func feed(_ event: Event) {
        if loop.inEventLoop { feedOnLoop(event) } else { loop.execute { self.feedOnLoop(event) } }
    }

    func feedOnLoop(_ event: Event) {
        for action in engine.handle(event, at: now) { execute(action) }
    }

    private func execute(_ action: Action) {
        switch action {
        case .sendISUP(let data, _):
            // The association the configuration names for the trunk toward this DPC.
            guard let name = associationByDPC[data.dpc], let link = links[name] else {
                log("ISUP to DPC \(data.dpc): no association configured for it")
                return
            }
            link.send(data)
        case .sendSIP(let message, let destination):
            sendSIP(message, to: destination)
        case .startTimer(let id, let after):
            timers[id]?.cancel()
            timers[id] = loop.scheduleTask(in: .nanoseconds(Int64(after.components.seconds) * 1_000_000_000
                                                              + after.components.attoseconds / 1_000_000_000)) {
                self.timers[id] = nil
                self.feedOnLoop(.timer(id))
            }
        case .cancelTimer(let id):
            timers.removeValue(forKey: id)?.cancel()
        case .lookup(let id, let number, let zone):
            lookUp(id, number: number, zone: zone)
        case .record(let record):
            records?.write(record)
            metrics.record(record)
        case .observe(let observation):
            metrics.observe(observation)
            switch observation {
            case .alert(let text): log("alert: \(text)")
            case .discarded(let text): log("discarded: \(text)")
            default: break
            }
        }
    }

    private func sendSIP(_ message: SIPMessage, to destination: SIPEndpoint) {
        let bytes: [UInt8]
        do {
            bytes = try message.serialized()
        } catch {
            log("SIP \(message.kind) to \(destination) not sent: \(error)")
            return
        }
        switch destination.transport {
        case .udp: sendDatagram(message, bytes, to: destination)
        case .tcp: sendStream(message, bytes, to: destination)
        }
    }

    private func sendDatagram(_ message: SIPMessage, _ bytes: [UInt8], to destination: SIPEndpoint) {
        guard let writer = udpWriter else {
            log("no SIP listener for UDP: \(message.kind) to \(destination) not sent")
            return
        }
        do {
            let address = try addresses[destination] ?? SocketAddress(ipAddress: destination.host, port: destination.port)
            addresses[destination] = address
            writer.write(AddressedEnvelope(remoteAddress: address, data: writer.channel.allocator.buffer(bytes: bytes)))
        } catch {
            log("SIP \(message.kind) to \(destination) not sent: \(error)")
        }
    }

    // MARK: SIP over TCP

    /// On the connection to `destination` (RFC 3261 §18.1.1: the one the request came on, for a response), opened
    /// first when there is none; a message that cannot be sent is reported to the engine (`.sipSendFailed`).
    private func sendStream(_ message: SIPMessage, _ bytes: [UInt8], to destination: SIPEndpoint) {
        if let channel = tcpConnections[destination] {
            write(message, bytes, on: channel, to: destination)
            return
        }
        guard tcpWaiting[destination] == nil else {
            tcpWaiting[destination]!.append((message, bytes))
            return
        }
        tcpWaiting[destination] = [(message, bytes)]
        ClientBootstrap(group: loop)
            .connectTimeout(.seconds(2))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { [weak self] channel in self?.streamPipeline(channel) ?? channel.close() }
            .connect(host: destination.host, port: destination.port)
            .whenComplete { [weak self] result in
                guard let self, let waiting = self.tcpWaiting.removeValue(forKey: destination) else { return }
                switch result {
                case .success(let channel):
                    for (message, bytes) in waiting { self.write(message, bytes, on: channel, to: destination) }
                case .failure(let error):
                    self.log("SIP over TCP to \(destination): \(error)")
                    for (message, _) in waiting { self.feedOnLoop(.sipSendFailed(message, to: destination)) }
                }
            }
    }

    private func write(_ message: SIPMessage, _ bytes: [UInt8], on channel: Channel, to destination: SIPEndpoint) {
        channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).whenFailure { [weak self] _ in
            self?.feedOnLoop(.sipSendFailed(message, to: destination))
        }
    }

    /// The pipeline of a SIP over TCP connection, accepted or opened: framing, then parsing; the connection is
    /// known by its remote address while it is open.
    private func streamPipeline(_ channel: Channel) -> EventLoopFuture<Void> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SIPStreamDecoder()))
            try channel.pipeline.syncOperations.addHandler(SIPStreamHandler(
                receive: { [weak self] message, source in self?.feedOnLoop(.sip(message, from: source)) },
                refuse: { [log = self.log] in log($0) },
                opened: { [weak self] remote, channel in
                    guard let self else { return }
                    guard self.tcpConnections.count < Self.maximumTCPConnections else {
                        self.log("SIP over TCP from \(remote) refused: \(Self.maximumTCPConnections) connections open")
                        channel.close(promise: nil)
                        return
                    }
                    self.tcpConnections[remote] = channel
                },
                closed: { [weak self] remote, channel in
                    if self?.tcpConnections[remote] === channel { self?.tcpConnections[remote] = nil }
                }))
        }
    }

    // MARK: M3UA

    /// The node's reports (on the event loop): DATA becomes ISUP for the engine; an association is up when its ASP
    /// (or the AS it serves, on the SGP side) is active.
    private func m3ua(_ action: M3UAAction, association: String) {
        switch action {
        case .deliver(let data, let routingContext, _):
            let route = SignallingRoute(opc: data.opc, dpc: data.dpc, sls: data.sls, networkIndicator: data.ni,
                                        routingContext: routingContext)
            do {
                guard let message = try data.isup() else { return }
                feedOnLoop(.isup(message, from: route))
            } catch {
                feedOnLoop(.undecodableISUP(Array(data.userProtocolData), from: route, error: error.description))
            }
        case .aspStateChanged(_, let state) where links[association]?.configuration.role != .sgp:
            associationChanged(association, up: state == .active)
        case .asStateChanged(_, let state) where links[association]?.configuration.role == .sgp:
            associationChanged(association, up: state == .active)
        case .errorReceived(let code, _, _):
            log("M3UA \(association): ERR \(code)")
        default:
            break
        }
    }

    private func associationChanged(_ name: String, up: Bool) {
        associationUp[name] = up
        metrics.association(name, up: up)
        feedOnLoop(.association(name, up: up))
    }
}
