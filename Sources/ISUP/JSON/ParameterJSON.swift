/// The JSON form of one parameter value (schema in docs/json-schema.md): the typed fields of its coding, then
/// `"hex"` with the value octets. Reading it back, the typed fields win, except that when `"hex"` decodes to exactly
/// the fields given, the hex octets are used, so spare bits survive decode → JSON → encode.
public enum ParameterJSON {
    public static func object(_ value: ArraySlice<UInt8>, spec: ParameterSpec?) -> JSONObject {
        var o = spec.map { typedFields(value, format: $0.format) } ?? JSONObject()
        o.append("hex", .string(Hex.string(value)))
        return o
    }

    /// An optional parameter kept as octets because its contents are erroneous (`ISUPMessage.erroneousParameters`):
    /// `"hex"` and an `"error"` with the offset and the reason, no typed fields.
    public static func object(_ value: ArraySlice<UInt8>, error: ISUPDecodingError) -> JSONObject {
        [
            "hex": .string(Hex.string(value)),
            "error": .object(["offset": .int(error.offset), "reason": .string(error.reason.description)]),
        ]
    }

    static func typedFields(_ value: ArraySlice<UInt8>, format: ParameterFormat) -> JSONObject {
        var o = JSONObject()
        switch format {
        case .indicators(let layout):
            let indicators = Indicators(decoding: value, layout: layout)
            for f in indicators.fields { o.append(f.name, .int(f.value)) }
            if !indicators.extensionOctets.isEmpty {
                o.append("extensionOctets", .string(Hex.string(indicators.extensionOctets)))
            }
        case .number(let layout):
            guard let number = try? PartyNumber(decoding: value, layout: layout, field: "") else { break }
            if layout.qualifier { o.append("numberQualifier", .int(Int(number.numberQualifier))) }
            for f in number.fields { o.append(f.name, .int(f.value)) }
            o.append("digits", .string(number.digits.description))
        case .cause:
            guard let cause = try? CauseIndicators(decoding: value) else { break }
            o.append("value", .int(Int(cause.value)))
            o.append("location", .int(Int(cause.location)))
            o.append("codingStandard", .int(Int(cause.codingStandard)))
            if let r = cause.recommendation { o.append("recommendation", .int(Int(r))) }
            o.append("diagnostics", .string(Hex.string(cause.diagnostics)))
        case .rangeAndStatus:
            guard let rs = try? RangeAndStatus(decoding: value) else { break }
            o.append("range", .int(Int(rs.range)))
            if let status = rs.status { o.append("status", .string(Hex.string(status))) }
        case .informationElements:
            guard let elements = try? InformationElement.list(decoding: value) else { break }
            o.append("informationElements", .array(elements.map { e in
                var item: JSONObject = ["identifier": .int(Int(e.identifier))]
                if let name = e.name { item.append("name", .string(name)) }
                if !e.isSingleOctet { item.append("hex", .string(Hex.string(e.contents))) }
                return .object(item)
            }))
        case .parameterCompatibility:
            guard let entries = try? CompatibilityInstruction.list(decoding: value) else { break }
            o.append("entries", .array(entries.map { e in
                var indicators = JSONObject()
                let first = Indicators(decoding: e.instructions[...], layout: CompatibilityInstruction.layout)
                for f in first.fields { indicators.append(f.name, .int(f.value)) }
                return .object([
                    "parameter": .int(Int(e.parameter.rawValue)), "name": .string(e.parameter.name),
                    "indicators": .object(indicators), "instructions": .string(Hex.string(e.instructions)),
                ])
            }))
        case .bearerCapability:
            guard let bc = try? BearerCapability(decoding: value) else { break }
            o.append("codingStandard", .int(Int(bc.codingStandard)))
            o.append("informationTransferCapability", .int(Int(bc.informationTransferCapability)))
            o.append("transferMode", .int(Int(bc.transferMode)))
            o.append("informationTransferRate", .int(Int(bc.informationTransferRate)))
            if let m = bc.rateMultiplier { o.append("rateMultiplier", .int(Int(m))) }
            if let l1 = bc.layer1Protocol { o.append("layer1Protocol", .int(Int(l1))) }
            if !bc.remainder.isEmpty { o.append("remainder", .string(Hex.string(bc.remainder))) }
        case .genericDigits:
            let gd = GenericDigits(decoding: value)
            o.append("encodingScheme", .int(Int(gd.encodingScheme)))
            o.append("typeOfDigits", .int(Int(gd.typeOfDigits)))
            o.append("digits", .string(gd.text))
        case .interlockCode:
            let code = InterlockCode(decoding: value)
            o.append("networkIdentity", .string(code.networkIdentity))
            o.append("binaryCode", .int(Int(code.binaryCode)))
        case .callReference:
            let ref = CallReference(decoding: value)
            o.append("callIdentity", .int(Int(ref.callIdentity)))
            o.append("signallingPointCode", .int(Int(ref.signallingPointCode)))
        case .userToUser:
            o.append("protocolDiscriminator", .int(Int(value.first ?? 0)))
            o.append("information", .string(Hex.string(value.dropFirst())))
        case .octets:
            break
        }
        return o
    }

    /// The value octets described by a JSON parameter object.
    public static func value(_ json: JSONValue, spec: ParameterSpec?, path: String) throws(ISUPJSONError) -> [UInt8] {
        guard let object = json.object else { throw ISUPJSONError(path: path, reason: "expected an object") }
        let fields = JSONFields(object: object, path: path)
        let hex = try fields.hex("hex")
        var typed = object
        typed["hex"] = nil
        typed["error"] = nil  // written for an erroneous optional parameter; the octets are in "hex"
        guard let spec, spec.format != .octets else {
            guard let hex else { throw ISUPJSONError(path: path, reason: "needs \"hex\" (the parameter is kept as octets)") }
            return hex
        }
        if typed.isEmpty, let hex { return hex }
        if let hex, typedFields(hex[...], format: spec.format).sameContent(as: typed) { return hex }
        return try build(fields, format: spec.format)
    }

    private static func build(_ f: JSONFields, format: ParameterFormat) throws(ISUPJSONError) -> [UInt8] {
        switch format {
        case .indicators(let layout):
            var indicators = Indicators(layout: layout)
            try f.bitFields(layout.fields, into: &indicators.raw)
            indicators.extensionOctets = try f.hex("extensionOctets") ?? []
            return indicators.encoded()
        case .number(let layout):
            guard let text = try f.string("digits") else { throw f.error("digits", "missing") }
            guard let digits = AddressSignals(text) else {
                throw f.error("digits", "\"\(text)\" is not 0-9/A-F or has more than \(AddressSignals.capacity) signals")
            }
            var number = PartyNumber(layout: layout, digits: digits)
            number.numberQualifier = UInt8(try f.int("numberQualifier", max: 255) ?? 0)
            var raw1 = UInt64(0), raw2 = UInt64(0)
            try f.bitFields(layout.octet1, into: &raw1)
            try f.bitFields(layout.octet2 ?? [], into: &raw2)
            number.octet1 = UInt8(raw1)
            number.octet2 = UInt8(raw2)
            return number.encoded()
        case .cause:
            let recommendation = try f.int("recommendation", max: 127).map(UInt8.init)
            return CauseIndicators(
                value: UInt8(try f.requiredInt("value", max: 127)),
                location: UInt8(try f.int("location", max: 15) ?? 0),
                codingStandard: UInt8(try f.int("codingStandard", max: 3) ?? 0),
                recommendation: recommendation, diagnostics: try f.hex("diagnostics") ?? []
            ).encoded()
        case .rangeAndStatus:
            let range = UInt8(try f.requiredInt("range", max: 255))
            let status = try f.hex("status")
            if let status, status.count != RangeAndStatus.statusLength(range: range) {
                throw f.error("status", "range \(range) needs \(RangeAndStatus.statusLength(range: range)) status octet(s)")
            }
            return RangeAndStatus(range: range, status: status).encoded()
        case .informationElements:
            var out = [UInt8]()
            for item in try f.objects("informationElements") {
                let element = InformationElement(
                    identifier: UInt8(try item.requiredInt("identifier", max: 255)), contents: try item.hex("hex") ?? [])
                guard element.contents.count <= 255 else { throw item.error("hex", "longer than 255 octets") }
                element.encode(into: &out)
            }
            return out
        case .parameterCompatibility:
            var out = [UInt8]()
            for item in try f.objects("entries") {
                out.append(UInt8(try item.requiredInt("parameter", max: 255)))
                if let instructions = try item.hex("instructions") {
                    guard instructions.last.map({ $0 & 0x80 != 0 }) == true else {
                        throw item.error("instructions", "the last instruction octet must have bit 8 = 1")
                    }
                    out.append(contentsOf: instructions)
                } else {
                    guard let o = item.object["indicators"]?.object else { throw item.error("indicators", "missing") }
                    var raw = UInt64(0x80)
                    try JSONFields(object: o, path: item.path + ".indicators")
                        .bitFields(CompatibilityInstruction.layout.fields, into: &raw)
                    out.append(UInt8(raw) | 0x80)
                }
            }
            return out
        case .bearerCapability:
            return BearerCapability(
                codingStandard: UInt8(try f.int("codingStandard", max: 3) ?? 0),
                informationTransferCapability: UInt8(try f.requiredInt("informationTransferCapability", max: 31)),
                transferMode: UInt8(try f.int("transferMode", max: 3) ?? 0),
                informationTransferRate: UInt8(try f.int("informationTransferRate", max: 31) ?? 16),
                rateMultiplier: try f.int("rateMultiplier", max: 127).map(UInt8.init),
                layer1Protocol: try f.int("layer1Protocol", max: 31).map(UInt8.init),
                remainder: try f.hex("remainder") ?? []
            ).encoded()
        case .genericDigits:
            let scheme = UInt8(try f.requiredInt("encodingScheme", max: 7))
            let text = try f.string("digits") ?? ""
            guard let digits = GenericDigits.digits(fromText: text, encodingScheme: scheme) else {
                throw f.error("digits", "\"\(text)\" does not fit encoding scheme \(scheme)")
            }
            return GenericDigits(
                encodingScheme: scheme, typeOfDigits: UInt8(try f.int("typeOfDigits", max: 31) ?? 0), digits: digits
            ).encoded()
        case .interlockCode:
            let code = InterlockCode(
                networkIdentity: try f.string("networkIdentity") ?? "0000",
                binaryCode: UInt16(try f.int("binaryCode", max: 0xFFFF) ?? 0))
            guard let bytes = code.encoded() else { throw f.error("networkIdentity", "expected four hex digits") }
            return bytes
        case .callReference:
            return CallReference(
                callIdentity: UInt32(try f.requiredInt("callIdentity", max: 0xFF_FFFF)),
                signallingPointCode: UInt16(try f.requiredInt("signallingPointCode", max: 0x3FFF))
            ).encoded()
        case .userToUser:
            return [UInt8(try f.requiredInt("protocolDiscriminator", max: 255))] + (try f.hex("information") ?? [])
        case .octets:
            throw f.error("hex", "missing")  // handled by `value`: octets always come as hex
        }
    }
}
