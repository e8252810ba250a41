import ArgumentParser
import Gateway
import ISUP
import Interworking

/// `sipigw ctl`: the running daemon's control endpoint (HTTP+JSON on loopback), its answer printed indented.
struct CtlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctl",
        abstract: "Ask the running gateway (its control endpoint) about calls, circuits, associations and peers.",
        discussion: """
            status | calls | circuits TRUNK | associations | peers: what the daemon has now. \
            block|unblock|reset TRUNK CIC[-CIC]: operator maintenance on circuits (Q.764 §2.8, §2.9.3; BLO/UBL/RSC \
            or their group forms go to the switch). asp ASSOCIATION active|inactive|standby|down: layer \
            management of the gateway's ASP or IPSP (RFC 4666 §4.3.4: ASPAC, ASPIA, standby, ASPDN). \
            reload: read and check the configuration file again; a file \
            that does not load is refused and the configuration in force stays. Exit status 1 when the daemon \
            answers an error.
            """
    )

    @Argument(help: "status, calls, circuits, associations, peers, block, unblock, reset, asp or reload.")
    var command: String

    @Argument(help: "TRUNK for circuits; TRUNK CIC[-CIC] for block, unblock and reset; ASSOCIATION STATE for asp.")
    var arguments: [String] = []

    @Option(name: .customLong("control"), help: ArgumentHelp("The control endpoint.", valueName: "host:port"))
    var control = "127.0.0.1:9465"

    /// Method, target and body of each command.
    func request() throws -> (method: String, target: String, body: String) {
        func expect(_ count: Int, _ usage: String) throws {
            guard arguments.count == count else { throw ValidationError("usage: sipigw ctl \(command) \(usage)") }
        }
        switch command {
        case "status", "calls", "associations", "peers":
            try expect(0, "")
            return ("GET", "/\(command)", "")
        case "circuits":
            try expect(1, "TRUNK")
            return ("GET", "/circuits?trunk=\(arguments[0])", "")
        case "block", "unblock", "reset":
            try expect(2, "TRUNK CIC[-CIC]")
            guard let range = CICRange(arguments[1]) else {
                throw ValidationError("\(arguments[1]): not a CIC or a range CIC-CIC within 0-4095")
            }
            let body = JSONValue.object(["trunk": .string(arguments[0]), "first": .int(range.first), "last": .int(range.last)])
            return ("POST", "/circuits/\(command)", body.jsonText)
        case "asp":
            try expect(2, "ASSOCIATION active|inactive|standby|down")
            let body = JSONValue.object(["association": .string(arguments[0]), "state": .string(arguments[1])])
            return ("POST", "/associations/manage", body.jsonText)
        case "reload":
            try expect(0, "")
            return ("POST", "/reload", "")
        default:
            throw ValidationError("\(command): not a ctl command (status calls circuits associations peers block unblock reset asp reload)")
        }
    }

    func run() throws {
        let (method, target, body) = try request()
        guard let colon = control.lastIndex(of: ":"), let port = Int(control[control.index(after: colon)...]) else {
            throw ValidationError("--control \(control): expected host:port")
        }
        let answer: HTTPExchange.Answer
        do {
            answer = try HTTPExchange.request(method, target, host: String(control[..<colon]), port: port, body: body)
        } catch {
            StandardStreams.error("sipigw ctl: \(error)")
            throw ExitCode(1)
        }
        let text = (try? JSONValue(parsing: answer.body))?.indentedJSONText ?? answer.body
        if (200..<300).contains(answer.status) {
            StandardStreams.output(Array((text + "\n").utf8))
        } else {
            StandardStreams.error("HTTP \(answer.status)\n\(text)")
            throw ExitCode(1)
        }
    }
}
