/// Hexadecimal text for octet strings, the form the CLI and the JSON schema use.
public enum Hex {
    /// The upper-case hex digit of a nibble (0–15), computed: no table to load through a global's lazy
    /// initialization on every octet the JSON writers print.
    @inline(__always)
    static func digit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") - 10 + nibble }

    /// Two upper-case hex digits.
    public static func byte(_ byte: UInt8) -> String {
        String(decoding: [digit(byte >> 4), digit(byte & 0x0F)], as: UTF8.self)
    }

    /// Upper-case hex without separators.
    public static func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends upper-case hex digits of `bytes` to `out` (no intermediate string).
    public static func append<C: Collection, Sink: ByteSink>(_ bytes: C, to out: inout Sink) where C.Element == UInt8 {
        for b in bytes {
            out.append(digit(b >> 4))
            out.append(digit(b & 0x0F))
        }
    }

    /// Parses hex, ignoring white space, `:` and `-` separators; nil on any other character or an odd digit count.
    public static func bytes(_ text: some StringProtocol) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count / 2)
        var high: UInt8? = nil
        for c in text.utf8 {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ":"), UInt8(ascii: "-"),
                UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                continue
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return high == nil ? out : nil
    }
}
