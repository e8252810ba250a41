extension ISUPMessage {
    /// A human-readable form: one line for the message, one line per parameter with its typed fields.
    public var text: String {
        var lines = [String]()
        var head = "\(type.acronym) (\(spec?.title ?? "unknown message type"))"
        if let cic { head += " cic=\(cic.value)" }
        lines.append(head)
        switch body {
        case .raw(let bytes):
            lines.append("  body \(Hex.string(bytes))")
        case .parameters(let mandatory, let optional):
            let erroneous = Dictionary(uniqueKeysWithValues: erroneousParameters.map { ($0.index + mandatory.count, $0.error) })
            for (n, p) in (mandatory + optional).enumerated() {
                let kind = n < mandatory.count ? "" : " (optional)"
                if let error = erroneous[n] {
                    lines.append("  \(p.spec?.title ?? p.code.name)\(kind): \(Hex.string(p.value))  ERROR \(error)")
                    continue
                }
                let fields = ParameterJSON.object(p.value, spec: p.spec)
                    .filter { $0.key != "hex" }
                    .map { entry in
                        var field = "\(entry.key)=\(Self.text(entry.value))"
                        if let value = entry.value.int,
                           let label = FieldLabels.label(parameter: p.code.name, field: entry.key, value: value) {
                            field += " (\(label))"
                        }
                        return field
                    }
                var line = "  \(p.spec?.title ?? "Unknown parameter 0x\(Hex.byte(p.code.rawValue))")\(kind): \(Hex.string(p.value))"
                if !fields.isEmpty { line += "  " + fields.joined(separator: " ") }
                if p.code == .causeIndicators, let cause = try? CauseIndicators(decoding: p.value) {
                    line += " — \(cause.name)"
                }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        default: return value.jsonText
        }
    }
}
