#if canImport(Glibc)
import Glibc
#endif

/// RFC 3403 §3.2: the regexp field of a NAPTR record, `delim-char ere delim-char repl delim-char *flags`. The ERE is
/// a POSIX extended regular expression (run by the C library's regcomp/regexec); the output is `repl` with its
/// backreferences `\1`…`\9` replaced by the groups of the match (the whole input is replaced, not only the matched
/// part: "true sed(1) substitution expressions are not appropriate", RFC 3402 §3.2).
struct SubstitutionExpression: Hashable, Sendable {
    /// A piece of `repl`.
    enum Piece: Hashable, Sendable {
        case literal(String)
        /// `\N`, N = 1…9: the N-th parenthesised group (RFC 3403 §3.2, `backref`).
        case group(Int)
    }

    /// The ERE as regcomp reads it (an escaped delimiter unescaped).
    let ere: String
    let replacement: [Piece]
    /// The `i` flag: the ERE matches without regard to case.
    let caseInsensitive: Bool

    /// Parses the field; the error names the byte offset in the field and what is wrong there.
    init(parsing field: String) throws(SubstitutionError) {
        let bytes = Array(field.utf8)
        guard let delimiter = bytes.first else { throw SubstitutionError(offset: 0, reason: "empty regexp field") }
        // RFC 3403 §3.2: any octet but a digit, the flag "i" and the backslash delimits.
        if delimiter == UInt8(ascii: "\\") || delimiter == UInt8(ascii: "i")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(delimiter) {
            throw SubstitutionError(offset: 0, reason: "\"\(Character(Unicode.Scalar(delimiter)))\" cannot delimit")
        }
        var i = 1
        // The ERE: "\<delim>" is the delimiter itself; every other escape is the ERE's own.
        var ere = [UInt8]()
        while true {
            guard i < bytes.count else { throw SubstitutionError(offset: i, reason: "the ERE has no closing delimiter") }
            let byte = bytes[i]
            if byte == delimiter { break }
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count {
                if bytes[i + 1] != delimiter { ere.append(byte) }
                ere.append(bytes[i + 1])
                i += 2
            } else {
                ere.append(byte)
                i += 1
            }
        }
        i += 1
        // repl: "\1"…"\9" are groups, "\<any other>" is that octet.
        var pieces = [Piece](), literal = [UInt8]()
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(String(decoding: literal, as: UTF8.self))) }
            literal.removeAll()
        }
        while true {
            guard i < bytes.count else { throw SubstitutionError(offset: i, reason: "the replacement has no closing delimiter") }
            let byte = bytes[i]
            if byte == delimiter { break }
            if byte == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { throw SubstitutionError(offset: i, reason: "a backslash ends the field") }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "0") {
                    throw SubstitutionError(offset: i, reason: "\\0 is not a backreference (1-9)")
                } else if (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(next) {
                    flush()
                    pieces.append(.group(Int(next - UInt8(ascii: "0"))))
                } else {
                    literal.append(next)
                }
                i += 2
            } else {
                literal.append(byte)
                i += 1
            }
        }
        flush()
        i += 1
        var caseInsensitive = false
        for j in i..<bytes.count {
            guard bytes[j] == UInt8(ascii: "i") else {
                throw SubstitutionError(offset: j, reason: "\"\(Character(Unicode.Scalar(bytes[j])))\" is not a flag (only i)")
            }
            caseInsensitive = true
        }
        self.ere = String(decoding: ere, as: UTF8.self)
        self.replacement = pieces
        self.caseInsensitive = caseInsensitive
    }

    /// The rewritten string, or nil when the ERE does not match `input`. Throws when regcomp refuses the ERE or
    /// `repl` names a group the ERE does not have (offset 0: the field as a whole).
    func apply(to input: String) throws(SubstitutionError) -> String? {
        var regex = regex_t()
        let flags = REG_EXTENDED | (caseInsensitive ? REG_ICASE : 0)
        let compiled = regcomp(&regex, ere, flags)
        guard compiled == 0 else {
            var message = [CChar](repeating: 0, count: 256)
            regerror(compiled, &regex, &message, message.count)
            throw SubstitutionError(offset: 0, reason: "ERE \"\(ere)\": \(String(decoding: message.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self))")
        }
        defer { regfree(&regex) }
        let groups = Int(regex.re_nsub)
        if let missing = replacement.lazy.compactMap({ if case .group(let n) = $0, n > groups { n } else { nil } }).first {
            throw SubstitutionError(offset: 0, reason: "\\\(missing) but the ERE has \(groups) group(s)")
        }
        var matches = [regmatch_t](repeating: regmatch_t(), count: groups + 1)
        let utf8 = Array(input.utf8)
        guard regexec(&regex, input, matches.count, &matches, 0) == 0 else { return nil }
        var output = ""
        for piece in replacement {
            switch piece {
            case .literal(let text):
                output += text
            case .group(let n):
                let match = matches[n]
                // A group that took no part in the match is empty (rm_so −1).
                if match.rm_so >= 0 { output += String(decoding: utf8[Int(match.rm_so)..<Int(match.rm_eo)], as: UTF8.self) }
            }
        }
        return output
    }
}

/// A NAPTR regexp field that cannot be used: the byte offset in the field and why.
struct SubstitutionError: Error, Hashable, Sendable, CustomStringConvertible {
    var offset: Int
    var reason: String
    var description: String { "regexp offset \(offset): \(reason)" }
}
