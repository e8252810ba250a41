import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A peer program (kamailio, sipp, ...) started by a test and always stopped by it: SIGTERM, then SIGKILL for
/// the process and its children if it has not exited within a second. Output goes to a log file for diagnosis.
public final class PeerProcess {
    public let process = Process()
    public let logFile: URL

    public init(_ executable: String, _ arguments: [String], log: URL) throws {
        logFile = log
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Stops the peer and every child it forked (kamailio forks workers).
    public func stop() {
        let pid = process.processIdentifier
        let children = Self.children(of: pid)
        process.terminate()
        for _ in 0..<100 where process.isRunning { usleep(10_000) }
        // A child spawned from a thread that blocks SIGTERM inherits the mask: make sure, with SIGKILL.
        for child in children { kill(child, SIGKILL) }
        if process.isRunning { kill(pid, SIGKILL) }
        for _ in 0..<200 where process.isRunning { usleep(10_000) }
    }

    /// Processes whose parent is `pid`, from /proc/<pid>/stat (field 4 is the parent).
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid
        }
    }

    deinit { if process.isRunning { stop() } }
}
