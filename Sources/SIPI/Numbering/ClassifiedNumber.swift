/// A number accepted at the VoIP NNI: the format it fits and its fields (ST 769 §6.1).
public struct ClassifiedNumber: Hashable, Sendable {
    public let format: NumberFormat
    /// The digits after "+": country code first, the routing-number digit as upper-case "C".
    public let digits: String
    /// The fields in layout order; a field that may be absent (length 0) and is absent is left out.
    public let fields: [NumberField]

    public var kind: NumberKind { format.kind }

    /// The SIP URI user part, global format (§7.3.2).
    public var userPart: String { "+" + digits }

    /// The value of a field by name.
    public subscript(field: String) -> String? { fields.first { $0.name == field }?.value }

    /// The network this number must reach, for R-DOM and Annex A.2.1 (nil for area-routed and plain numbers).
    public var identity: NetworkIdentity? {
        format.identity.flatMap { id in self[id.field].map { NetworkIdentity(kind: id.kind, value: $0) } }
    }

    /// The number a Recipient looks up among its subscribers (Annex A.2.2), if the format has one.
    public var subscriber: String? { format.subscriberField.flatMap { self[$0] } }
}

/// One named field of a classified number.
public struct NumberField: Hashable, Sendable {
    public let name: String
    public let value: String
}

/// A network identity carried in a routing number: an OP_ID, a DCM, a carrier code, an RPV code, a 3XY.
public struct NetworkIdentity: Hashable, Sendable, CustomStringConvertible {
    public let kind: IdentityKind
    public let value: String

    public var description: String { "\(kind.rawValue) \(value)" }
}
