import Interworking
import NIOCore

extension GatewayConfiguration {
    /// A value that decodes but cannot work: the key it is about and why.
    struct Problem: Hashable, Sendable {
        var path: [PathElement]
        var reason: String
    }

    /// Cross-references and ranges no single value can check: unique names, routes naming existing peers and trunks,
    /// trunks naming configured associations, CIC ranges that do not overlap, point codes and ports in range, the
    /// control endpoint on loopback.
    func validationProblems() -> [Problem] {
        var problems = [Problem]()
        func problem(_ path: PathElement..., reason: String) { problems.append(Problem(path: path, reason: reason)) }
        let engine = engine
        for (kind, names) in [("trunks", engine.trunks.map(\.name)), ("peers", engine.peers.map(\.name)),
                              ("associations", associations.map(\.name))] {
            var seen = Set<String>()
            for (i, name) in names.enumerated() where !seen.insert(name).inserted {
                if kind == "associations" {
                    problems.append(Problem(path: [.key("m3ua"), .key("associations"), .index(i), .key("name")],
                                            reason: "a second association named \(name)"))
                } else {
                    problem(.key(kind), .index(i), .key("name"), reason: "a second \(kind.dropLast()) named \(name)")
                }
            }
        }
        let peers = Set(engine.peers.map(\.name)), trunks = Set(engine.trunks.map(\.name))
        for (i, route) in engine.routes.toSIP.enumerated() where !peers.contains(route.peer) {
            problem(.key("routes"), .key("toSIP"), .index(i), .key("peer"), reason: "no peer named \(route.peer)")
        }
        for (i, route) in engine.routes.toISUP.enumerated() where !trunks.contains(route.trunk) {
            problem(.key("routes"), .key("toISUP"), .index(i), .key("trunk"), reason: "no trunk named \(route.trunk)")
        }
        for (i, server) in (engine.routes.enumLookup?.servers ?? []).enumerated() where !Self.isDNSServer(server) {
            problem(.key("routes"), .key("enumLookup"), .key("servers"), .index(i),
                    reason: "\(server) is not an IP address, address:port or [IPv6]:port")
        }
        let associationNames = Set(associations.map(\.name))
        for (i, trunk) in engine.trunks.enumerated() {
            if let association = trunk.association, !associations.isEmpty, !associationNames.contains(association) {
                problem(.key("trunks"), .index(i), .key("association"), reason: "no M3UA association named \(association)")
            }
            // Q.704 §2.2.3: ITU point codes have 14 bits.
            for (key, pc) in [("opc", trunk.circuits.opc), ("dpc", trunk.circuits.dpc)] where pc > 0x3FFF {
                problem(.key("trunks"), .index(i), .key("circuits"), .key(key), reason: "\(pc) is not a 14-bit point code")
            }
            let ranges = trunk.circuits.cics.sorted { $0.first < $1.first }
            for (a, b) in zip(ranges, ranges.dropFirst()) where b.first <= a.last {
                problem(.key("trunks"), .index(i), .key("circuits"), .key("cics"), reason: "ranges \(a) and \(b) overlap")
            }
            if !(1...65535).contains(trunk.media.port) {
                problem(.key("trunks"), .index(i), .key("media"), .key("port"), reason: "\(trunk.media.port) is not a port")
            }
        }
        for (i, association) in associations.enumerated() {
            let path: [PathElement] = [.key("m3ua"), .key("associations"), .index(i)]
            // An SGP's `remote` lists the ASPs it accepts (by address; a port is ignored), any number of them.
            let sgp = association.role == .sgp
            if association.transport == .tcp, association.local.count > 1 || (!sgp && association.remote.count > 1) {
                problems.append(Problem(path: path + [.key("transport")], reason: "TCP takes one local and one remote address"))
            }
            for (key, list) in [("local", association.local), ("remote", association.remote)] {
                let bareAddressAllowed = sgp && key == "remote"
                for (j, text) in list.enumerated() where Self.hostPort(text) == nil && !(bareAddressAllowed && Self.isAddress(text)) {
                    problems.append(Problem(path: path + [.key(key), .index(j)],
                                            reason: "\(text) is not \(bareAddressAllowed ? "an address or " : "")address:port"))
                }
            }
            if association.role != .sgp, association.remote.isEmpty {
                problems.append(Problem(path: path + [.key("remote")], reason: "an \(association.role.rawValue) connects: give the remote address"))
            }
        }
        for (key, endpoint) in [("metrics", metrics), ("control", control)] {
            guard let endpoint else { continue }
            if !(1...65535).contains(endpoint.port) {
                problem(.key(key), .key("port"), reason: "\(endpoint.port) is not a port")
            }
        }
        // The control endpoint has no authentication: only processes of this machine may block circuits.
        if let control, !Self.isLoopback(control.host) {
            problem(.key("control"), .key("host"), reason: "\(control.host) is not a loopback address (127.0.0.0/8, ::1, localhost)")
        }
        if let metrics, let control, metrics.port == control.port, metrics.host == control.host {
            problem(.key("control"), .key("port"), reason: "the metrics endpoint already listens on \(control.host):\(control.port)")
        }
        return problems
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.split(separator: ".").first == "127" && host.split(separator: ".").count == 4
    }

    /// A numeric IPv4 or IPv6 address (what a peer's connection comes from).
    static func isAddress(_ text: String) -> Bool { (try? SocketAddress(ipAddress: text, port: 0)) != nil }

    /// A DNS server as c-ares takes it (ares_set_servers_ports_csv): an IP address, alone (port 53) or with a port.
    static func isDNSServer(_ text: String) -> Bool {
        isAddress(text) || hostPort(text).map { isAddress($0.host) } == true
    }

    /// `host:port` (IPv6 in brackets), the port 1–65535.
    static func hostPort(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}
