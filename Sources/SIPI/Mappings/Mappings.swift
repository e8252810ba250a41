/// Everything in Mappings/, loaded once at start. Pure: it takes the files' contents; reading them is the
/// caller's job (`sipigw` reads `Mappings/<name>` for each of `fileNames`). The first malformed row stops the load
/// with a `MappingError` naming file and line.
public struct Mappings: Sendable {
    /// The files read, by name inside Mappings/.
    public static let fileNames = [
        MappingProfiles.file, ISUPCauseToSIPStatus.file, SIPStatusToISUPCause.file, SIPRequestToISUPCause.file,
        GeneratedCauseLocation.file, CausePrecedence.file, SIPReasonPhrases.file, FictitiousDistrictCodes.file,
    ]

    public let profiles: MappingProfiles
    public let causeToStatus: ISUPCauseToSIPStatus.Table
    public let statusToCause: SIPStatusToISUPCause.Table
    public let requestToCause: SIPRequestToISUPCause.Table
    public let generatedLocation: GeneratedCauseLocation.Table
    public let precedence: CausePrecedence.Table
    public let reasonPhrases: SIPReasonPhrases.Table
    public let fictitiousDistrictCodes: FictitiousDistrictCodes

    /// `files` maps each name of `fileNames` to its contents.
    public init(files: [String: String]) throws(MappingError) {
        func text(_ name: String) throws(MappingError) -> String {
            guard let text = files[name] else { throw MappingError(file: name, line: 0, reason: .missingFile) }
            return text
        }
        profiles = try MappingProfiles(csv: text(MappingProfiles.file))
        causeToStatus = try ISUPCauseToSIPStatus.table(csv: text(ISUPCauseToSIPStatus.file), profiles: profiles)
        statusToCause = try SIPStatusToISUPCause.table(csv: text(SIPStatusToISUPCause.file), profiles: profiles)
        requestToCause = try SIPRequestToISUPCause.table(csv: text(SIPRequestToISUPCause.file), profiles: profiles)
        generatedLocation = try GeneratedCauseLocation.table(csv: text(GeneratedCauseLocation.file), profiles: profiles)
        precedence = try CausePrecedence.table(csv: text(CausePrecedence.file))
        reasonPhrases = try SIPReasonPhrases.table(csv: text(SIPReasonPhrases.file))
        fictitiousDistrictCodes = try FictitiousDistrictCodes(csv: text(FictitiousDistrictCodes.file))
        try checkReferences()
    }

    /// What one file expects of another: every profile reaches a default row in each of its tables, every status a
    /// mapping sends has a reason phrase, every request method and final responses have a precedence order.
    private func checkReferences() throws(MappingError) {
        for profile in profiles.profiles.rows {
            let causeChain = chain(profile.key, .causeToStatus)
            let statusChain = chain(profile.key, .statusToCause)
            let missing: String? =
                causeToStatus.defaultRow(along: causeChain) == nil ? ISUPCauseToSIPStatus.file
                : statusToCause.defaultRow(along: statusChain) == nil ? SIPStatusToISUPCause.file
                : generatedLocation.defaultRow(along: statusChain) == nil ? GeneratedCauseLocation.file : nil
            if let missing {
                throw MappingError(
                    file: MappingProfiles.file, line: profile.source.line,
                    reason: .noDefaultRow(profile: profile.key, file: missing))
            }
        }
        for row in causeToStatus.rows {
            if case .status(let status) = row.value, reasonPhrases[status] == nil {
                throw MappingError(file: row.source.file, line: row.source.line, reason: .noReasonPhrase(status))
            }
        }
        for row in requestToCause.rows {
            let method = row.key.key ?? "*"
            guard precedence[method] == nil else { continue }
            throw MappingError(
                file: row.source.file, line: row.source.line,
                reason: .badValue(column: "method", value: method, expected: "a message of \(CausePrecedence.file)"))
        }
        if precedence[CausePrecedence.response] == nil {
            throw MappingError(file: CausePrecedence.file, line: 1, reason: .missingRow(CausePrecedence.response))
        }
    }

    /// The chain of a profile known to exist (profiles come from `profiles`).
    func chain(_ profile: String, _ direction: MappingProfiles.Direction) -> [String] {
        profiles.chain(of: profile, for: direction) ?? []
    }
}
