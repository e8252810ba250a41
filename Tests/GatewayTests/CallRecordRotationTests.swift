import Foundation
import OracleSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 8, log rotation: the call-record file moved away, SIGHUP, and the next record goes to a new file at the
/// configured path while the moved file keeps the earlier one.
@Suite(.serialized) struct CallRecordRotationTests {
    @Test func sighupReopensTheRecordFile() throws {
        try DaemonEndToEndTests.withDaemon { h in
            try h.answeredCall(cic: 5)
            let rotated = h.records + ".1"
            try FileManager.default.moveItem(atPath: h.records, toPath: rotated)
            #expect(kill(h.daemon.process.processIdentifier, SIGHUP) == 0)
            // The daemon opens the new file on its event loop.
            let deadline = Date().addingTimeInterval(5)
            while !FileManager.default.fileExists(atPath: h.records), Date() < deadline { usleep(10_000) }
            #expect(FileManager.default.fileExists(atPath: h.records), "no new file after SIGHUP:\n\(h.daemon.log)")
            try h.answeredCall(cic: 6)
            let (status, lines) = try h.terminate()
            #expect(status == 0, "\(h.daemon.log)")
            #expect(lines.count == 1 && lines.first?.contains("\"cic\":6") == true, "\(lines)")
            let old = try String(contentsOfFile: rotated, encoding: .utf8).split(separator: "\n")
            #expect(old.count == 1 && old.first?.contains("\"cic\":5") == true, "\(old)")
        }
    }
}
