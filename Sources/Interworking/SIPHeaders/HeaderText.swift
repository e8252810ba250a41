/// Splitting header field text the way RFC 3261 §7.3.1 reads it: separators inside a quoted string (with its
/// `\` escapes, §25.1 `quoted-pair`) or inside `<...>` (a name-addr's URI, §20.10) separate nothing.
enum HeaderText {
    /// `text` split on `separator` outside quotes and angle brackets, each piece trimmed, empty pieces dropped.
    /// Works on UTF-8 octets: every character that matters is ASCII (`separator` must be).
    static func split(_ text: Substring, on separator: Character) -> [Substring] {
        var pieces: [Substring] = []
        forEachPiece(of: text, on: separator) { pieces.append($0); return true }
        return pieces
    }

    /// The first piece `split` would give, without collecting the others.
    static func first(_ text: Substring, on separator: Character) -> Substring? {
        var first: Substring?
        forEachPiece(of: text, on: separator) { first = $0; return false }
        return first
    }

    /// Hands `body` the pieces of `split` in order until it returns false.
    static func forEachPiece(of text: Substring, on separator: Character, _ body: (Substring) -> Bool) {
        let separator = separator.asciiValue!
        let utf8 = text.utf8
        var start = utf8.startIndex
        var quoted = false, escaped = false, bracketed = false
        /// The piece before `end`, unless empty; false when `body` wants no more.
        func add(_ end: Substring.UTF8View.Index) -> Bool {
            let piece = text[start..<end].trimmingWhitespaceSlice()
            return piece.isEmpty || body(piece)
        }
        var index = utf8.startIndex
        while index < utf8.endIndex {
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
                guard add(index) else { return }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        _ = add(utf8.endIndex)
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
