/// ASP state, RFC 4666 §4.3.1, as an ASP knows itself or as the SGP/IPSP peer tracks it.
public enum ASPState: String, Hashable, Sendable, Codable {
    case down = "ASP-DOWN"
    case inactive = "ASP-INACTIVE"
    case active = "ASP-ACTIVE"

    /// DOWN < INACTIVE < ACTIVE, the order the procedures of RFC 4666 §4.3.4 climb.
    var rank: Int {
        switch self {
        case .down: 0
        case .inactive: 1
        case .active: 2
        }
    }
}

/// AS state, RFC 4666 §4.3.2.
public enum ASState: String, Hashable, Sendable, Codable {
    case down = "AS-DOWN"
    case inactive = "AS-INACTIVE"
    case active = "AS-ACTIVE"
    case pending = "AS-PENDING"

    /// The NTFY Status that announces this state (RFC 4666 §3.8.2, Status Type 1).
    public var notifyStatus: NotifyStatus? {
        switch self {
        case .down: nil
        case .inactive: .asInactive
        case .active: .asActive
        case .pending: .asPending
        }
    }

    /// The state a NTFY AS-State_Change announces.
    public init?(notifying status: NotifyStatus) {
        switch status {
        case .asInactive: self = .inactive
        case .asActive: self = .active
        case .asPending: self = .pending
        default: return nil
        }
    }
}
