import ISUP

extension NumberingPlan {
    /// Classifies a SIP URI user part, which must be global: `+39C80345800123456`, `+390612345678`, `+44555666`.
    ///
    /// ST 769 §7.3.2 and Annex A.1.2 a: a user part without "+" is rejected.
    public func classify(userPart: some StringProtocol) throws(NumberingError) -> ClassifiedNumber {
        guard userPart.utf8.first == UInt8(ascii: "+") else { throw annexA.error(.missingPlus) }
        return try classify(Array(userPart.utf8.dropFirst()), offset: 1)
    }

    /// st769-2 §6.6 (ST 769 §6.1.3): during the NUE transition an emergency call may still arrive as C99 + area +
    /// NUE code, without the originating operator; the Serving network then sends it toward the PSAP as C97 + area
    /// + code + `9` + the reserved OP_IDorig `000`, which tells the answering centre why location is missing
    /// (ST769-2 EM-04). The user part to use, or nil when the number is not such a call.
    public func nueTowardPSAP(_ number: ClassifiedNumber) -> String? {
        guard number.kind == .areaRouted, let area = number["areaCode"], let code = number["serviceCode"],
              nueCodes.contains(code) else { return nil }
        return "+" + countryCode + NumberKind.emergencyNUE.rawValue + area + code + "9000"
    }

    /// Classifies the digits of an ISUP number with the international nature of address (NAI 4): `39C80…`.
    ///
    /// ST 769 §6.1.1 R-GEN-4: the encapsulated ISUP carries the same global digits as the SIP URI.
    public func classify(internationalDigits digits: some StringProtocol) throws(NumberingError) -> ClassifiedNumber {
        try classify(Array(digits.utf8), offset: 0)
    }

    /// Classifies the digits of a national ISUP number (NAI 3, TDM side): `C80…`, `0612345678`.
    public func classify(nationalDigits digits: some StringProtocol) throws(NumberingError) -> ClassifiedNumber {
        try classify(Array(countryCode.utf8) + Array(digits.utf8), offset: -countryCode.utf8.count)
    }

    /// Classifies an ISUP number by its nature of address: 4 (international) or 3 (national). A trailing ST
    /// (end of pulsing) is not part of the number.
    public func classify(_ number: PartyNumber) throws(NumberingError) -> ClassifiedNumber {
        var digits = number.digits.description
        if number.digits.endsWithST { digits.removeLast() }
        switch number.natureOfAddress {
        case PartyNumber.NatureOfAddress.international: return try classify(internationalDigits: digits)
        case PartyNumber.NatureOfAddress.national: return try classify(nationalDigits: digits)
        case let nai:
            throw annexA.error(.nature(nai ?? 0, expected: PartyNumber.NatureOfAddress.international))
        }
    }

    /// `input` is the digits after "+"; `offset` is where they start in what the caller was given (for errors).
    private func classify(_ input: [UInt8], offset: Int) throws(NumberingError) -> ClassifiedNumber {
        var digits = input
        let cc = Array(countryCode.utf8)
        guard digits.starts(with: cc) else {
            if digits.contains(where: { $0 == UInt8(ascii: "C") || $0 == UInt8(ascii: "c") }) {
                throw annexA.error(.notItalian(String(decoding: digits, as: UTF8.self)))
            }
            try requireDecimal(digits, from: 0, offset: offset)
            return try match(foreign, prefix: "", digits, countryCodeLength: 0)
        }
        var x = cc.count
        if x < digits.count, isLetter(digits[x]) {
            if digits[x] == UInt8(ascii: "c") && acceptsLowercaseC { digits[x] = UInt8(ascii: "C") }
            guard digits[x] == UInt8(ascii: "C") else { throw annexA.error(.notC(Character(UnicodeScalar(digits[x])))) }
            x += 1
        }
        try requireDecimal(digits, from: x, offset: offset)

        let national = digits[cc.count...]
        // Longest prefix first, table order among equal prefixes. A number with the routing digit C only fits a
        // format whose prefix names it (X + AB), never the plain number.
        let routingDigit = x > cc.count
        let candidates = formats.enumerated().compactMap { n, format in
            format.prefixes.filter { national.starts(with: $0.utf8) && (!routingDigit || $0.hasPrefix("C")) }
                .max { $0.count < $1.count }.map { (n, format, $0) }
        }.sorted { ($0.2.count, $1.0) > ($1.2.count, $0.0) }
        for (_, format, prefix) in candidates {
            do throws(NumberingError) {
                return try match(format, prefix: prefix, digits, countryCodeLength: cc.count)
            } catch {
                if !format.tentative { throw error }
            }
        }
        let ab = String(decoding: national.dropFirst().prefix(2), as: UTF8.self)
        guard routingDigit else {
            throw annexA.error(.routingNumberRequired(prefix: String(decoding: national.prefix(2), as: UTF8.self)))
        }
        if let first = ab.first, reservedABPrefixes.contains(String(first)) { throw annexA.error(.reservedAB(ab)) }
        throw annexA.error(.unassignedAB(ab))
    }

    private func isLetter(_ c: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c)
    }

    /// Annex A.1.1 c: everything after the X position is a decimal digit.
    private func requireDecimal(_ digits: [UInt8], from start: Int, offset: Int) throws(NumberingError) {
        if let i = digits[start...].firstIndex(where: { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            throw annexA.error(.invalidCharacter(Character(UnicodeScalar(digits[i])), offset: i + offset))
        }
    }

    /// Fits the digits after the country code (and after `prefix`, unless it is part of a field) to the fields of
    /// `format`, trying every length each field allows, left to right; the length counts "39" (§6.1.1).
    ///
    /// When nothing fits, the error is, in this order: too many digits (nothing may follow a structure, R-GEN-6);
    /// the rule a field breaks in the attempt that got furthest; too few digits; the field the digits do not fit.
    private func match(_ format: NumberFormat, prefix: String, _ digits: [UInt8], countryCodeLength: Int)
        throws(NumberingError) -> ClassifiedNumber
    {
        let fields = format.fields
        let minima = fields.map { $0.lengths.min() ?? 0 }
        let fieldsStart = countryCodeLength + (format.prefixIsField ? 0 : prefix.utf8.count)
        let allowed = format.lengths(countryCodeLength: countryCodeLength, prefix: prefix)
        func lengthError(_ part: FieldPart?) -> NumberingError {
            annexA.error(.invalidLength(format.kind, actual: digits.count, allowed: allowed, part: part ?? .plain))
        }
        guard digits.count <= allowed.upperBound else { throw lengthError(fields.last?.part) }

        // Digits the fields after field i need at least.
        var restMin = [Int](repeating: 0, count: fields.count + 1)
        for i in fields.indices.reversed() { restMin[i] = restMin[i + 1] + minima[i] }
        var found = [NumberField]()
        var furthest: (depth: Int, brokenRule: Bool, reason: NumberingError.Reason)?
        func fail(_ depth: Int, brokenRule: Bool, _ reason: NumberingError.Reason) {
            if furthest.map({ depth > $0.depth }) ?? true { furthest = (depth, brokenRule, reason) }
        }
        func fit(_ i: Int, at position: Int) -> Bool {
            guard i < fields.count else { return position == digits.count }
            let field = fields[i]
            let left = digits.count - position
            var fitted = false
            for length in field.lengths.sorted() where length <= left {
                let value = String(decoding: digits[position..<position + length], as: UTF8.self)
                if length > 0, let expected = violation(of: field.rule, by: value) {
                    fail(i, brokenRule: true, .invalidField(
                        format.kind, field: field.name, value: value, expected: expected, part: field.part))
                    continue
                }
                // The last field takes every remaining digit; the others leave enough for the fields after them.
                guard i == fields.count - 1 ? length == left : left - length >= restMin[i + 1] else { continue }
                fitted = true
                if length > 0 { found.append(NumberField(name: field.name, value: value)) }
                if fit(i + 1, at: position + length) { return true }
                if length > 0 { found.removeLast() }
            }
            if !fitted {
                let counts = field.lengths.filter { $0 > 0 }.map(String.init).joined(separator: ", ")
                fail(i, brokenRule: false, .invalidField(
                    format.kind, field: field.name, value: String(decoding: digits[position...], as: UTF8.self),
                    expected: "\(counts) digits", part: field.part))
            }
            return false
        }
        guard fit(0, at: fieldsStart) else {
            if let furthest, furthest.brokenRule { throw annexA.error(furthest.reason) }
            if digits.count < allowed.lowerBound { throw lengthError(fields.first?.part) }
            throw furthest.map { annexA.error($0.reason) } ?? lengthError(fields.last?.part)
        }
        return ClassifiedNumber(format: format, digits: String(decoding: digits, as: UTF8.self), fields: found)
    }

    /// What `value` should have been under `rule`, or nil when it complies.
    private func violation(of rule: FieldRule, by value: String) -> String? {
        switch rule {
        case .any:
            return nil
        case .startsWith(let prefixes):
            return prefixes.contains(where: value.hasPrefix) ? nil : "a value starting with \(prefixes.joined(separator: ", "))"
        case .oneOf(let values):
            return values.contains(value) ? nil : "one of \(values.joined(separator: ", "))"
        case .member(let list):
            return codes(list).contains(value) ? nil : list.expectation
        case .operatorCode:
            let reserved = reservedOperatorPrefixes.contains(where: value.hasPrefix)
            return reserved ? "an OP_ID not starting with \(reservedOperatorPrefixes.joined(separator: " or ")) (reserved)" : nil
        }
    }
}

extension CodeList {
    /// How an error names a value missing from the list.
    var expectation: String {
        switch self {
        case .districts: "a district code 0I1(I2(I3)) (Annex B Table 13)"
        case .carrierCodes: "an assigned carrier-selection code 10XY(Z)"
        case .carrierSuffixes: "the XY(Z) of an assigned carrier-selection code"
        case .rpvCodes: "an assigned RPV access code"
        case .mnpCodes: "an assigned 3XY code"
        case .vmsCodes: "an assigned 3XY_VMS code"
        }
    }
}
