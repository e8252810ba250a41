import ArgumentParser
import Gateway

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to file descriptors 1/2 and whole-file reads, without Foundation on the hot path
/// (callers batch their output).
enum StandardStreams {
    /// Octets as they are, to a descriptor (a progress bar's carriage returns).
    static func raw(_ bytes: [UInt8], fd: Int32) { writeAll(bytes, to: fd) }

    static func output(_ bytes: [UInt8]) { raw(bytes, fd: 1) }

    static func error(_ line: String) { raw(Array((line + "\n").utf8), fd: 2) }

    /// Reads a whole file (`-` for standard input).
    static func read(path: String) throws -> [UInt8] {
        let fd = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw ValidationError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { if fd != 0 { close(fd) } }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                if n < 0 { throw ValidationError("cannot read \(path): \(String(cString: strerror(errno)))") }
                break
            }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
