/// An IPv4 or IPv6 address as captured (4 or 16 octets, network order), printed as tshark prints `ip.src` and
/// `ipv6.src`.
struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    let octets: [UInt8]

    init(_ octets: some Collection<UInt8>) {
        precondition(octets.count == 4 || octets.count == 16, "an IP address is 4 or 16 octets")
        self.octets = Array(octets)
    }

    var isIPv6: Bool { octets.count == 16 }

    /// A dotted quad (`192.0.2.1`), or the RFC 5952 §4 text of an IPv6 address: lower-case hexadecimal without
    /// leading zeros, the longest run of two or more zero groups (the first of equal runs) shortened to `::`.
    var description: String {
        guard isIPv6 else { return octets.map(String.init).joined(separator: ".") }
        let groups = (0..<8).map { UInt16(octets[2 * $0]) << 8 | UInt16(octets[2 * $0 + 1]) }
        var best = (start: 0, count: 0), run = (start: 0, count: 0)
        for (i, group) in groups.enumerated() {
            if group == 0 {
                if run.count == 0 { run.start = i }
                run.count += 1
                if run.count > best.count { best = run }
            } else {
                run.count = 0
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.count >= 2 else { return hex.joined(separator: ":") }
        return hex[..<best.start].joined(separator: ":") + "::"
            + hex[(best.start + best.count)...].joined(separator: ":")
    }
}

/// One direction of a transport conversation: the key of SCTP reassembly and TCP streams.
struct TransportFlow: Hashable, Sendable, CustomStringConvertible {
    var source: IPAddress
    var sourcePort: UInt16
    var destination: IPAddress
    var destinationPort: UInt16

    var description: String { "\(Self.text(source, sourcePort)) → \(Self.text(destination, destinationPort))" }

    /// RFC 5952 §6: an IPv6 address with a port is written in brackets.
    private static func text(_ address: IPAddress, _ port: UInt16) -> String {
        address.isIPv6 ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}
