import ISUP

/// ISUP cause ⇄ SIP status, per profile, from the loaded Mappings/ tables.
public struct CauseMapper: Sendable {
    public let mappings: Mappings

    public init(_ mappings: Mappings) { self.mappings = mappings }

    /// The SIP side of a REL (RFC 3398 §7.2.4.1): `location` and `hasDiagnostic` select conditional rows (21 from
    /// the user → 603; 22 with the new number → 301).
    public func sipStatus(forCause cause: UInt8, location: UInt8? = nil, hasDiagnostic: Bool = false,
                          profile: String) throws(CauseMappingError) -> MappedSIPStatus
    {
        let chain = try self.chain(profile, .causeToStatus)
        let table = mappings.causeToStatus
        var conditions = [ISUPCauseToSIPStatus.Condition]()
        if let location { conditions.append(.location(location)) }
        if hasDiagnostic { conditions.append(.diagnostic) }
        conditions.append(.always)
        let row = conditions.lazy.compactMap { table.row(for: .init(cause: cause, condition: $0), along: chain) }.first
            ?? validated(table.defaultRow(along: chain))
        let outcome: MappedSIPStatus.Outcome
        switch row.value {
        case .status(let code): outcome = .response(statusLine(code))
        case .releaseDialog: outcome = .releaseDialog(fallback: statusLine(defaultStatus(along: chain)))
        case .retryCircuit: outcome = .retryOnAnotherCircuit
        }
        return MappedSIPStatus(outcome: outcome, profile: profile, source: row.source)
    }

    /// The SIP side of a received REL's cause indicators.
    public func sipStatus(for cause: CauseIndicators, profile: String) throws(CauseMappingError) -> MappedSIPStatus {
        try sipStatus(forCause: cause.value, location: cause.location, hasDiagnostic: !cause.diagnostics.isEmpty,
                      profile: profile)
    }

    /// The REL for a SIP message that ends the call: a final response (`status`, to a request of `method`), or the
    /// request `method` itself when `status` is nil (BYE, CANCEL). The precedence row of the message orders the
    /// encapsulated REL, the `Reason: Q.850` header and the profile's table (corrections §1 #13).
    public func isupCause(forStatus status: Int?, reasonHeader: String? = nil,
                          encapsulatedCause: CauseIndicators? = nil, method: String = "INVITE",
                          profile: String) throws(CauseMappingError) -> MappedISUPCause
    {
        let chain = try self.chain(profile, .statusToCause)
        guard let precedence = mappings.precedence[status == nil ? method : CausePrecedence.response] else {
            throw .notReleasing(method: method)
        }
        let location = status.flatMap { mappings.generatedLocation.row(for: $0 / 100, along: chain) }
            ?? validated(mappings.generatedLocation.defaultRow(along: chain))
        func result(_ outcome: MappedISUPCause.Outcome, _ decision: MappedISUPCause.Decision) -> MappedISUPCause {
            MappedISUPCause(outcome: outcome, decidedBy: decision, profile: profile, precedence: precedence.source)
        }
        // The loader checked that `table` ends every order: the steps before it are tried first.
        for step in precedence.value {
            switch step {
            case .encapsulated:
                if let encapsulatedCause { return result(.release(encapsulatedCause), .encapsulatedREL) }
            case .reason:
                if let reason = reasonHeader.flatMap(Q850Reason.init(header:)) {
                    return result(
                        .release(CauseIndicators(value: reason.cause, location: reason.location ?? location.value)),
                        .reasonHeader(locationSource: reason.location == nil ? location.source : nil))
                }
            case .table:
                break
            }
        }
        if let status {
            let row = validated(mappings.statusToCause.lookup(status, along: chain))
            return result(
                row.value.map { .release(CauseIndicators(value: $0, location: location.value)) } ?? .noRelease,
                .table(row.source, locationSource: row.value == nil ? nil : location.source))
        }
        guard let row = mappings.requestToCause.row(for: method, along: chain) else {
            throw .notReleasing(method: method)
        }
        return result(
            .release(CauseIndicators(value: row.value, location: location.value)),
            .table(row.source, locationSource: location.source))
    }

    private func chain(_ profile: String, _ direction: MappingProfiles.Direction) throws(CauseMappingError) -> [String] {
        guard let chain = mappings.profiles.chain(of: profile, for: direction) else {
            throw .unknownProfile(profile, known: mappings.profiles.names)
        }
        return chain
    }

    private func defaultStatus(along chain: [String]) -> Int {
        guard case .status(let code) = validated(mappings.causeToStatus.defaultRow(along: chain)).value else {
            preconditionFailure("Mappings checks that a * row of \(ISUPCauseToSIPStatus.file) holds a status")
        }
        return code
    }

    private func statusLine(_ code: Int) -> MappedSIPStatus.StatusLine {
        .init(code: code, reasonPhrase: validated(mappings.reasonPhrases[code]).value)
    }

    /// A row `Mappings.init` checked to exist (defaults along every chain, phrases of every status sent).
    private func validated<Row>(_ row: Row?) -> Row {
        guard let row else { preconditionFailure("Mappings.checkReferences guarantees this row") }
        return row
    }
}
