/// What SSNM says of a destination, RFC 4666 §4.5.
public struct DestinationStatus: Hashable, Sendable {
    /// DUNA (§3.4.1) makes it false, DAVA (§3.4.2) true.
    public var available: Bool
    /// DRST (§3.4.6): available, but routed through a restricted route.
    public var restricted: Bool = false
    /// SCON (§3.4.4) congestion level 0–3.
    public var congestionLevel: UInt8 = 0
    /// DUPU (§3.4.5): MTP3 users unavailable at that destination, by Service Indicator.
    public var unavailableUsers: Set<UInt8> = []

    public init(available: Bool) { self.available = available }
}

/// Destination availability as learnt from SSNM (RFC 4666 §4.5) or configured (an SGP's view of the SS7
/// network), by point code with mask. An entry with mask m covers every point code that differs only in the m
/// least significant bits; a newer entry replaces the entries it covers, and a lookup takes the newest entry that
/// covers the point code, so "DUNA 1-2-0/3 then DAVA 1-2-3" leaves 1-2-3 available and the rest of the range not.
public struct DestinationTable: Hashable, Sendable {
    /// The answer for a point code no entry covers: an ASP assumes a destination available until told otherwise
    /// (RFC 4666 §4.5.1); an SGP answers a DAUD for it with ERR 0x14 (§3.8.1).
    public var defaultStatus: DestinationStatus?
    private struct Entry: Hashable, Sendable {
        var range: MaskedPointCode
        var status: DestinationStatus
    }
    private var entries: [Entry] = []

    public init(defaultStatus: DestinationStatus? = DestinationStatus(available: true)) {
        self.defaultStatus = defaultStatus
    }

    private static func covers(_ range: MaskedPointCode, _ pc: UInt32) -> Bool {
        range.pointCode >> range.mask == pc >> range.mask
    }

    public func status(of pc: UInt32) -> DestinationStatus? {
        entries.last { Self.covers($0.range, pc) }?.status ?? defaultStatus
    }

    /// What the interworking layer asks before sending to a DPC (calls to an unavailable one are refused with
    /// cause 34): reachable, and the user part (ISUP by default) not reported unavailable by DUPU.
    public func isAvailable(_ pc: UInt32, user: ServiceIndicator = .isup) -> Bool {
        guard let s = status(of: pc) else { return false }
        return s.available && !s.unavailableUsers.contains(user.rawValue)
    }

    /// Sets a range to a status, replacing the entries it covers.
    public mutating func set(_ range: MaskedPointCode, _ status: DestinationStatus) {
        entries.removeAll { $0.range.mask <= range.mask && Self.covers(range, $0.range.pointCode) }
        entries.append(Entry(range: range, status: status))
    }

    /// Forgets everything learnt (the association to the SGP went down: RFC 4666 §4.5 state is unknown).
    public mutating func reset() { entries.removeAll() }

    /// Applies a received DUNA, DAVA, DRST, SCON or DUPU (RFC 4666 §4.5.1–§4.5.4) to every Affected Point Code;
    /// returns the point codes it changed.
    public mutating func apply(_ message: M3UAMessage) -> [MaskedPointCode] {
        message.affectedPointCodes.map { range in
            var s = status(of: range.pointCode) ?? DestinationStatus(available: true)
            switch message.type {
            case .duna: s = DestinationStatus(available: false)
            case .dava: s = DestinationStatus(available: true)
            case .drst: s.available = true; s.restricted = true
            case .scon: s.congestionLevel = message.congestionLevel ?? 0
            case .dupu: s.unavailableUsers.insert(UInt8(truncatingIfNeeded: message.userCause?.user ?? 0))
            default: return range
            }
            set(range, s)
            return range
        }
    }

    /// The answer to a DAUD (RFC 4666 §4.5.3 / §3.4.3): per Affected Point Code a DAVA or DUNA with the DAUD's
    /// Network Appearance and Routing Context, or ERR 0x14 "Destination Status Unknown" with the point code.
    public func answer(audit daud: M3UAMessage) -> [M3UAMessage] {
        let na = daud[.networkAppearance], rc = daud[.routingContext]
        return daud.affectedPointCodes.map { range in
            let apc = M3UAParameter.affectedPointCode([range])
            guard let s = status(of: range.pointCode) else {
                return M3UAMessage(.err, [.errorCode(.destinationStatusUnknown)] + [rc, na].compactMap { $0 } + [apc])
            }
            return M3UAMessage(s.available ? .dava : .duna, [na, rc].compactMap { $0 } + [apc])
        }
    }
}
