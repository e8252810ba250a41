/// The state of one equipped circuit, as Q.764 circuit supervision and the circuit group query see it.
public struct CircuitState: Hashable, Sendable {
    public var call: CallState
    public var blocking: Blocking
    /// A UCIC came back for this circuit (Q.764 §2.12): the switch does not have it; not selected until a reset is
    /// acknowledged or the switch sends an IAM on it.
    public var unequippedAtRemote: Bool

    public init(call: CallState = .idle, blocking: Blocking = [], unequippedAtRemote: Bool = false) {
        self.call = call
        self.blocking = blocking
        self.unequippedAtRemote = unequippedAtRemote
    }

    /// Idle, unblocked both ways and equipped at the far end: the only circuits an outgoing call may seize.
    public var isSelectable: Bool { call == .idle && blocking.isEmpty && !unequippedAtRemote }
}

/// Call processing state of a circuit (Q.764 §2.8.3 circuit states, isup-q763.md §3.2 circuit state indicator).
public enum CallState: Hashable, Sendable {
    case idle
    /// An IAM was received and accepted.
    case incomingBusy
    /// We sent an IAM and no backward message has come yet: the window of a dual seizure (Q.764 §2.9.1.4), and a
    /// transient state for a circuit group query.
    case outgoingSeized
    /// Our outgoing call got its first backward message.
    case outgoingBusy
    /// A REL went or came; the RLC is awaited (transient).
    case releasing
    /// We sent RSC (awaiting RLC) or GRS (awaiting GRA); the circuit is unusable until acknowledged (Q.764 §2.9.3).
    case resetting
}

/// Blocking states of a circuit (Q.764 §2.8): who blocked it, and why.
public struct Blocking: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// We blocked it for maintenance (BLO or CGB maintenance sent).
    public static let localMaintenance = Blocking(rawValue: 1 << 0)
    /// We blocked it for a hardware failure (CGB hardware failure oriented sent).
    public static let localHardware = Blocking(rawValue: 1 << 1)
    /// The switch blocked it for maintenance (BLO or CGB maintenance received).
    public static let remoteMaintenance = Blocking(rawValue: 1 << 2)
    /// The switch blocked it for a hardware failure (CGB hardware failure oriented received).
    public static let remoteHardware = Blocking(rawValue: 1 << 3)

    public static func local(_ kind: BlockingKind) -> Blocking {
        kind == .maintenance ? .localMaintenance : .localHardware
    }

    public static func remote(_ kind: BlockingKind) -> Blocking {
        kind == .maintenance ? .remoteMaintenance : .remoteHardware
    }
}

/// The circuit group supervision message type indicator, Q.763 §3.13 (bits BA).
public enum BlockingKind: UInt8, Hashable, Sendable, Codable {
    case maintenance = 0
    case hardwareFailure = 1
}
