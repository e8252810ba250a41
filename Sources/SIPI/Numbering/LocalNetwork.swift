/// The checks the gateway makes on a classified called number when its own network is the destination of the call
/// (Serving, Recipient, Carrier, WLR network, or Donor for C59), after the format checks of `NumberingPlan`.
///
/// ST 769 Annex A.1.1 d (unknown domain), A.1.2 c ("routing number required"), A.1.2 ("valid but not enabled",
/// cause 63 / 500), A.2.1 (another network's identity, cause 28 / 484) and A.2.2 (DB mismatch, cause 63 / 500).
public struct LocalNetwork: Codable, Hashable, Sendable {
    /// This network's domain and codes.
    public var identity: OperatorIdentity
    /// The operators interconnected over the VoIP NNI; nil: domains are not checked.
    public var peers: [OperatorIdentity]?
    /// Per originating operator (the domain of its P-Asserted-Identity), the routing-number kinds it has subscribed
    /// with this network; an operator missing from the table has none. nil: every service is enabled for everyone.
    public var enabledServices: [String: [NumberKind]]?
    /// National-number prefixes a national peer must send as a routing number, not plain (§6.2.3: "55" only as
    /// C59/C50; an ISC may send it plain, §6.2.5). [inference] st769-2 §3.3: A.1.2 c, cause 28 / 484.
    public var routingNumberRequired: [String]

    public init(
        identity: OperatorIdentity, peers: [OperatorIdentity]? = nil, enabledServices: [String: [NumberKind]]? = nil,
        routingNumberRequired: [String] = ["55"]
    ) {
        self.identity = identity
        self.peers = peers
        self.enabledServices = enabledServices
        self.routingNumberRequired = routingNumberRequired
    }

    /// Checks a called number that reached this network as its destination.
    ///
    /// - Parameters:
    ///   - origin: the originating operator, by the domain of the calling identity (§7.3.1).
    ///   - fromISC: the call comes from an international switching centre (§6.2.5).
    ///   - isServed: whether a number (the MSN of a 3XY, the 55 number of a C50) is a current subscriber here.
    public func check(
        _ number: ClassifiedNumber, origin: String, fromISC: Bool = false, policy: AnnexAPolicy = .st769,
        isServed: (String) -> Bool
    ) throws(NumberingError) {
        if number.kind == .national, !fromISC {
            let national = number.fields.map(\.value).joined()
            if let prefix = routingNumberRequired.first(where: national.hasPrefix) {
                throw policy.error(.routingNumberRequired(prefix: prefix))
            }
        }
        try identity.requireIdentified(by: number, policy: policy)
        if number.kind.isRoutingNumber, let enabledServices, enabledServices[origin]?.contains(number.kind) != true {
            throw policy.error(.serviceNotEnabled(number.kind, origin: origin))
        }
        if let subscriber = number.subscriber, !isServed(subscriber) {
            throw policy.error(.databaseMismatch(number.kind, number: subscriber))
        }
    }

    /// The operator a domain belongs to: this network or a peer. Annex A.1.1 d: a domain that is neither is
    /// rejected (when `peers` is configured).
    public func operatorIdentity(domain: String, policy: AnnexAPolicy = .st769) throws(NumberingError) -> OperatorIdentity? {
        let known = [identity] + (peers ?? [])
        if let found = known.first(where: { $0.domain.lowercased() == domain.lowercased() }) { return found }
        if peers != nil { throw policy.error(.unknownDomain(domain)) }
        return nil
    }
}
