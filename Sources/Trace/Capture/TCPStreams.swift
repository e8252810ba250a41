import SIPI

/// The M3UA and SIP messages of TCP streams, one stream per direction (keyed by addresses and ports). Segments
/// are put in sequence-number order (RFC 9293 §3.4, modulo 2^32); octets already received (retransmissions,
/// overlaps) are passed over. What a stream carries is decided from its first octets: M3UA when they are
/// version 1 and a reserved 0 (RFC 4666 §3.1), SIP when they form a request or status line (RFC 3261 §7);
/// any other stream is ignored. M3UA messages are cut on the common header's Message Length (RFC 4666 §1.3.2.2
/// framing over TCP), SIP messages at the empty line plus Content-Length (RFC 3261 §18.3); CRLF keep-alives
/// between SIP messages (RFC 5626 §3.5.1) are skipped.
///
/// Bounded: each stream holds at most `maximumBuffered` octets not yet framed and as many out of order; past
/// that, or when a stream loses its framing, it is reported and ignored until a new connection (SYN).
struct TCPStreams {
    enum Content { case m3ua, sip }

    /// One message cut from a stream: its octets (indices from 0) and the stream offset of its first octet.
    struct Frame {
        var content: Content
        var octets: [UInt8]
        var streamOffset: Int
    }

    static let maximumBuffered = 1 << 20

    private enum State { case undecided, carrying(Content), ignored }

    private struct Stream {
        var state = State.undecided
        var next: UInt32?
        var outOfOrder: [UInt32: ArraySlice<UInt8>] = [:]
        var outOfOrderOctets = 0
        var buffer: [UInt8] = []
        /// The stream offset of `buffer[0]`.
        var consumed = 0
        /// The record of the last segment whose octets were buffered.
        var lastRecord = 0

        /// See `TCPStreams.add`.
        mutating func add(_ segment: TCPSegment, flow: TransportFlow, record: Int,
                          reports: inout [UnreadableRecord]) -> [Frame] {
            if segment.synchronize {
                if let leftover = leftover(flow) { reports.append(leftover) }
                self = Stream(next: segment.sequenceNumber &+ 1)
            }
            guard !segment.payload.isEmpty else { return [] }
            if case .ignored = state { return [] }
            let start = segment.synchronize ? segment.sequenceNumber &+ 1 : segment.sequenceNumber
            if next == nil { next = start }
            lastRecord = record
            accept(segment.payload, at: start)
            while let key = outOfOrder.keys.first(where: { Int32(bitPattern: $0 &- next!) <= 0 }) {
                let octets = outOfOrder.removeValue(forKey: key)!
                outOfOrderOctets -= octets.count
                accept(octets, at: key)
            }
            if outOfOrderOctets > TCPStreams.maximumBuffered {
                return fail(record, "more than \(TCPStreams.maximumBuffered) octets arrived after a gap at sequence "
                    + "number \(next!) (a segment the capture missed)", flow: flow, reports: &reports)
            }
            return frames(flow: flow, record: record, reports: &reports)
        }

        /// Appends the octets not yet received, or keeps them for later when they come after a gap.
        private mutating func accept(_ octets: ArraySlice<UInt8>, at sequence: UInt32) {
            let ahead = Int(Int32(bitPattern: sequence &- next!))
            if ahead > 0 {
                if outOfOrder[sequence].map({ $0.count < octets.count }) ?? true {
                    outOfOrderOctets += octets.count - (outOfOrder[sequence]?.count ?? 0)
                    outOfOrder[sequence] = octets
                }
                return
            }
            guard -ahead < octets.count else { return }
            buffer += octets.dropFirst(-ahead)
            next = next! &+ UInt32(octets.count + ahead)
        }

        private mutating func frames(flow: TransportFlow, record: Int, reports: inout [UnreadableRecord]) -> [Frame] {
            var out = [Frame]()
            while true {
                switch state {
                case .ignored:
                    return out
                case .undecided:
                    while buffer.starts(with: SIPFraming.crlf) { drop(2) }
                    guard buffer.count >= 2 else { return out }
                    if buffer[0] == 1 && buffer[1] == 0 {
                        state = .carrying(.m3ua)
                        continue
                    }
                    switch SIPFraming.startLine(of: buffer[...]) {
                    case .sip:
                        state = .carrying(.sip)
                        continue
                    case .needMore: return out
                    case .notSIP:
                        state = .ignored
                        buffer = []
                        return out
                    }
                case .carrying(.m3ua):
                    guard buffer.count >= 8 else { return out }
                    guard buffer[0] == 1 else {
                        return out + fail(record, "M3UA version \(buffer[0]), not 1: the stream lost its framing",
                                          flow: flow, reports: &reports)
                    }
                    let length = Int(buffer[...].u32(at: 4))
                    guard length >= 8, length <= TCPStreams.maximumBuffered else {
                        let why = "M3UA message length \(length), not within 8...\(TCPStreams.maximumBuffered)"
                        return out + fail(record, why, flow: flow, reports: &reports)
                    }
                    guard buffer.count >= length else { break }
                    out.append(take(length, as: .m3ua))
                    continue
                case .carrying(.sip):
                    while buffer.starts(with: SIPFraming.crlf) { drop(2) }
                    switch SIPFraming.startLine(of: buffer[...]) {
                    case .needMore: break
                    case .notSIP:
                        return out + fail(record, "no SIP start line where a message should begin (RFC 3261 §7)",
                                          flow: flow, reports: &reports)
                    case .sip:
                        let length: Int?
                        do {
                            length = try SIPFraming.messageLength(in: buffer[...], maximum: TCPStreams.maximumBuffered)
                        } catch {
                            let why = "\(error.field) at offset \(consumed + error.offset): \(error.reason)"
                            return out + fail(record, why, flow: flow, reports: &reports)
                        }
                        guard let length else { break }
                        out.append(take(length, as: .sip))
                        continue
                    }
                }
                if buffer.count > TCPStreams.maximumBuffered {
                    return out + fail(record, "more than \(TCPStreams.maximumBuffered) octets without a whole message",
                                      flow: flow, reports: &reports)
                }
                return out
            }
        }

        private mutating func take(_ length: Int, as content: Content) -> Frame {
            let frame = Frame(content: content, octets: Array(buffer[..<length]), streamOffset: consumed)
            drop(length)
            return frame
        }

        private mutating func drop(_ count: Int) {
            buffer.removeFirst(count)
            consumed += count
        }

        private mutating func fail(_ record: Int, _ why: String, flow: TransportFlow,
                                   reports: inout [UnreadableRecord]) -> [Frame] {
            reports.append(UnreadableRecord(
                record: record,
                reason: "TCP stream \(flow), stream offset \(consumed): \(why); the rest of the stream is ignored"))
            self = Stream(state: .ignored)
            return []
        }

        /// Nothing waits to be framed.
        var isDrained: Bool { buffer.isEmpty && outOfOrder.isEmpty }

        /// A report of octets of a signalling stream never framed, if any.
        func leftover(_ flow: TransportFlow) -> UnreadableRecord? {
            guard case .carrying(let content) = state, !buffer.isEmpty || !outOfOrder.isEmpty else { return nil }
            let gap = outOfOrder.isEmpty
                ? "" : ", and \(outOfOrderOctets) octet(s) after a gap at sequence number \(next!)"
            return UnreadableRecord(
                record: lastRecord,
                reason: "TCP stream \(flow), stream offset \(consumed): \(buffer.count) octet(s) of an incomplete "
                    + "\(content == .m3ua ? "M3UA" : "SIP") message\(gap) when the stream ends")
        }
    }

    private var streams: [TransportFlow: Stream] = [:]

    /// The messages `segment` of `record` completes on `flow`, in stream order. Problems are appended to `reports`.
    /// A stream closed (FIN or RST) with nothing left to frame is forgotten, so that closed connections hold no
    /// memory; one closed inside a message is kept, for the retransmission that may complete it.
    mutating func add(_ segment: TCPSegment, flow: TransportFlow, record: Int,
                      reports: inout [UnreadableRecord]) -> [Frame] {
        let frames = streams[flow, default: Stream()].add(segment, flow: flow, record: record, reports: &reports)
        if segment.closing, let stream = streams[flow], stream.isDrained { streams[flow] = nil }
        return frames
    }

    /// Reports every signalling stream that ends inside a message, and forgets every stream.
    mutating func finish() -> [UnreadableRecord] {
        defer { streams = [:] }
        return streams.compactMap { $0.value.leftover($0.key) }.sorted { $0.record < $1.record }
    }
}
