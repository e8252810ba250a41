import Foundation

/// A Wireshark command-line tool used as the test oracle (spec/oracles.md §1): `text2pcap` writes captures
/// from hand-written hexdumps, `tshark` reads captures written here.
struct ExternalTool: Sendable {
    static let text2pcap = ExternalTool(path: "/usr/bin/text2pcap")
    static let tshark = ExternalTool(path: "/usr/bin/tshark")

    let path: String

    var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Tests that need the tool run when it is installed, and always in CI (CI=true), where a missing tool must
    /// fail with `Failure` instead of skipping the test.
    var shouldRun: Bool { isInstalled || ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the tool in UTC and returns its standard output; stderr is dropped (tshark warns about root).
    @discardableResult
    func run(_ arguments: [String]) throws -> Data {
        guard isInstalled else {
            throw Failure(description: "\(path) is missing: install Debian's tshark and wireshark-common")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ["TZ": "UTC", "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(path) \(arguments) exited with \(process.terminationStatus)")
        }
        return data
    }
}

/// A temporary directory, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("TraceTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// One packet of a text2pcap hexdump: an optional `2026-11-24T10:15:30.123456` timestamp (UTC) and its octets.
struct HexdumpPacket {
    var time: String?
    var hex: String
}

extension ExternalTool {
    /// Writes `packets` as a hexdump, runs `text2pcap -q -t %Y-%m-%dT%H:%M:%S.%f <arguments> in out` and returns
    /// the capture file. `arguments` pick the format (`-F pcap`, `-F nsecpcap`, pcapng by default) and the link
    /// type (`-l 141`).
    func capture(_ packets: [HexdumpPacket], arguments: [String]) throws -> [UInt8] {
        try withTemporaryDirectory { directory in
            let input = directory.appendingPathComponent("in.txt"), output = directory.appendingPathComponent("out")
            var text = ""
            for packet in packets {
                if let time = packet.time { text += time + "\n" }
                text += "0000  " + packet.hex + "\n"
            }
            try text.write(to: input, atomically: true, encoding: .utf8)
            try run(["-q", "-t", "%Y-%m-%dT%H:%M:%S.%f"] + arguments + [input.path, output.path])
            return Array(try Data(contentsOf: output))
        }
    }

    /// `tshark -r <file> -T fields -E separator=| -e ...`: one line per packet.
    func fields(_ names: [String], of file: [UInt8]) throws -> [String] {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("capture").path
            try Data(file).write(to: URL(fileURLWithPath: path))
            let output = try run(["-r", path, "-T", "fields", "-E", "separator=|"] + names.flatMap { ["-e", $0] })
            return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }
}

/// Octets from hex with spaces, for expected values written as in the spec files.
func octets(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8.filter { $0 != UInt8(ascii: " ") })
    return stride(from: 0, to: digits.count, by: 2).map {
        UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)!
    }
}
