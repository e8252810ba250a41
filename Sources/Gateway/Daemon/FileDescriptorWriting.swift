#if canImport(Glibc)
import Glibc
#endif

/// Writes every octet to a file descriptor, retrying after EINTR and partial writes; gives up on another error
/// (a closed pipe, a full disk), returning false (errno says why).
@discardableResult
public func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
    bytes.withUnsafeBytes { writeAll($0, to: fd) }
}

/// The octets of `buffer` to `fd`, in as many writes as it takes.
@discardableResult
public func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
    var offset = 0
    while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += n
    }
    return true
}
