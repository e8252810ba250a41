import ArgumentParser

/// `sipigw m3ua`: M3UA (RFC 4666) tools.
struct M3UACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "m3ua",
        abstract: "M3UA (RFC 4666) tools.",
        subcommands: [M3UADecodeCommand.self, M3UAASPCommand.self, M3UASGPCommand.self, M3UAThroughputCommand.self, M3UASCTPProbeCommand.self]
    )
}
