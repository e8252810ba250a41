#if canImport(Glibc)
import Glibc
#endif

/// One blocking HTTP/1.1 request over TCP (RFC 9112) and its answer, for `sipigw ctl` and the tests: the server
/// closes the connection after its answer (`HTTPEndpointServer`), so the body is what follows the header to EOF.
public enum HTTPExchange {
    public struct Answer: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: String

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `host` is an IPv4 address (the endpoints bind on loopback).
    public static func request(_ method: String, _ target: String, host: String, port: Int, body: String = "",
                               timeoutSeconds: Int = 10) throws(Failure) -> Answer {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw Failure(description: "\(host): not an IPv4 address") }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var tv = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) { a in
            a.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "\(host):\(port): \(String(cString: strerror(errno)))") }
        let payload = Array(body.utf8)
        let head = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
            + (payload.isEmpty && method == "GET" ? "" : "Content-Type: application/json\r\nContent-Length: \(payload.count)\r\n")
            + "\r\n"
        writeAll(Array(head.utf8) + payload, to: fd)
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "\(host):\(port): no answer (\(String(cString: strerror(errno))))")
            }
            received += chunk[0..<n]
        }
        return try parse(received)
    }

    /// RFC 9112 §4 status line, §5 header fields, then the body.
    static func parse(_ octets: [UInt8]) throws(Failure) -> Answer {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...max(0, octets.count - 4)).first(where: { octets.count >= 4 && Array(octets[$0..<$0 + 4]) == separator }) else {
            throw Failure(description: "answer of \(octets.count) octets without the end of its header")
        }
        let lines = String(decoding: octets[0..<end], as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusFields = lines[0].split(separator: " ", maxSplits: 2)
        guard statusFields.count >= 2, statusFields[0].hasPrefix("HTTP/1."), let status = Int(statusFields[1]) else {
            throw Failure(description: "not an HTTP/1.x status line: \(lines[0])")
        }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        return Answer(status: status, headers: headers, body: String(decoding: octets[(end + 4)...], as: UTF8.self))
    }
}
