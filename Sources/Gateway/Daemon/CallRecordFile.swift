import Interworking

#if canImport(Glibc)
import Glibc
#endif

/// The call-record file: one JSON line per finished call, appended and written through at once, so a record is
/// on disk before the call's resources are freed and nothing is lost when the daemon is killed.
final class CallRecordFile: @unchecked Sendable {
    private(set) var path: String
    private var fd: Int32

    init(path: String) throws(CallRecordFileError) {
        self.path = path
        fd = try Self.open(path)
    }

    private static func open(_ path: String) throws(CallRecordFileError) -> Int32 {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CallRecordFileError(path: path, errno: errno) }
        return fd
    }

    func write(_ record: CallRecord) { writeAll(Array(record.jsonLine.utf8), to: fd) }

    /// Log rotation (SIGHUP) or a reloaded `records.path`: the next record goes to a file opened anew at `path`
    /// (created if it was moved away). When it cannot be opened, records go on to the file open so far.
    func reopen(at path: String? = nil) throws(CallRecordFileError) {
        let target = path ?? self.path
        let new = try Self.open(target)
        close()
        fd = new
        self.path = target
    }

    func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }
}

struct CallRecordFileError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32
    var description: String { "call records \(path): \(String(cString: strerror(errno)))" }
}
