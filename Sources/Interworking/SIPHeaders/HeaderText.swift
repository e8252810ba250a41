/// Splitting header field text the way RFC 3261 §7.3.1 reads it: separators inside a quoted string (with its
/// `\` escapes, §25.1 `quoted-pair`) or inside `<...>` (a name-addr's URI, §20.10) separate nothing.
enum HeaderText {
    /// `text` split on `separator` outside quotes and angle brackets, each piece trimmed, empty pieces dropped.
    /// Works on UTF-8 octets: every character that matters is ASCII (`separator` must be).
    static func split(_ text: Substring, on separator: Character, limit: Int = .max) -> [Substring] {
        let separator = separator.asciiValue!
        var pieces: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var quoted = false, escaped = false, bracketed = false
        func add(_ end: Substring.UTF8View.Index) {
            let piece = text[start..<end].trimmingWhitespaceSlice()
            if !piece.isEmpty { pieces.append(piece) }
        }
        var index = utf8.startIndex
        while index < utf8.endIndex, pieces.count < limit {
            let c = utf8[index]
            if escaped {
                escaped = false
            } else if quoted {
                if c == 0x5C { escaped = true } else if c == 0x22 { quoted = false }
            } else if c == 0x22 {
                quoted = true
            } else if c == 0x3C {
                bracketed = true
            } else if c == 0x3E {
                bracketed = false
            } else if c == separator, !bracketed {
                add(index)
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if pieces.count < limit { add(utf8.endIndex) }
        return pieces
    }

    /// The header parameters of a From, To or Contact value (RFC 3261 §20.10): after the `>` of a name-addr, or
    /// after the first `;` of a bare addr-spec (whose own URI parameters cannot be told from header parameters,
    /// so §20.10 reads them as header parameters).
    static func addressParameters(_ value: String) -> [HeaderParameter] {
        let rest = value.lastIndex(of: ">").map { value[value.index(after: $0)...] } ?? Substring(value)
        guard let semicolon = rest.firstIndex(of: ";") else { return [] }
        return HeaderParameter.list(rest[rest.index(after: semicolon)...]) ?? []
    }
}
