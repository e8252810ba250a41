import Interworking
import Yams

extension GatewayConfiguration {
    /// Decodes a YAML configuration file; a decoding error names the line, the column and the key it is about,
    /// found by walking the YAML node tree along the error's coding path (Yams keeps each node's mark).
    public init(yaml text: String, file: String) throws(ConfigurationError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError(file: file, key: "", reason: "not YAML: \(error)")
        } catch {
            throw ConfigurationError(file: file, key: "", reason: "not YAML: \(error)")
        }
        guard let root else { throw ConfigurationError(file: file, key: "", reason: "empty file") }
        do {
            self = try YAMLDecoder().decode(GatewayConfiguration.self, from: root)
        } catch let error as DecodingError {
            throw Self.located(error, root: root, file: file)
        } catch {
            throw ConfigurationError(file: file, key: "", reason: "\(error)")
        }
        let problems = validationProblems()
        if let first = problems.first {
            let node = Self.node(at: first.path, in: root)
            throw ConfigurationError(file: file, line: node?.mark?.line, column: node?.mark?.column,
                                     key: Self.keyText(first.path), reason: first.reason)
        }
    }

    private static func located(_ error: DecodingError, root: Node, file: String) -> ConfigurationError {
        let (path, reason): ([CodingKey], String)
        switch error {
        case .keyNotFound(let key, let context):
            (path, reason) = (context.codingPath + [key], "missing (required)")
        case .typeMismatch(let type, let context):
            (path, reason) = (context.codingPath, "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            (path, reason) = (context.codingPath, "expected \(type), found nothing")
        case .dataCorrupted(let context):
            (path, reason) = (context.codingPath, context.debugDescription)
        @unknown default:
            (path, reason) = ([], "\(error)")
        }
        let keys = path.map(PathElement.init)
        // A missing key has no node: point at its parent mapping.
        let node = node(at: keys, in: root) ?? node(at: Array(keys.dropLast()), in: root)
        return ConfigurationError(file: file, line: node?.mark?.line, column: node?.mark?.column,
                                  key: keyText(keys), reason: reason)
    }

    /// One step of a key path: a mapping key or a sequence index.
    enum PathElement: Hashable, Sendable {
        case key(String)
        case index(Int)

        init(_ key: any CodingKey) {
            self = key.intValue.map(PathElement.index) ?? .key(key.stringValue)
        }
    }

    static func node(at path: [PathElement], in root: Node) -> Node? {
        var node = root
        for element in path {
            switch element {
            case .key(let key):
                guard let next = node.mapping?[key] else { return nil }
                node = next
            case .index(let i):
                guard let sequence = node.sequence, sequence.indices.contains(i) else { return nil }
                node = sequence[i]
            }
        }
        return node
    }

    static func keyText(_ path: [PathElement]) -> String {
        var text = ""
        for element in path {
            switch element {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let i): text += "[\(i)]"
            }
        }
        return text
    }
}
