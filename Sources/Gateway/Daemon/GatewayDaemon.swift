import Interworking
import ISUP
import M3UA
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
    private var sipChannels: [SIPEndpoint.Transport: Channel] = [:]
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
        for listener in listeners where listener.transport == .udp {
            let channel = try DatagramBootstrap(group: loop)
                .channelOption(.socketOption(.so_reuseaddr), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(SIPDatagramHandler(
                            receive: { [weak self] message, source in self?.feed(.sip(message, from: source)) },
                            refuse: { [log = self.log] in log($0) }))
                    }
                }
                .bind(host: listener.host, port: listener.port).wait()
            sipChannels[.udp] = channel
        }
        for association in configuration.associations {
            let name = association.name
            let link = try SignallingLinks.make(association, group: loop) { [weak self] action in
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
        for link in links.values { try? link.stop().wait() }
        for channel in sipChannels.values { try? channel.close().wait() }
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
        guard let channel = sipChannels[.udp] else {
            log("no SIP listener for \(destination.transport.rawValue): \(message.kind) to \(destination) not sent")
            return
        }
        do {
            let address = try addresses[destination] ?? SocketAddress(ipAddress: destination.host, port: destination.port)
            addresses[destination] = address
            let bytes = try message.serialized()
            var buffer = channel.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: buffer), promise: nil)
        } catch {
            log("SIP \(message.kind) to \(destination) not sent: \(error)")
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
