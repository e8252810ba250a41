/// One Application Server at the SGP: its state (RFC 4666 §4.3.2), the ASPs active in it, and the DATA held
/// while it is AS-PENDING.
public struct ApplicationServer: Hashable, Sendable {
    public let configuration: ApplicationServerConfiguration
    public internal(set) var state: ASState = .down
    /// The ASP-ACTIVE ASPs in the order they activated; in Override the last one carries the traffic.
    public internal(set) var active: [AssociationID] = []
    /// RFC 4666 §4.3.2: "the SGP ... MUST buffer ... while the AS is AS-PENDING", delivered on recovery.
    var queue: [ProtocolData] = []
    var distributor = SLSDistributor()
    /// NTFY "Insufficient ASP Resources Active in AS" has been sent for the present shortage.
    var announcedShortage = false

    init(configuration: ApplicationServerConfiguration) { self.configuration = configuration }

    public var routingContext: UInt32 { configuration.routingContext }

    /// The state RFC 4666 §4.3.2 leads to, given the ASPs now active and `up` ASPs not ASP-DOWN:
    /// - INACTIVE → ACTIVE when n ASPs are active (n = 1 in Override, `minimumActive` in Loadshare);
    /// - ACTIVE stays ACTIVE while one ASP is active; PENDING → ACTIVE when one becomes active before T(r);
    /// - ACTIVE → PENDING when the last active ASP goes inactive or down (there is no ACTIVE → INACTIVE/DOWN);
    /// - otherwise INACTIVE while an ASP is up, DOWN when none is. PENDING leaves on T(r) only: `recovered(up:)`.
    func next(up: Int) -> ASState {
        let carrying = state == .active || state == .pending
        if active.count >= max(configuration.minimumActive, 1) || (carrying && !active.isEmpty) { return .active }
        if carrying { return .pending }
        return up > 0 ? .inactive : .down
    }

    /// RFC 4666 §3.8.2 "Insufficient ASP Resources Active in AS": a Loadshare AS carries traffic with fewer than
    /// n ASPs active.
    var short: Bool {
        state == .active && configuration.trafficMode == .loadshare && active.count < configuration.minimumActive
    }

    /// T(r) expired in AS-PENDING (RFC 4666 §4.3.2): INACTIVE if an ASP is ASP-INACTIVE, else DOWN.
    static func recovered(up: Int) -> ASState { up > 0 ? .inactive : .down }

    /// The associations that carry DATA with this SLS: the newest active ASP in Override, the SLS's ASP in
    /// Loadshare, every active ASP in Broadcast (RFC 4666 §4.3.4.3).
    mutating func carriers(sls: UInt8) -> [AssociationID] {
        switch configuration.trafficMode {
        case .broadcast: active
        case .loadshare: distributor.association(for: sls, among: active).map { [$0] } ?? []
        default: active.last.map { [$0] } ?? []
        }
    }
}
