import ArgumentParser
import Foundation
import ISUP
import SIPI

/// `sipigw number`: ST 769 numbering at the VoIP NNI.
struct NumberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "number",
        abstract: "ST 769 numbering: routing numbers and plain numbers at the VoIP NNI.",
        subcommands: [Classify.self, Plan.self]
    )

    /// Options shared by the subcommands.
    struct PlanOption: ParsableArguments {
        @Option(name: .customLong("plan"), help: ArgumentHelp(
            "JSON numbering plan; any subset of the keys `number plan` prints (e.g. carrierCodes, mnpCodes).",
            valueName: "file"))
        var path: String?

        func load() throws -> NumberingPlan {
            guard let path else { return .st769 }
            return try JSONFile.decode(NumberingPlan.self, path: path, what: "numbering plan")
        }
    }

    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify a number: its routing-number kind and fields, or the Annex A outcome.",
            discussion: """
                NUMBER is a SIP URI user part (+39C80345800123456) or a whole sip: URI; with --nai it is the digits \
                of an ISUP number: 4 international (39C80345800123456), 3 national (C80345800123456). Exit status 0 \
                when ST 769 accepts the number; otherwise the Annex A clause, the ISUP cause and the SIP status are \
                printed and the exit status is 1. With --calling the number is a calling identity, which is never a \
                routing number. Carrier, RPV, 3XY and 3XY_VMS codes are assignments: give them \
                with --plan.
                """
        )

        @Argument(help: "The number.")
        var number: String

        @Option(help: ArgumentHelp("Read NUMBER as ISUP digits with this nature of address (3 or 4).", valueName: "nai"))
        var nai: Int?

        @Flag(help: "NUMBER is a calling identity (P-Asserted-Identity, CgPN): never a routing number (ST 769 §6.1.10).")
        var calling = false

        @Option(help: "Output format.")
        var format: OutputFormat = .text

        @OptionGroup var plan: PlanOption

        func validate() throws {
            if let nai, nai != PartyNumber.NatureOfAddress.national, nai != PartyNumber.NatureOfAddress.international {
                throw ValidationError("--nai is 3 (national) or 4 (international)")
            }
        }

        func run() throws {
            let plan = try plan.load()
            let result = Result { () throws(NumberingError) -> ClassifiedNumber in
                let classified = switch nai {
                case PartyNumber.NatureOfAddress.national: try plan.classify(nationalDigits: number)
                case PartyNumber.NatureOfAddress.international: try plan.classify(internationalDigits: number)
                default:
                    try plan.classify(userPart: number.contains(":")
                        ? NNIPhoneURI(parsing: number, policy: plan.annexA).user : number)
                }
                if calling { try plan.requireCallingNumber(classified) }
                return classified
            }
            StandardStreams.output(Array((render(result) + "\n").utf8))
            if case .failure = result { throw ExitCode(1) }
        }

        private func render(_ result: Result<ClassifiedNumber, NumberingError>) -> String {
            switch (format, result) {
            case (.json, .success(let classified)):
                var object: JSONObject = ["input": .string(number)]
                for entry in classified.json { object.append(entry.key, entry.value) }
                return JSONValue.object(object).jsonText
            case (.json, .failure(let error)):
                return JSONValue.object(["input": .string(number), "error": .object(error.json)]).jsonText
            case (.text, .success(let classified)):
                let head = "\(number): \(classified.kind.rawValue), \(classified.format.service) "
                    + "(\(classified.format.clause)), \(classified.digits.count) digits"
                return ([head] + classified.fields.map { "  \($0.name): \($0.value)" }).joined(separator: "\n")
            case (.text, .failure(let error)):
                return "\(number): rejected, \(error)"
            }
        }
    }

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the numbering plan (the ST 769 defaults, or --plan over them) as JSON.",
            discussion: "The output is a complete plan: edit it and give it back with --plan."
        )

        @OptionGroup var plan: PlanOption

        func run() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            StandardStreams.output(Array(try encoder.encode(plan.load()) + [UInt8(ascii: "\n")]))
        }
    }
}
