import ArgumentParser
import Foundation

/// Codable configuration read from a JSON file (`-` for standard input); errors name the file.
enum JSONFile {
    static func decode<T: Decodable>(_ type: T.Type, path: String, what: String) throws -> T {
        let bytes = try StandardStreams.read(path: path)
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw ValidationError("\(path): not a \(what): \(error)")
        }
    }
}
