/// An SDP session description (RFC 4566), kept as its `type=value` lines in order so that a transit network can
/// pass the allowed lines through unchanged (ST 769 §7.4), with typed views of the media descriptions.
public struct SessionDescription: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var type: Character
        public var value: String
        public init(_ type: Character, _ value: String) {
            self.type = type
            self.value = value
        }
    }

    public var lines: [Line]

    public init(lines: [Line]) { self.lines = lines }

    /// Parses SDP text; lines end in CRLF or LF (RFC 4566 §5 asks for CRLF, receivers accept LF).
    public init(parsing bytes: [UInt8]) throws(SDPError) {
        var lines = [Line]()
        // Split on octets: in a Swift String "\r\n" is one Character and would not split on "\n".
        for (n, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = raw.last == 0x0D ? raw.dropLast() : raw
            if line.isEmpty { continue }
            // §5: `<type>=<value>`, the type one letter a–z; the octets are read, a String is made of the value only.
            guard line.count >= 2, let type = line.first, (0x61...0x7A).contains(type), line[line.startIndex + 1] == 0x3D
            else { throw SDPError(.syntax(line: n + 1, text: String(decoding: line, as: UTF8.self))) }
            lines.append(Line(Character(Unicode.Scalar(type)), String(decoding: line.dropFirst(2), as: UTF8.self)))
        }
        guard lines.first?.type == "v" else { throw SDPError(.syntax(line: 1, text: "the first line must be v= (RFC 4566 §5)")) }
        self.lines = lines
    }

    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(lines.reduce(0) { $0 + $1.type.utf8.count + $1.value.utf8.count + 3 })
        for line in lines {
            out.append(contentsOf: line.type.utf8)
            out.append(0x3D)  // =
            out.append(contentsOf: line.value.utf8)
            out.append(0x0D)
            out.append(0x0A)
        }
        return out
    }

    /// Session-level lines: those before the first `m=`.
    public var sessionLines: [Line] { Array(lines.prefix { $0.type != "m" }) }

    /// The media descriptions, each its `m=` line and the lines after it up to the next `m=`.
    public var media: [MediaDescription] {
        var result = [MediaDescription]()
        for line in lines {
            if line.type == "m" {
                result.append(MediaDescription(mLine: line.value, lines: []))
            } else if !result.isEmpty {
                result[result.count - 1].lines.append(line)
            }
        }
        return result
    }

    public func first(_ type: Character) -> String? { lines.first { $0.type == type }?.value }
}

/// One `m=` section (RFC 4566 §5.14): media, port, transport, formats, and its attribute lines.
public struct MediaDescription: Hashable, Sendable {
    public var mLine: String
    public var lines: [SessionDescription.Line]

    private var fields: [Substring] { mLine.split(separator: " ") }
    public var mediaType: String { fields.first.map(String.init) ?? "" }
    public var port: Int { fields.count > 1 ? Int(fields[1].split(separator: "/").first ?? "") ?? -1 : -1 }
    public var transport: String { fields.count > 2 ? String(fields[2]) : "" }
    /// Payload types (RTP) or format tokens (`t38`), in offer order.
    public var formats: [String] { fields.dropFirst(3).map(String.init) }

    /// `a=name:value` values of this section.
    public func attributes(_ name: String) -> [String] {
        lines.compactMap { line in
            guard line.type == "a" else { return nil }
            if line.value == name { return "" }
            guard line.value.hasPrefix(name + ":") else { return nil }
            return String(line.value.dropFirst(name.count + 1))
        }
    }

    /// The encoding name of a payload type: from `a=rtpmap`, or the RFC 3551 static assignment.
    public func encoding(of format: String) -> String? {
        for value in attributes("rtpmap") {
            let parts = value.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0] == format { return String(parts[1].split(separator: "/").first ?? "").uppercased() }
        }
        return Codec.staticPayloadTypes[format]
    }

    /// `a=fmtp:<format> ...` parameters of a format.
    public func fmtp(of format: String) -> String? {
        attributes("fmtp").first { $0.hasPrefix(format + " ") }.map { String($0.dropFirst(format.count + 1)) }
    }
}

/// Codecs ST 769 §7.4.1 (Table 8) names, and RFC 3551 static payload types.
public enum Codec {
    public static let staticPayloadTypes: [String: String] = ["0": "PCMU", "8": "PCMA", "18": "G729"]
    public static let telephoneEvent = "TELEPHONE-EVENT"
}
