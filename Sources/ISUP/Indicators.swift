/// An indicator parameter read through its bit-field table (Q.763 §3: nature of connection, forward/backward call
/// indicators, calling party's category, event information, hop counter, ...). The octets are kept as received.
public struct Indicators: Hashable, Sendable {
    public let layout: IndicatorLayout
    /// The first `octetCount` octets as an integer (little-endian unless the layout says big-endian).
    public var raw: UInt64
    /// How many octets `raw` covers: `layout.octets`, or fewer for a shorter variable value
    /// (1-octet 1988 redirection information).
    public var octetCount: Int
    /// Octets after the indicator octets of an extensible parameter (ext bit 0), kept as received.
    public var extensionOctets: [UInt8]

    public init(layout: IndicatorLayout, fields: [String: Int] = [:]) {
        self.layout = layout
        self.raw = 0
        self.octetCount = layout.octets
        self.extensionOctets = []
        for (name, value) in fields { self[name] = value }
    }

    public init(decoding bytes: ArraySlice<UInt8>, layout: IndicatorLayout) {
        self.layout = layout
        self.raw = layout.raw(bytes)
        self.octetCount = min(layout.octets, bytes.count)
        self.extensionOctets = Array(bytes.dropFirst(layout.octets))
    }

    public func encode(into out: inout [UInt8]) {
        out.append(contentsOf: layout.bytes(raw, count: octetCount))
        out.append(contentsOf: extensionOctets)
    }

    public func encoded() -> [UInt8] {
        var out = [UInt8]()
        encode(into: &out)
        return out
    }

    /// The fields of the layout that lie inside the octets present, in table order.
    public var fields: [(name: String, value: Int)] {
        layout.fields(within: octetCount).map { ($0.name, $0.read(raw)) }
    }

    /// A field by name; nil when the layout has no such field. Setting an unknown name does nothing.
    public subscript(name: String) -> Int? {
        get { layout.field(name)?.read(raw) }
        set {
            guard let field = layout.field(name) else { return }
            field.write(newValue ?? 0, into: &raw)
            if field.shift >= 8 * octetCount { octetCount = layout.octets }
        }
    }
}
