import ArgumentParser
import ISUP
import M3UA

struct M3UADecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode M3UA messages given as hex (JSON Lines out); the ISUP inside DATA (SI 5) is decoded too.",
        discussion: HexInput.discussion
            + " Errors also name the RFC 4666 §3.8.1 Error Code a live association would answer with."
    )

    @OptionGroup var input: HexInput

    @Flag(help: "Apply the receiver rules of RFC 4666 §3.2/§3.1.4: ignore padding octets, accept a missing final padding.")
    var ignorePadding = false

    func run() throws {
        let padding: M3UAMessage.Padding = ignorePadding ? .ignored : .zeroed
        var sink = OutputSink()
        try sink.emit(input) { bytes, out in
            var text = [UInt8]()
            JSONValue.object(try M3UAMessage(decoding: bytes, padding: padding).json).write(into: &text)
            out.append(raw: text)
        }
        guard sink.count > 0 else { throw ValidationError("give messages as HEX arguments or with --file") }
        try sink.finish()
    }
}
