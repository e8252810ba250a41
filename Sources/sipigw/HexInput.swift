import ArgumentParser
import ISUP

/// Messages given as hex, as arguments or as the lines of a file: the input of the decode commands.
struct HexInput: ParsableArguments {
    static let discussion = """
        Each HEX argument is one message; spaces inside a quoted argument are ignored. When every argument is a \
        single octet (`23 01 01 ...`), the arguments together form one message. With --file, each line \
        is one message (LF or CRLF); blank lines and text after '#' are ignored; '-' reads standard input. A \
        malformed message is reported on stderr with its label, byte offset and field, the others are still \
        decoded, and the exit status is 1.
        """

    @Argument(help: "Messages as hex.")
    var hex: [String] = []

    @Option(name: .shortAndLong, help: "File with one hex message per line ('-' for standard input).")
    var file: String?

    /// Each message's text with a label saying where it came from (`argument 2`, `m.txt:7`).
    func messages() throws -> [(label: String, text: Substring)] {
        var inputs = [(label: String, text: Substring)]()
        if hex.count > 1, hex.allSatisfy({ $0.count <= 2 }) {
            inputs.append(("argument 1", Substring(hex.joined(separator: " "))))
        } else {
            for (n, h) in hex.enumerated() { inputs.append(("argument \(n + 1)", Substring(h))) }
        }
        if let file {
            let name = file == "-" ? "stdin" : file
            for (n, line) in try StandardStreams.read(path: file).split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                let text = Substring(String(decoding: line, as: UTF8.self))
                    .split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                guard text.contains(where: { !$0.isWhitespace }) else { continue }
                inputs.append(("\(name):\(n + 1)", text))
            }
        }
        return inputs
    }
}
