extension M3UAMessage {
    /// How the decoder treats the padding after each parameter value (RFC 4666 §3.2).
    public enum Padding: Sendable, Hashable {
        /// Padding must be present and zero, as a conforming sender writes it. Every message this accepts
        /// re-encodes to the same octets.
        case zeroed
        /// The receiver rules: padding octets are ignored (RFC 4666 §3.2, "The receiver MUST ignore the padding
        /// octets") and the final padding may be missing from the message (§3.1.4). Re-encoding writes zeros.
        case ignored
    }

    /// Decodes one message (RFC 4666 §3): the octets must be exactly one message, as its Message Length says.
    /// Offsets in errors count from the first octet of `bytes`.
    public init(decoding bytes: some Collection<UInt8>, padding: Padding = .zeroed) throws(M3UADecodingError) {
        let storage = Array(bytes)
        try self.init(decoding: storage[...], padding: padding)
    }

    /// Decodes from a slice whose indices are the offsets reported in errors; parameter values share its storage.
    public init(decoding b: ArraySlice<UInt8>, padding: Padding = .zeroed) throws(M3UADecodingError) {
        let s = b.startIndex
        guard b.count >= Self.headerLength else {
            throw M3UADecodingError(offset: s, field: "header", reason: .truncatedHeader(available: b.count))
        }
        guard b[s] == Self.version else {
            throw M3UADecodingError(offset: s, field: "version", reason: .invalidVersion(b[s]))
        }
        let messageClass = MessageClass(rawValue: b[s + 2])
        guard messageClass.spec != nil else {
            throw M3UADecodingError(offset: s + 2, field: "messageClass", reason: .unsupportedMessageClass(b[s + 2]))
        }
        let type = M3UAMessageType(messageClass, b[s + 3])
        guard let spec = type.spec else {
            throw M3UADecodingError(offset: s + 3, field: "messageType", reason: .unsupportedMessageType(b[s + 3]))
        }
        let length = Int(b.uint32(at: 4))
        guard length == b.count else {
            throw M3UADecodingError(
                offset: s + 4, field: "messageLength", reason: .lengthMismatch(declared: length, actual: b.count))
        }
        let body = b[(s + Self.headerLength)...]
        let parameters = try Self.parameters(in: body, padding: padding, field: "")
        try Self.validate(parameters, in: body, rules: spec.parameters, padding: padding, field: "")
        self.init(type, parameters, reserved: b[s + 1])
    }

    /// Splits TLVs (RFC 4666 §3.2): tag, length (4 + value, padding excluded), value, padding to 4 octets.
    static func parameters(
        in b: ArraySlice<UInt8>, padding: Padding, field prefix: String
    ) throws(M3UADecodingError) -> [M3UAParameter] {
        var out = [M3UAParameter]()
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            guard end - i >= 4 else {
                throw M3UADecodingError(offset: i, field: prefix + "parameter", reason: .truncatedParameter(available: end - i))
            }
            let tag = ParameterTag(b[i...].uint16(at: 0))
            let length = Int(b[i...].uint16(at: 2))
            let field = prefix + tag.name
            guard length >= 4 else {
                throw M3UADecodingError(offset: i + 2, field: field, reason: .parameterLengthTooShort(length))
            }
            guard length <= end - i else {
                throw M3UADecodingError(
                    offset: i + 2, field: field, reason: .parameterOverrun(length: length, available: end - i))
            }
            let valueEnd = i + length
            let paddedEnd = i + ((length + 3) & ~3)
            if padding == .zeroed {
                guard paddedEnd <= end else {
                    throw M3UADecodingError(
                        offset: valueEnd, field: field,
                        reason: .missingPadding(needed: paddedEnd - valueEnd, available: end - valueEnd))
                }
                if let k = (valueEnd..<paddedEnd).first(where: { b[$0] != 0 }) {
                    throw M3UADecodingError(offset: k, field: field, reason: .nonZeroPadding(b[k]))
                }
            }
            out.append(M3UAParameter(tag: tag, value: b[(i + 4)..<valueEnd]))
            i = min(paddedEnd, end)
        }
        return out
    }

    /// Checks parameters against their rules: mandatory ones present, no repetition unless the rule allows it
    /// (RFC 4666 §3.2), values of the right length, rule constraints, sub-parameters recursively. Parameters the
    /// list does not name are kept, as RFC 4666 §3 asks for forward compatibility ("all Message Types may have
    /// attached parameters even if none are specified in this version"; libosmo-sigtran sends an INFO String in
    /// REG REQ); those with a known tag must still have a well-formed value. Routing Key, Registration Result and
    /// Deregistration Result are accepted only where the RFC puts them, which also bounds nesting to one level.
    static func validate(
        _ parameters: [M3UAParameter], in container: ArraySlice<UInt8>, rules: [ParameterRule], padding: Padding,
        field prefix: String
    ) throws(M3UADecodingError) {
        var seen = Set<ParameterTag>()
        for (n, p) in parameters.enumerated() {
            guard let spec = p.spec else { continue }
            let at = p.value.startIndex - 4
            let field = prefix + spec.name
            let rule = rules.first { $0.tag == p.tag }
            guard seen.insert(p.tag).inserted || rule?.repeatable == true else {
                throw M3UADecodingError(offset: at, field: field, reason: .duplicateParameter)
            }
            guard spec.format.allows(length: p.value.count) else {
                throw M3UADecodingError(
                    offset: at + 2, field: field,
                    reason: .wrongValueLength(actual: p.value.count, expected: spec.format.lengthText))
            }
            switch rule?.constraint {
            case .first? where n != 0:
                throw M3UADecodingError(offset: at, field: field, reason: .misplacedParameter)
            case .singleUnmaskedPointCode? where p.value.count != 4 || p.value.first != 0:
                throw M3UADecodingError(
                    offset: p.value.startIndex, field: field,
                    reason: .invalidValue("exactly one point code with mask 0 (RFC 4666 §3.4.5)"))
            default: break
            }
            if case .nested(let inner) = spec.format {
                guard rule != nil else { throw M3UADecodingError(offset: at, field: field, reason: .unexpectedParameter) }
                let subparameters = try Self.parameters(in: p.value, padding: padding, field: field + ".")
                try validate(subparameters, in: p.value, rules: inner, padding: padding, field: field + ".")
            }
        }
        for rule in rules where rule.presence == .mandatory && !seen.contains(rule.tag) {
            throw M3UADecodingError(offset: container.startIndex, field: prefix + rule.tag.name, reason: .missingParameter)
        }
    }
}
