import ArgumentParser
import ISUP
import Trace

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode ISUP messages given as hex or in a capture file (JSON Lines or text out).",
        discussion: HexInput.discussion + """
             With --pcap, every ISUP message (SI 5) of a pcap or pcapng capture with link type MTP2 (140) or \
            MTP3 (141) is decoded; other signal units are skipped; errors name the packet number and count byte \
            offsets from the CIC. A damaged capture is reported with the file offset, and the packets before the \
            damage are still decoded.
            """
    )

    @OptionGroup var input: HexInput

    @Option(help: "pcap or pcapng capture with LINKTYPE_MTP2 or LINKTYPE_MTP3 packets ('-' for standard input).")
    var pcap: String?

    @Flag(name: .customLong("no-cic"), help: "Messages start at the message type (SIP-I bodies, RFC 3204).")
    var noCIC = false

    @Option(help: "Output format.")
    var format: OutputFormat = .json

    @Flag(help: "Refuse a message whose optional parameter has erroneous contents (by default the parameter is kept as octets, with \"error\" in JSON, Q.764 §2.9.5).")
    var strict = false

    func validate() throws {
        if noCIC, pcap != nil {
            throw ValidationError("--no-cic does not apply to --pcap: MTP3 user data starts at the CIC")
        }
    }

    func run() throws {
        var sink = OutputSink()
        let framing: ISUPMessage.Framing = noCIC ? .withoutCIC : .withCIC
        // The options read once: each read of a parsed property goes through ArgumentParser's wrapper.
        let strict = strict, format = format
        try sink.emit(input) { bytes, out in
            try Self.render(ISUPMessage(decoding: bytes, framing: framing, strict: strict), as: format, into: out)
        }
        if let pcap { try Self.decodeCapture(pcap, strict: strict, as: format, into: &sink) }
        guard sink.count > 0 || pcap != nil else {
            throw ValidationError("give messages as HEX arguments, with --file or with --pcap")
        }
        try sink.finish()
    }

    /// The message in `format`, appended to `out` (JSON written in place).
    private static func render(_ message: ISUPMessage, as format: OutputFormat, into out: JSONStream) {
        switch format {
        case .json: message.writeJSON(to: out)
        case .text: out.append(raw: message.text.utf8)
        }
    }

    /// Every ISUP message of a capture, in packet order. A packet whose signal unit cannot be read is reported
    /// and skipped; a damaged file is reported and read no further.
    private static func decodeCapture(
        _ path: String, strict: Bool, as format: OutputFormat, into sink: inout OutputSink
    ) throws {
        let name = path == "-" ? "stdin" : path
        let bytes = try StandardStreams.read(path: path)
        do {
            var reader = try PcapReader(bytes: bytes)
            while let record = try reader.next() {
                do {
                    guard let isup = try record.isupMessage() else { continue }
                    // Error offsets count from the CIC, not from the start of the file.
                    sink.emit(label: "\(name): packet \(record.number)") { out in
                        try render(ISUPMessage(decodingInPlace: isup, strict: strict), as: format, into: out)
                    }
                } catch {
                    sink.fail("\(name): \(error)")
                }
            }
        } catch {
            sink.fail("\(name): \(error)")
        }
    }
}
