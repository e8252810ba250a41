#if canImport(Glibc)
import Glibc
#endif

/// One transport address of an SCTP endpoint: a numeric IPv4 or IPv6 address and a port.
public struct SCTPEndpoint: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: UInt16

    public init(_ host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// `127.0.0.1:2905` or `[::1]:2905`.
    public init?(parsing text: some StringProtocol) {
        let s = String(text)
        if s.hasPrefix("["), let close = s.firstIndex(of: "]") {
            let rest = s[s.index(after: close)...]
            guard rest.hasPrefix(":"), let port = UInt16(rest.dropFirst()) else { return nil }
            self.init(String(s[s.index(after: s.startIndex)..<close]), port: port)
        } else {
            guard let colon = s.lastIndex(of: ":"), let port = UInt16(s[s.index(after: colon)...]) else { return nil }
            self.init(String(s[..<colon]), port: port)
        }
        guard (try? sockaddr()) != nil else { return nil }
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    var isIPv6: Bool { host.contains(":") }

    /// The packed `sockaddr_in` / `sockaddr_in6` octets (what `bind`, `sctp_bindx` and `sctp_connectx` take).
    func sockaddr() throws(SCTPError) -> [UInt8] {
        if isIPv6 {
            var a = sockaddr_in6()
            a.sin6_family = sa_family_t(AF_INET6)
            a.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &a.sin6_addr) == 1 else { throw .invalidAddress(host) }
            return withUnsafeBytes(of: &a) { Array($0) }
        } else {
            var a = sockaddr_in()
            a.sin_family = sa_family_t(AF_INET)
            a.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &a.sin_addr) == 1 else { throw .invalidAddress(host) }
            return withUnsafeBytes(of: &a) { Array($0) }
        }
    }

    /// The endpoint in a `sockaddr_in` / `sockaddr_in6` (nil for another family).
    init?(sockaddr bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= MemoryLayout<sa_family_t>.size else { return nil }
        let family = Int32(bytes.loadUnaligned(as: sa_family_t.self))
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        if family == AF_INET, bytes.count >= MemoryLayout<sockaddr_in>.size {
            var a = bytes.loadUnaligned(as: sockaddr_in.self)
            guard inet_ntop(AF_INET, &a.sin_addr, &text, socklen_t(text.count)) != nil else { return nil }
            self.init(Self.string(text), port: UInt16(bigEndian: a.sin_port))
        } else if family == AF_INET6, bytes.count >= MemoryLayout<sockaddr_in6>.size {
            var a = bytes.loadUnaligned(as: sockaddr_in6.self)
            guard inet_ntop(AF_INET6, &a.sin6_addr, &text, socklen_t(text.count)) != nil else { return nil }
            self.init(Self.string(text), port: UInt16(bigEndian: a.sin6_port))
        } else {
            return nil
        }
    }

    private static func string(_ text: [CChar]) -> String {
        String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
