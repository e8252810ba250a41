import ISUP

/// One call in progress as the control endpoint lists it (no numbers: they are personal data).
public struct CallStatus: Hashable, Sendable {
    public var id: CallID
    public var direction: Observation.CallDirection
    public var trunk: String
    public var cic: Int?
    public var peer: String
    /// The states of its ISUP leg (`collecting` … `idle`) and SIP leg (`idle` … `terminated`).
    public var isupState: String
    public var sipState: String
    /// When its first message arrived (IAM or INVITE), and when it was answered.
    public var seizure: Instant
    public var answer: Instant?
}

/// A reload that would change what only a restart can change.
public struct ReconfigurationRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
}

/// Read access for the control endpoint and metrics, and live reconfiguration.
extension InterworkingEngine {
    /// The calls in progress, by call ID.
    public var callStatuses: [CallStatus] {
        calls.values.sorted { $0.id < $1.id }.map { call in
            CallStatus(id: call.id, direction: call.direction, trunk: configuration.trunks[call.trunk].name,
                       cic: call.cic?.value, peer: configuration.peers[call.peer].name, isupState: "\(call.isup.state)",
                       sipState: "\(call.sip.state)", seizure: call.record.seizure, answer: call.record.answer)
        }
    }

    /// Whether OPTIONS supervision last found the peer up (a peer without supervision always is); nil for a name
    /// that is not configured.
    public func peerIsUp(_ name: String) -> Bool? {
        configuration.peers.firstIndex { $0.name == name }.map { !downPeers.contains($0) }
    }

    /// Takes a reloaded configuration: routes, call timers, policy, numbering, destination and the peers' options
    /// apply to the next call (a changed keep-alive interval from the next OPTIONS on). The gateway's SIP identity,
    /// its SIP timers, its trunks and the names of its peers hold circuits, transactions and supervision in
    /// progress: a configuration that changes them is refused, and they change with a restart.
    public mutating func reconfigure(_ new: EngineConfiguration) throws(ReconfigurationRefusal) {
        let fixed: [(String, Bool)] = [
            ("sip", new.sip == configuration.sip), ("sipTimers", new.sipTimers == configuration.sipTimers),
            ("trunks", new.trunks == configuration.trunks),
            ("peers (names and order)", new.peers.map(\.name) == configuration.peers.map(\.name)),
        ]
        let changed = fixed.filter { !$0.1 }.map(\.0)
        guard changed.isEmpty else {
            throw ReconfigurationRefusal(description: "\(changed.joined(separator: ", ")) changed: restart the daemon to apply")
        }
        configuration = new
    }
}
