/// A From, To, Contact, Route or P-Asserted-Identity value (RFC 3261 §20.10, §25.1 `name-addr / addr-spec`): the
/// URI and the header parameters after it (`;tag=`, `;expires=`).
struct NameAddress: Hashable, Sendable {
    /// The URI without angle brackets.
    var uri: Substring
    /// The text after the URI (`;tag=abc;x`), header parameters only.
    var parameters: Substring

    init(_ value: String) {
        let text = Substring(value)
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            uri = text[text.index(after: open)..<close]
            parameters = text[text.index(after: close)...]
        } else {
            // addr-spec: header parameters start at the first ";" (RFC 3261 §20.10: no URI parameters then).
            let end = text.firstIndex(of: ";") ?? text.endIndex
            uri = text[..<end]
            parameters = text[end...]
        }
        uri = Substring(uri.trimmingWhitespace())
    }

    /// A header parameter's value (`tag`); "" for a parameter without a value, nil when absent.
    func parameter(_ name: String) -> Substring? { Self.parameter(name, in: parameters) }

    var tag: String? { parameter("tag").map(String.init) }

    /// `;name=value` or `;name` in a parameter list, the name compared case-insensitively.
    static func parameter(_ name: String, in list: Substring) -> Substring? {
        for piece in list.split(separator: ";") {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = pair.first, key.trimmingWhitespace().lowercased() == name else { continue }
            return pair.count > 1 ? Substring(pair[1].trimmingWhitespace()) : ""
        }
        return nil
    }
}
