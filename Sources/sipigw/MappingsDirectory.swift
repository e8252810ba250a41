import ArgumentParser
import SIPI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--mappings DIR`, and where Mappings/ is found without it: `./Mappings` (running from a checkout), else
/// `<prefix>/share/sipigw/Mappings` beside an installed `<prefix>/bin/sipigw`.
struct MappingsDirectory: ParsableArguments {
    @Option(
        name: .customLong("mappings"),
        help: ArgumentHelp(
            "Directory of the mapping tables.",
            discussion: "Default: ./Mappings, else <prefix>/share/sipigw/Mappings for <prefix>/bin/sipigw.",
            valueName: "dir"))
    var directory: String?

    /// Reads and loads every file of `Mappings.fileNames`; a malformed row ends the command with its file:line
    /// on stderr and exit status 1.
    func load() throws -> Mappings {
        let directory = try resolved()
        var files = [String: String]()
        for name in Mappings.fileNames where access("\(directory)/\(name)", R_OK) == 0 {
            files[name] = String(decoding: try StandardStreams.read(path: "\(directory)/\(name)"), as: UTF8.self)
        }
        do {
            return try Mappings(files: files)
        } catch {
            StandardStreams.error("\(directory)/\(error)")
            throw ExitCode(1)
        }
    }

    private func resolved() throws -> String {
        if let directory {
            guard isDirectory(directory) else { throw ValidationError("--mappings \(directory): no such directory") }
            return directory
        }
        let candidates = ["Mappings", Self.installed].compactMap { $0 }
        guard let found = candidates.first(where: isDirectory) else {
            StandardStreams.error("no Mappings directory (looked in \(candidates.joined(separator: ", "))); use --mappings DIR")
            throw ExitCode(1)
        }
        return found
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// `<prefix>/share/sipigw/Mappings` for the running `<prefix>/bin/sipigw`.
    private static var installed: String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let executable = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        let executable = CommandLine.arguments[0]
        #endif
        guard let slash = executable.lastIndex(of: "/") else { return nil }
        return executable[..<slash] + "/../share/sipigw/Mappings"
    }
}
