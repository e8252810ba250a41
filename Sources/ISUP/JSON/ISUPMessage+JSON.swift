extension ISUPMessage {
    /// The JSON form (docs/json-schema.md): `cic` (when framed with one), `type`, `code`, `parameters` keyed by
    /// lowerCamelCase Q.763 name in message order (repeatable or repeated ones as arrays), unknown parameters under
    /// `"unknown"` with their position in the optional part; raw bodies as `"hex"`. When grouping repeated
    /// parameters under one key loses the order of the optional part (`a b a`), `optionalOrder` lists the names
    /// of its known parameters in message order.
    public var json: JSONObject {
        var tree = JSONTree()
        write(to: &tree)
        return tree.object
    }

    /// The JSON form written straight into the stream's bytes, with no tree in between (`decode`, `convert`): the
    /// text of `json`.
    public func writeJSON(to stream: JSONStream) {
        var stream = stream
        write(to: &stream)
    }

    /// The one writer of the JSON form, specialized inside this module for the stream and the tree.
    func write<O: JSONOutput>(to o: inout O) {
        o.beginObject()
        if let cic {
            o.field("cic", cic.value)
            if cic.spare != 0 { o.field("cicSpare", cic.spare) }
        }
        o.field("type", type.acronym)
        o.field("code", type.rawValue)
        switch body {
        case .raw(let bytes):
            o.field("hex", hex: bytes)
            if type == .pam, let embedded = try? ISUPMessage(decoding: bytes, framing: .withoutCIC) {
                o.key("embedded")
                embedded.write(to: &o)
            }
        case .parameters(let mandatory, let optional):
            let count = mandatory.count + optional.count
            func parameter(_ n: Int) -> Parameter { n < mandatory.count ? mandatory[n] : optional[n - mandatory.count] }
            /// The code alone: the scans below compare codes and need no copy of the value.
            func codeAt(_ n: Int) -> ParameterCode { n < mandatory.count ? mandatory[n].code : optional[n - mandatory.count].code }
            let erroneous = erroneousParameters
            func write(_ n: Int, _ spec: ParameterSpec) {
                let p = parameter(n)
                if let e = erroneous.first(where: { $0.index + mandatory.count == n }) {
                    ParameterJSON.write(p.value, error: e.error, to: &o)
                } else {
                    ParameterJSON.write(p.value, spec: spec, to: &o)
                }
            }
            o.key("parameters")
            o.beginObject()
            var unknown = false, repeated = false
            // Most messages repeat no code: one pass over a 256-bit set tells, and spares the scans below.
            var seen = CodeBitmap(), anyRepeat = false
            for n in 0..<count where !seen.insert(codeAt(n)) { anyRepeat = true }
            // Each known name once, where it first occurs; its occurrences together (an array when the parameter is
            // repeatable or repeated).
            for n in 0..<count {
                let code = codeAt(n)
                guard let spec = code.spec else {
                    unknown = true
                    continue
                }
                var occurrences = 1
                if anyRepeat {
                    guard !(0..<n).contains(where: { codeAt($0) == code }) else { continue }
                    occurrences = (n..<count).count { codeAt($0) == code }
                }
                o.key(spec.name)
                if spec.repeatable || occurrences > 1 {
                    repeated = repeated || occurrences > 1
                    o.beginArray()
                    if occurrences == 1 {
                        write(n, spec)
                    } else {
                        for m in n..<count where codeAt(m) == code { write(m, spec) }
                    }
                    o.endArray()
                } else {
                    write(n, spec)
                }
            }
            if unknown {
                o.key("unknown")
                o.beginArray()
                for n in 0..<count where parameter(n).spec == nil {
                    o.beginObject()
                    o.field("code", parameter(n).code.rawValue)
                    o.field("hex", hex: parameter(n).value)
                    o.field("position", n - mandatory.count)
                    o.endObject()
                }
                o.endArray()
            }
            o.endObject()
            if repeated, let order = Self.optionalOrder(mandatory: mandatory, optional: optional) {
                o.key("optionalOrder")
                o.beginArray()
                for code in order { o.string(code.name) }
                o.endArray()
            }
        }
        o.endObject()
    }

    /// Builds a message from its JSON form. `framing` decides whether `cic` is required.
    public init(json: JSONValue, framing: Framing = .withCIC) throws(ISUPJSONError) {
        guard let object = json.object else { throw ISUPJSONError(path: "$", reason: "expected an object") }
        let f = JSONFields(object: object, path: "$")
        let type = try Self.messageType(f)
        var cic: CIC? = nil
        if let value = try f.int("cic", max: 0x0FFF) {
            cic = CIC(value, spare: UInt8(try f.int("cicSpare", max: 15) ?? 0))
        } else if framing == .withCIC {
            throw f.error("cic", "missing (use the no-CIC framing for SIP-I bodies)")
        }
        if framing == .withoutCIC { cic = nil }

        let spec = type.spec
        let structured: Bool
        if case .parameters? = spec?.layout { structured = true } else { structured = false }
        if structured, object["parameters"] == nil, let hex = try f.hex("hex") {
            // A type with a parameter layout given as octets: decoded, so that the value is the one that
            // encode → decode gives back.
            do {
                self = try ISUPMessage(decoding: [type.rawValue] + hex, framing: .withoutCIC)
            } catch {
                throw f.error("hex", error.description)
            }
            self.cic = cic
            return
        }
        if !structured {
            if let hex = try f.hex("hex") {
                self.init(type: type, cic: cic, body: .raw(hex[...]))
            } else if let embedded = object["embedded"], type == .pam {
                let inner = try ISUPMessage(json: embedded, framing: .withoutCIC)
                do {
                    self.init(type: type, cic: cic, body: .raw(try inner.encoded(framing: .withoutCIC)[...]))
                } catch {
                    throw ISUPJSONError(path: "$.embedded", reason: error.description)
                }
            } else {
                throw f.error("hex", "\(type.acronym) has no parameter layout: give its body as \"hex\"")
            }
            return
        }

        let parametersObject: JSONObject
        switch object["parameters"] {
        case nil: parametersObject = JSONObject()
        case .object(let o)?: parametersObject = o
        default: throw f.error("parameters", "expected an object")
        }
        var parameters = [Parameter]()
        var unknown = [(position: Int, parameter: Parameter)]()
        for entry in parametersObject {
            let path = "$.parameters.\(entry.key)"
            if entry.key == "unknown" {
                guard let items = entry.value.array else { throw ISUPJSONError(path: path, reason: "expected an array") }
                for (n, item) in items.enumerated() {
                    guard let o = item.object else { throw ISUPJSONError(path: "\(path)[\(n)]", reason: "expected an object") }
                    let u = JSONFields(object: o, path: "\(path)[\(n)]")
                    let code = UInt8(try u.requiredInt("code", max: 255))
                    guard code != 0 else { throw u.error("code", "0 is end of optional parameters") }
                    guard let hex = try u.hex("hex") else { throw u.error("hex", "missing") }
                    // Any index among the optional parameters the decoder can give (a message may hold more than
                    // 256 of them; past the last, at the end): issue 10, fuzzing finding FuzzISUP, position 268.
                    unknown.append((try u.int("position", max: Int(Int32.max)) ?? Int.max,
                                    Parameter(code: ParameterCode(code), value: hex)))
                }
                continue
            }
            guard let pspec = ParameterCatalogue.spec(named: entry.key) else {
                throw ISUPJSONError(path: path, reason: "unknown parameter name (use \"unknown\" with a code)")
            }
            let values = entry.value.array ?? [entry.value]
            for (n, value) in values.enumerated() {
                let itemPath = entry.value.array == nil ? path : "\(path)[\(n)]"
                parameters.append(Parameter(code: pspec.code, value: try ParameterJSON.value(value, spec: pspec, path: itemPath)))
            }
        }
        self.init(type: type, cic: cic, parameters: parameters)
        guard case .parameters(let mandatory, var optional) = body, let spec else { return }
        for (slot, p) in mandatory.enumerated() where !parameters.contains(where: { $0.code == p.code }) {
            throw ISUPJSONError(
                path: "$.parameters.\(p.code.name)", reason: "missing: mandatory in \(spec.acronym) (slot \(slot))")
        }
        if let order = try f.array("optionalOrder") {
            optional = try Self.reorder(optional, by: order, path: "$.optionalOrder")
        }
        for u in unknown.sorted(by: { $0.position < $1.position }) {
            optional.insert(u.parameter, at: min(u.position, optional.count))
        }
        body = .parameters(mandatory: mandatory, optional: optional)
    }

    /// The known optional parameters' codes in message order, when reading the grouped `parameters` back (keys
    /// in order, each key's occurrences together, the first occurrence of a mandatory code in its slot) would
    /// give another order; nil when it gives the same.
    private static func optionalOrder(mandatory: [Parameter], optional: [Parameter]) -> [ParameterCode]? {
        let known = optional.filter { $0.spec != nil }.map(\.code)
        var keys = [ParameterCode]()
        for p in mandatory + optional where p.spec != nil && !keys.contains(p.code) { keys.append(p.code) }
        let grouped = keys.flatMap { code in known.filter { $0 == code } }
        return grouped == known ? nil : known
    }

    /// The grouped optional parameters in the order `optionalOrder` names them: each name takes the next
    /// occurrence of its parameter, and every occurrence must be named once.
    private static func reorder(_ grouped: [Parameter], by order: [JSONValue], path: String) throws(ISUPJSONError) -> [Parameter] {
        var rest = grouped
        var ordered = [Parameter]()
        for (n, item) in order.enumerated() {
            guard let name = item.string, let spec = ParameterCatalogue.spec(named: name) else {
                throw ISUPJSONError(path: "\(path)[\(n)]", reason: "expected a parameter name")
            }
            guard let i = rest.firstIndex(where: { $0.code == spec.code }) else {
                throw ISUPJSONError(path: "\(path)[\(n)]", reason: "no optional \(name) left in parameters to place here")
            }
            ordered.append(rest.remove(at: i))
        }
        guard rest.isEmpty else {
            throw ISUPJSONError(path: path, reason: "does not name the optional \(rest.map(\.code.name).joined(separator: ", "))")
        }
        return ordered
    }

    private static func messageType(_ f: JSONFields) throws(ISUPJSONError) -> MessageType {
        let byCode = try f.int("code", max: 255).map { MessageType(UInt8($0)) }
        let byName: MessageType?
        if let name = try f.string("type") {
            guard let t = MessageType(acronym: name) else { throw f.error("type", "unknown message type \"\(name)\"") }
            byName = t
        } else {
            byName = nil
        }
        switch (byName, byCode) {
        case (let n?, let c?) where n != c:
            throw f.error("code", "\(c.rawValue) does not match type \(n.acronym) (\(n.rawValue))")
        case (let t?, _), (nil, let t?): return t
        case (nil, nil): throw f.error("type", "missing (give \"type\" or \"code\")")
        }
    }
}

/// A set of parameter codes in two 128-bit words.
private struct CodeBitmap {
    private var low: UInt128 = 0
    private var high: UInt128 = 0

    /// Adds `code`; false when it was already there.
    mutating func insert(_ code: ParameterCode) -> Bool {
        let bit = UInt128(1) << UInt128(code.rawValue & 127)
        if code.rawValue < 128 {
            defer { low |= bit }
            return low & bit == 0
        }
        defer { high |= bit }
        return high & bit == 0
    }
}
