import SIPI

/// A TDM trunk toward one switch: its circuits (OPC, DPC, CICs), how it writes numbers, where its media flow, the
/// M3UA association that carries its signalling, and its limits.
public struct TrunkConfiguration: Codable, Hashable, Sendable {
    public var name: String
    public var circuits: CircuitGroupConfiguration
    /// MTP3 network indicator of its signalling (Q.704 §14.2: 0 international, 2 national).
    public var networkIndicator: UInt8
    /// The M3UA association carrying its signalling: its loss releases the trunk's calls.
    public var association: String?
    /// The M3UA routing context of its DATA (RFC 4666 §3.3.1), when the association uses one.
    public var routingContext: UInt32?
    public var numbering: TrunkNumbering
    public var media: MediaEndpoint
    public var limits: Limits

    public init(name: String, circuits: CircuitGroupConfiguration, networkIndicator: UInt8 = 2,
                association: String? = nil, routingContext: UInt32? = nil, numbering: TrunkNumbering = .national,
                media: MediaEndpoint, limits: Limits = Limits()) {
        self.name = name
        self.circuits = circuits
        self.networkIndicator = networkIndicator
        self.association = association
        self.routingContext = routingContext
        self.numbering = numbering
        self.media = media
        self.limits = limits
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            circuits: try c.decode(CircuitGroupConfiguration.self, forKey: .circuits),
            networkIndicator: try c.value(.networkIndicator, or: 2),
            association: try c.decodeIfPresent(String.self, forKey: .association),
            routingContext: try c.decodeIfPresent(UInt32.self, forKey: .routingContext),
            numbering: try c.value(.numbering, or: .national),
            media: try c.decode(MediaEndpoint.self, forKey: .media),
            limits: try c.value(.limits, or: Limits()))
    }
}
