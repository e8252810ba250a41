import ArgumentParser
import Gateway
import Interworking
import SIPI

/// `sipigw config`: the daemon's configuration file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "The daemon's configuration file (YAML).",
        subcommands: [Check.self]
    )

    /// Reads and checks a configuration file; a problem ends the command with FILE:LINE:COLUMN: KEY: REASON on
    /// stderr and exit status 1.
    static func load(_ file: String) throws -> GatewayConfiguration {
        do {
            return try parse(file)
        } catch let error as ConfigurationError {
            StandardStreams.error(error.description)
            throw ExitCode(1)
        }
    }

    /// Reads and checks a configuration file (`run` at start and on `POST /reload`), throwing what is wrong.
    static func parse(_ file: String) throws -> GatewayConfiguration {
        let text = String(decoding: try StandardStreams.read(path: file), as: UTF8.self)
        return try GatewayConfiguration(yaml: text, file: file)
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a configuration file and say what it configures.",
            discussion: """
                Exit status 0 when the file can be used; otherwise the first problem is printed on stderr as \
                FILE:LINE:COLUMN: KEY: REASON and the exit status is 1. Cause profiles are checked against the \
                mapping tables (--mappings).
                """
        )

        @Argument(help: "The configuration file.")
        var file: String

        @OptionGroup var mappings: MappingsDirectory

        func run() throws {
            let config = try ConfigCommand.load(file)
            if let problem = Self.profileProblem(config, known: try mappings.load().profiles.names, file: file) {
                StandardStreams.error(problem.description)
                throw ExitCode(1)
            }
            StandardStreams.output(Array(Self.summary(config).utf8))
        }

        /// The first peer whose cause profile is not among the mapping tables' `known` ones.
        static func profileProblem(_ config: GatewayConfiguration, known: [String], file: String) -> ConfigurationError? {
            config.engine.peers.enumerated().first { !known.contains($0.element.causeProfile) }.map { i, peer in
                ConfigurationError(file: file, key: "peers[\(i)].causeProfile",
                                   reason: "no profile \(peer.causeProfile) (known: \(known.joined(separator: ", ")))")
            }
        }

        /// What the file configures, one line per part.
        static func summary(_ config: GatewayConfiguration) -> String {
            let engine = config.engine
            var lines = ["SIP \(engine.sip.address) domain \(engine.sip.domain)"]
            for a in config.associations {
                lines.append("M3UA \(a.name): \(a.role.rawValue) over \(a.transport.rawValue), local \(a.local.joined(separator: ",")) remote \(a.remote.joined(separator: ","))")
            }
            for t in engine.trunks {
                let count = t.circuits.cics.reduce(0) { $0 + $1.last - $1.first + 1 }
                lines.append("trunk \(t.name): OPC \(t.circuits.opc) DPC \(t.circuits.dpc), \(count) circuits, media \(t.media.address):\(t.media.port)")
            }
            for p in engine.peers {
                lines.append("peer \(p.name): \(p.address) \(p.domain), profile \(p.profile.rawValue), causes \(p.causeProfile)")
            }
            lines.append("routes: \(engine.routes.toSIP.count) to SIP, \(engine.routes.toISUP.count) to ISUP\(engine.routes.enumLookup == nil ? "" : ", ENUM first")")
            return lines.joined(separator: "\n") + "\nOK\n"
        }
    }
}
