import Foundation
import Gateway
import OracleSupport
import Testing

/// A GET /metrics answer read twice: every line checked against the text exposition format 0.0.4 grammar written
/// here from the format's description (`# HELP`/`# TYPE` comments, `name{label="value",…} value` samples), and the
/// samples parsed by an independent parser, prometheus_client's (Debian python3-prometheus-client), whose values
/// the tests read.
struct PrometheusExposition {
    /// `name|label=value,…|` (labels sorted) → value, as prometheus_client parsed it.
    let samples: [String: Double]
    /// Metric family → its `# TYPE`.
    let types: [String: String]
    let text: String

    static var sampleLine: Regex<AnyRegexOutput> { try! Regex(#"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\["\\n])*")(,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\["\\n])*")*,?\})? (-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|[+-]Inf)( -?[0-9]+)?$"#) }
    static var typeLine: Regex<AnyRegexOutput> { try! Regex(#"^# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped)$"#) }

    /// prometheus_client's parse, one line per sample: name, labels (sorted, k=v joined by commas), value.
    static let oracle = """
        import sys
        from prometheus_client.parser import text_string_to_metric_families
        for family in text_string_to_metric_families(sys.stdin.read()):
            print("TYPE", family.name, family.type, sep="|")
            for s in family.samples:
                labels = ",".join(k + "=" + v for k, v in sorted(s.labels.items()))
                print("SAMPLE", s.name, labels, repr(s.value), sep="|")
        """

    /// GET /metrics on loopback.
    static func scrape(port: UInt16, sourceLocation: SourceLocation = #_sourceLocation) throws -> PrometheusExposition {
        let answer = try HTTPExchange.request("GET", "/metrics", host: "127.0.0.1", port: Int(port))
        #expect(answer.status == 200, sourceLocation: sourceLocation)
        #expect(answer.header("content-type")?.hasPrefix("text/plain; version=0.0.4") == true, sourceLocation: sourceLocation)
        return try PrometheusExposition(answer.body, sourceLocation: sourceLocation)
    }

    init(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        self.text = text
        for line in text.split(separator: "\n") where !line.hasPrefix("# HELP ") {
            let grammar = line.hasPrefix("#") ? Self.typeLine : Self.sampleLine
            #expect((try? grammar.wholeMatch(in: String(line))) != nil, "not exposition format: \(line)",
                    sourceLocation: sourceLocation)
        }
        // Debian's python3 (the package's modules are under /usr/lib/python3/dist-packages).
        let parsed = try Command.run("/usr/bin/python3", ["-c", Self.oracle], input: text)
        try #require(parsed.status == 0, "prometheus_client refused the exposition: \(parsed.stderr)\n\(text)",
                     sourceLocation: sourceLocation)
        var samples = [String: Double]()
        var types = [String: String]()
        for line in parsed.stdout.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if fields[0] == "TYPE" { types[fields[1]] = fields[2] }
            if fields[0] == "SAMPLE" { samples[fields[1] + "|" + fields[2] + "|"] = Double(fields[3]) }
        }
        self.samples = samples
        self.types = types
    }

    /// The value of the sample `name` with exactly these labels, or nil when there is none.
    subscript(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples[name + "|" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "|"]
    }
}
