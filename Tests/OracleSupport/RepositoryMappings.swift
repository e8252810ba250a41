import Foundation
import SIPI

/// The shipped Mappings/ tables of this checkout (two levels up from this file), for tests that run the engine.
public let repositoryMappings: Mappings = {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Mappings")
    var files = [String: String]()
    for name in Mappings.fileNames {
        files[name] = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
    do {
        return try Mappings(files: files)
    } catch {
        fatalError("Mappings/ does not load: \(error)")
    }
}()
