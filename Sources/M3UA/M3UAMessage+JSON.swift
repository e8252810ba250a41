import ISUP

extension M3UAMessage {
    /// The JSON form (what `sipigw m3ua decode` prints), keys in this order:
    ///
    /// - `version` (1); `reserved` only when the reserved header octet is not 0;
    /// - `class` (`"ASPTM"`) and `classCode` (4), `type` (`"ASPAC"`) and `typeCode` (1), RFC 4666 §3.1.2;
    /// - `length`: the Message Length (§3.1.4) of the message as this codec encodes it;
    /// - `parameters`: an array in wire order, each as `M3UAParameter.json` describes.
    ///
    /// Example (RFC 4666 §3.7.1 ASP Active, Loadshare, Routing Context 1):
    /// ```json
    /// {"version":1,"class":"ASPTM","classCode":4,"type":"ASPAC","typeCode":1,"length":24,"parameters":[
    ///  {"parameter":"trafficModeType","tag":11,"value":2,"meaning":"Loadshare"},
    ///  {"parameter":"routingContext","tag":6,"values":[1]}]}
    /// ```
    public var json: JSONObject {
        var o = JSONObject()
        o.append("version", .int(Int(Self.version)))
        if reserved != 0 { o.append("reserved", .int(Int(reserved))) }
        o.append("class", .string(type.messageClass.acronym))
        o.append("classCode", .int(Int(type.messageClass.rawValue)))
        o.append("type", .string(type.acronym))
        o.append("typeCode", .int(Int(type.code)))
        o.append("length", .int(encodedLength))
        o.append("parameters", .array(parameters.map { .object($0.json) }))
        return o
    }
}

extension M3UAParameter {
    /// The JSON form of one parameter: `parameter` (the catalogue name, or `tag0xNNNN` for an unknown tag) and
    /// `tag` (the number), then the value by its format (RFC 4666 §3.2 tags):
    ///
    /// | format | keys |
    /// |---|---|
    /// | INFO String | `value` (text; `hex` if the octets are not UTF-8) |
    /// | Diagnostic Information, Heartbeat Data, unknown tags | `hex` |
    /// | 32-bit values (Traffic Mode Type, Error Code, ASP Identifier, Correlation ID, Network Appearance, Local-RK-Identifier, Registration/Deregistration Status) | `value`, and `meaning` when the RFC names the value |
    /// | Routing Context | `values` (array of integers) |
    /// | Status | `statusType`, `statusInformation`, `meaning` |
    /// | Affected Point Code, OPC List | `pointCodes`: array of `{mask, pointCode}` |
    /// | Destination Point Code | `mask`, `pointCode` |
    /// | Concerned Destination | `pointCode` (`reserved` when not 0) |
    /// | User/Cause | `cause`, `causeMeaning`, `user`, `userMeaning` |
    /// | Congestion Indications | `congestionLevel` (`reserved` when not 0) |
    /// | Service Indicators | `values` |
    /// | Circuit Range | `ranges`: array of `{mask, pointCode, lowerCIC, upperCIC}` |
    /// | Protocol Data | `opc`, `dpc`, `si`, `siMeaning`, `ni`, `mp`, `sls`, `userData` (hex); for SI 5 also `isup`, the ISUP JSON form of the user data decoded with its CIC, or `isupError` when it does not decode |
    /// | Routing Key, Registration Result, Deregistration Result | `parameters`: the sub-parameters in this form |
    ///
    /// A value whose length does not fit its format (possible only in a message built by hand) is given as `hex`.
    public var json: JSONObject {
        var o = JSONObject()
        o.append("parameter", .string(tag.name))
        o.append("tag", .int(Int(tag.rawValue)))
        guard let format = spec?.format, format.allows(length: value.count) else {
            o.append("hex", .string(Hex.string(value)))
            return o
        }
        switch format {
        case .text:
            if let text = String(validating: value, as: UTF8.self) {
                o.append("value", .string(text))
            } else {
                o.append("hex", .string(Hex.string(value)))
            }
        case .octets:
            o.append("hex", .string(Hex.string(value)))
        case .integer(let names):
            let v = value.uint32(at: 0)
            o.append("value", .int(Int(v)))
            if let name = names[v] { o.append("meaning", .string(name)) }
        case .integers:
            o.append("values", .array(UInt32.list(value).map { .int(Int($0)) }))
        case .status:
            let status = NotifyStatus(wire: value)
            o.append("statusType", .int(Int(status.type)))
            o.append("statusInformation", .int(Int(status.information)))
            if let name = status.name { o.append("meaning", .string(name)) }
        case .pointCode:
            Self.append(MaskedPointCode(wire: value), to: &o)
        case .pointCodes:
            o.append("pointCodes", .array(MaskedPointCode.list(value).map { pc in
                var entry = JSONObject()
                Self.append(pc, to: &entry)
                return .object(entry)
            }))
        case .concernedDestination:
            let pc = MaskedPointCode(wire: value)
            o.append("pointCode", .int(Int(pc.pointCode)))
            if pc.mask != 0 { o.append("reserved", .int(Int(pc.mask))) }
        case .userCause:
            let uc = UserCause(wire: value)
            o.append("cause", .int(Int(uc.cause)))
            if let name = uc.causeName { o.append("causeMeaning", .string(name)) }
            o.append("user", .int(Int(uc.user)))
            if let name = uc.userName { o.append("userMeaning", .string(name)) }
        case .congestionIndications:
            o.append("congestionLevel", .int(Int(value[value.startIndex + 3])))
            let reserved = value.bigEndian(at: 0, width: 3)
            if reserved != 0 { o.append("reserved", .int(Int(reserved))) }
        case .serviceIndicators:
            o.append("values", .array(value.map { .int(Int($0)) }))
        case .circuitRanges:
            o.append("ranges", .array(CircuitRange.list(value).map { range in
                var entry = JSONObject()
                Self.append(range.opc, to: &entry)
                entry.append("lowerCIC", .int(Int(range.lowerCIC)))
                entry.append("upperCIC", .int(Int(range.upperCIC)))
                return .object(entry)
            }))
        case .protocolData:
            Self.append(ProtocolData(wire: value), to: &o)
        case .nested:
            if let subparameters = try? subparameters() {
                o.append("parameters", .array(subparameters.map { .object($0.json) }))
            } else {
                o.append("hex", .string(Hex.string(value)))
            }
        }
        return o
    }

    private static func append(_ pc: MaskedPointCode, to o: inout JSONObject) {
        o.append("mask", .int(Int(pc.mask)))
        o.append("pointCode", .int(Int(pc.pointCode)))
    }

    private static func append(_ data: ProtocolData, to o: inout JSONObject) {
        o.append("opc", .int(Int(data.opc)))
        o.append("dpc", .int(Int(data.dpc)))
        o.append("si", .int(Int(data.si.rawValue)))
        if let name = data.si.name { o.append("siMeaning", .string(name)) }
        o.append("ni", .int(Int(data.ni)))
        o.append("mp", .int(Int(data.mp)))
        o.append("sls", .int(Int(data.sls)))
        o.append("userData", .string(Hex.string(data.userProtocolData)))
        do {
            if let isup = try data.isup() { o.append("isup", .object(isup.json)) }
        } catch {
            o.append("isupError", .string(error.description))
        }
    }
}
