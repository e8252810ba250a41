/// One trunk toward one switch: the circuits this exchange shares with the switch at `dpc`.
public struct CircuitGroupConfiguration: Codable, Hashable, Sendable {
    public var name: String
    /// Our own signalling point code.
    public var opc: UInt32
    /// The switch's signalling point code.
    public var dpc: UInt32
    /// The equipped circuits; a CIC outside every range is unequipped (Q.764 §2.12, UCIC).
    public var cics: [CICRange]
    public var selection: CircuitSelection
    public var timers: ISUPCircuitTimers

    public init(name: String, opc: UInt32, dpc: UInt32, cics: [CICRange],
                selection: CircuitSelection = CircuitSelection(), timers: ISUPCircuitTimers = ISUPCircuitTimers()) {
        self.name = name
        self.opc = opc
        self.dpc = dpc
        self.cics = cics
        self.selection = selection
        self.timers = timers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        opc = try c.decode(UInt32.self, forKey: .opc)
        dpc = try c.decode(UInt32.self, forKey: .dpc)
        cics = try c.decode([CICRange].self, forKey: .cics)
        selection = try c.decodeIfPresent(CircuitSelection.self, forKey: .selection) ?? CircuitSelection()
        timers = try c.decodeIfPresent(ISUPCircuitTimers.self, forKey: .timers) ?? ISUPCircuitTimers()
    }

    /// Q.764 §2.9.1.4 (isup-q763.md §6.5): the exchange with the higher signalling point code controls the
    /// even-numbered CICs, the other one the odd-numbered ones.
    public func weControl(_ cic: Int) -> Bool { (opc > dpc) == cic.isMultiple(of: 2) }
}

/// How an outgoing call picks its circuit.
public struct CircuitSelection: Codable, Hashable, Sendable {
    public enum Order: String, Codable, Hashable, Sendable {
        case ascending, descending
        /// The next idle circuit after the one seized last, wrapping around.
        case roundRobin
        /// The idle circuit released longest ago (never used counts as oldest), lowest CIC first on a tie.
        case leastRecentlyReleased
    }

    public var order: Order
    /// Q.764 §2.9.1.4 (isup-q763.md §6.5, "prevention"): take the circuits this exchange controls first, so that a
    /// dual seizure, when it happens, is won. On by default.
    public var preferControlledCircuits: Bool

    public init(order: Order = .ascending, preferControlledCircuits: Bool = true) {
        self.order = order
        self.preferControlledCircuits = preferControlledCircuits
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        order = try c.decodeIfPresent(Order.self, forKey: .order) ?? .ascending
        preferControlledCircuits = try c.decodeIfPresent(Bool.self, forKey: .preferControlledCircuits) ?? true
    }
}
