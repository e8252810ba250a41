import Foundation
import SIPI

/// The Mappings/ directory of this checkout, read once.
enum MappingsFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Mappings")

    /// File name → contents, for every file the loader reads.
    static let files: [String: String] = Dictionary(uniqueKeysWithValues: Mappings.fileNames.compactMap { name in
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
    })

    static let loaded = Result { () throws(MappingError) in try Mappings(files: files) }

    /// The shipped tables; a load failure is reported by `MappingsLoadTests` and leaves the walks empty.
    static let mappings: Mappings? = try? loaded.get()
    static let mapper: CauseMapper? = mappings.map(CauseMapper.init)

    /// The shipped files with one of them replaced.
    static func files(replacing name: String, with text: String) -> [String: String] {
        var files = files
        files[name] = text
        return files
    }
}
