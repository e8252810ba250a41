import Interworking
import M3UA
import SIPI

/// What a conversion hands its writers, in the order it happens.
public enum ConversionOutput: Hashable, Sendable {
    /// A SIP message one gateway sent the other, serialized as the daemon would put it on the wire.
    case sip(ConvertedSIP)
    /// ISUP one gateway sent the other (a SIP capture converted to ISUP), as M3UA Protocol Data.
    case isup(ConvertedISUP)
    /// A call, once its circuit is released (RLC) or the capture has ended.
    case call(ConvertedCall)
    /// ISUP outside any call (circuit maintenance: GRS, CGB, BLO, RSC…, or a message for a circuit without a call),
    /// from a switch of the capture or from a gateway.
    case circuit(ConvertedMessage, opc: UInt32, dpc: UInt32, cic: Int)
    /// A message of the capture that could not be used, with its record number.
    case unreadable(UnreadableRecord)
}

/// One SIP message of the NNI between the two gateways.
public struct ConvertedSIP: Hashable, Sendable {
    public var time: CaptureTimestamp
    public var source: SIPEndpoint
    public var destination: SIPEndpoint
    public var message: SIPMessage

    public init(time: CaptureTimestamp, source: SIPEndpoint, destination: SIPEndpoint, message: SIPMessage) {
        self.time = time
        self.source = source
        self.destination = destination
        self.message = message
    }

    /// The message as the daemon would send it (serialized only by the formats that write SIP out).
    public var bytes: [UInt8]? { try? message.serialized() }
}

/// One ISUP message of the trunk between the two gateways of a SIP capture, with the M3UA endpoints it travels
/// between (an SGP and an ASP at `10.1.PAIR.1` and `.2`, port 2905).
public struct ConvertedISUP: Hashable, Sendable {
    public var time: CaptureTimestamp
    public var data: ProtocolData
    public var routingContext: UInt32?
    public var source: IPv4Endpoint
    public var destination: IPv4Endpoint

    public init(time: CaptureTimestamp, data: ProtocolData, routingContext: UInt32?, source: IPv4Endpoint,
                destination: IPv4Endpoint) {
        self.time = time
        self.data = data
        self.routingContext = routingContext
        self.source = source
        self.destination = destination
    }
}

/// Counts over a whole conversion.
public struct ConversionStatistics: Hashable, Sendable {
    public var isupMessages = 0
    /// SIP messages of the capture outside any INVITE dialog (OPTIONS, REGISTER…), or of a dialog a gateway refused.
    public var sipMessagesIgnored = 0
    /// SIP messages of the capture read.
    public var sipMessages = 0
    public var isupMessagesSent = 0
    public var unreadable = 0
    /// ISUP messages read with an optional parameter kept as octets because its contents are erroneous (Q.764
    /// §2.9.5); with `strict` they are unreadable instead.
    public var erroneousParameterMessages = 0
    public var calls = 0
    public var circuitMessages = 0
    public var sipMessagesSent = 0
    /// Input a gateway could not use (unexpected in its state) and maintenance alerts (T5, …), by text.
    public var discarded = 0
    public var alerts = 0

    public init() {}
}
