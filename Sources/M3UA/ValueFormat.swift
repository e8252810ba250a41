/// How a parameter value is laid out (the figures of RFC 4666 §3.3–§3.8). The decoder checks lengths with it,
/// the typed accessors and the JSON form read values with it.
public enum ValueFormat: Sendable {
    /// UTF-8 text of 0–255 octets (INFO String, RFC 4666 §3.4.1).
    case text
    /// Opaque octets (Diagnostic Information §3.8.1, Heartbeat Data §3.5.5).
    case octets
    /// One 32-bit unsigned integer, with the RFC's names for its values (empty for identifiers).
    case integer(names: [UInt32: String])
    /// One or more 32-bit unsigned integers (Routing Context, RFC 4666 §3.7.1: "n X 32-bit integers").
    case integers
    /// Status Type + Status Information (RFC 4666 §3.8.2).
    case status
    /// One mask + 24-bit point code (Destination Point Code, RFC 4666 §3.6.1).
    case pointCode
    /// One or more mask + 24-bit point code entries (Affected Point Code §3.4.1, OPC List §3.6.1).
    case pointCodes
    /// Eight reserved bits + 24-bit point code (Concerned Destination, RFC 4666 §3.4.4).
    case concernedDestination
    /// Unavailability Cause + MTP3-User Identity (RFC 4666 §3.4.5).
    case userCause
    /// 24 reserved bits + 8-bit congestion level (RFC 4666 §3.4.4).
    case congestionIndications
    /// One or more 8-bit Service Indicators (RFC 4666 §3.6.1).
    case serviceIndicators
    /// One or more OPC + lower CIC + upper CIC entries (RFC 3332 §3.6.1).
    case circuitRanges
    /// Routing label fields + MTP3-user message (RFC 4666 §3.3.1).
    case protocolData
    /// Sub-parameters in TLV form, with their rules (Routing Key §3.6.1, Registration Result §3.6.2,
    /// Deregistration Result §3.6.4).
    case nested([ParameterRule])

    /// The value lengths this format allows: at least `minimum`, a multiple of `multiple`, at most `maximum`.
    var length: (minimum: Int, multiple: Int, maximum: Int?) {
        switch self {
        case .text: (0, 1, 255)
        case .octets: (0, 1, nil)
        case .integer, .status, .pointCode, .concernedDestination, .userCause, .congestionIndications: (4, 4, 4)
        case .integers, .pointCodes: (4, 4, nil)
        case .serviceIndicators: (1, 1, nil)
        case .circuitRanges: (CircuitRange.width, CircuitRange.width, nil)
        case .protocolData: (ProtocolData.headerLength, 1, nil)
        case .nested: (0, 1, nil)
        }
    }

    /// The allowed lengths in words, for error messages.
    var lengthText: String {
        let (minimum, multiple, maximum) = length
        if minimum == maximum { return "exactly \(minimum) octets" }
        var terms = [String]()
        if minimum > 0 { terms.append("at least \(minimum)") }
        if multiple > 1 { terms.append("a multiple of \(multiple)") }
        if let maximum { terms.append("at most \(maximum)") }
        return terms.joined(separator: ", ") + " octets"
    }

    func allows(length n: Int) -> Bool {
        let (minimum, multiple, maximum) = length
        return n >= minimum && n % multiple == 0 && n <= (maximum ?? Int.max)
    }
}
