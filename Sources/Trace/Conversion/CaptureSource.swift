import Interworking

/// The input of a conversion: a pcap or pcapng capture (by its magic), read in chunks (`PcapStream`), or hex text
/// (`HexTrace`), read message by message. Each message comes with how far into the input it was (progress).
public struct CaptureSource {
    public enum Item: Sendable {
        case message(CapturedMessage, offset: Int)
        case unreadable(UnreadableRecord)
    }

    var stream: PcapStream?
    var text: [UInt8] = []
    let hex: HexTrace

    /// - Parameters:
    ///   - read: up to the given number of octets of the input, fewer only at its end (then `[]`).
    ///   - template: its first trunk gives hex lines without a route theirs: from the switch (DPC) to the gateway.
    public init(read: @escaping (Int) -> [UInt8], template: EngineConfiguration) throws(TraceError) {
        let trunk = template.trunks.first
        hex = HexTrace(defaultRoute: ISUPRoute(opc: trunk?.circuits.dpc ?? 2, dpc: trunk?.circuits.opc ?? 1, sls: 0,
                                               networkIndicator: trunk?.networkIndicator ?? 2))
        var first: [UInt8]? = read(PcapStream.chunkSize)
        if (try? PcapReader(bytes: first!)) != nil {
            stream = try PcapStream { size in
                if let chunk = first {
                    first = nil
                    return chunk
                }
                return read(size)
            }
            return
        }
        // Text: the whole of it (hex traces are written by hand or by scripts, not by probes).
        text = first!
        while true {
            let more = read(PcapStream.chunkSize)
            if more.isEmpty { break }
            text += more
        }
        if text.contains(0) {
            // Neither a capture nor text: say why the capture reader refused it.
            _ = try PcapReader(bytes: text)
        }
    }

    /// Every message of the input, in order, with the records that did not read in their place.
    public mutating func messages() -> AnySequence<Item> {
        if let stream {
            return AnySequence(CaptureIterator(stream: stream))
        }
        var offset = 0
        return AnySequence(hex.messages(in: String(decoding: text, as: UTF8.self)).lazy.map { result -> Item in
            switch result {
            case .success(let message):
                offset += 1
                return .message(message, offset: offset)
            case .failure(let record): return .unreadable(record)
            }
        })
    }
}

/// Records of a capture, decoded one after the other into messages (`CaptureDecoder`: every link type, IP, SCTP, TCP
/// and UDP layer it reads), with what it could not read in place; a damaged file ends with one unreadable record.
struct CaptureIterator: Sequence, IteratorProtocol {
    var stream: PcapStream?
    var decoder = CaptureDecoder()
    var pending: [CaptureSource.Item] = []
    var finished = false

    init(stream: PcapStream) { self.stream = stream }

    mutating func next() -> CaptureSource.Item? {
        while pending.isEmpty {
            guard var current = stream else {
                guard !finished else { return nil }
                finished = true
                decoder.finish()
                pending = decoder.takeUnreadable().map { .unreadable($0) }.reversed()
                continue
            }
            do {
                guard let record = try current.next() else {
                    stream = nil
                    continue
                }
                stream = current
                let messages = decoder.decode(record).map { CaptureSource.Item.message($0, offset: current.bytesRead) }
                pending = (decoder.takeUnreadable().map { .unreadable($0) } + messages).reversed()
            } catch {
                stream = nil
                pending = [.unreadable(UnreadableRecord(record: error.packet ?? 0, reason: error.description))]
            }
        }
        return pending.popLast()
    }
}
