/// A named bit field inside a parameter value. `shift` counts from bit 1 (A) of the first octet = 0;
/// for two-octet little-endian indicators bit 1 of the second octet (I) is 8 (Q.763 §0 conventions).
public struct BitField: Sendable, Hashable {
    /// The field's name as the literal it was written as: no `String` is stored, so copying a field (the JSON
    /// stream reads every field of every indicator parameter) retains nothing.
    public let key: StaticString
    public let shift: Int
    public let width: Int

    public init(_ name: StaticString, _ shift: Int, _ width: Int) {
        key = name
        self.shift = shift
        self.width = width
    }

    public var name: String { key.description }

    /// Whether the field is called `name`, compared octet by octet.
    public func isNamed(_ name: String) -> Bool { key.withUTF8Buffer { name.utf8.elementsEqual($0) } }

    public static func == (a: BitField, b: BitField) -> Bool {
        a.shift == b.shift && a.width == b.width
            && a.key.withUTF8Buffer { x in b.key.withUTF8Buffer { y in x.elementsEqual(y) } }
    }

    public func hash(into hasher: inout Hasher) {
        key.withUTF8Buffer { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(shift)
        hasher.combine(width)
    }

    public var mask: UInt64 { ((1 << UInt64(width)) - 1) << UInt64(shift) }

    public func read(_ raw: UInt64) -> Int { Int((raw & mask) >> UInt64(shift)) }

    public func write(_ value: Int, into raw: inout UInt64) {
        raw = (raw & ~mask) | ((UInt64(value) << UInt64(shift)) & mask)
    }

    /// Largest value the field can hold.
    public var maximum: Int { (1 << width) - 1 }
}

/// Indicator parameters: bit fields over the first `octets` octets of the value.
public struct IndicatorLayout: Sendable, Hashable {
    public let octets: Int
    public let bigEndian: Bool
    /// Octets after `octets` continue the parameter (Q.763 "ext" bit): kept as bytes.
    public let extensible: Bool
    public let fields: [BitField]

    public init(octets: Int = 1, bigEndian: Bool = false, extensible: Bool = false, _ fields: [BitField]) {
        self.octets = octets
        self.bigEndian = bigEndian
        self.extensible = extensible
        self.fields = fields
    }

    /// Reads up to `octets` octets (fewer when the value is shorter, e.g. 1988 redirection information).
    public func raw(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var raw: UInt64 = 0
        let count = min(octets, bytes.count)
        for i in 0..<count {
            let byte = UInt64(bytes[bytes.startIndex + i])
            raw |= bigEndian ? byte << UInt64(8 * (count - 1 - i)) : byte << UInt64(8 * i)
        }
        return raw
    }

    public func bytes(_ raw: UInt64, count: Int? = nil) -> [UInt8] {
        let count = count ?? octets
        return (0..<count).map { i in
            UInt8(truncatingIfNeeded: bigEndian ? raw >> UInt64(8 * (count - 1 - i)) : raw >> UInt64(8 * i))
        }
    }

    public func field(_ name: String) -> BitField? { fields.first { $0.isNamed(name) } }

    /// The fields that lie inside the first `count` octets (all of them for a full value; fewer for a shorter
    /// variable one), in table order.
    public func fields(within count: Int) -> LazyFilterSequence<[BitField]> {
        fields.lazy.filter { $0.shift < 8 * count }
    }
}

/// The layout of a parameter that carries address signals (Q.763 §3.9 and its relatives).
///
/// Octet 1 is `O/E` (bit 8) plus `octet1` fields; octet 2, when present, holds `octet2` fields; a generic number
/// starts with a number qualifier octet. Address signals follow, packed as in Q.763 §4.1.
public struct NumberLayout: Sendable, Hashable {
    public let qualifier: Bool
    public let octet1: [BitField]
    public let octet2: [BitField]?
    /// The end-of-pulsing signal ST (0xF) may be the last address signal (called-party-type numbers).
    public let allowsST: Bool

    public var headerLength: Int { (qualifier ? 1 : 0) + 1 + (octet2 == nil ? 0 : 1) }
}

/// How a parameter's value is structured. One case per kind of coding; the catalogue assigns one to each code.
public enum ParameterFormat: Sendable, Hashable {
    case indicators(IndicatorLayout)
    case number(NumberLayout)
    /// Q.763 §3.12 / Q.850 cause information element from octet 3.
    case cause
    /// Q.763 §3.43 range and status.
    case rangeAndStatus
    /// Q.763 §3.3 access transport: complete Q.931 information elements.
    case informationElements
    /// Q.763 §3.41 parameter compatibility information.
    case parameterCompatibility
    /// Q.763 §3.57 user service information: Q.931 bearer capability from octet 3.
    case bearerCapability
    /// Q.763 §3.24 generic digits.
    case genericDigits
    /// Q.763 §3.15 closed user group interlock code.
    case interlockCode
    /// Q.763 §3.8 call reference.
    case callReference
    /// Q.763 §3.61 user-to-user information: protocol discriminator + user information.
    case userToUser
    /// Kept as bytes.
    case octets
}

/// Value length rule from Q.763 Table 5 (value octets, i.e. what the length indicator counts).
public enum LengthRule: Sendable, Hashable {
    case fixed(Int)
    case variable(min: Int, max: Int)

    public var minimum: Int {
        switch self {
        case .fixed(let n): n
        case .variable(let min, _): min
        }
    }
    public var maximum: Int {
        switch self {
        case .fixed(let n): n
        case .variable(_, let max): max
        }
    }
}

/// One row of the parameter catalogue. A class: rows are shared, and a look-up costs one reference, not a copy
/// of every field (decoding looks a row up per parameter).
public final class ParameterSpec: Sendable {
    public let code: ParameterCode
    /// lowerCamelCase Q.763 name: the JSON key.
    public let name: String
    public let title: String
    public let length: LengthRule
    public let format: ParameterFormat
    /// May occur more than once in one message (Q.763 §1.4: generic number, generic digits, ...).
    public let repeatable: Bool

    init(code: ParameterCode, name: String, title: String, length: LengthRule, format: ParameterFormat, repeatable: Bool) {
        self.code = code
        self.name = name
        self.title = title
        self.length = length
        self.format = format
        self.repeatable = repeatable
    }
}
