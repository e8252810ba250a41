import ArgumentParser
import ISUP
import Trace

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode ISUP messages given as hex or in a capture file (JSON Lines or text out).",
        discussion: """
            Each HEX argument is one message; spaces inside a quoted argument are ignored. When every argument is a \
            single octet (`decode 23 01 01 ...`), the arguments together form one message. With --file, each line \
            is one message; blank lines and text after '#' are ignored; '-' reads standard input. With --pcap, \
            every ISUP message (SI 5) of a pcap or pcapng capture with link type MTP2 (140) or MTP3 (141) is \
            decoded; other signal units are skipped. A malformed message is reported on stderr with its label \
            (argument, file:line, or capture packet number), its byte offset from the CIC and its field; the \
            others are still decoded, and the exit status is 1. A damaged capture is reported with the file \
            offset, and the packets before the damage are still decoded.
            """
    )

    @Argument(help: "Messages as hex.")
    var hex: [String] = []

    @Option(name: .shortAndLong, help: "File with one hex message per line ('-' for standard input).")
    var file: String?

    @Option(help: "pcap or pcapng capture with LINKTYPE_MTP2 or LINKTYPE_MTP3 packets ('-' for standard input).")
    var pcap: String?

    @Flag(name: .customLong("no-cic"), help: "Messages start at the message type (SIP-I bodies, RFC 3204).")
    var noCIC = false

    @Option(help: "Output format.")
    var format: OutputFormat = .json

    func validate() throws {
        if noCIC, pcap != nil {
            throw ValidationError("--no-cic does not apply to --pcap: MTP3 user data starts at the CIC")
        }
    }

    func run() throws {
        var sink = DecodeSink(framing: noCIC ? .withoutCIC : .withCIC, format: format)
        if hex.count > 1, hex.allSatisfy({ $0.count <= 2 }) {
            sink.decode(hex: Substring(hex.joined(separator: " ")), label: "argument 1")
        } else {
            for (n, h) in hex.enumerated() { sink.decode(hex: Substring(h), label: "argument \(n + 1)") }
        }
        if let file {
            let content = String(decoding: try StandardStreams.read(path: file), as: UTF8.self)
            for (n, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                guard text.contains(where: { !$0.isWhitespace }) else { continue }
                sink.decode(hex: text, label: "\(file == "-" ? "stdin" : file):\(n + 1)")
            }
        }
        if let pcap { try decodeCapture(pcap, into: &sink) }
        guard sink.count > 0 || pcap != nil else {
            throw ValidationError("give messages as HEX arguments, with --file or with --pcap")
        }
        try sink.finish()
    }

    /// Every ISUP message of a capture, in packet order. A packet whose signal unit cannot be read is reported
    /// and skipped; a damaged file is reported and read no further.
    private func decodeCapture(_ path: String, into sink: inout DecodeSink) throws {
        let name = path == "-" ? "stdin" : path
        let bytes = try StandardStreams.read(path: path)
        do {
            var reader = try PcapReader(bytes: bytes)
            while let record = try reader.next() {
                do {
                    guard let isup = try record.isupMessage() else { continue }
                    sink.decode(isup, label: "\(name): packet \(record.number)")
                } catch {
                    sink.fail("\(name): \(error)")
                }
            }
        } catch {
            sink.fail("\(name): \(error)")
        }
    }
}
