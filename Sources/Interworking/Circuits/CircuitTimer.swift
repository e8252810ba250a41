import ISUP

/// A circuit supervision timer of Q.764 Annex A that the shell runs: its name and the CIC of the message it guards
/// (for CGB, CGU and GRS, the first CIC of the range).
public struct CircuitTimer: Hashable, Sendable, CustomStringConvertible {
    public enum Name: String, Hashable, Sendable, CaseIterable {
        case t12, t13, t14, t15, t16, t17, t18, t19, t20, t21, t22, t23

        /// The procedure whose request this timer repeats.
        public var procedure: CircuitProcedure {
            switch self {
            case .t12, .t13: .blocking
            case .t14, .t15: .unblocking
            case .t16, .t17: .reset
            case .t18, .t19: .groupBlocking
            case .t20, .t21: .groupUnblocking
            case .t22, .t23: .groupReset
            }
        }

        /// T13, T15, T17, T19, T21, T23: started with the initial request; on expiry maintenance is alerted.
        public var isLong: Bool {
            switch self {
            case .t13, .t15, .t17, .t19, .t21, .t23: true
            default: false
            }
        }
    }

    public var name: Name
    public var cic: CIC

    public init(_ name: Name, cic: CIC) {
        self.name = name
        self.cic = cic
    }

    public var description: String { "\(name.rawValue.uppercased())(CIC \(cic))" }
}

/// The circuit supervision requests this exchange sends and repeats until acknowledged (Q.764 §2.8, §2.9.3).
public enum CircuitProcedure: Hashable, Sendable, CaseIterable {
    /// BLO → BLA, T12/T13.
    case blocking
    /// UBL → UBA, T14/T15.
    case unblocking
    /// RSC → RLC, T16/T17.
    case reset
    /// CGB → CGBA, T18/T19.
    case groupBlocking
    /// CGU → CGUA, T20/T21.
    case groupUnblocking
    /// GRS → GRA, T22/T23.
    case groupReset

    /// The repetition timer (Q.764 Annex A): resend and restart.
    public var shortTimer: CircuitTimer.Name {
        switch self {
        case .blocking: .t12
        case .unblocking: .t14
        case .reset: .t16
        case .groupBlocking: .t18
        case .groupUnblocking: .t20
        case .groupReset: .t22
        }
    }

    /// The long timer (Q.764 Annex A): resend, alert maintenance, stop the short timer, restart.
    public var longTimer: CircuitTimer.Name {
        switch self {
        case .blocking: .t13
        case .unblocking: .t15
        case .reset: .t17
        case .groupBlocking: .t19
        case .groupUnblocking: .t21
        case .groupReset: .t23
        }
    }
}
