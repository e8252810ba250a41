/// Reassembly of IP fragments (RFC 791 §3.2; RFC 8200 §4.5), keyed by source, destination, identification and
/// protocol, bounded: at most `maximumPending` datagrams wait for fragments at a time; when one more starts,
/// the oldest is dropped and reported. Overlapping fragments are accepted; where they differ, the later wins.
struct FragmentReassembler {
    struct Key: Hashable {
        var source: IPAddress
        var destination: IPAddress
        var identification: UInt32
        var `protocol`: UInt8
    }

    private struct Pending {
        var pieces: [(offset: Int, octets: ArraySlice<UInt8>)] = []
        /// Known once the fragment without More Fragments arrived.
        var end: Int?
        var firstRecord: Int
    }

    /// RFC 791 §3.1 and RFC 8200 §3: the 16-bit length fields bound a datagram's payload.
    static let maximumLength = 65_535

    let maximumPending: Int
    private var pending: [Key: Pending] = [:]
    /// Keys in the order their first fragment arrived, for dropping the oldest.
    private var arrival: [Key] = []

    init(maximumPending: Int = 64) {
        self.maximumPending = maximumPending
    }

    /// Adds the fragment `datagram` of `record`: the whole payload once every fragment arrived, else nil.
    /// Datagrams dropped to make room are appended to `dropped`. Throws for a fragment past the length bound.
    mutating func add(_ datagram: IPDatagram, fragment: IPDatagram.Fragment, record: Int,
                      dropped: inout [UnreadableRecord]) throws(CaptureDecodingError) -> [UInt8]? {
        let end = fragment.offset + datagram.payload.count
        guard end <= Self.maximumLength else {
            throw CaptureDecodingError(
                offset: datagram.payload.startIndex, field: "fragment offset",
                reason: "fragment ends at octet \(end) of its datagram, past \(Self.maximumLength)")
        }
        let key = Key(source: datagram.source, destination: datagram.destination,
                      identification: fragment.identification, protocol: datagram.protocol)
        if pending[key] == nil {
            if arrival.count == maximumPending {
                let oldest = arrival.removeFirst()
                if let set = pending.removeValue(forKey: oldest) {
                    let why = "dropped: \(maximumPending) newer datagrams awaited fragments"
                    dropped.append(Self.incomplete(oldest, set, why))
                }
            }
            pending[key] = Pending(firstRecord: record)
            arrival.append(key)
        }
        pending[key]!.pieces.append((fragment.offset, datagram.payload))
        if !fragment.more { pending[key]!.end = end }
        guard let set = pending[key], let total = set.end else { return nil }
        let pieces = set.pieces.sorted { $0.offset < $1.offset }
        var covered = 0
        for piece in pieces {
            guard piece.offset <= covered else { return nil }
            covered = max(covered, piece.offset + piece.octets.count)
        }
        guard covered >= total else { return nil }
        pending[key] = nil
        arrival.removeAll { $0 == key }
        var whole = [UInt8](repeating: 0, count: total)
        for piece in pieces {
            let usable = piece.octets.prefix(max(0, total - piece.offset))
            whole.replaceSubrange(piece.offset..<piece.offset + usable.count, with: usable)
        }
        return whole
    }

    /// Reports every datagram still missing fragments, and forgets them.
    mutating func finish() -> [UnreadableRecord] {
        defer {
            pending = [:]
            arrival = []
        }
        return arrival.compactMap { key in
            pending[key].map { Self.incomplete(key, $0, "the capture ends before the rest") }
        }
    }

    private static func incomplete(_ key: Key, _ set: Pending, _ why: String) -> UnreadableRecord {
        let have = set.pieces.reduce(0) { $0 + $1.octets.count }
        let version = key.source.isIPv6 ? "IPv6" : "IPv4"
        return UnreadableRecord(
            record: set.firstRecord,
            reason: "\(version) datagram \(key.source) → \(key.destination) identification \(key.identification) "
                + "protocol \(key.protocol): \(set.pieces.count) fragment(s), \(have) octet(s), incomplete; \(why)")
    }
}
