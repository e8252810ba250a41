import Interworking

/// The four parties of a converted call's ladder: the switch that placed the call and the gateway in front of it,
/// the gateway in front of the other switch and that switch. ISUP from a switch is the capture's; everything a
/// gateway sends is what the interworking engine made of it.
public enum ConversionLane: Int, Hashable, Sendable, CaseIterable {
    case originatingSwitch = 0, originatingGateway, terminatingGateway, terminatingSwitch
}

/// One message of a converted call.
public struct ConvertedMessage: Hashable, Sendable {
    public enum SignallingProtocol: String, Hashable, Sendable { case isup = "ISUP", sip = "SIP" }

    public var time: CaptureTimestamp
    public var from: ConversionLane
    public var to: ConversionLane
    public var signalling: SignallingProtocol
    /// The ISUP acronym (`IAM`), the SIP method (`INVITE`) or the SIP status code (`180`).
    public var type: String
    /// One readable line: numbers, cause, encapsulated ISUP.
    public var summary: String
    /// The capture's record for a message a switch sent; nil for what a gateway sent.
    public var record: Int?
    /// The Q.850 cause of a REL (cause indicators) or of a SIP Reason header.
    public var cause: UInt8?
    /// For a SIP response, the method of its CSeq.
    public var inResponseTo: String?

    public init(time: CaptureTimestamp, from: ConversionLane, to: ConversionLane, signalling: SignallingProtocol,
                type: String, summary: String, record: Int? = nil, cause: UInt8? = nil, inResponseTo: String? = nil) {
        self.time = time
        self.from = from
        self.to = to
        self.signalling = signalling
        self.type = type
        self.summary = summary
        self.record = record
        self.cause = cause
        self.inResponseTo = inResponseTo
    }

    /// Sent by a switch of the capture (ISUP toward its gateway).
    public var isFromCapture: Bool { record != nil }
}

/// A call of the capture with what the two gateways made of it: an IAM and what followed on its circuit until RLC
/// (ISUP capture), or an INVITE's dialog (SIP capture, `isup-pcap`).
public struct ConvertedCall: Hashable, Sendable {
    /// 1-based, in the order of the calls' first messages.
    public var number: Int
    /// The signalling the capture holds (the other side is what the gateways made of it).
    public var captured: ConvertedMessage.SignallingProtocol = .isup
    /// The calling and the called party: `switch 2`, or a SIP address.
    public var parties: [String]
    /// The routing label and CIC of the IAM (OPC is the switch that placed the call; for a SIP capture, the IAM
    /// between the gateways, 0 until there is one).
    public var opc: UInt32
    public var dpc: UInt32
    public var cic: Int
    public var called: String?
    public var calling: String?
    /// The Call-ID of the SIP dialog between the gateways, once there is one.
    public var sipCallID: String?
    public var messages: [ConvertedMessage] = []
    /// The call records both gateways wrote (the originating gateway's first when both did).
    public var records: [CallRecord] = []
    /// False when the capture ended before the call's RLC.
    public var complete = false

    public init(number: Int, opc: UInt32, dpc: UInt32, cic: Int, called: String?, calling: String?) {
        self.number = number
        self.parties = ["switch \(opc)", "switch \(dpc)"]
        self.opc = opc
        self.dpc = dpc
        self.cic = cic
        self.called = called
        self.calling = calling
    }

    public var start: CaptureTimestamp? { messages.first?.time }
    public var end: CaptureTimestamp? { messages.last?.time }

    /// The answer: ANM or CON (ISUP), between the switches of an ISUP capture, between the gateways of a SIP one.
    public var answer: CaptureTimestamp? {
        messages.first { $0.signalling == .isup && isCallSide($0) && ($0.type == "ANM" || $0.type == "CON") }?.time
    }

    /// The first REL's cause (ISUP, as for `answer`).
    public var releaseCause: UInt8? { firstRelease?.cause }

    /// Answer to the first REL, when answered.
    public var conversationTime: Duration? {
        guard let answer, let release = firstRelease?.time else { return nil }
        return answer.duration(to: release)
    }

    var firstRelease: ConvertedMessage? { messages.first { $0.signalling == .isup && isCallSide($0) && $0.type == "REL" } }

    /// The ISUP that counts for the call's figures: the capture's own, or the gateways' between each other.
    func isCallSide(_ message: ConvertedMessage) -> Bool {
        captured == .isup ? message.isFromCapture : Set([message.from, message.to]) == [.originatingGateway, .terminatingGateway]
    }

    /// The final response of the INVITE between the gateways (200 when answered).
    public var sipFinalStatus: Int? {
        messages.lazy.filter { $0.inResponseTo == "INVITE" }.compactMap { Int($0.type) }.first { $0 >= 200 }
    }
}
