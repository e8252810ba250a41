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
