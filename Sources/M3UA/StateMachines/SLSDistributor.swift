/// Loadshare over SLS (RFC 4666 §4.3.4.3: the distribution is implementation-dependent, "based on ... SLS"): an
/// SLS keeps its association for as long as that association is active, so the messages of one circuit stay in
/// order; a new SLS, or one whose association left, takes the active association at `SLS mod count`.
struct SLSDistributor: Hashable, Sendable {
    private var chosen: [UInt8: AssociationID] = [:]

    mutating func association(for sls: UInt8, among active: [AssociationID]) -> AssociationID? {
        if let a = chosen[sls], active.contains(a) { return a }
        guard !active.isEmpty else { return nil }
        let a = active.sorted()[Int(sls) % active.count]
        chosen[sls] = a
        return a
    }
}
