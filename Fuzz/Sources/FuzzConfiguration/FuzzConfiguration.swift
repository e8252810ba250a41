import FuzzSupport
import Gateway
import Interworking

/// The daemon's YAML configuration (Yams over libyaml, then the Codable values and their validation): any text
/// either loads, and then the engine it configures starts, or is refused with a `ConfigurationError` that names
/// the file and, when it has one, a line inside the text (or just past its end, for an unterminated construct).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    let configuration: GatewayConfiguration
    do {
        configuration = try GatewayConfiguration(yaml: text, file: "fuzz.yaml")
    } catch {
        guard error.file == "fuzz.yaml" else { violated("the error names another file: \(error)") }
        // YAML's line breaks: CR LF, CR, LF, and (libyaml, YAML 1.1) NEL, LS, PS; Swift's newline Characters.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        if let line = error.line, !(1...lines + 1).contains(line) { violated("line \(line) of \(lines): \(error)") }
        return 0
    }
    var engine = InterworkingEngine(configuration: configuration.engine, mappings: repositoryMappings, instance: "f")
    _ = engine.start(at: .zero, resetCircuits: true)
    return 0
}
