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
