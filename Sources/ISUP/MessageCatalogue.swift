/// How the body of a message type is laid out after the message type code, Q.763 §1.4.
public enum MessageLayout: Sendable, Hashable {
    /// Mandatory fixed part (code and value length of each), mandatory variable part (codes, in pointer order),
    /// and whether the message has a pointer to an optional part.
    case parameters(fixed: [FixedParameter], variable: [ParameterCode], optionalPart: Bool)
    /// Pass-along (PAM, Q.763 §1.4 / Table 28): the body is a complete embedded message starting at its type code.
    case passAlong
    /// A national message whose body this codec keeps as bytes (e.g. CRG, national format).
    case opaque
}

/// A mandatory fixed parameter slot: Q.763 message tables, column "F".
public struct FixedParameter: Sendable, Hashable {
    public let code: ParameterCode
    public let length: Int
}

/// One row of the message catalogue, Q.763 Table 4 and the per-message tables (Tables 21–5x). A class: rows are
/// shared, and a look-up costs one reference.
public final class MessageSpec: Sendable {
    public let type: MessageType
    public let acronym: String
    public let title: String
    public let layout: MessageLayout
    /// Marked "(nat)" in Q.763: national use.
    public let national: Bool

    init(type: MessageType, acronym: String, title: String, layout: MessageLayout, national: Bool) {
        self.type = type
        self.acronym = acronym
        self.title = title
        self.layout = layout
        self.national = national
    }

    public var fixed: [FixedParameter] {
        if case .parameters(let fixed, _, _) = layout { return fixed }
        return []
    }
    public var variable: [ParameterCode] {
        if case .parameters(_, let variable, _) = layout { return variable }
        return []
    }
    public var hasOptionalPart: Bool {
        if case .parameters(_, _, let optional) = layout { return optional }
        return false
    }
}

/// The one table of ISUP message types. Decoding, encoding, validation, JSON and the text form all read it.
public enum MessageCatalogue {
    private static func m(
        _ code: UInt8, _ acronym: String, _ title: String,
        fixed: [(UInt8, Int)] = [], variable: [UInt8] = [], optional: Bool, national: Bool = false
    ) -> MessageSpec {
        MessageSpec(
            type: MessageType(code), acronym: acronym, title: title,
            layout: .parameters(
                fixed: fixed.map { FixedParameter(code: ParameterCode($0.0), length: $0.1) },
                variable: variable.map { ParameterCode($0) }, optionalPart: optional),
            national: national)
    }

    /// Q.763 Table 4 with the formats of §2.2 of the digest (Q.763 Tables 21–5x).
    public static let all: [MessageSpec] = [
        m(0x01, "IAM", "Initial address", fixed: [(0x06, 1), (0x07, 2), (0x09, 1), (0x02, 1)], variable: [0x04], optional: true),
        m(0x02, "SAM", "Subsequent address", variable: [0x05], optional: true),
        m(0x03, "INR", "Information request", fixed: [(0x0E, 2)], optional: true, national: true),
        m(0x04, "INF", "Information", fixed: [(0x0F, 2)], optional: true, national: true),
        m(0x05, "COT", "Continuity", fixed: [(0x10, 1)], optional: false),
        m(0x06, "ACM", "Address complete", fixed: [(0x11, 2)], optional: true),
        m(0x07, "CON", "Connect", fixed: [(0x11, 2)], optional: true),
        m(0x08, "FOT", "Forward transfer", optional: true),
        m(0x09, "ANM", "Answer", optional: true),
        m(0x0C, "REL", "Release", variable: [0x12], optional: true),
        m(0x0D, "SUS", "Suspend", fixed: [(0x22, 1)], optional: true),
        m(0x0E, "RES", "Resume", fixed: [(0x22, 1)], optional: true),
        m(0x10, "RLC", "Release complete", optional: true),
        m(0x11, "CCR", "Continuity check request", optional: false),
        m(0x12, "RSC", "Reset circuit", optional: false),
        m(0x13, "BLO", "Blocking", optional: false),
        m(0x14, "UBL", "Unblocking", optional: false),
        m(0x15, "BLA", "Blocking acknowledgement", optional: false),
        m(0x16, "UBA", "Unblocking acknowledgement", optional: false),
        m(0x17, "GRS", "Circuit group reset", variable: [0x16], optional: false),
        m(0x18, "CGB", "Circuit group blocking", fixed: [(0x15, 1)], variable: [0x16], optional: false),
        m(0x19, "CGU", "Circuit group unblocking", fixed: [(0x15, 1)], variable: [0x16], optional: false),
        m(0x1A, "CGBA", "Circuit group blocking acknowledgement", fixed: [(0x15, 1)], variable: [0x16], optional: false),
        m(0x1B, "CGUA", "Circuit group unblocking acknowledgement", fixed: [(0x15, 1)], variable: [0x16], optional: false),
        m(0x1F, "FAR", "Facility request", fixed: [(0x18, 1)], optional: true),
        m(0x20, "FAA", "Facility accepted", fixed: [(0x18, 1)], optional: true),
        m(0x21, "FRJ", "Facility reject", fixed: [(0x18, 1)], variable: [0x12], optional: true),
        m(0x24, "LPA", "Loop back acknowledgement", optional: false, national: true),
        MessageSpec(type: MessageType(0x28), acronym: "PAM", title: "Pass-along", layout: .passAlong, national: true),
        m(0x29, "GRA", "Circuit group reset acknowledgement", variable: [0x16], optional: false),
        m(0x2A, "CQM", "Circuit group query", variable: [0x16], optional: false, national: true),
        m(0x2B, "CQR", "Circuit group query response", variable: [0x16, 0x26], optional: false, national: true),
        m(0x2C, "CPG", "Call progress", fixed: [(0x24, 1)], optional: true),
        m(0x2D, "USR", "User-to-user information", variable: [0x20], optional: true),
        m(0x2E, "UCIC", "Unequipped circuit identification code", optional: false, national: true),
        m(0x2F, "CFN", "Confusion", variable: [0x12], optional: true),
        m(0x30, "OLM", "Overload", optional: false, national: true),
        MessageSpec(type: MessageType(0x31), acronym: "CRG", title: "Charge information", layout: .opaque, national: true),
        m(0x32, "NRM", "Network resource management", optional: true),
        m(0x33, "FAC", "Facility", optional: true),
        m(0x34, "UPT", "User part test", optional: true),
        m(0x35, "UPA", "User part available", optional: true),
        m(0x36, "IDR", "Identification request", optional: true),
        m(0x37, "IRS", "Identification response", optional: true),
        m(0x38, "SGM", "Segmentation", optional: true),
        m(0x40, "LOP", "Loop prevention", optional: true),
        m(0x41, "APM", "Application transport", optional: true),
        m(0x42, "PRI", "Pre-release information", optional: true),
        m(0x43, "SDM", "Subsequent directory number", optional: true, national: true),
    ]

    private static let byCode: [MessageSpec?] = {
        var table = [MessageSpec?](repeating: nil, count: 256)
        for spec in all {
            precondition(table[Int(spec.type.rawValue)] == nil, "duplicate message type \(spec.acronym)")
            table[Int(spec.type.rawValue)] = spec
        }
        return table
    }()

    private static let byAcronym: [String: MessageSpec] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.acronym, $0) })

    public static func spec(for type: MessageType) -> MessageSpec? { byCode[Int(type.rawValue)] }
    public static func spec(acronym: String) -> MessageSpec? { byAcronym[acronym.uppercased()] }
}
