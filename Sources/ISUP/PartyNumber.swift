/// A number parameter: called/calling/connected/redirecting/redirection/original called/location/generic number,
/// subsequent number, transit network selection and their relatives (Q.763 §3.9, §3.10, §3.16, §3.26, §3.30,
/// §3.39, §3.44–3.46, §3.51, §3.53). The layout (from the parameter catalogue) says which indicator fields the
/// number has; the octets are kept as received, so re-encoding is bit-exact, spare bits included.
public struct PartyNumber: Hashable, Sendable {
    public let layout: NumberLayout
    /// Number qualifier indicator (generic number only, Q.763 §3.26); 0 otherwise.
    public var numberQualifier: UInt8
    /// Octet 1 without the O/E bit (bit 8), which is derived from `digits`.
    public var octet1: UInt8
    /// Octet 2 as a whole (0 when the layout has no octet 2).
    public var octet2: UInt8
    public var digits: AddressSignals

    /// Builds a number with the given indicator fields (by name, e.g. `natureOfAddress`, `numberingPlan`);
    /// unnamed fields and spare bits are 0.
    public init(
        layout: NumberLayout, digits: AddressSignals, fields: [String: Int] = [:], numberQualifier: UInt8 = 0
    ) {
        self.layout = layout
        self.numberQualifier = numberQualifier
        self.octet1 = 0
        self.octet2 = 0
        self.digits = digits
        for (name, value) in fields { self[name] = value }
    }

    /// Decodes a parameter value. `field` names the parameter in errors; slice indices are message offsets.
    public init(decoding bytes: ArraySlice<UInt8>, layout: NumberLayout, field: String) throws(ISUPDecodingError) {
        let digitsStart = try Self.validate(bytes, layout: layout, field: field)
        self.layout = layout
        numberQualifier = layout.qualifier ? bytes[bytes.startIndex] : 0
        octet1 = bytes[digitsStart - (layout.octet2 == nil ? 1 : 2)] & 0x7F
        octet2 = layout.octet2 == nil ? 0 : bytes[digitsStart - 1]
        digits = AddressSignals.unpackValidated(bytes[digitsStart...], odd: bytes[digitsStart - (layout.octet2 == nil ? 1 : 2)] & 0x80 != 0)
    }

    /// Checks a value without unpacking it (the decoder's validation): header length, odd/even against the
    /// filler nibble, and the number of signals. Returns the index of the first digit octet.
    @discardableResult
    public static func validate(
        _ bytes: ArraySlice<UInt8>, layout: NumberLayout, field: String
    ) throws(ISUPDecodingError) -> Int {
        guard bytes.count >= layout.headerLength else {
            throw ISUPDecodingError(
                offset: bytes.startIndex, field: field,
                reason: .tooShort(minimum: layout.headerLength, actual: bytes.count))
        }
        let oddEvenOctet = bytes.startIndex + (layout.qualifier ? 1 : 0)
        let digitsStart = bytes.startIndex + layout.headerLength
        try AddressSignals.validate(bytes[digitsStart...], odd: bytes[oddEvenOctet] & 0x80 != 0, field: field)
        return digitsStart
    }

    public var encodedLength: Int { layout.headerLength + digits.packedLength }

    public func encode(into out: inout [UInt8]) {
        if layout.qualifier { out.append(numberQualifier) }
        out.append((digits.isOdd ? 0x80 : 0) | (octet1 & 0x7F))
        if layout.octet2 != nil { out.append(octet2) }
        digits.pack(into: &out)
    }

    public func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(encodedLength)
        encode(into: &out)
        return out
    }

    /// Hands `body` the indicator fields of the layout, in order, with their values (no array built: the JSON
    /// writers call it for every number they print).
    public func forEachField(_ body: (_ name: StaticString, _ value: Int) -> Void) {
        for f in layout.octet1 { body(f.key, f.read(UInt64(octet1))) }
        guard let octet2Fields = layout.octet2 else { return }
        for f in octet2Fields { body(f.key, f.read(UInt64(octet2))) }
    }

    /// An indicator field by name; nil when the layout does not have it. Setting an unknown name does nothing.
    public subscript(name: String) -> Int? {
        get {
            if let f = layout.octet1.first(where: { $0.isNamed(name) }) { return f.read(UInt64(octet1)) }
            if let f = layout.octet2?.first(where: { $0.isNamed(name) }) { return f.read(UInt64(octet2)) }
            return nil
        }
        set {
            let value = newValue ?? 0
            if let f = layout.octet1.first(where: { $0.isNamed(name) }) {
                var raw = UInt64(octet1)
                f.write(value, into: &raw)
                octet1 = UInt8(truncatingIfNeeded: raw)
            } else if let f = layout.octet2?.first(where: { $0.isNamed(name) }) {
                var raw = UInt64(octet2)
                f.write(value, into: &raw)
                octet2 = UInt8(truncatingIfNeeded: raw)
            }
        }
    }

    /// Q.763 §4.3 nature of address indicator.
    public var natureOfAddress: Int? {
        get { self["natureOfAddress"] }
        set { self["natureOfAddress"] = newValue }
    }
    /// Q.763 §4.4 numbering plan indicator.
    public var numberingPlan: Int? {
        get { self["numberingPlan"] }
        set { self["numberingPlan"] = newValue }
    }
    /// Address presentation restricted indicator (APRI): 0 allowed, 1 restricted, 2 address not available.
    public var presentation: Int? {
        get { self["presentation"] }
        set { self["presentation"] = newValue }
    }
    /// Screening indicator: 1 user provided verified and passed, 3 network provided, ...
    public var screening: Int? {
        get { self["screening"] }
        set { self["screening"] = newValue }
    }
}

extension PartyNumber {
    /// Q.763 §4.3 values used by the interworking layer.
    public enum NatureOfAddress {
        public static let subscriber = 1
        public static let unknown = 2
        public static let national = 3
        public static let international = 4
    }
}
