import Foundation

/// A fresh directory for the files a test or an oracle writes: `<prefix>-<UUID>` under the system's temporary
/// directory, removed with everything in it when `body` returns or throws.
public enum ScratchDirectory {
    public static func with<T>(_ prefix: String, _ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }
}
