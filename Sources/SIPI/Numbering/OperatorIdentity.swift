/// The identities one operator's network answers for: its domain and the codes routing numbers name it by.
///
/// ST 769 §6.1 (R-DOM): on a direct interconnection the network a routing number identifies (OP_ID, CS code,
/// decamigliaio, 3XY, RPV code) and the Request-URI host must be the same network; Annex A.2.1: a Recipient
/// receiving another network's identity releases with cause 28 / 484.
public struct OperatorIdentity: Codable, Hashable, Sendable {
    /// First-level domain `<operator>.it` (§7.3.1).
    public var domain: String
    /// OP_IDs (ST 763-4), 3 digits.
    public var operatorCodes: [String]
    /// Decamigliaio blocks `0a1…a5` held for fixed NP (C60), fictitious-area blocks included.
    public var blocks: [String]
    /// Carrier-selection codes 10XY(Z).
    public var carrierCodes: [String]
    /// RPV access codes.
    public var rpvCodes: [String]
    /// MNP routing codes 3XY.
    public var mnpCodes: [String]
    /// Voice-mail access codes 3XY_VMS.
    public var vmsCodes: [String]

    public init(
        domain: String, operatorCodes: [String] = [], blocks: [String] = [], carrierCodes: [String] = [],
        rpvCodes: [String] = [], mnpCodes: [String] = [], vmsCodes: [String] = []
    ) {
        self.domain = domain
        self.operatorCodes = operatorCodes
        self.blocks = blocks
        self.carrierCodes = carrierCodes
        self.rpvCodes = rpvCodes
        self.mnpCodes = mnpCodes
        self.vmsCodes = vmsCodes
    }

    /// Decodes an identity in which every list is optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys) throws -> [String] { try c.decodeIfPresent([String].self, forKey: key) ?? [] }
        self.init(
            domain: try c.decode(String.self, forKey: .domain), operatorCodes: try list(.operatorCodes),
            blocks: try list(.blocks), carrierCodes: try list(.carrierCodes), rpvCodes: try list(.rpvCodes),
            mnpCodes: try list(.mnpCodes), vmsCodes: try list(.vmsCodes))
    }

    /// Whether `identity` names this network.
    public func owns(_ identity: NetworkIdentity) -> Bool {
        switch identity.kind {
        case .operatorCode: operatorCodes.contains(identity.value)
        case .block: blocks.contains(identity.value)
        case .carrierCode: carrierCodes.contains(identity.value)
        case .carrierSuffix: carrierCodes.contains("10" + identity.value)
        case .rpvCode: rpvCodes.contains(identity.value)
        case .mnpCode: mnpCodes.contains(identity.value)
        case .vmsCode: vmsCodes.contains(identity.value)
        }
    }

    /// Throws when `number` names another network (R-DOM; Annex A.2.1). Numbers that name no network (area-routed,
    /// plain) pass.
    public func requireIdentified(by number: ClassifiedNumber, policy: AnnexAPolicy = .st769) throws(NumberingError) {
        if let identity = number.identity, !owns(identity) {
            throw policy.error(.unexpectedDestination(number.kind, identity: identity.description))
        }
    }
}
