/// SCTP user messages from DATA chunks (RFC 4960 §6.9): a chunk with both B and E set is a whole message; the
/// fragments of a longer one carry consecutive TSNs of one stream, from B to E, and are joined in TSN order
/// whatever order they were captured in. A TSN already seen in the same direction of the same association (a
/// retransmission, §6.3.3) is passed over, so no message comes out twice.
///
/// Bounded: each direction remembers its last `rememberedTSNs` TSNs and holds at most `maximumFragmentOctets`
/// of fragments waiting for the rest; past that, the waiting fragments are dropped and reported.
struct SCTPReassembler {
    /// One direction of one association: the addresses and ports, and the verification tag of its packets
    /// (§8.5), which tells a restarted association from the old one.
    struct Direction: Hashable {
        var flow: TransportFlow
        var verificationTag: UInt32
    }

    struct UserMessage {
        var payloadProtocol: UInt32
        var octets: ArraySlice<UInt8>
        /// Where offsets count when the message was reassembled (nil: it is one chunk of the packet).
        var context: String?
    }

    static let rememberedTSNs = 16_384
    static let maximumFragmentOctets = 1 << 20

    private struct State {
        var seen = Set<UInt32>()
        var order = [UInt32]()
        var next = 0
        var fragments: [UInt32: (chunk: SCTPPacket.DataChunk, record: Int)] = [:]
        var fragmentOctets = 0

        /// False when `tsn` was seen among the last `rememberedTSNs`; remembers it otherwise.
        mutating func firstSight(of tsn: UInt32) -> Bool {
            guard seen.insert(tsn).inserted else { return false }
            if order.count < SCTPReassembler.rememberedTSNs {
                order.append(tsn)
            } else {
                seen.remove(order[next])
                order[next] = tsn
                next = (next + 1) % order.count
            }
            return true
        }

        /// See `SCTPReassembler.add`.
        mutating func add(_ chunk: SCTPPacket.DataChunk, in direction: Direction, record: Int,
                          reports: inout [UnreadableRecord]) -> UserMessage? {
            guard firstSight(of: chunk.tsn) else { return nil }
            if chunk.beginning && chunk.ending {
                return UserMessage(payloadProtocol: chunk.payloadProtocol, octets: chunk.userData, context: nil)
            }
            if fragmentOctets + chunk.userData.count > SCTPReassembler.maximumFragmentOctets {
                let why = "dropped: more than \(SCTPReassembler.maximumFragmentOctets) octets of fragments waited"
                reports.append(SCTPReassembler.report(self, direction, why))
                fragments = [:]
                fragmentOctets = 0
            }
            fragments[chunk.tsn] = (chunk, record)
            fragmentOctets += chunk.userData.count
            var first = chunk.tsn, last = chunk.tsn
            while fragments[first]?.chunk.beginning == false {
                first &-= 1
                guard let before = fragments[first], !before.chunk.ending else { return nil }
            }
            while fragments[last]?.chunk.ending == false {
                last &+= 1
                guard let after = fragments[last], !after.chunk.beginning else { return nil }
            }
            var octets = [UInt8](), tsn = first
            var streams = Set<UInt16>()
            while true {
                let fragment = fragments.removeValue(forKey: tsn)!.chunk
                fragmentOctets -= fragment.userData.count
                streams.insert(fragment.stream)
                octets += fragment.userData
                if tsn == last { break }
                tsn &+= 1
            }
            let context = "the SCTP user message of TSN \(first)–\(last), \(direction.flow)"
            guard streams.count == 1 else {
                reports.append(UnreadableRecord(record: record, reason: "\(context): fragments on streams "
                    + "\(streams.sorted().map(String.init).joined(separator: ", ")), not one (RFC 4960 §6.9)"))
                return nil
            }
            return UserMessage(payloadProtocol: chunk.payloadProtocol, octets: octets[...], context: context)
        }
    }

    private var states: [Direction: State] = [:]

    /// The user message `chunk` completes, if any. Dropped fragments are appended to `reports`.
    mutating func add(_ chunk: SCTPPacket.DataChunk, in direction: Direction, record: Int,
                      reports: inout [UnreadableRecord]) -> UserMessage? {
        states[direction, default: State()].add(chunk, in: direction, record: record, reports: &reports)
    }

    /// Reports the fragments still waiting for the rest of their message, and forgets them.
    mutating func finish() -> [UnreadableRecord] {
        defer { states = [:] }
        return states.filter { !$0.value.fragments.isEmpty }
            .sorted { $0.value.fragments.values.map(\.record).min()! < $1.value.fragments.values.map(\.record).min()! }
            .map { Self.report($0.value, $0.key, "the capture ends before the rest") }
    }

    private static func report(_ state: State, _ direction: Direction, _ why: String) -> UnreadableRecord {
        let tsns = state.fragments.keys.sorted()
        let shown = tsns.prefix(8).map(String.init).joined(separator: ", ") + (tsns.count > 8 ? ", ..." : "")
        return UnreadableRecord(
            record: state.fragments.values.map(\.record).min() ?? 0,
            reason: "SCTP \(direction.flow): \(tsns.count) fragment(s) of user messages (TSN \(shown)), "
                + "\(state.fragmentOctets) octet(s), incomplete; \(why)")
    }
}
