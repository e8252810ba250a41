/// A From, To, Contact, Route or P-Asserted-Identity value (RFC 3261 §20.10, §25.1 `name-addr / addr-spec`): the
/// URI and the header parameters after it (`;tag=`, `;expires=`).
public struct NameAddress: Hashable, Sendable {
    /// The URI without angle brackets.
    public var uri: Substring
    /// The text after the URI (`;tag=abc;x`), header parameters only.
    public var parameters: Substring

    public init(_ value: String) {
        let text = Substring(value)
        let utf8 = text.utf8
        if let open = utf8.firstIndex(of: 0x3C), let close = text[open...].utf8.firstIndex(of: 0x3E) {
            uri = text[utf8.index(after: open)..<close]
            parameters = text[utf8.index(after: close)...]
        } else {
            // addr-spec: header parameters start at the first ";" (RFC 3261 §20.10: no URI parameters then).
            let end = utf8.firstIndex(of: 0x3B) ?? text.endIndex
            uri = text[..<end]
            parameters = text[end...]
        }
        uri = uri.trimmingWhitespaceSlice()
    }

    /// A header parameter's value (`tag`); "" for a parameter without a value, nil when absent.
    func parameter(_ name: String) -> Substring? { Self.parameter(name, in: parameters) }

    public var tag: String? { parameter("tag").map(String.init) }

    /// `;name=value` or `;name` in a parameter list, the name compared case-insensitively.
    static func parameter(_ name: String, in list: Substring) -> Substring? {
        var found: Substring?
        HeaderText.forEachPiece(of: list, on: ";") { piece in
            let equals = piece.utf8.firstIndex(of: 0x3D)
            guard piece[..<(equals ?? piece.endIndex)].trimmingWhitespaceSlice().equalsIgnoringASCIICase(name) else { return true }
            found = equals.map { piece[piece.utf8.index(after: $0)...].trimmingWhitespaceSlice() } ?? ""
            return false
        }
        return found
    }
}
