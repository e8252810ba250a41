import ISUP

/// The `html` format: one self-contained page (no network: inline CSS, SVG and script) with the summary and the
/// release-cause histogram, a search box over the calls (`page.html#busy` opens it searched), and per call an SVG ladder of its four parties. Written as
/// calls end, so memory stays bounded by the open calls; the summary comes last in the file and is shown first.
public struct HTMLConversionWriter: ConversionWriter {
    let title: String
    var started = false
    var summary = ConversionSummary()
    var circuitLines = 0
    static let circuitLinesShown = 1000

    public init(title: String) { self.title = title }

    public mutating func write(_ output: ConversionOutput, into bytes: inout [UInt8]) {
        start(&bytes)
        summary.add(output)
        switch output {
        case .call(let call): bytes.append(contentsOf: Self.section(call).utf8)
        case .circuit(let message, let opc, let dpc, _):
            circuitLines += 1
            guard circuitLines <= Self.circuitLinesShown else { return }
            let origin = message.record.map { "record \($0)" } ?? "gateway"
            bytes.append(contentsOf: "<p class=\"circuit\" data-search=\"\(Self.escape(message.summary.lowercased()))\">circuit \(message.time) OPC \(opc) → DPC \(dpc): \(Self.escape(message.summary)) <small>(\(origin))</small></p>\n".utf8)
        case .unreadable(let record):
            bytes.append(contentsOf: "<p class=\"unreadable\">\(Self.escape(record.description))</p>\n".utf8)
        case .sip, .isup: break
        }
    }

    public mutating func finish(_ statistics: ConversionStatistics, into bytes: inout [UInt8]) {
        start(&bytes)
        var text = "</main>\n<section id=\"summary\"><h2>Summary</h2><pre>"
        text += Self.escape(summary.text(statistics)) + "</pre>\n"
        text += Self.histogram(summary.causesByFrequency) + "</section>\n"
        text += "<script>\n" + Self.script + "</script>\n</body></html>\n"
        bytes.append(contentsOf: text.utf8)
    }

    mutating func start(_ bytes: inout [UInt8]) {
        guard !started else { return }
        started = true
        let head = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>sipigw convert: \(Self.escape(title))</title>
            <style>\(Self.style)</style></head>
            <body><h1>ISUP → SIP-I: \(Self.escape(title))</h1>
            <input id="search" type="search" placeholder="search calls: number, CIC, cause, message…" autofocus>
            <span id="shown"></span>
            <main id="calls">

            """
        bytes.append(contentsOf: head.utf8)
    }

    static let style = """
        body{font-family:system-ui,sans-serif;margin:1em 2em;display:flex;flex-direction:column}
        #summary{order:-1;border:1px solid #ccc;padding:0 1em;margin-bottom:1em}
        h1{order:-2;font-size:1.3em} #search{order:-1;font-size:1em;padding:.3em;width:40em;margin:.5em 0}
        #shown{order:-1;color:#555} details.call{border-top:1px solid #ddd;padding:.2em 0}
        summary{cursor:pointer;font-family:monospace} .unreadable{color:#a00} .circuit{color:#555;font-family:monospace}
        svg text{font-family:monospace;font-size:11px} .bar{fill:#4a7ab5} .capture{stroke:#222} .sip{stroke:#1f6fd1}
        .isup{stroke:#2a8a3a} line.life{stroke:#bbb;stroke-dasharray:4 3}
        """

    static let script = """
        const box=document.getElementById('search'),shown=document.getElementById('shown');
        const items=[...document.querySelectorAll('[data-search]')];
        function filter(){const q=box.value.trim().toLowerCase();let n=0;
        for(const e of items){const hit=!q||e.dataset.search.includes(q);e.style.display=hit?'':'none';if(hit&&e.classList.contains('call'))n++;}
        shown.textContent=n+' call(s) shown';}
        if(location.hash)box.value=decodeURIComponent(location.hash.slice(1));
        box.addEventListener('input',filter);filter();

        """

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static let laneX = [70, 330, 590, 850]
    static let row = 24

    /// One call: its title line and, unfolded, its ladder.
    static func section(_ call: ConvertedCall) -> String {
        let title = LadderWriter.title(call)
        var searchable = title + " " + (call.sipCallID ?? "") + " " + call.messages.map(\.summary).joined(separator: " ")
        searchable = searchable.lowercased()
        let height = 40 + row * call.messages.count
        var svg = "<svg width=\"920\" height=\"\(height)\" viewBox=\"0 0 920 \(height)\" role=\"img\" aria-label=\"ladder of call \(call.number)\">"
        svg += "<defs><marker id=\"a\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\"/></marker></defs>"
        let names = [call.parties[0], "gateway", "gateway", call.parties[1]]
        for (x, name) in zip(laneX, names) {
            svg += "<text x=\"\(x)\" y=\"14\" text-anchor=\"middle\">\(escape(name))</text>"
            svg += "<line class=\"life\" x1=\"\(x)\" y1=\"20\" x2=\"\(x)\" y2=\"\(height)\"/>"
        }
        let start = call.start ?? CaptureTimestamp(seconds: 0)
        for (index, message) in call.messages.enumerated() {
            let y = 40 + row * index
            let x1 = laneX[message.from.rawValue], x2 = laneX[message.to.rawValue]
            let kind = message.isFromCapture ? "capture" : message.signalling == .sip ? "sip" : "isup"
            svg += "<text x=\"2\" y=\"\(y + 4)\">\(start.duration(to: message.time).secondsText)</text>"
            svg += "<line class=\"\(kind)\" x1=\"\(x1)\" y1=\"\(y + 8)\" x2=\"\(x2)\" y2=\"\(y + 8)\" marker-end=\"url(#a)\"/>"
            let label = message.summary.count > 40 ? String(message.summary.prefix(39)) + "…" : message.summary
            svg += "<text x=\"\((x1 + x2) / 2)\" y=\"\(y + 4)\" text-anchor=\"middle\"><title>\(escape(message.summary))</title>\(escape(label))</text>"
        }
        svg += "</svg>"
        return "<details class=\"call\" data-search=\"\(escape(searchable))\"><summary>\(escape(title))</summary>\(svg)</details>\n"
    }

    /// The release causes as horizontal bars, most frequent first.
    static func histogram(_ causes: [(cause: UInt8, count: Int)]) -> String {
        guard let most = causes.first?.count else { return "<p>No release causes.</p>" }
        let height = 20 * causes.count + 10
        var svg = "<h3>Release causes</h3><svg width=\"760\" height=\"\(height)\" role=\"img\" aria-label=\"release cause histogram\">"
        for (index, entry) in causes.enumerated() {
            let y = 5 + 20 * index, width = max(1, 400 * entry.count / most)
            svg += "<text x=\"0\" y=\"\(y + 12)\">\(entry.cause) \(escape(String(CauseNames.name(of: entry.cause).prefix(28))))</text>"
            svg += "<rect class=\"bar\" x=\"260\" y=\"\(y)\" width=\"\(width)\" height=\"15\"/>"
            svg += "<text x=\"\(266 + width)\" y=\"\(y + 12)\">\(entry.count)</text>"
        }
        return svg + "</svg>"
    }
}
