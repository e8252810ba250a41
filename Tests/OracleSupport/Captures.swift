import Foundation

/// Capture files as bytes, for tests of readers and writers of pcap/pcapng (the Trace module): text2pcap writes
/// them from hand-made hex, tshark reads files written by our code.
extension Tshark {
    /// One packet for text2pcap, with its capture time as `seconds.fraction` since the epoch (text2pcap
    /// `-t %s.%f`, independent of the time zone), or nil to let text2pcap choose.
    public struct TimedPacket: Sendable {
        public var octets: [UInt8]
        public var time: String?

        public init(_ octets: [UInt8], time: String? = nil) {
            self.octets = octets
            self.time = time
        }
    }

    /// The capture file text2pcap writes for `packets`; `options` pick the format and link type
    /// (`["-F", "pcap", "-l", "141"]`; pcapng when no `-F`).
    public static func capture(_ packets: [TimedPacket], text2pcap options: [String]) throws -> [UInt8] {
        try withScratchDirectory { dir in
            let dump = dir.appendingPathComponent("in.txt"), capture = dir.appendingPathComponent("out")
            var text = ""
            for packet in packets {
                if let time = packet.time { text += time + "\n" }
                text += hexDump([packet.octets])
            }
            try text.write(to: dump, atomically: true, encoding: .utf8)
            _ = try run(text2pcapPath, ["-q", "-t", "%s.%f"] + options + [dump.path, capture.path])
            return Array(try Data(contentsOf: capture))
        }
    }

    /// tshark's values of `fields` for every packet of a capture file given as bytes, one row per packet
    /// (repeated occurrences joined with ","; `fields(ofFile:fields:options:)`); `options` are more tshark
    /// arguments, e.g. `["-o", "sctp.checksum:crc32c"]` to have checksums verified.
    public static func fields(ofCapture file: [UInt8], fields: [String], options: [String] = []) throws -> [[String]] {
        try withScratchDirectory { dir in
            let capture = dir.appendingPathComponent("capture")
            try Data(file).write(to: capture)
            return try Self.fields(ofFile: capture, fields: fields, options: options)
        }
    }

    private static func withScratchDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        guard isAvailable else { throw Failure(description: missingNote) }
        return try ScratchDirectory.with("sipigw-capture", body)
    }
}
