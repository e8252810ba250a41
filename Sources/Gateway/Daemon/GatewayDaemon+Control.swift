import Interworking
import ISUP
import M3UA
import NIOHTTP1

/// The control endpoint (docs in README.md, "Metrics and control"): JSON over HTTP on the configured loopback
/// address, answered on the engine's event loop. Reads never change anything; the POSTs are operator maintenance
/// on circuits (Q.764 §2.8, §2.9.3) and a reload of the configuration file.
extension GatewayDaemon {
    func control(_ request: HTTPRequest) -> HTTPResponse {
        switch (request.method, request.path) {
        case (.GET, "/status"): return .json(status)
        case (.GET, "/calls"): return .json(["calls": .array(engine.callStatuses.map(\.json))])
        case (.GET, "/circuits"): return circuits(trunk: request.query("trunk"))
        case (.GET, "/associations"): return .json(["associations": .array(associations)])
        case (.GET, "/peers"): return .json(["peers": .array(peers)])
        case (.POST, "/circuits/block"): return maintenance(.block, request.body)
        case (.POST, "/circuits/unblock"): return maintenance(.unblock, request.body)
        case (.POST, "/circuits/reset"): return maintenance(.reset, request.body)
        case (.POST, "/reload"): return reload()
        case (.POST, "/associations/manage"): return manageAssociation(request.body)
        case (_, "/status"), (_, "/calls"), (_, "/circuits"), (_, "/associations"), (_, "/peers"):
            return .error(.methodNotAllowed, "\(request.path): GET only")
        case (_, "/circuits/block"), (_, "/circuits/unblock"), (_, "/circuits/reset"), (_, "/reload"),
             (_, "/associations/manage"):
            return .error(.methodNotAllowed, "\(request.path): POST only")
        default:
            return .error(.notFound, "no \(request.path) (GET /status /calls /circuits?trunk= /associations /peers; "
                          + "POST /circuits/block|unblock|reset /associations/manage /reload)")
        }
    }

    private var status: JSONObject {
        let up = associationUp.values.count { $0 }
        let peersUp = configuration.engine.peers.count { engine.peerIsUp($0.name) == true }
        return [
            "uptimeSeconds": .double(now.sinceEpoch.seconds),
            "activeCalls": .int(engine.activeCalls),
            "activeTransactions": .int(engine.activeTransactions),
            "associations": .object(["up": .int(up), "configured": .int(configuration.associations.count)]),
            "peers": .object(["up": .int(peersUp), "configured": .int(configuration.engine.peers.count)]),
            "trunks": .array(configuration.engine.trunks.map { .string($0.name) }),
            "records": configuration.records.map { .string($0.path) } ?? .null,
        ]
    }

    /// Every equipped circuit of a trunk: its CIC, its `sipigw_circuits` state, its call state and blocking.
    private func circuits(trunk: String?) -> HTTPResponse {
        let names = configuration.engine.trunks.map(\.name)
        guard let trunk else { return .error(.badRequest, "trunk= missing (trunks: \(names.joined(separator: ", ")))") }
        guard let group = engine.circuitGroup(trunk) else {
            return .error(.notFound, "no trunk \(trunk) (trunks: \(names.joined(separator: ", ")))")
        }
        let circuits: [JSONValue] = group.equippedCICs.compactMap { cic in
            group.state(of: cic).map { state in
                .object(["cic": .int(cic.value), "state": .string(state.metricLabel), "call": .string("\(state.call)"),
                         "blocking": .array(state.blocking.names.map(JSONValue.string)),
                         "unequippedAtRemote": .bool(state.unequippedAtRemote)])
            }
        }
        return .json(["trunk": .string(trunk), "circuits": .array(circuits)])
    }

    /// `{"association": "stp", "state": "inactive"}`: layer management of the gateway's ASP or IPSP on that
    /// association (RFC 4666 §4.3.4: `active`, `inactive` = ASPIA, `standby`, `down` = ASPDN and the association
    /// closed); the answer is the associations, whose `up` follows once the peer has acknowledged.
    private func manageAssociation(_ body: [UInt8]) -> HTTPResponse {
        guard let object = (try? JSONValue(parsing: String(decoding: body, as: UTF8.self)))?.object,
              let name = object["association"]?.string, let state = object["state"]?.string
        else { return .error(.badRequest, #"expected {"association": NAME, "state": "active|inactive|standby|down"}"#) }
        guard let goal = ASPStateMachine.Goal(rawValue: state) else {
            return .error(.badRequest, "state \(state): active, inactive, standby or down")
        }
        guard let link = links[name] else {
            return .error(.notFound, "no association \(name) (\(links.keys.sorted().joined(separator: ", ")))")
        }
        guard link.manage(goal) else {
            return .error(.conflict, "\(name): the gateway is the SGP there; its ASPs manage their own state")
        }
        log("M3UA \(name): layer management to \(state)")
        return .json(["associations": .array(associations)])
    }

    private var associations: [JSONValue] {
        configuration.associations.map { a in
            .object(["name": .string(a.name), "role": .string(a.role.rawValue), "transport": .string(a.transport.rawValue),
                     "local": .array(a.local.map(JSONValue.string)), "remote": .array(a.remote.map(JSONValue.string)),
                     "up": .bool(associationUp[a.name] ?? false)])
        }
    }

    private var peers: [JSONValue] {
        configuration.engine.peers.map { p in
            .object(["name": .string(p.name), "address": .string("\(p.address)"), "domain": .string(p.domain),
                     "keepAliveSeconds": p.keepAliveInterval.map { .double($0.duration.seconds) } ?? .null,
                     "up": .bool(engine.peerIsUp(p.name) ?? false)])
        }
    }

    /// `{"trunk": "switch", "first": 5, "last": 7}` (`last` may be left out for one CIC). The request is fed to the
    /// engine at once; the answer is the circuits' states right after it (a block or reset then awaits the
    /// switch's acknowledgement).
    private func maintenance(_ operation: MaintenanceRequest.Operation, _ body: [UInt8]) -> HTTPResponse {
        let object: JSONObject
        do {
            guard let parsed = try JSONValue(parsing: String(decoding: body, as: UTF8.self)).object else {
                return .error(.badRequest, "body: expected a JSON object {\"trunk\", \"first\", \"last\"}")
            }
            object = parsed
        } catch {
            return .error(.badRequest, "body: \(error)")
        }
        guard let trunk = object["trunk"]?.string else { return .error(.badRequest, "body: trunk (a string) missing") }
        guard let first = object["first"]?.int else { return .error(.badRequest, "body: first (a CIC) missing") }
        let last = object["last"]?.int ?? first
        guard let range = CICRange(first, last) else {
            return .error(.badRequest, "body: CICs \(first)-\(last): not a range within 0-4095 (Q.763 §1.2)")
        }
        guard engine.circuitGroup(trunk) != nil else { return .error(.notFound, "no trunk \(trunk)") }
        feedOnLoop(.maintenance(MaintenanceRequest(trunk: trunk, operation: operation, first: CIC(range.first),
                                                   last: CIC(range.last))))
        guard let group = engine.circuitGroup(trunk) else { return .error(.notFound, "no trunk \(trunk)") }
        let states: [JSONValue] = range.cics.compactMap { n in
            group.state(of: CIC(n)).map { .object(["cic": .int(n), "state": .string($0.metricLabel)]) }
        }
        return .json(["trunk": .string(trunk), "operation": .string(operation.rawValue),
                      "cics": .string(range.description), "circuits": .array(states)])
    }

    /// The file is read and checked again; a file that does not load, or that changes what only a restart changes
    /// (associations, listeners, the HTTP endpoints, or what `InterworkingEngine.reconfigure` refuses), leaves the
    /// configuration in force and is answered 400 with the reason.
    private func reload() -> HTTPResponse {
        guard let reloadSource else { return .error(.badRequest, "this daemon was started without a configuration file") }
        let new: GatewayConfiguration
        do {
            new = try reloadSource()
        } catch {
            return .error(.badRequest, "\(error)")
        }
        let fixed: [(String, Bool)] = [
            ("m3ua.associations", new.associations == configuration.associations),
            ("listeners", new.listeners == configuration.listeners), ("metrics", new.metrics == configuration.metrics),
            ("control", new.control == configuration.control),
            ("records (on or off)", (new.records == nil) == (configuration.records == nil)),
        ]
        let changed = fixed.filter { !$0.1 }.map(\.0)
        guard changed.isEmpty else {
            return .error(.badRequest, "\(changed.joined(separator: ", ")) changed: restart the daemon to apply")
        }
        do {
            try engine.reconfigure(new.engine)
            if let path = new.records?.path, path != records?.path { try records?.reopen(at: path) }
        } catch {
            return .error(.badRequest, "\(error)")
        }
        configuration = new
        log("configuration reloaded")
        return .json(["reloaded": .bool(true), "summary": .string("\(new.engine.trunks.count) trunks, "
                      + "\(new.engine.peers.count) peers, \(new.engine.routes.toSIP.count) routes to SIP, "
                      + "\(new.engine.routes.toISUP.count) to ISUP")])
    }
}

extension CallStatus {
    var json: JSONValue {
        .object(["id": .int(Int(id.rawValue)), "direction": .string(direction.rawValue), "trunk": .string(trunk),
                 "cic": cic.map(JSONValue.int) ?? .null, "peer": .string(peer), "isup": .string(isupState),
                 "sip": .string(sipState), "seizureSeconds": .double(seizure.sinceEpoch.seconds),
                 "answerSeconds": answer.map { .double($0.sinceEpoch.seconds) } ?? .null])
    }
}

extension Blocking {
    /// Who blocked the circuit and why (Q.764 §2.8), as the control endpoint names it.
    var names: [String] {
        [(Blocking.localMaintenance, "localMaintenance"), (.localHardware, "localHardware"),
         (.remoteMaintenance, "remoteMaintenance"), (.remoteHardware, "remoteHardware")]
            .filter { contains($0.0) }.map(\.1)
    }
}

extension HTTPResponse {
    static func json(_ object: JSONObject) -> HTTPResponse {
        HTTPResponse(.ok, contentType: "application/json", body: JSONValue.object(object).jsonText + "\n")
    }

    static func error(_ status: HTTPResponseStatus, _ text: String) -> HTTPResponse {
        HTTPResponse(status, contentType: "application/json", body: JSONValue.object(["error": .string(text)]).jsonText + "\n")
    }
}
