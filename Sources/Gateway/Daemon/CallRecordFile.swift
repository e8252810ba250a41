import Interworking

#if canImport(Glibc)
import Glibc
#endif

/// The call-record file: one JSON line per finished call, appended and written through at once, so a record is
/// on disk before the call's resources are freed and nothing is lost when the daemon is killed.
final class CallRecordFile: @unchecked Sendable {
    private var fd: Int32

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CallRecordFileError(path: path, errno: errno) }
    }

    func write(_ record: CallRecord) { writeAll(Array(record.jsonLine.utf8), to: fd) }

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
