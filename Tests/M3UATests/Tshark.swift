import Foundation

/// tshark and text2pcap as an independent decoder (oracles.md §1): M3UA PDUs are wrapped in SCTP with PPID 3 on
/// port 2905 (`text2pcap -S 2905,2905,3`), one packet per message, and read back with `tshark -T fields`.
enum Tshark {
    static let missingNote = "tshark or text2pcap is not installed: the M3UA oracle tests are SKIPPED (apt-get install tshark)"
    /// `_ws.expert.severity` of an error item (PI_ERROR).
    static let errorSeverity = "8388608"

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    static var isAvailable: Bool { executable("tshark") != nil && executable("text2pcap") != nil }

    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map { "\($0)/\(name)" } + ["/usr/bin/\(name)"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// text2pcap's input: 16 octets per line behind a hex offset, the offset starting again at 000000 for each packet.
    static func hexdump(_ packets: [[UInt8]]) -> String {
        var text = ""
        for packet in packets {
            for start in stride(from: 0, to: packet.count, by: 16) {
                let line = packet[start..<min(start + 16, packet.count)].map { String(format: "%02x", $0) }
                text += String(format: "%06x ", start) + line.joined(separator: " ") + "\n"
            }
        }
        return text
    }

    /// One row per packet, one column per field; repeated values joined with commas.
    static func fields(of packets: [[UInt8]], fields: [String]) throws -> [[String]] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("m3ua-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.txt")
        let capture = directory.appendingPathComponent("out.pcap")
        try hexdump(packets).write(to: input, atomically: true, encoding: .utf8)
        _ = try run("text2pcap", ["-q", "-S", "2905,2905,3", input.path, capture.path])
        let output = try run(
            "tshark",
            ["-r", capture.path, "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,"]
                + fields.flatMap { ["-e", $0] })
        return output.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        guard let path = executable(tool) else { throw Failure(description: missingNote) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
