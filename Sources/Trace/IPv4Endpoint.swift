/// An IPv4 address and a port: one end of the synthetic UDP and SCTP packets of `IPv4Packet`.
public struct IPv4Endpoint: Hashable, Sendable, CustomStringConvertible {
    /// The address in network order (`127.0.0.1` is 0x7F000001).
    public var address: UInt32
    public var port: UInt16

    public init(address: UInt32, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// A dotted-quad address (`127.0.0.1`); nil for anything else.
    public init?(_ dotted: String, port: UInt16) {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var address: UInt32 = 0
        for part in parts {
            guard part.count <= 3, part.allSatisfy(\.isASCII), let octet = UInt8(part) else { return nil }
            address = address << 8 | UInt32(octet)
        }
        self.init(address: address, port: port)
    }

    /// The address as a dotted quad, as tshark prints `ip.src`.
    public var dottedAddress: String {
        "\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)"
    }

    public var description: String { "\(dottedAddress):\(port)" }
}
