import Interworking

/// The pure parts of an ENUM lookup (RFC 6116): the domain queried for a number and the URI its NAPTR records give.
enum ENUMQuery {
    /// RFC 6116 §2.4: the digits of the E.164 number (every other character dropped), reversed, one per label,
    /// followed by `zone` ("e164.arpa" in the public tree). A trailing dot of the zone is dropped.
    static func domain(number: String, zone: String) -> String {
        let labels = number.filter(\.isASCIIDigit).reversed().map(String.init)
        let zone = zone.hasSuffix(".") ? String(zone.dropLast()) : zone
        return (labels + (zone.isEmpty ? [] : [zone])).joined(separator: ".")
    }

    /// RFC 6116 §2.1 (Application Unique String): the number in its full form, "+" and the digits.
    static func applicationUniqueString(number: String) -> String {
        "+" + number.filter(\.isASCIIDigit)
    }

    /// The answer the records of a NOERROR reply give: lowest order first, then lowest preference (RFC 3403 §4.1),
    /// the first terminal `E2U+sip` record whose regexp matches `+<digits>` gives the URI. No such record is
    /// `.notFound`; when every such record's regexp is malformed, `.failed` says why (the zone is wrong).
    static func answer(_ records: [NAPTRRecord], number: String) -> LookupAnswer {
        let aus = applicationUniqueString(number: number)
        var problem: String?
        for record in usable(records) {
            do {
                if let uri = try SubstitutionExpression(parsing: record.regexp).apply(to: aus) { return .uri(uri) }
            } catch {
                problem = problem ?? "NAPTR order \(record.order) preference \(record.preference): \(error)"
            }
        }
        return problem.map(LookupAnswer.failed) ?? .notFound
    }

    /// The terminal SIP records, in the order a client tries them.
    static func usable(_ records: [NAPTRRecord]) -> [NAPTRRecord] {
        records.filter { $0.servesSIP && $0.isTerminal }
            .sorted { ($0.order, $0.preference) < ($1.order, $1.preference) }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
