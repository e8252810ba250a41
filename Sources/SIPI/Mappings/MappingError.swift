/// A Mappings file that cannot be loaded: the file, the 1-based line (the header is line 1; 0 when the file itself
/// is missing) and why. The loader stops at the first one, so a gateway never starts on half a table.
public struct MappingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case missingFile
        case emptyFile
        /// A quoted field that does not close on its line (records never span lines here).
        case unterminatedQuote
        case textAfterQuote
        /// The header lacks a column the file must have, or a data row stops before it.
        case missingColumn(String)
        /// The header names a column this file does not have.
        case unexpectedColumn(String)
        case extraFields(expected: Int, found: Int)
        case badNumber(column: String, value: String, allowed: ClosedRange<Int>)
        case badValue(column: String, value: String, expected: String)
        case unknownProfile(String)
        case duplicateKey(String, firstLine: Int)
        /// Every row must cite the clause it comes from.
        case missingSource
        case inheritanceCycle([String])
        /// A profile whose chain reaches no `*` row in that file.
        case noDefaultRow(profile: String, file: String)
        /// A SIP status used in a mapping has no row in the reason-phrase file.
        case noReasonPhrase(Int)
        /// A row the mapper needs is absent (`response` in cause-precedence.csv).
        case missingRow(String)
    }

    public let file: String
    public let line: Int
    public let reason: Reason

    public init(file: String, line: Int, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return "\(place): \(reason)"
    }
}

extension MappingError.Reason: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingFile: "file not found"
        case .emptyFile: "no header row"
        case .unterminatedQuote: "quoted field not closed on its line"
        case .textAfterQuote: "text between a closing quote and the next comma"
        case .missingColumn(let column): "missing column '\(column)'"
        case .unexpectedColumn(let column): "unexpected column '\(column)'"
        case .extraFields(let expected, let found): "\(found) fields, the header has \(expected)"
        case .badNumber(let column, let value, let allowed):
            "\(column): '\(value)' is not a number in \(allowed.lowerBound)...\(allowed.upperBound)"
        case .badValue(let column, let value, let expected): "\(column): '\(value)' is not \(expected)"
        case .unknownProfile(let name): "unknown profile '\(name)' (not in profiles.csv)"
        case .duplicateKey(let key, let firstLine): "duplicate key \(key) (first on line \(firstLine))"
        case .missingSource: "the source column is empty: every row cites its clause"
        case .inheritanceCycle(let chain): "profile inheritance cycle: \(chain.joined(separator: " → "))"
        case .noDefaultRow(let profile, let file): "profile \(profile) reaches no default (*) row in \(file)"
        case .noReasonPhrase(let status): "no reason phrase for \(status) in sip-reason-phrases.csv"
        case .missingRow(let key): "no row for \(key)"
        }
    }
}
