import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Sends one UDP datagram from an ephemeral loopback port and waits (bounded) for one answer.
public enum UDPExchange {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Returns the first datagram received on the sending socket within `timeout` seconds, or nil.
    public static func send(_ payload: [UInt8], toLoopbackPort port: UInt16, timeout: Double = 2) throws -> [UInt8]? {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let sent = withUnsafePointer(to: &address) { a in
            a.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, 0, sa, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard sent == payload.count else { throw Failure(description: "sendto: errno \(errno)") }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return n > 0 ? Array(buffer[0..<n]) : nil
    }

    /// A loopback port free for UDP and TCP a moment ago, never handed out before in this process. It is drawn
    /// below the kernel's ephemeral range (net.ipv4.ip_local_port_range, 32768 and up): a port the kernel gave for
    /// binding to 0 could be taken the next moment as the local port of some test's outgoing TCP connection, and
    /// the daemon's bind then failed (CI: "Address already in use").
    public static func freePort() throws -> UInt16 {
        for _ in 0..<500 {
            let port = UInt16.random(in: 20_000...32_000)
            guard handedOut.claim(port) else { continue }
            if canBind(port, type: SOCK_DGRAM), canBind(port, type: SOCK_STREAM) { return port }
        }
        throw Failure(description: "no free loopback port found in 20000-32000")
    }

    private static func canBind(_ port: UInt16, type: __socket_type) -> Bool {
        let fd = socket(AF_INET, Int32(type.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return withUnsafePointer(to: &address) { a in
            a.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// The ports `freePort` returned so far (tests run concurrently).
    private static let handedOut = PortRegistry()
}

/// A set of ports under a lock.
final class PortRegistry: @unchecked Sendable {
    private var ports = Set<UInt16>()
    private let lock = NSLock()

    /// Records `port`; false when it was recorded before.
    func claim(_ port: UInt16) -> Bool { lock.withLock { ports.insert(port).inserted } }
}
