import Foundation
import SIPI

/// The repository's Mappings/ tables (the cause and status tables the engine needs), read once.
public let repositoryMappings: Mappings = {
    let directory = repositoryRoot.appendingPathComponent("Mappings")
    var files = [String: String]()
    for name in Mappings.fileNames {
        files[name] = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
    do {
        return try Mappings(files: files)
    } catch {
        fatalError("\(directory.path) does not load: \(error)")
    }
}()

/// The sipigw repository (four levels up from this file: Fuzz/Sources/FuzzSupport/).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
