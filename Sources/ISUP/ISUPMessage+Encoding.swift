extension ISUPMessage {
    /// Encodes the message (Q.763 §1.4): fixed part, pointers, variable part, optional part closed by 0x00
    /// (or an optional-part pointer of 0 when there are no optional parameters).
    public func encoded(framing: Framing = .withCIC) throws(ISUPEncodingError) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(encodedLengthEstimate)
        try encode(into: &out, framing: framing)
        return out
    }

    private var encodedLengthEstimate: Int {
        switch body {
        case .raw(let bytes): return 3 + bytes.count
        case .parameters(let mandatory, let optional):
            var n = 5 + mandatory.count
            for p in mandatory { n += 1 + p.value.count }
            for p in optional { n += 2 + p.value.count }
            return n
        }
    }

    public func encode(into out: inout [UInt8], framing: Framing = .withCIC) throws(ISUPEncodingError) {
        if framing == .withCIC {
            guard let cic else { throw ISUPEncodingError(field: "cic", reason: "the CIC framing needs a CIC") }
            out.append(UInt8(truncatingIfNeeded: cic.rawValue))
            out.append(UInt8(truncatingIfNeeded: cic.rawValue >> 8))
        }
        out.append(type.rawValue)
        switch body {
        case .raw(let bytes):
            out.append(contentsOf: bytes)
        case .parameters(let mandatory, let optional):
            guard let spec, case .parameters(let fixed, let variable, let hasOptionalPart) = spec.layout else {
                throw ISUPEncodingError(
                    field: type.acronym, reason: "message type has no parameter layout in the catalogue; use a raw body")
            }
            guard mandatory.count == fixed.count + variable.count else {
                throw ISUPEncodingError(
                    field: spec.acronym,
                    reason: "\(mandatory.count) mandatory parameters given, Q.763 requires \(fixed.count + variable.count)")
            }
            for (k, slot) in fixed.enumerated() {
                let p = mandatory[k]
                guard p.code == slot.code else {
                    throw ISUPEncodingError(field: slot.code.name, reason: "mandatory slot \(k) holds \(p.code.name)")
                }
                guard p.value.count == slot.length else {
                    throw ISUPEncodingError(
                        field: slot.code.name, reason: "length \(p.value.count), Q.763 fixes it at \(slot.length)")
                }
                out.append(contentsOf: p.value)
            }
            let pointers = out.count
            out.append(contentsOf: repeatElement(0, count: variable.count + (hasOptionalPart ? 1 : 0)))
            for (k, code) in variable.enumerated() {
                let p = mandatory[fixed.count + k]
                guard p.code == code else {
                    throw ISUPEncodingError(field: code.name, reason: "mandatory slot \(fixed.count + k) holds \(p.code.name)")
                }
                try setPointer(&out, at: pointers + k, field: code.name)
                try appendLength(&out, p)
                out.append(contentsOf: p.value)
            }
            if !optional.isEmpty {
                guard hasOptionalPart else {
                    throw ISUPEncodingError(field: spec.acronym, reason: "\(spec.acronym) has no optional part (Q.763)")
                }
                try setPointer(&out, at: pointers + variable.count, field: "optional part")
                for p in optional {
                    guard p.code != .endOfOptionalParameters else {
                        throw ISUPEncodingError(field: "optional part", reason: "parameter code 0 is end of optional parameters")
                    }
                    out.append(p.code.rawValue)
                    try appendLength(&out, p)
                    out.append(contentsOf: p.value)
                }
                out.append(ParameterCode.endOfOptionalParameters.rawValue)
            }
        }
    }

    private func setPointer(_ out: inout [UInt8], at index: Int, field: String) throws(ISUPEncodingError) {
        let distance = out.count - index
        guard distance <= 255 else {
            throw ISUPEncodingError(field: "pointer to \(field)", reason: "target \(distance) octets away, more than 255")
        }
        out[index] = UInt8(distance)
    }

    private func appendLength(_ out: inout [UInt8], _ p: Parameter) throws(ISUPEncodingError) {
        guard p.value.count <= 255 else {
            throw ISUPEncodingError(field: p.code.name, reason: "value of \(p.value.count) octets, more than 255")
        }
        out.append(UInt8(p.value.count))
    }
}
