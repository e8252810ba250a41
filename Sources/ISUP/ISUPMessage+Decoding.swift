extension ISUPMessage {
    /// Where the message starts. MTP3 and M3UA user data start with the CIC; SIP-I bodies (RFC 3204,
    /// Q.1912.5) start at the message type.
    public enum Framing: Sendable, Hashable {
        case withCIC
        case withoutCIC
    }

    /// Decodes one message (Q.763 §1.4). Offsets in errors count from the first octet of `bytes`.
    ///
    /// The structure (fixed part, pointers, lengths, end of optional parameters) and every mandatory parameter must
    /// be right. An optional parameter whose contents break its Q.763 coding does not condemn the message: Q.764
    /// §2.9.5 handles it like an unrecognised parameter, so it is kept as octets and listed in
    /// `erroneousParameters`. `strict` refuses the message instead.
    public init(decoding bytes: some Collection<UInt8>, framing: Framing = .withCIC, strict: Bool = false) throws(ISUPDecodingError) {
        let storage = Array(bytes)
        self = try Self.decode(storage[...], framing: framing, strict: strict, depth: 0)
    }

    /// Decodes a message inside a larger buffer (a packet of a capture) with no copy: the parameters share the
    /// buffer, and offsets in errors count from the first octet of `slice`, as when decoding a copy of it.
    public init(decodingInPlace slice: ArraySlice<UInt8>, framing: Framing = .withCIC, strict: Bool = false) throws(ISUPDecodingError) {
        do {
            self = try Self.decode(slice, framing: framing, strict: strict, depth: 0)
        } catch {
            throw ISUPDecodingError(offset: error.offset - slice.startIndex, field: error.field, reason: error.reason)
        }
    }

    /// Decodes from a slice whose indices are the offsets reported in errors.
    public init(decoding slice: ArraySlice<UInt8>, framing: Framing = .withCIC, strict: Bool = false) throws(ISUPDecodingError) {
        self = try Self.decode(slice, framing: framing, strict: strict, depth: 0)
    }

    /// PAM may nest messages; this bounds the recursion.
    private static let maximumPassAlongDepth = 4

    private static func decode(
        _ b: ArraySlice<UInt8>, framing: Framing, strict: Bool, depth: Int
    ) throws(ISUPDecodingError) -> ISUPMessage {
        let end = b.endIndex
        var i = b.startIndex
        var cic: CIC? = nil
        if framing == .withCIC {
            guard end - i >= 2 else {
                throw ISUPDecodingError(offset: i, field: "cic", reason: .truncated(needed: 2, available: end - i))
            }
            cic = CIC(rawValue: UInt16(b[i]) | UInt16(b[i + 1]) << 8)
            i += 2
        }
        guard i < end else {
            throw ISUPDecodingError(offset: i, field: "messageType", reason: .truncated(needed: 1, available: 0))
        }
        let type = MessageType(b[i])
        i += 1
        guard let spec = type.spec else { return ISUPMessage(type: type, cic: cic, body: .raw(b[i...])) }

        switch spec.layout {
        case .opaque:
            return ISUPMessage(type: type, cic: cic, body: .raw(b[i...]))
        case .passAlong:
            guard depth < maximumPassAlongDepth else {
                throw ISUPDecodingError(offset: i, field: "passAlong", reason: .invalid("pass-along nested too deeply"))
            }
            _ = try decode(b[i...], framing: .withoutCIC, strict: strict, depth: depth + 1)
            return ISUPMessage(type: type, cic: cic, body: .raw(b[i...]))
        case .parameters(let fixed, let variable, let hasOptionalPart):
            var covered = i - b.startIndex
            var mandatory = [Parameter]()
            mandatory.reserveCapacity(fixed.count + variable.count)
            for slot in fixed {
                guard end - i >= slot.length else {
                    throw ISUPDecodingError(
                        offset: i, field: slot.code.name, reason: .truncated(needed: slot.length, available: end - i))
                }
                mandatory.append(Parameter(code: slot.code, value: b[i..<(i + slot.length)]))
                i += slot.length
            }
            let pointers = i
            let pointerCount = variable.count + (hasOptionalPart ? 1 : 0)
            guard end - pointers >= pointerCount else {
                let missing = end - pointers < variable.count ? variable[end - pointers].name : "optional part"
                throw ISUPDecodingError(
                    offset: end, field: "pointer to \(missing)",
                    reason: .truncated(needed: pointerCount, available: end - pointers))
            }
            covered += pointerCount + fixed.reduce(0) { $0 + $1.length }
            var furthest = pointers + pointerCount
            for (k, code) in variable.enumerated() {
                let p = pointers + k
                guard b[p] != 0 else { throw ISUPDecodingError(offset: p, field: "pointer to \(code.name)", reason: .zeroPointer) }
                let t = p + Int(b[p])
                guard t < end else {
                    throw ISUPDecodingError(
                        offset: p, field: "pointer to \(code.name)",
                        reason: .pointerOutOfRange(target: t - b.startIndex, messageLength: b.count))
                }
                let length = Int(b[t])
                guard end - (t + 1) >= length else {
                    throw ISUPDecodingError(
                        offset: t, field: code.name, reason: .lengthOverrun(length: length, available: end - t - 1))
                }
                let parameter = Parameter(code: code, value: b[(t + 1)..<(t + 1 + length)])
                try ParameterValidation.validate(parameter, lengthOffset: t)
                mandatory.append(parameter)
                covered += 1 + length
                furthest = max(furthest, t + 1 + length)
            }
            var optional = [Parameter]()
            if hasOptionalPart {
                let p = pointers + variable.count
                if b[p] != 0 {
                    optional.reserveCapacity(8)
                    var j = p + Int(b[p])
                    guard j < end else {
                        throw ISUPDecodingError(
                            offset: p, field: "pointer to optional part",
                            reason: .pointerOutOfRange(target: j - b.startIndex, messageLength: b.count))
                    }
                    while true {
                        guard j < end else {
                            throw ISUPDecodingError(
                                offset: j, field: "optional part", reason: .missingEndOfOptionalParameters)
                        }
                        let code = ParameterCode(b[j])
                        if code == .endOfOptionalParameters {
                            covered += 1
                            furthest = max(furthest, j + 1)
                            break
                        }
                        guard j + 1 < end else {
                            throw ISUPDecodingError(
                                offset: j + 1, field: code.name, reason: .truncated(needed: 1, available: 0))
                        }
                        let length = Int(b[j + 1])
                        guard end - (j + 2) >= length else {
                            throw ISUPDecodingError(
                                offset: j + 1, field: code.name,
                                reason: .lengthOverrun(length: length, available: end - j - 2))
                        }
                        let parameter = Parameter(code: code, value: b[(j + 2)..<(j + 2 + length)])
                        if strict { try ParameterValidation.validate(parameter, lengthOffset: j + 1) }
                        optional.append(parameter)
                        covered += 2 + length
                        j += 2 + length
                    }
                }
            }
            guard furthest == end else {
                throw ISUPDecodingError(
                    offset: furthest, field: type.acronym,
                    reason: .invalid("\(end - furthest) trailing octet(s) after the last parameter"))
            }
            guard covered == b.count else {
                throw ISUPDecodingError(
                    offset: b.startIndex, field: type.acronym,
                    reason: .invalid(covered > b.count
                        ? "parameters overlap (\(covered - b.count) octet(s) referenced twice)"
                        : "\(b.count - covered) octet(s) not referenced by any pointer or length"))
            }
            return ISUPMessage(type: type, cic: cic, body: .parameters(mandatory: mandatory, optional: optional))
        }
    }
}
