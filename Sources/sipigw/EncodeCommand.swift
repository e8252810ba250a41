import ArgumentParser
import ISUP

struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode ISUP messages from JSON (the schema `decode` prints) read on standard input; hex out.",
        discussion: """
            Standard input holds one JSON document (an object, or an array of objects) or JSON Lines. Each message \
            is printed as one line of hex. Errors name the input line and the JSON path; the exit status is then 1.
            """
    )

    @Flag(name: .customLong("no-cic"), help: "Encode without the CIC (SIP-I bodies, RFC 3204).")
    var noCIC = false

    @Option(name: .shortAndLong, help: "Read JSON from this file instead of standard input.")
    var file: String = "-"

    func run() throws {
        let text = String(decoding: try StandardStreams.read(path: file), as: UTF8.self)
        var documents = [(label: String, value: JSONValue)]()
        var failures = 0
        if let whole = try? JSONValue(parsing: text) {
            for (n, value) in (whole.array ?? [whole]).enumerated() { documents.append(("message \(n + 1)", value)) }
        } else {
            // Split on LF octets: in a Swift String "\r\n" is one Character and would not split on "\n".
            for (n, raw) in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
            where raw.contains(where: { $0 > 0x20 }) {
                let line = String(decoding: raw, as: UTF8.self)
                do {
                    documents.append(("line \(n + 1)", try JSONValue(parsing: line)))
                } catch {
                    StandardStreams.error("line \(n + 1): \(error)")
                    failures += 1
                }
            }
        }
        let framing: ISUPMessage.Framing = noCIC ? .withoutCIC : .withCIC
        var out = [UInt8]()
        for document in documents {
            do {
                let message = try ISUPMessage(json: document.value, framing: framing)
                out.append(contentsOf: Hex.string(try message.encoded(framing: framing)).utf8)
                out.append(UInt8(ascii: "\n"))
            } catch {
                StandardStreams.error("\(document.label): \(error)")
                failures += 1
            }
        }
        StandardStreams.output(out)
        if failures > 0 { throw ExitCode(1) }
    }
}
