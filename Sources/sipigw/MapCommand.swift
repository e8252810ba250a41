import ArgumentParser
import ISUP
import SIPI

/// `sipigw map`: look up the interworking tables of Mappings/ as the gateway applies them.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Look up the interworking mappings of Mappings/.",
        subcommands: [MapCauseCommand.self]
    )
}

/// `sipigw map cause --isup N` (ISUP cause → SIP status) and `sipigw map cause --sip CODE` (SIP → ISUP cause).
struct MapCauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cause",
        abstract: "Map an ISUP cause to a SIP status, or a SIP status (or BYE/CANCEL) to an ISUP cause.",
        discussion: """
            The answer comes first (`486 Busy Here`, `17 User busy`), then the profile and the Mappings/ rows that \
            gave it, with the clauses they cite. Profiles: rfc3398 (RFC 3398), q1912.5, st769 (ST 769 Annex A over \
            q1912.5). Exit status 1 when a Mappings/ file is malformed (file:line on stderr).
            """
    )

    @Option(name: .customLong("isup"), help: ArgumentHelp("ISUP cause value (0–127).", valueName: "cause"))
    var cause: UInt8?

    @Option(help: "Cause location (0–15, or U, LPN, LN, TN, RLN, RPN, INTL, BI), with --isup.")
    var location: String?

    @Flag(help: "The cause carries a diagnostic (cause 22: the new number), with --isup.")
    var diagnostic = false

    @Option(name: .customLong("sip"), help: ArgumentHelp("SIP status code, or BYE / CANCEL.", valueName: "code"))
    var sip: String?

    @Option(help: ArgumentHelp("Reason header value, with --sip.", valueName: "Q.850;cause=N"))
    var reason: String?

    @Option(name: .customLong("rel-cause"), help: "Cause of a REL encapsulated in the SIP message, with --sip.")
    var relCause: UInt8?

    @Option(help: "Mapping profile.")
    var profile = "rfc3398"

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var mappingsDirectory: MappingsDirectory

    func validate() throws {
        guard (cause == nil) != (sip == nil) else { throw ValidationError("give exactly one of --isup and --sip") }
        if let cause, cause > 127 { throw ValidationError("--isup \(cause): a cause value is 0–127") }
        if let relCause, relCause > 127 { throw ValidationError("--rel-cause \(relCause): a cause value is 0–127") }
        if cause != nil, reason != nil || relCause != nil {
            throw ValidationError("--reason and --rel-cause go with --sip")
        }
        if sip != nil, location != nil || diagnostic { throw ValidationError("--location and --diagnostic go with --isup") }
        if let location, parsedLocation == nil {
            throw ValidationError("--location \(location): give 0–15 or U, LPN, LN, TN, RLN, RPN, INTL, BI")
        }
        if let sip, !(Int(sip).map { (100...699).contains($0) } ?? sip.allSatisfy(\.isLetter)) {
            throw ValidationError("--sip \(sip): give a status code 100–699 or a method (BYE, CANCEL)")
        }
    }

    private var parsedLocation: UInt8? {
        location.flatMap { UInt8($0).flatMap { $0 <= 15 ? $0 : nil } ?? CauseLocationToken.location($0) }
    }

    func run() throws {
        let mapper = CauseMapper(try mappingsDirectory.load())
        let answer: String
        do {
            if let cause {
                answer = try isupToSIP(cause, mapper)
            } else {
                answer = try sipToISUP(sip ?? "", mapper)
            }
        } catch {
            StandardStreams.error("Error: \(error)")
            throw ExitCode.validationFailure
        }
        StandardStreams.output(Array((answer + "\n").utf8))
    }

    private func isupToSIP(_ cause: UInt8, _ mapper: CauseMapper) throws(CauseMappingError) -> String {
        let mapped = try mapper.sipStatus(
            forCause: cause, location: parsedLocation, hasDiagnostic: diagnostic, profile: profile)
        return format == .json ? json(cause: cause, mapped).jsonText : text(cause: cause, mapped)
    }

    /// `sip` is a status code, or a method (BYE, CANCEL) when it is not a number.
    private func sipToISUP(_ sip: String, _ mapper: CauseMapper) throws(CauseMappingError) -> String {
        let status = Int(sip)
        let method = status == nil ? sip.uppercased() : "INVITE"
        let mapped = try mapper.isupCause(
            forStatus: status, reasonHeader: reason, encapsulatedCause: relCause.map { CauseIndicators(value: $0) },
            method: method, profile: profile)
        if format == .json { return json(method: method, status: status, mapper: mapper, mapped).jsonText }
        return text(input: status.map { Self.statusText($0, mapper) } ?? method, mapped)
    }

    private static func statusText(_ code: Int, _ mapper: CauseMapper) -> String {
        mapper.mappings.reasonPhrases[code].map { "\(code) \($0.value)" } ?? String(code)
    }

    private func row(_ source: RowSource) -> String { "\(source) (\(source.citation))" }

    private static func location(_ location: UInt8) -> String {
        "\(location)\(CauseLocationToken.token(for: location).map { " \($0)" } ?? "")"
    }

    // MARK: ISUP → SIP

    private func text(cause: UInt8, _ mapped: MappedSIPStatus) -> String {
        let first = switch mapped.outcome {
        case .response(let status): "\(status)"
        case .releaseDialog(let fallback): "no response: BYE, or CANCEL before a final response (\(fallback) if a final response is unavoidable)"
        case .retryOnAnotherCircuit: "no SIP status: retry the IAM on another circuit"
        }
        return """
            \(first)
              cause: \(cause) \(CauseNames.name(of: cause))\(parsedLocation.map { ", location \(Self.location($0))" } ?? "")\(diagnostic ? ", with diagnostic" : "")
              profile: \(mapped.profile)
              row: \(row(mapped.source))
            """
    }

    private func json(cause: UInt8, _ mapped: MappedSIPStatus) -> JSONValue {
        var isup: JSONObject = ["cause": .int(Int(cause)), "name": .string(CauseNames.name(of: cause))]
        if let location = parsedLocation { isup["location"] = .int(Int(location)) }
        if diagnostic { isup["diagnostic"] = .bool(true) }
        var object: JSONObject = ["profile": .string(mapped.profile), "isup": .object(isup)]
        switch mapped.outcome {
        case .response(let status):
            object["outcome"] = .string("response")
            object["sip"] = Self.json(status)
        case .releaseDialog(let fallback):
            object["outcome"] = .string("release-dialog")
            object["fallback"] = Self.json(fallback)
        case .retryOnAnotherCircuit:
            object["outcome"] = .string("retry-circuit")
        }
        object["source"] = Self.json(mapped.source)
        return .object(object)
    }

    private static func json(_ status: MappedSIPStatus.StatusLine) -> JSONValue {
        .object(["status": .int(status.code), "reasonPhrase": .string(status.reasonPhrase)])
    }

    private static func json(_ source: RowSource) -> JSONValue {
        .object(["row": .string(source.description), "citation": .string(source.citation)])
    }

    // MARK: SIP → ISUP

    private func text(input: String, _ mapped: MappedISUPCause) -> String {
        var lines = [String]()
        switch mapped.outcome {
        case .release(let cause):
            lines.append("\(cause.value) \(cause.name)")
            lines.append("  location: \(Self.location(cause.location))")
        case .noRelease:
            lines.append("no REL")
        }
        lines.append("  sip: \(input)")
        switch mapped.decidedBy {
        case .encapsulatedREL: lines.append("  decided by: the encapsulated REL")
        case .reasonHeader(let locationSource):
            lines.append("  decided by: the Reason header")
            if let locationSource { lines.append("  location row: \(row(locationSource))") }
        case .table(let source, let locationSource):
            lines.append("  decided by: \(row(source))")
            if let locationSource { lines.append("  location row: \(row(locationSource))") }
        }
        lines.append("  precedence: \(row(mapped.precedence))")
        lines.append("  profile: \(mapped.profile)")
        return lines.joined(separator: "\n")
    }

    private func json(method: String, status: Int?, mapper: CauseMapper, _ mapped: MappedISUPCause) -> JSONValue {
        var input = JSONObject()
        if let status {
            input["status"] = .int(status)
            if let phrase = mapper.mappings.reasonPhrases[status] { input["reasonPhrase"] = .string(phrase.value) }
        } else {
            input["method"] = .string(method)
        }
        if let reason { input["reason"] = .string(reason) }
        if let relCause { input["relCause"] = .int(Int(relCause)) }
        var object: JSONObject = ["profile": .string(mapped.profile), "sip": .object(input)]
        switch mapped.outcome {
        case .release(let cause):
            object["outcome"] = .string("release")
            object["isup"] = .object([
                "cause": .int(Int(cause.value)), "name": .string(cause.name), "location": .int(Int(cause.location)),
            ])
        case .noRelease:
            object["outcome"] = .string("no-release")
        }
        switch mapped.decidedBy {
        case .encapsulatedREL:
            object["decidedBy"] = .string("encapsulated")
        case .reasonHeader(let locationSource):
            object["decidedBy"] = .string("reason")
            if let locationSource { object["locationSource"] = Self.json(locationSource) }
        case .table(let source, let locationSource):
            object["decidedBy"] = .string("table")
            object["source"] = Self.json(source)
            if let locationSource { object["locationSource"] = Self.json(locationSource) }
        }
        object["precedence"] = Self.json(mapped.precedence)
        return .object(object)
    }
}
