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

    static func output(_ bytes: UnsafeBufferPointer<UInt8>) { writeAll(UnsafeRawBufferPointer(bytes), to: 1) }

    static func error(_ line: String) { raw(Array((line + "\n").utf8), fd: 2) }

    /// Reads a whole file (`-` for standard input). A regular file is read straight into an array of its size;
    /// a pipe, or a file that grew, in 64 KB chunks after that.
    static func read(path: String) throws -> [UInt8] {
        let fd = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw ValidationError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { if fd != 0 { close(fd) } }
        var status = stat()
        let size = fstat(fd, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : 0
        let first = max(size + 1, 1 << 16)  // one octet more than the size: that read finds the end
        var out = try read(upTo: first, from: fd)
        guard out.count == first else { return out }
        while true {
            let chunk = try read(upTo: 1 << 16, from: fd)
            out += chunk
            if chunk.count < 1 << 16 { return out }
        }
    }

    /// Up to `count` octets from `fd`, fewer only at the end of the file.
    static func read(upTo count: Int, from fd: Int32) throws -> [UInt8] {
        var failure: Int32 = 0
        let out = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            while filled < count {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, count - filled)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno }
                if n <= 0 { break }
                filled += n
            }
        }
        guard failure == 0 else { throw ValidationError("cannot read: \(String(cString: strerror(failure)))") }
        return out
    }
}
