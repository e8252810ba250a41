/// One signalling message found in a capture, whatever carried it (MTP2/MTP3 signal units, M3UA or M2PA over
/// SCTP, M3UA over TCP, SIP over UDP or TCP): what the conversion reads.
public struct CapturedMessage: Hashable, Sendable {
    /// The 1-based number of the packet that completed the message (Wireshark's frame number).
    public var record: Int
    /// The time of that packet; nil for a pcapng Simple Packet Block.
    public var timestamp: CaptureTimestamp?
    public var payload: Payload

    public enum Payload: Hashable, Sendable {
        /// An ISUP message, from the CIC on (`ISUPMessage(decoding:framing: .withCIC)`), with where it travelled.
        case isup([UInt8], ISUPRoute)
        /// A whole SIP message (one datagram, or one Content-Length-framed message of a TCP stream).
        case sip([UInt8], SIPRoute)
    }

    public init(record: Int, timestamp: CaptureTimestamp?, payload: Payload) {
        self.record = record
        self.timestamp = timestamp
        self.payload = payload
    }
}

/// The MTP3 routing label of a captured ISUP message (Q.704 §2.2) and, when M3UA carried it, the routing context
/// of its DATA message (RFC 4666 §3.3.1).
public struct ISUPRoute: Hashable, Sendable {
    public var opc: UInt32
    public var dpc: UInt32
    public var sls: UInt8
    /// Q.704 §14.2.2 network indicator (0 international, 2 national).
    public var networkIndicator: UInt8
    public var routingContext: UInt32?

    public init(opc: UInt32, dpc: UInt32, sls: UInt8, networkIndicator: UInt8, routingContext: UInt32? = nil) {
        self.opc = opc
        self.dpc = dpc
        self.sls = sls
        self.networkIndicator = networkIndicator
        self.routingContext = routingContext
    }
}

/// The transport of a captured SIP message: addresses as text (`192.0.2.1`, `2001:db8::1`) and ports.
public struct SIPRoute: Hashable, Sendable {
    public enum Transport: String, Hashable, Sendable { case udp, tcp }
    public var transport: Transport
    public var sourceAddress: String
    public var sourcePort: UInt16
    public var destinationAddress: String
    public var destinationPort: UInt16

    public init(transport: Transport, sourceAddress: String, sourcePort: UInt16,
                destinationAddress: String, destinationPort: UInt16) {
        self.transport = transport
        self.sourceAddress = sourceAddress
        self.sourcePort = sourcePort
        self.destinationAddress = destinationAddress
        self.destinationPort = destinationPort
    }
}

/// A record of a capture that yielded no message it should have: counted and reported, never dropped silently.
public struct UnreadableRecord: Error, Hashable, Sendable, CustomStringConvertible {
    public var record: Int
    public var reason: String

    public init(record: Int, reason: String) {
        self.record = record
        self.reason = reason
    }

    public var description: String { "record \(record): \(reason)" }
}
