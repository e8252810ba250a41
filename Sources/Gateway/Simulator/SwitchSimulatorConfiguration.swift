import Interworking

/// What the simulated exchange is: its signalling points, its end of the trunk, the calls it places and how it
/// answers the calls it receives. Durations run on the simulator's own clock (virtual in tests, monotonic when run).
public struct SwitchSimulatorConfiguration: Hashable, Sendable {
    /// The exchange's own point code (OPC of what it sends) and the gateway's (DPC).
    public var opc: UInt32
    public var dpc: UInt32
    /// Q.704 §14.2 network indicator of the MTP3 routing label (2 = national).
    public var networkIndicator: UInt8
    /// The trunk's circuits (CIC ranges, as the gateway's trunk lists them).
    public var cics: [ClosedRange<Int>]
    /// Called numbers, used in turn: "0612345678" goes as a national number (NAI 3), "+390612345678" as an
    /// international one (NAI 4).
    public var calledNumbers: [String]
    /// The calling party number (same notation).
    public var callingNumber: String
    /// Outgoing calls to place in all; 0 places none (the exchange only answers).
    public var calls: Int
    /// Outgoing call attempts per second.
    public var rate: Double
    /// How long an answered outgoing call lasts before this exchange releases it (REL cause 16).
    public var holdingTime: Duration
    /// How incoming calls are answered.
    public var answerMix: AnswerMix
    /// Incoming calls answered: time from ACM to ANM.
    public var ringingTime: Duration
    /// Incoming calls answered: released by this exchange after this long; nil waits for the gateway's REL.
    public var incomingHoldingTime: Duration?
    /// Q.764 T7 (awaiting address complete): an outgoing call with no ACM/CON/ANM by then is released (cause 102).
    public var setupTimeout: Duration
    /// An outgoing call alerting this long without answer is released (cause 19, no answer from user).
    public var answerTimeout: Duration
    /// Q.764 T1: REL is sent again when no RLC arrives within it.
    public var t1: Duration
    /// Calls start once the gateway has reset the circuits (GRS, Q.764 §2.9.3.2), or as soon as the link is up.
    public var waitForReset: Bool

    public init(opc: UInt32 = 2, dpc: UInt32 = 1, networkIndicator: UInt8 = 2, cics: [ClosedRange<Int>] = [1...31],
                calledNumbers: [String] = ["0612345678"], callingNumber: String = "0298765432", calls: Int = 0,
                rate: Double = 1, holdingTime: Duration = .seconds(1), answerMix: AnswerMix = AnswerMix(),
                ringingTime: Duration = .milliseconds(100), incomingHoldingTime: Duration? = nil,
                setupTimeout: Duration = .seconds(20), answerTimeout: Duration = .seconds(60),
                t1: Duration = .seconds(15), waitForReset: Bool = true) {
        self.opc = opc
        self.dpc = dpc
        self.networkIndicator = networkIndicator
        self.cics = cics
        self.calledNumbers = calledNumbers
        self.callingNumber = callingNumber
        self.calls = calls
        self.rate = rate
        self.holdingTime = holdingTime
        self.answerMix = answerMix
        self.ringingTime = ringingTime
        self.incomingHoldingTime = incomingHoldingTime
        self.setupTimeout = setupTimeout
        self.answerTimeout = answerTimeout
        self.t1 = t1
        self.waitForReset = waitForReset
    }
}

/// How the exchange treats an incoming IAM.
public enum AnswerBehaviour: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// ACM, then ANM after the ringing time.
    case answer
    /// REL cause 17, user busy (Q.850).
    case busy
    /// ACM and no answer: the caller's side releases.
    case noAnswer = "noanswer"
    /// REL cause 34, no circuit/channel available (Q.850).
    case congestion
    /// REL cause 1, unallocated (unassigned) number (Q.850).
    case unallocated

    /// The Q.850 cause of the immediate release, for the behaviours that refuse the call.
    public var refusalCause: UInt8? {
        switch self {
        case .busy: 17
        case .congestion: 34
        case .unallocated: 1
        case .answer, .noAnswer: nil
        }
    }

    public var description: String { rawValue }
}

/// Incoming calls shared out among behaviours by weight, in a fixed interleaved order (smooth weighted round robin:
/// with `answer=3,busy=1` every fourth call is busy, not a random one), so runs and tests repeat exactly.
public struct AnswerMix: Hashable, Sendable, CustomStringConvertible {
    public private(set) var weights: [(AnswerBehaviour, Int)]
    private var current: [Int]

    public init(_ weights: [(AnswerBehaviour, Int)] = [(.answer, 1)]) {
        self.weights = weights.filter { $0.1 > 0 }
        if self.weights.isEmpty { self.weights = [(.answer, 1)] }
        current = Array(repeating: 0, count: self.weights.count)
    }

    /// Parses `answer=8,busy=1,noanswer=1,congestion=0` (a name alone weighs 1).
    public init(parsing text: String) throws(AnswerMixError) {
        var weights = [(AnswerBehaviour, Int)]()
        for item in text.split(separator: ",") {
            let parts = item.filter { $0 != " " }.split(separator: "=", maxSplits: 1).map(String.init)
            guard let name = parts.first, let behaviour = AnswerBehaviour(rawValue: name.lowercased()) else {
                throw AnswerMixError(text: String(item), reason: "unknown behaviour (\(AnswerBehaviour.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let weight = parts.count > 1 ? Int(parts[1]) : 1, weight >= 0 else {
                throw AnswerMixError(text: String(item), reason: "the weight is not a whole number ≥ 0")
            }
            weights.append((behaviour, weight))
        }
        guard weights.contains(where: { $0.1 > 0 }) else { throw AnswerMixError(text: text, reason: "no behaviour weighs anything") }
        self.init(weights)
    }

    /// The behaviour for the next incoming call.
    public mutating func next() -> AnswerBehaviour {
        let total = weights.reduce(0) { $0 + $1.1 }
        for i in weights.indices { current[i] += weights[i].1 }
        let chosen = current.indices.max { current[$0] < current[$1] || (current[$0] == current[$1] && $0 > $1) }!
        current[chosen] -= total
        return weights[chosen].0
    }

    public var description: String { weights.map { "\($0.0)=\($0.1)" }.joined(separator: ",") }

    public static func == (lhs: AnswerMix, rhs: AnswerMix) -> Bool {
        lhs.weights.elementsEqual(rhs.weights) { $0.0 == $1.0 && $0.1 == $1.1 } && lhs.current == rhs.current
    }

    public func hash(into hasher: inout Hasher) {
        for (behaviour, weight) in weights {
            hasher.combine(behaviour)
            hasher.combine(weight)
        }
    }
}

public struct AnswerMixError: Error, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "answer mix '\(text)': \(reason)" }
}
