/// The JSON form of one parameter value (schema in docs/json-schema.md): the typed fields of its coding, then
/// `"hex"` with the value octets. Reading it back, the typed fields win, except that when `"hex"` decodes to exactly
/// the fields given, the hex octets are used, so spare bits survive decode → JSON → encode.
public enum ParameterJSON {
    public static func object(_ value: ArraySlice<UInt8>, spec: ParameterSpec?) -> JSONObject {
        var tree = JSONTree()
        write(value, spec: spec, to: &tree)
        return tree.object
    }

    /// The parameter object: the typed fields of its coding, then `"hex"`. A known parameter of up to six octets
    /// is a function of its code and octets, so a stream may replay its text (`JSONOutput.value(memoizedAs:_:)`).
    public static func write<O: JSONOutput>(_ value: ArraySlice<UInt8>, spec: ParameterSpec?, to o: inout O) {
        guard let spec, value.count <= 6 else { return writeObject(value, spec: spec, to: &o) }
        var key = UInt64(spec.code.rawValue) | UInt64(value.count) << 8
        for (i, byte) in value.enumerated() { key |= UInt64(byte) << UInt64(16 + 8 * i) }
        o.value(memoizedAs: key) { writeObject(value, spec: spec, to: &$0) }
    }

    private static func writeObject<O: JSONOutput>(_ value: ArraySlice<UInt8>, spec: ParameterSpec?, to o: inout O) {
        o.beginObject()
        if let spec { writeTypedFields(value, format: spec.format, to: &o) }
        o.field("hex", hex: value)
        o.endObject()
    }

    /// An optional parameter kept as octets because its contents are erroneous (`ISUPMessage.erroneousParameters`):
    /// `"hex"` and an `"error"` with the offset and the reason, no typed fields.
    public static func write<O: JSONOutput>(_ value: ArraySlice<UInt8>, error: ISUPDecodingError, to o: inout O) {
        o.beginObject()
        o.field("hex", hex: value)
        o.key("error")
        o.beginObject()
        o.field("offset", error.offset)
        o.field("reason", error.reason.description)
        o.endObject()
        o.endObject()
    }

    /// `Indicators(decoding:layout:).fields`, read in place: the fields inside the octets present, in table order.
    private static func writeIndicatorFields<O: JSONOutput>(_ value: ArraySlice<UInt8>, layout: IndicatorLayout, to o: inout O) {
        let raw = layout.raw(value)
        for f in layout.fields(within: min(layout.octets, value.count)) {
            o.key(f.key)
            o.int(f.read(raw))
        }
    }

    static func typedFields(_ value: ArraySlice<UInt8>, format: ParameterFormat) -> JSONObject {
        var tree = JSONTree()
        tree.beginObject()
        writeTypedFields(value, format: format, to: &tree)
        tree.endObject()
        return tree.object
    }

    /// The typed fields of a value in its coding (docs/json-schema.md), without the enclosing braces.
    static func writeTypedFields<O: JSONOutput>(_ value: ArraySlice<UInt8>, format: ParameterFormat, to o: inout O) {
        switch format {
        case .indicators(let layout):
            writeIndicatorFields(value, layout: layout, to: &o)
            if value.count > layout.octets { o.field("extensionOctets", hex: value.dropFirst(layout.octets)) }
        case .number(let layout):
            guard let number = try? PartyNumber(decoding: value, layout: layout, field: "") else { break }
            if layout.qualifier { o.field("numberQualifier", number.numberQualifier) }
            number.forEachField { name, value in
                o.key(name)
                o.int(value)
            }
            o.field("digits", number.digits.description)
        case .cause:
            guard let cause = try? CauseIndicators(decoding: value) else { break }
            o.field("value", cause.value)
            o.field("location", cause.location)
            o.field("codingStandard", cause.codingStandard)
            if let r = cause.recommendation { o.field("recommendation", r) }
            o.field("diagnostics", hex: cause.diagnostics)
        case .rangeAndStatus:
            guard let rs = try? RangeAndStatus(decoding: value) else { break }
            o.field("range", rs.range)
            if let status = rs.status { o.field("status", hex: status) }
        case .informationElements:
            guard let elements = try? InformationElement.list(decoding: value) else { break }
            o.key("informationElements")
            o.beginArray()
            for e in elements {
                o.beginObject()
                o.field("identifier", e.identifier)
                if let name = e.name { o.field("name", name) }
                if !e.isSingleOctet { o.field("hex", hex: e.contents) }
                o.endObject()
            }
            o.endArray()
        case .parameterCompatibility:
            guard let entries = try? CompatibilityInstruction.list(decoding: value) else { break }
            o.key("entries")
            o.beginArray()
            for e in entries {
                o.beginObject()
                o.field("parameter", e.parameter.rawValue)
                o.field("name", e.parameter.name)
                o.key("indicators")
                o.beginObject()
                writeIndicatorFields(e.instructions[...], layout: CompatibilityInstruction.layout, to: &o)
                o.endObject()
                o.field("instructions", hex: e.instructions)
                o.endObject()
            }
            o.endArray()
        case .bearerCapability:
            guard let bc = try? BearerCapability(decoding: value) else { break }
            o.field("codingStandard", bc.codingStandard)
            o.field("informationTransferCapability", bc.informationTransferCapability)
            o.field("transferMode", bc.transferMode)
            o.field("informationTransferRate", bc.informationTransferRate)
            if let m = bc.rateMultiplier { o.field("rateMultiplier", m) }
            if let l1 = bc.layer1Protocol { o.field("layer1Protocol", l1) }
            if !bc.remainder.isEmpty { o.field("remainder", hex: bc.remainder) }
        case .genericDigits:
            let gd = GenericDigits(decoding: value)
            o.field("encodingScheme", gd.encodingScheme)
            o.field("typeOfDigits", gd.typeOfDigits)
            o.field("digits", gd.text)
        case .interlockCode:
            let code = InterlockCode(decoding: value)
            o.field("networkIdentity", code.networkIdentity)
            o.field("binaryCode", code.binaryCode)
        case .callReference:
            let ref = CallReference(decoding: value)
            o.field("callIdentity", ref.callIdentity)
            o.field("signallingPointCode", ref.signallingPointCode)
        case .userToUser:
            o.field("protocolDiscriminator", value.first ?? 0)
            o.field("information", hex: value.dropFirst())
        case .octets:
            break
        }
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
