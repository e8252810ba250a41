extension ISUPMessage {
    /// Encodes the message (Q.763 §1.4): fixed part, pointers, variable part, optional part closed by 0x00
    /// (or an optional-part pointer of 0 when there are no optional parameters). Everything that can fail is
    /// checked first; the octets are then written once into an array of the exact size. What the decoder
    /// refuses is refused here too: each mandatory variable parameter (and with `strict`, each optional one)
    /// passes `ParameterValidation` (length rule and coding of the parameter catalogue, Q.763 §3), and a
    /// pass-along body must hold a message that decodes (Q.763 §1.4, Table 4 PAM). Without `strict`, an
    /// erroneous optional parameter is written as it is, as the decoder keeps it (`erroneousParameters`).
    public func encoded(framing: Framing = .withCIC, strict: Bool = false) throws(ISUPEncodingError) -> [UInt8] {
        var cicOctets: UInt16? = nil
        if framing == .withCIC {
            guard let cic else { throw ISUPEncodingError(field: "cic", reason: "the CIC framing needs a CIC") }
            cicOctets = cic.rawValue
        }
        let headLength = cicOctets == nil ? 1 : 3
        let plan: Plan
        switch body {
        case .raw(let bytes):
            if case .passAlong? = type.spec?.layout {
                do {
                    _ = try ISUPMessage(decoding: [type.rawValue] + bytes, framing: .withoutCIC, strict: strict)
                } catch {
                    throw ISUPEncodingError(field: error.field, reason: "\(error.reason) (the decoder refuses it)")
                }
            }
            plan = Plan(rawBodyLength: bytes.count, headLength: headLength)
        case .parameters(let mandatory, let optional):
            plan = try Plan(type: type, mandatory: mandatory, optional: optional, headLength: headLength, strict: strict)
        }
        return [UInt8](unsafeUninitializedCapacity: plan.size) { buffer, count in
            var writer = Writer(base: buffer.baseAddress!)
            if let cicOctets {
                writer.write(byte: UInt8(truncatingIfNeeded: cicOctets))
                writer.write(byte: UInt8(truncatingIfNeeded: cicOctets >> 8))
            }
            writer.write(byte: type.rawValue)
            switch body {
            case .raw(let bytes): writer.write(bytes)
            case .parameters(let mandatory, let optional): writer.write(mandatory, optional, plan)
            }
            count = writer.position
        }
    }

    /// Appends the encoded message to `out`.
    public func encode(into out: inout [UInt8], framing: Framing = .withCIC, strict: Bool = false) throws(ISUPEncodingError) {
        out.append(contentsOf: try encoded(framing: framing, strict: strict))
    }

    /// The checks of Q.763 §1.4 on a parameter list, and the resulting size: mandatory slots against the catalogue,
    /// fixed lengths, lengths and pointers within one octet, optional parameters only where the type has them.
    private struct Plan {
        let fixedCount: Int
        let pointerCount: Int
        let hasOptionalPart: Bool
        let size: Int

        init(rawBodyLength: Int, headLength: Int) {
            fixedCount = 0
            pointerCount = 0
            hasOptionalPart = false
            size = headLength + rawBodyLength
        }

        init(
            type: MessageType, mandatory: [Parameter], optional: [Parameter], headLength: Int, strict: Bool
        ) throws(ISUPEncodingError) {
            guard let spec = type.spec, case .parameters(let fixed, let variable, let hasOptionalPart) = spec.layout else {
                throw ISUPEncodingError(
                    field: type.acronym, reason: "message type has no parameter layout in the catalogue; use a raw body")
            }
            guard mandatory.count == fixed.count + variable.count else {
                throw ISUPEncodingError(
                    field: spec.acronym,
                    reason: "\(mandatory.count) mandatory parameters given, Q.763 requires \(fixed.count + variable.count)")
            }
            var size = headLength
            for (k, slot) in fixed.enumerated() {
                let p = mandatory[k]
                guard p.code == slot.code else {
                    throw ISUPEncodingError(field: slot.code.name, reason: "mandatory slot \(k) holds \(p.code.name)")
                }
                guard p.value.count == slot.length else {
                    throw ISUPEncodingError(
                        field: slot.code.name, reason: "length \(p.value.count), Q.763 fixes it at \(slot.length)")
                }
                size += slot.length
            }
            let pointers = size
            let pointerCount = variable.count + (hasOptionalPart ? 1 : 0)
            size += pointerCount
            for (k, code) in variable.enumerated() {
                let p = mandatory[fixed.count + k]
                guard p.code == code else {
                    throw ISUPEncodingError(field: code.name, reason: "mandatory slot \(fixed.count + k) holds \(p.code.name)")
                }
                try Self.checkPointer(from: pointers + k, to: size, field: code.name)
                try Self.checkLength(p)
                try Self.validate(p)
                size += 1 + p.value.count
            }
            if !optional.isEmpty {
                guard hasOptionalPart else {
                    throw ISUPEncodingError(field: spec.acronym, reason: "\(spec.acronym) has no optional part (Q.763)")
                }
                try Self.checkPointer(from: pointers + variable.count, to: size, field: "optional part")
                for p in optional {
                    guard p.code != .endOfOptionalParameters else {
                        throw ISUPEncodingError(field: "optional part", reason: "parameter code 0 is end of optional parameters")
                    }
                    try Self.checkLength(p)
                    if strict { try Self.validate(p) }
                    size += 2 + p.value.count
                }
                size += 1
            }
            self.fixedCount = fixed.count
            self.pointerCount = pointerCount
            self.hasOptionalPart = hasOptionalPart
            self.size = size
        }

        private static func checkPointer(from index: Int, to target: Int, field: String) throws(ISUPEncodingError) {
            guard target - index <= 255 else {
                throw ISUPEncodingError(field: "pointer to \(field)", reason: "target \(target - index) octets away, more than 255")
            }
        }

        /// The decoder's checks of one parameter (`ParameterValidation`), so that encode → decode never fails.
        private static func validate(_ p: Parameter) throws(ISUPEncodingError) {
            do {
                try ParameterValidation.validate(p, lengthOffset: 0)
            } catch {
                throw ISUPEncodingError(field: error.field, reason: "\(error.reason) (the decoder refuses it)")
            }
        }

        private static func checkLength(_ p: Parameter) throws(ISUPEncodingError) {
            guard p.value.count <= 255 else {
                throw ISUPEncodingError(field: p.code.name, reason: "value of \(p.value.count) octets, more than 255")
            }
        }
    }

    /// Sequential writes into memory whose size `Plan` computed.
    private struct Writer {
        let base: UnsafeMutablePointer<UInt8>
        var position = 0

        mutating func write(byte: UInt8) {
            base[position] = byte
            position += 1
        }

        /// Fixed part, pointers, variable part, optional part (Q.763 §1.4).
        mutating func write(_ mandatory: [Parameter], _ optional: [Parameter], _ plan: Plan) {
            for k in 0..<plan.fixedCount { write(mandatory[k].value) }
            let pointers = position
            position += plan.pointerCount
            for k in plan.fixedCount..<mandatory.count {
                let pointer = pointers + k - plan.fixedCount
                base[pointer] = UInt8(position - pointer)
                write(byte: UInt8(mandatory[k].value.count))
                write(mandatory[k].value)
            }
            if plan.hasOptionalPart {
                let pointer = pointers + plan.pointerCount - 1
                base[pointer] = optional.isEmpty ? 0 : UInt8(position - pointer)
            }
            for k in optional.indices {
                write(byte: optional[k].code.rawValue)
                write(byte: UInt8(optional[k].value.count))
                write(optional[k].value)
            }
            if !optional.isEmpty { write(byte: ParameterCode.endOfOptionalParameters.rawValue) }
        }

        mutating func write<C: Collection<UInt8>>(_ bytes: C) {
            let written = bytes.withContiguousStorageIfAvailable { source in
                guard let from = source.baseAddress else { return 0 }
                (base + position).update(from: from, count: source.count)
                return source.count
            }
            if let written {
                position += written
            } else {
                for b in bytes { write(byte: b) }
            }
        }
    }
}
