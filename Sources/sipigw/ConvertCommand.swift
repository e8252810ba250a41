import ArgumentParser
import Gateway
import Interworking
import ISUP
import Trace

#if canImport(Glibc)
import Glibc
#endif

/// `sipigw convert`: an ISUP capture through the interworking engine, on the capture's own times, to SIP-I.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an ISUP capture to what the gateway would send on the SIP-I NNI, or a SIP(-I) capture to ISUP.",
        discussion: """
            IN is a pcap or pcapng capture, or hex text (one ISUP message per line from the CIC on, as decode \
            --file reads, with optional `@SECONDS` time and `OPC>DPC` route prefixes). Every call (IAM to RLC on a \
            circuit) runs through two gateways, one in front of each switch, with the trunk and peer settings of \
            --config; what they send each other is exactly what the daemon would send, timers included. Records \
            that cannot be read are counted and listed (summary, json, ladder) and the conversion goes on. A SIP or \
            SIP-I capture goes the other way: each INVITE dialog through two gateways facing its two parties, the \
            trunk of --config between them; isup-pcap writes that ISUP as M3UA over SCTP.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, ladder, summary, html
        case sipiPcap = "sipi-pcap"
        case isupPcap = "isup-pcap"
        var isBinary: Bool { self == .sipiPcap || self == .isupPcap }
    }

    @Argument(help: ArgumentHelp("The capture or hex text ('-' for standard input).", valueName: "in"))
    var input: String

    @Option(name: .customLong("to"), help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (text formats go to standard output without it).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("config"), help: ArgumentHelp("Trunk and peer settings.", valueName: "file"))
    var configFile = "Config/gateway.yaml"

    @Option(help: "Cause mapping profile of Mappings/profiles.csv for the SIP side (default: the config's peer's).")
    var profile: String?

    @Option(help: ArgumentHelp("Seconds the gateways' timers still run after the last record.", valueName: "seconds"))
    var horizon: Int = 0

    @Option(help: "Stop after this many calls.")
    var limit: Int?

    @Option(help: ArgumentHelp("Only these messages: cic=N, opc=PC, dpc=PC, number=PREFIX (comma-separated).", valueName: "terms"))
    var filter: String?

    @Flag(help: "Refuse an ISUP message whose optional parameter has erroneous contents (by default the parameter is kept as octets and marked, Q.764 §2.9.5).")
    var strict = false

    @OptionGroup var mappings: MappingsDirectory

    func validate() throws {
        if format.isBinary, output == nil, isatty(1) != 0 {
            throw ValidationError("\(format.rawValue) is binary: give -o FILE or redirect standard output")
        }
        if horizon < 0 { throw ValidationError("--horizon must not be negative") }
    }

    func run() throws {
        var template = try ConfigCommand.load(configFile).engine
        if let profile {
            for index in template.peers.indices { template.peers[index].causeProfile = profile }
        }
        var captureFilter = CaptureFilter()
        if let filter {
            do { captureFilter = try CaptureFilter(parsing: filter) } catch { throw ValidationError(error.description) }
        }
        var converter = TraceConverter(gateways: ConversionGateways(template: template), mappings: try mappings.load(),
                                       horizon: .seconds(horizon), strict: strict)
        var writer: any ConversionWriter = switch format {
        case .json: JSONConversionWriter()
        case .ladder: LadderWriter()
        case .summary: SummaryWriter()
        case .html: HTMLConversionWriter(title: input == "-" ? "standard input" : input)
        case .sipiPcap: SIPIPcapWriter()
        case .isupPcap: ISUPPcapWriter()
        }
        converter.summaries = writer.readsSummaries
        let fd: Int32 = try output.map { path in
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw ValidationError("cannot create \(path): \(String(cString: strerror(errno)))") }
            return fd
        } ?? 1
        defer { if fd != 1 { close(fd) } }
        var pending = [UInt8]()
        pending.reserveCapacity(1 << 17)
        func flush(force: Bool = false) throws {
            guard force || pending.count >= 1 << 16 else { return }
            guard writeAll(pending, to: fd) else {
                throw ValidationError("cannot write \(output ?? "standard output"): \(String(cString: strerror(errno)))")
            }
            pending.removeAll(keepingCapacity: true)
        }
        let inputFD = input == "-" ? 0 : open(input, O_RDONLY)
        guard inputFD >= 0 else { throw ValidationError("cannot open \(input): \(String(cString: strerror(errno)))") }
        defer { if inputFD != 0 { close(inputFD) } }
        var size = stat()
        var progress = ConversionProgress(total: fstat(inputFD, &size) == 0 ? Int(size.st_size) : 0)
        var source: CaptureSource
        do {
            source = try CaptureSource(read: { count in
                do { return try StandardStreams.read(upTo: count, from: inputFD) } catch {
                    StandardStreams.error("\(input): \(error)")
                    return []
                }
            }, template: template)
        } catch {
            throw ValidationError("\(input): \(error)")
        }
        reading: for item in source.messages() {
            let outputs: [ConversionOutput]
            switch item {
            case .message(let message, let offset):
                progress.update(offset: offset, messages: converter.statistics.isupMessages, calls: converter.statistics.calls)
                guard captureFilter.admits(message) else { continue }
                if let limit, converter.statistics.calls >= limit, Self.isIAM(message) { break reading }
                outputs = converter.feed(message)
            case .unreadable(let record):
                outputs = converter.unreadable(record)
            }
            for output in outputs { writer.write(output, into: &pending) }
            try flush()
        }
        for output in converter.finish() { writer.write(output, into: &pending) }
        writer.finish(converter.statistics, into: &pending)
        progress.done()
        try flush(force: true)
    }

    static func isIAM(_ message: CapturedMessage) -> Bool {
        guard case .isup(let bytes, _) = message.payload else { return false }
        return bytes.count > 2 && bytes[2] == MessageType.iam.rawValue
    }
}
