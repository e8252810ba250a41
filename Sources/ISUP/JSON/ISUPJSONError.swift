/// A JSON document that does not describe a valid ISUP message: the JSON path and the reason.
public struct ISUPJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// Typed reads of JSON fields, with errors that name the path.
struct JSONFields {
    let object: JSONObject
    let path: String

    func error(_ key: String, _ reason: String) -> ISUPJSONError { ISUPJSONError(path: "\(path).\(key)", reason: reason) }

    func int(_ key: String, max: Int) throws(ISUPJSONError) -> Int? {
        guard let value = object[key] else { return nil }
        guard let i = value.int else { throw error(key, "expected an integer") }
        guard (0...max).contains(i) else { throw error(key, "\(i) is outside 0...\(max)") }
        return i
    }

    func requiredInt(_ key: String, max: Int) throws(ISUPJSONError) -> Int {
        guard let i = try int(key, max: max) else { throw error(key, "missing") }
        return i
    }

    func string(_ key: String) throws(ISUPJSONError) -> String? {
        guard let value = object[key] else { return nil }
        guard let s = value.string else { throw error(key, "expected a string") }
        return s
    }

    func hex(_ key: String) throws(ISUPJSONError) -> [UInt8]? {
        guard let s = try string(key) else { return nil }
        guard let bytes = Hex.bytes(s) else { throw error(key, "not a hex string") }
        return bytes
    }

    func array(_ key: String) throws(ISUPJSONError) -> [JSONValue]? {
        guard let value = object[key] else { return nil }
        guard let a = value.array else { throw error(key, "expected an array") }
        return a
    }

    func objects(_ key: String) throws(ISUPJSONError) -> [JSONFields] {
        var out = [JSONFields]()
        for (n, item) in (try array(key) ?? []).enumerated() {
            guard let o = item.object else { throw error("\(key)[\(n)]", "expected an object") }
            out.append(JSONFields(object: o, path: "\(path).\(key)[\(n)]"))
        }
        return out
    }

    /// Sets the named bit fields that are present, checking each against its width.
    func bitFields(_ fields: [BitField], into raw: inout UInt64) throws(ISUPJSONError) {
        for f in fields {
            if let v = try int(f.name, max: f.maximum) { f.write(v, into: &raw) }
        }
    }
}
