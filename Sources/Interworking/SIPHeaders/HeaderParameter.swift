/// One `;name=value` (or `;name`) parameter of a header field value (RFC 3261 §7.3.1, `generic-param` of §25.1).
public struct HeaderParameter: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    /// Nil for a parameter without `=` (e.g. `rport` in a request, `lr`).
    public var value: String?

    public init(_ name: String, _ value: String? = nil) {
        self.name = name
        self.value = value
    }

    public var description: String { value.map { "\(name)=\($0)" } ?? name }

    /// The parameters of `text` (what follows the first `;`), split on `;` outside quoted strings. Nil when one of
    /// them has an empty name.
    static func list(_ text: Substring) -> [HeaderParameter]? {
        var parameters: [HeaderParameter] = []
        var valid = true
        HeaderText.forEachPiece(of: text, on: ";") { item in
            let equals = item.utf8.firstIndex(of: 0x3D)
            let name = item[..<(equals ?? item.endIndex)].trimmingWhitespace()
            valid = !name.isEmpty
            if valid { parameters.append(HeaderParameter(name, equals.map { item[item.utf8.index(after: $0)...].trimmingWhitespace() })) }
            return valid
        }
        return valid ? parameters : nil
    }
}

extension [HeaderParameter] {
    /// The first parameter called `name` (RFC 3261 §7.3.1: parameter names are case-insensitive).
    subscript(parameter name: String) -> HeaderParameter? {
        first { $0.name.equalsIgnoringASCIICase(name) }
    }
}
