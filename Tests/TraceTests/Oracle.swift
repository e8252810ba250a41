import OracleSupport
import Testing

extension Trait where Self == ConditionTrait {
    /// For tests that need text2pcap or tshark: skipped with a note where Wireshark's tools are not installed,
    /// run (and failing with `Tshark.missingNote`) under CI=true, where they must be.
    static var needsWireshark: Self {
        .enabled(if: Tshark.isAvailable || Tshark.isCI, Comment(rawValue: Tshark.missingNote))
    }
}

/// Octets from hex with spaces, for expected values written as in the spec files.
func octets(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8.filter { $0 != UInt8(ascii: " ") })
    return stride(from: 0, to: digits.count, by: 2).map {
        UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)!
    }
}
