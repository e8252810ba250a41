/// Splitting header field text the way RFC 3261 §7.3.1 reads it: separators inside a quoted string (with its
/// `\` escapes, §25.1 `quoted-pair`) or inside `<...>` (a name-addr's URI, §20.10) separate nothing.
enum HeaderText {
    /// `text` split on `separator` outside quotes and angle brackets, each piece trimmed, empty pieces dropped.
    static func split(_ text: Substring, on separator: Character) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var quoted = false, escaped = false, bracketed = false
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if escaped {
                escaped = false
            } else if quoted {
                if c == "\\" { escaped = true } else if c == "\"" { quoted = false }
            } else if c == "\"" {
                quoted = true
            } else if c == "<" {
                bracketed = true
            } else if c == ">" {
                bracketed = false
            } else if c == separator, !bracketed {
                pieces.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        pieces.append(text[start...])
        return pieces.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.map { Substring($0) }
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
