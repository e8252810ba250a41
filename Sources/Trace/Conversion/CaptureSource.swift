import Interworking

/// The input of a conversion: a pcap or pcapng capture (by its magic) or hex text (`HexTrace`), read message by
/// message. Each message comes with how far into the input it was (for a progress bar).
public struct CaptureSource: Sendable {
    public enum Item: Sendable {
        case message(CapturedMessage, offset: Int)
        case unreadable(UnreadableRecord)
    }

    let bytes: [UInt8]
    let isCapture: Bool
    let hex: HexTrace

    /// `template`'s first trunk gives hex lines without a route theirs: from its switch (DPC) to the gateway (OPC).
    public init(bytes: [UInt8], template: EngineConfiguration) throws(TraceError) {
        self.bytes = bytes
        isCapture = (try? PcapReader(bytes: bytes)) != nil
        let trunk = template.trunks.first
        hex = HexTrace(defaultRoute: ISUPRoute(opc: trunk?.circuits.dpc ?? 2, dpc: trunk?.circuits.opc ?? 1, sls: 0,
                                               networkIndicator: trunk?.networkIndicator ?? 2))
        if !isCapture, bytes.contains(0) {
            // Neither a capture nor text: say why the capture reader refused it.
            _ = try PcapReader(bytes: bytes)
        }
    }

    public func messages() -> AnySequence<Item> {
        guard isCapture else {
            let text = String(decoding: bytes, as: UTF8.self)
            var offset = 0
            return AnySequence(hex.messages(in: text).lazy.map { result -> Item in
                switch result {
                case .success(let message):
                    offset += 1
                    return .message(message, offset: offset)
                case .failure(let record): return .unreadable(record)
                }
            })
        }
        return AnySequence(CaptureIterator(bytes: bytes))
    }
}

/// Records of a capture, decoded one after the other into messages; a damaged file ends with one unreadable record.
struct CaptureIterator: Sequence, IteratorProtocol {
    var reader: PcapReader?
    var pending: [CaptureSource.Item] = []

    init(bytes: [UInt8]) { reader = try? PcapReader(bytes: bytes) }

    mutating func next() -> CaptureSource.Item? {
        while pending.isEmpty {
            guard var current = reader else { return nil }
            do {
                guard let record = try current.next() else {
                    reader = nil
                    return nil
                }
                reader = current
                pending = Self.items(record).reversed()
            } catch {
                reader = nil
                return .unreadable(UnreadableRecord(record: (error.packet ?? 0), reason: error.description))
            }
        }
        return pending.popLast()
    }

    static func items(_ record: PcapRecord) -> [CaptureSource.Item] {
        do {
            guard let unit = try record.messageSignalUnit() else { return [] }
            guard unit.serviceIndicator == MessageSignalUnit.isupServiceIndicator else { return [] }
            let label = unit.routingLabel
            let route = ISUPRoute(opc: UInt32(label.originatingPointCode), dpc: UInt32(label.destinationPointCode),
                                  sls: label.signallingLinkSelection, networkIndicator: unit.networkIndicator)
            let message = CapturedMessage(record: record.number, timestamp: record.timestamp,
                                          payload: .isup(Array(unit.userData), route))
            return [.message(message, offset: record.data.endIndex)]
        } catch {
            return [.unreadable(UnreadableRecord(record: record.number, reason: error.description))]
        }
    }
}
