/// An SCTP notification (RFC 6458 §6.1), delivered in the receive path when subscribed.
public enum SCTPEvent: Hashable, Sendable {
    /// SCTP_ASSOC_CHANGE
    case associationChange(SCTPAssociationChange)
    /// SCTP_PEER_ADDR_CHANGE
    case peerAddressChange(SCTPPeerAddressChange)
    /// SCTP_SHUTDOWN_EVENT: the peer sent SHUTDOWN; no more data will come.
    case shutdown(associationID: Int32)
    /// Any other notification type (0x8000 + n), with its length.
    case other(type: UInt16, length: Int)

    /// Notification types (linux/sctp.h `enum sctp_sn_type`).
    static let assocChangeType: UInt16 = 0x8001
    static let peerAddrChangeType: UInt16 = 0x8002
    static let shutdownEventType: UInt16 = 0x8005

    /// Parses the notification octets (native byte order, the layouts of linux/sctp.h).
    init(notification b: UnsafeRawBufferPointer) {
        func u16(_ at: Int) -> UInt16 { at + 2 <= b.count ? b.loadUnaligned(fromByteOffset: at, as: UInt16.self) : 0 }
        func i32(_ at: Int) -> Int32 { at + 4 <= b.count ? b.loadUnaligned(fromByteOffset: at, as: Int32.self) : 0 }
        let type = u16(0)
        switch type {
        case Self.assocChangeType where b.count >= 20:
            // struct sctp_assoc_change: type, flags, length(32), state, error, outbound, inbound, assoc_id
            self = .associationChange(SCTPAssociationChange(
                state: .init(rawValue: u16(8)), error: u16(10), outboundStreams: u16(12), inboundStreams: u16(14),
                associationID: i32(16)))
        case Self.peerAddrChangeType where b.count >= 148:
            // struct sctp_paddr_change (packed): type, flags, length, sockaddr_storage(128), state, error, assoc_id
            let address = SCTPEndpoint(sockaddr: UnsafeRawBufferPointer(rebasing: b[8..<136]))
            self = .peerAddressChange(SCTPPeerAddressChange(
                address: address, state: .init(rawValue: i32(136)), error: i32(140), associationID: i32(144)))
        case Self.shutdownEventType where b.count >= 12:
            self = .shutdown(associationID: i32(8))
        default:
            self = .other(type: type, length: b.count)
        }
    }
}

/// SCTP_ASSOC_CHANGE (RFC 6458 §6.1.1).
public struct SCTPAssociationChange: Hashable, Sendable {
    public enum State: Hashable, Sendable, CustomStringConvertible {
        case communicationUp, communicationLost, restart, shutdownComplete, cannotStartAssociation
        case unknown(UInt16)

        init(rawValue: UInt16) {
            self = switch rawValue {
            case 0: .communicationUp
            case 1: .communicationLost
            case 2: .restart
            case 3: .shutdownComplete
            case 4: .cannotStartAssociation
            default: .unknown(rawValue)
            }
        }

        /// The RFC 6458 name (SCTP_COMM_UP ...).
        public var description: String {
            switch self {
            case .communicationUp: "SCTP_COMM_UP"
            case .communicationLost: "SCTP_COMM_LOST"
            case .restart: "SCTP_RESTART"
            case .shutdownComplete: "SCTP_SHUTDOWN_COMP"
            case .cannotStartAssociation: "SCTP_CANT_STR_ASSOC"
            case .unknown(let v): "SCTP_ASSOC_CHANGE/\(v)"
            }
        }
    }

    public var state: State
    public var error: UInt16
    public var outboundStreams: UInt16
    public var inboundStreams: UInt16
    public var associationID: Int32

    public init(state: State, error: UInt16, outboundStreams: UInt16, inboundStreams: UInt16, associationID: Int32) {
        self.state = state
        self.error = error
        self.outboundStreams = outboundStreams
        self.inboundStreams = inboundStreams
        self.associationID = associationID
    }
}

/// SCTP_PEER_ADDR_CHANGE (RFC 6458 §6.1.2).
public struct SCTPPeerAddressChange: Hashable, Sendable {
    public enum State: Hashable, Sendable, CustomStringConvertible {
        case available, unreachable, removed, added, madePrimary, confirmed, potentiallyFailed
        case unknown(Int32)

        init(rawValue: Int32) {
            self = switch rawValue {
            case 0: .available
            case 1: .unreachable
            case 2: .removed
            case 3: .added
            case 4: .madePrimary
            case 5: .confirmed
            case 6: .potentiallyFailed
            default: .unknown(rawValue)
            }
        }

        public var description: String {
            switch self {
            case .available: "SCTP_ADDR_AVAILABLE"
            case .unreachable: "SCTP_ADDR_UNREACHABLE"
            case .removed: "SCTP_ADDR_REMOVED"
            case .added: "SCTP_ADDR_ADDED"
            case .madePrimary: "SCTP_ADDR_MADE_PRIM"
            case .confirmed: "SCTP_ADDR_CONFIRMED"
            case .potentiallyFailed: "SCTP_ADDR_POTENTIALLY_FAILED"
            case .unknown(let v): "SCTP_PEER_ADDR_CHANGE/\(v)"
            }
        }
    }

    /// The peer address concerned (nil if not IPv4/IPv6).
    public var address: SCTPEndpoint?
    public var state: State
    public var error: Int32
    public var associationID: Int32

    public init(address: SCTPEndpoint?, state: State, error: Int32, associationID: Int32) {
        self.address = address
        self.state = state
        self.error = error
        self.associationID = associationID
    }
}
