import ArgumentParser
import ISUP

/// Messages given as hex, as arguments or as the lines of a file: the input of the decode commands.
struct HexInput: ParsableArguments {
    static let discussion = """
        Each HEX argument is one message; spaces inside a quoted argument are ignored. When every argument is a \
        single octet (`23 01 01 ...`), the arguments together form one message. With --file, each line \
        is one message; blank lines and text after '#' are ignored; '-' reads standard input. A malformed \
        message is reported on stderr with its byte offset and field, the others are still decoded, and the \
        exit status is 1.
        """

    @Argument(help: "Messages as hex.")
    var hex: [String] = []

    @Option(name: .shortAndLong, help: "File with one hex message per line ('-' for standard input).")
    var file: String?

    /// Runs `render` on the octets of each message; `render` appends one line of output (without the newline).
    /// Output goes to stdout in batches, failures to stderr with the input's label; exit status 1 if any failed.
    func forEachMessage(_ render: ([UInt8], inout [UInt8]) throws -> Void) throws {
        var inputs = [(label: String, text: Substring)]()
        if hex.count > 1, hex.allSatisfy({ $0.count <= 2 }) {
            inputs.append(("argument 1", Substring(hex.joined(separator: " "))))
        } else {
            for (n, h) in hex.enumerated() { inputs.append(("argument \(n + 1)", Substring(h))) }
        }
        if let file {
            let content = String(decoding: try StandardStreams.read(path: file), as: UTF8.self)
            for (n, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                guard text.contains(where: { !$0.isWhitespace }) else { continue }
                inputs.append(("\(file == "-" ? "stdin" : file):\(n + 1)", text))
            }
        }
        guard !inputs.isEmpty else { throw ValidationError("give messages as HEX arguments or with --file") }

        var out = [UInt8]()
        out.reserveCapacity(1 << 16)
        var failures = 0
        for input in inputs {
            guard let bytes = Hex.bytes(input.text) else {
                StandardStreams.error("\(input.label): not a hex string")
                failures += 1
                continue
            }
            let start = out.count
            do {
                try render(bytes, &out)
                out.append(UInt8(ascii: "\n"))
            } catch {
                out.removeSubrange(start...)
                StandardStreams.error("\(input.label): \(error)")
                failures += 1
            }
            if out.count >= 1 << 16 {
                StandardStreams.output(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        StandardStreams.output(out)
        if failures > 0 { throw ExitCode(1) }
    }
}
