import Foundation

/// tshark and text2pcap (Debian `tshark`) as an independent decoder: our encodings are written to a capture and
/// tshark's own dissectors report what they find (shared/spec/oracles.md §1).
public enum Tshark {
    public static let tsharkPath = "/usr/bin/tshark"
    public static let text2pcapPath = "/usr/bin/text2pcap"

    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: tsharkPath)
            && FileManager.default.isExecutableFile(atPath: text2pcapPath)
    }

    /// True when running under CI (`CI=true`), where a missing oracle is a failure, not a skip.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    public static let missingNote = "tshark/text2pcap not installed (apt-get install tshark); the oracle test is skipped"

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// MTP3 framing for a raw ISUP message (CIC first): SIO 0x85 (national, SI 5) and a zero routing label, so
    /// that `text2pcap -l 141` (LINKTYPE_MTP3) hands it to the ISUP dissector.
    public static func mtp3(_ isup: [UInt8]) -> [UInt8] { [0x85, 0, 0, 0, 0] + isup }

    /// Writes `packets` with text2pcap (`options`, e.g. `["-l", "141"]`, `["-S", "2905,2905,3"]`,
    /// `["-u", "5060,5060"]`) and returns one row per packet with the values of `fields`
    /// (repeated occurrences joined with ","), in the order asked.
    public static func fields(of packets: [[UInt8]], text2pcap options: [String], fields: [String]) throws -> [[String]] {
        try ScratchDirectory.with("sipigw-tshark") { dir in
            let dump = dir.appendingPathComponent("in.txt")
            let capture = dir.appendingPathComponent("out.pcap")
            try hexDump(packets).write(to: dump, atomically: true, encoding: .utf8)
            _ = try run(text2pcapPath, ["-q", "-F", "pcap"] + options + [dump.path, capture.path])
            let rows = try Self.fields(ofFile: capture, fields: fields)
            guard rows.count == packets.count else {
                throw Failure(description: "tshark returned \(rows.count) rows for \(packets.count) packets")
            }
            return rows
        }
    }

    /// tshark's values of `fields` for every packet of the capture file at `file`: one row per packet, one column
    /// per field (tab-separated, so commas and "|" in values are kept), repeated occurrences joined with ",".
    /// `options` come before the field list (`-o` preferences).
    public static func fields(ofFile file: URL, fields: [String], options: [String] = []) throws -> [[String]] {
        var arguments = ["-r", file.path] + options
        arguments += ["-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"]
        for f in fields { arguments += ["-e", f] }
        return try run(tsharkPath, arguments).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// text2pcap's input: each packet starts again at offset 0, 16 octets a line.
    static func hexDump(_ packets: [[UInt8]]) -> String {
        var text = ""
        for packet in packets {
            for start in stride(from: 0, to: packet.count, by: 16) {
                text += String(format: "%06x ", start)
                text += packet[start..<min(start + 16, packet.count)].map { String(format: " %02x", $0) }.joined()
                text += "\n"
            }
        }
        return text
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let result = try Command.run(executable, arguments)
        guard result.status == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// `_ws.expert.severity` value of an Error item (oracles.md §1 "Negative oracle").
    public static let errorSeverity = "8388608"
}
