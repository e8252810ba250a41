/// The RFC 3261 §25.1 character classes checked on text that goes on the wire or comes from it.
enum SIPGrammar {
    /// `token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")`
    static func isToken(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { tokenOctets[Int($0)] }
    }

    /// Indexed by octet: a table, not a `Set`, because every header name of every message is checked (issue 8).
    private static let tokenOctets: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for octet in Array(UInt8(ascii: "a")...UInt8(ascii: "z")) + Array(UInt8(ascii: "A")...UInt8(ascii: "Z"))
            + Array(UInt8(ascii: "0")...UInt8(ascii: "9")) + Array("-.!%*_+`'~".utf8) { table[Int(octet)] = true }
        return table
    }()

    /// The first CTL (%x00-1F, %x7F) in `text`, HTAB excepted when `tab` allows it: CR and LF would end the
    /// line, NUL cuts a C string, and none of them belongs to a header value (TEXT-UTF8char / LWS) or a
    /// Reason-Phrase. SP is refused as well when `space` is false (Request-URI, §25.1 Request-Line).
    static func firstForbiddenOctet(in text: some StringProtocol, tab: Bool = true, space: Bool = true) -> UInt8? {
        text.utf8.first { $0 == 0x7F || ($0 < 0x20 && !(tab && $0 == 0x09)) || (!space && ($0 == 0x20 || $0 == 0x09)) }
    }

    /// "CR (0x0D)" and the like, for error texts.
    static func describe(_ octet: UInt8) -> String {
        let names: [UInt8: String] = [0x00: "NUL", 0x09: "HTAB", 0x0A: "LF", 0x0D: "CR", 0x20: "SP", 0x7F: "DEL"]
        let hex = String(octet, radix: 16, uppercase: true)
        return "\(names[octet] ?? "control character") (0x\(hex.count == 1 ? "0" + hex : hex))"
    }
}
