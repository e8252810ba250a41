import ArgumentParser
import ISUP

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode ISUP messages given as hex (JSON Lines or text out).",
        discussion: HexInput.discussion
    )

    @OptionGroup var input: HexInput

    @Flag(name: .customLong("no-cic"), help: "Messages start at the message type (SIP-I bodies, RFC 3204).")
    var noCIC = false

    @Option(help: "Output format.")
    var format: OutputFormat = .json

    func run() throws {
        let framing: ISUPMessage.Framing = noCIC ? .withoutCIC : .withCIC
        try input.forEachMessage { bytes, out in
            let message = try ISUPMessage(decoding: bytes, framing: framing)
            switch format {
            case .json: JSONValue.object(message.json).write(into: &out)
            case .text: out.append(contentsOf: message.text.utf8)
            }
        }
    }
}
