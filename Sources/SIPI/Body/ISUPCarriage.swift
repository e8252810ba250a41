import ISUP

/// Which ISUP messages ride in which SIP messages (Q.1912.5 profile C, digest A.4): one table, read when building
/// and when parsing. Circuit maintenance messages (RSC, BLO, GRS, CGB, ...) and COT/CCR are never carried.
public enum ISUPCarriage {
    /// A SIP message kind that can carry ISUP.
    public enum Carrier: Hashable, Sendable, CustomStringConvertible {
        case request(String)
        /// A response class or code range to a request method.
        case response(ClosedRange<Int>, to: String)

        public var description: String {
            switch self {
            case .request(let method): method
            case .response(let range, let method):
                range.count == 1 ? "\(range.lowerBound) (\(method))" : "\(range.lowerBound)-\(range.upperBound) (\(method))"
            }
        }
    }

    public static let table: [(carrier: Carrier, types: [MessageType])] = [
        (.request("INVITE"), [.iam]),
        (.response(180...183, to: "INVITE"), [.acm, .cpg]),
        (.response(200...200, to: "INVITE"), [.anm, .con]),
        (.response(400...699, to: "INVITE"), [.rel]),
        (.request("BYE"), [.rel]),
        (.response(200...200, to: "BYE"), [.rlc]),
        (.request("INFO"), [.sam, .cpg, .sus, .res, .inr, .inf, .fot, .usr, .fac, .far, .faa, .frj, .nrm, .idr, .irs,
                            .lop, .apm, .pri, .cfn]),
    ]

    /// The carrier that `message` is (a response is matched with the method of its CSeq).
    public static func carrier(of message: SIPMessage) -> Carrier? {
        switch message.startLine {
        case .request(let method, _):
            return table.first { if case .request(method.uppercased()) = $0.carrier { true } else { false } }?.carrier
        case .response(let code, _):
            let method = message.header("cseq")?.split(separator: " ").last.map { String($0).uppercased() } ?? ""
            return table.first {
                if case .response(let range, method) = $0.carrier { range.contains(code) } else { false }
            }?.carrier
        }
    }

    public static func allows(_ type: MessageType, in message: SIPMessage) -> Bool {
        guard let carrier = carrier(of: message) else { return false }
        return table.first { $0.carrier == carrier }?.types.contains(type) ?? false
    }
}
