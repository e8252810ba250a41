/// A string of ISUP address signals (Q.763 §3.9 and §4), stored inline (no allocation).
///
/// Each signal is a nibble: 0–9 are digits, 0xB and 0xC are codes 11 and 12 (0xC is the Italian routing-number
/// digit "C" of ST 769 §6.1), 0xF is ST (end of pulsing). As text every signal is one upper-case hex digit, the way
/// Wireshark prints them (`"39C6012345"`, `"9299420008F"`).
public struct AddressSignals: Hashable, Sendable, CustomStringConvertible {
    /// The most signals one value holds: 30 digits (ST 769 WLR case) plus ST, rounded up to whole octets.
    public static let capacity = 32

    private var storage: UInt128 = 0
    public private(set) var count: Int = 0

    public init() {}

    /// Parses `0-9`, `A-F` (either case); nil for any other character or more than `capacity` signals.
    public init?(_ text: some StringProtocol) {
        for c in text.utf8 {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            guard count < Self.capacity else { return nil }
            append(nibble)
        }
    }

    public subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count)
        return UInt8(truncatingIfNeeded: storage >> UInt128(4 * index)) & 0x0F
    }

    public mutating func append(_ nibble: UInt8) {
        precondition(count < Self.capacity, "more than \(Self.capacity) address signals")
        storage |= UInt128(nibble & 0x0F) << UInt128(4 * count)
        count += 1
    }

    public var isEmpty: Bool { count == 0 }
    public var isOdd: Bool { count & 1 == 1 }
    /// The last signal is ST (0xF), end of pulsing.
    public var endsWithST: Bool { count > 0 && self[count - 1] == 0x0F }

    /// Written in place: up to 15 signals make a small string, with no allocation (numbers are read as text on
    /// every call the engine routes).
    public var description: String {
        String(unsafeUninitializedCapacity: count) { text in
            for i in 0..<count { text[i] = Hex.digit(self[i]) }
            return count
        }
    }

    /// Number of octets the packed form takes (Q.763 §4.1).
    public var packedLength: Int { (count + 1) / 2 }

    /// Packs the signals, first signal in bits 4–1 of the first octet, filler 0000 when odd (Q.763 §4.1).
    public func pack(into out: inout [UInt8]) {
        var i = 0
        while i < count {
            let low = self[i]
            let high = i + 1 < count ? self[i + 1] : 0
            out.append(high << 4 | low)
            i += 2
        }
    }

    /// Unpacks `bytes` holding `odd ? 2n-1 : 2n` signals; checks the filler and the capacity.
    /// Slice indices are message offsets, for error reporting.
    public static func unpack(
        _ bytes: ArraySlice<UInt8>, odd: Bool, field: String
    ) throws(ISUPDecodingError) -> AddressSignals {
        try validate(bytes, odd: odd, field: field)
        return unpackValidated(bytes, odd: odd)
    }

    /// The checks of `unpack` without building the value (Q.763 §4.1).
    static func validate(_ bytes: ArraySlice<UInt8>, odd: Bool, field: String) throws(ISUPDecodingError) {
        let n = bytes.count * 2 - (odd && !bytes.isEmpty ? 1 : 0)
        guard n <= capacity else {
            throw ISUPDecodingError(
                offset: bytes.startIndex, field: field, reason: .digitsOverflow(count: n, maximum: capacity))
        }
        guard odd else { return }
        guard let last = bytes.last else {
            throw ISUPDecodingError(
                offset: bytes.startIndex, field: field, reason: .invalid("odd indicator set but no address signals"))
        }
        guard last >> 4 == 0 else {
            throw ISUPDecodingError(offset: bytes.endIndex - 1, field: field, reason: .fillerNotZero(nibble: last >> 4))
        }
    }

    /// Packed octets to signals, assuming `validate` passed: whole octets at a time.
    static func unpackValidated(_ bytes: ArraySlice<UInt8>, odd: Bool) -> AddressSignals {
        var signals = AddressSignals()
        var shift: UInt128 = 0
        for byte in bytes {
            signals.storage |= UInt128(byte) << shift  // octet k holds signals 2k (bits 4–1) and 2k+1
            shift += 8
        }
        signals.count = bytes.count * 2 - (odd && !bytes.isEmpty ? 1 : 0)
        return signals
    }
}
