import ArgumentParser

/// `sipigw`: the one executable of the SIP-I/ISUP gateway.
@main
struct SIPIGW: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sipigw",
        abstract: "SIP-I / ISUP interworking gateway tools.",
        subcommands: [
            DecodeCommand.self, EncodeCommand.self, M3UACommand.self, SIPICommand.self, MapCommand.self, NumberCommand.self,
            ConfigCommand.self, RunCommand.self, CtlCommand.self, ConvertCommand.self, SwitchSimCommand.self, DemoCommand.self,
        ]
    )
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case text
}
