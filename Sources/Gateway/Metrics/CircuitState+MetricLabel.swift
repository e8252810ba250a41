import Interworking

extension CircuitState {
    /// The `state` label of `sipigw_circuits`, one per circuit: unequipped at the switch (Q.764 §2.12) first, then
    /// its call processing state (Q.764 §2.8.3) when not idle, then blocked (either way, Q.764 §2.8) or idle. A
    /// busy circuit blocked for maintenance counts as busy: its call goes on.
    public var metricLabel: String {
        if unequippedAtRemote { return "unequipped" }
        switch call {
        case .idle: return blocking.isEmpty ? "idle" : "blocked"
        case .incomingBusy: return "incoming-busy"
        case .outgoingSeized, .outgoingBusy: return "outgoing-busy"
        case .releasing: return "releasing"
        case .resetting: return "resetting"
        }
    }

    public static let metricLabels = ["idle", "blocked", "incoming-busy", "outgoing-busy", "releasing", "resetting",
                                      "unequipped"]
}
