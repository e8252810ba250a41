import M3UA
import M3UATransport
import NIOCore
import SCTPTransport

/// One configured M3UA association run by an `M3UANode` (any role), as the daemon sees it: started, fed DATA to
/// send, stopped. The node's observer reports to the daemon on the event loop.
protocol SignallingLink: AnyObject, Sendable {
    var configuration: M3UAAssociationConfiguration { get }
    func start() throws
    func send(_ data: ProtocolData)
    /// Layer management (RFC 4666 §4.3.4): takes the gateway's ASP or IPSP to `goal` (ASPIA, standby, ASPDN and
    /// back); false for an SGP, whose ASPs manage themselves.
    func manage(_ goal: ASPStateMachine.Goal) -> Bool
    func stop() -> EventLoopFuture<Void>
}

final class M3UALink<Machine: M3UAStateMachine & Sendable>: SignallingLink, @unchecked Sendable {
    let configuration: M3UAAssociationConfiguration
    let node: M3UANode<Machine>
    private let starting: (M3UANode<Machine>) throws -> Void

    init(configuration: M3UAAssociationConfiguration, node: M3UANode<Machine>,
         start: @escaping (M3UANode<Machine>) throws -> Void) {
        self.configuration = configuration
        self.node = node
        self.starting = start
    }

    func start() throws { try starting(node) }
    func send(_ data: ProtocolData) { node.feed(.sendData(data)) }

    func manage(_ goal: ASPStateMachine.Goal) -> Bool {
        guard configuration.role != .sgp else { return false }
        node.feed(.manage(1, goal))
        return true
    }
    func stop() -> EventLoopFuture<Void> { node.shutdown() }
}

enum SignallingLinks {
    /// The link for a configured association: an SGP accepting ASPs (RFC 4666 §4.3), only from the addresses of
    /// its `remote` list when it has one, or an ASP/IPSP connecting and activating itself (§4.3.4.1, §4.3.4.3).
    static func make(_ config: M3UAAssociationConfiguration, group: EventLoopGroup,
                     log: @escaping @Sendable (String) -> Void,
                     observer: @escaping @Sendable (M3UAAction) -> Void) throws -> any SignallingLink {
        let mode = TrafficModeType.names.first { $0.value.lowercased() == config.trafficMode.rawValue }
            .map { TrafficModeType(rawValue: $0.key) } ?? .loadshare
        let local = config.local.compactMap(SCTPEndpoint.init(parsing:))
        let remote = config.remote.compactMap(SCTPEndpoint.init(parsing:))
        switch config.role {
        case .sgp:
            let sgp = SGPStateMachine(configuration: SGPConfiguration(applicationServers: config.routingContexts.map {
                ApplicationServerConfiguration(routingContext: $0, trafficMode: mode)
            }))
            let asps = Set(config.remote.map { (entry: String) -> String in SCTPEndpoint(parsing: entry)?.host ?? entry })
            let name = config.name
            var admitting: (@Sendable (String) -> Bool)? = nil
            if !asps.isEmpty {
                admitting = { (address: String) -> Bool in
                    guard asps.contains(address) else {
                        log("M3UA \(name): association from \(address) refused, not a configured ASP (remote)")
                        return false
                    }
                    return true
                }
            }
            let node = M3UANode(machine: sgp, group: group, peers: [:] as [AssociationID: M3UAPeer], admitting: admitting,
                                observer: observer)
            return M3UALink(configuration: config, node: node) { node in
                guard let first = local.first else { throw SignallingLinkError.noAddress(config.name) }
                if config.transport == .tcp {
                    _ = try node.listen(host: first.host, port: Int(first.port)).wait()
                } else {
                    try node.listen(sctp: local)
                }
            }
        case .asp, .ipsp:
            var aspConfiguration = ASPConfiguration()
            aspConfiguration.role = config.role == .ipsp ? .ipsp : .asp
            aspConfiguration.routingContexts = config.routingContexts
            aspConfiguration.trafficMode = mode
            aspConfiguration.outboundStreams = config.transport == .tcp ? 1 : 2
            if config.role == .ipsp, remote.isEmpty, let first = local.first {
                // An IPSP with no peer address waits for its peer's connection and answers its ASPUP and ASPAC
                // (§4.3.4.3, single exchange: either side may start, here the peer does).
                let node = M3UANode(machine: ASPStateMachine(association: 1, configuration: aspConfiguration), group: group,
                                    peers: [:] as [AssociationID: M3UAPeer], observer: observer)
                return M3UALink(configuration: config, node: node) { node in
                    if config.transport == .tcp {
                        _ = try node.listen(host: first.host, port: Int(first.port)).wait()
                    } else {
                        try node.listen(sctp: local)
                    }
                }
            }
            guard let first = remote.first else { throw SignallingLinkError.noAddress(config.name) }
            let peer: M3UAPeer = config.transport == .tcp
                ? .tcp(try SocketAddress(ipAddress: first.host, port: Int(first.port)))
                : .sctp(remote: remote, local: local, streams: 2)
            let node = M3UANode(machine: ASPStateMachine(association: 1, configuration: aspConfiguration), group: group,
                                peers: [1: peer], observer: observer)
            return M3UALink(configuration: config, node: node) { $0.feed(.activate) }
        }
    }
}

enum SignallingLinkError: Error, CustomStringConvertible {
    case noAddress(String)

    var description: String {
        switch self {
        case .noAddress(let name): "M3UA association \(name): no address to use"
        }
    }
}
