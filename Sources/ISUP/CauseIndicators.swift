/// Cause indicators, Q.763 §3.12: the Q.850 cause information element from its octet 3 onward.
public struct CauseIndicators: Hashable, Sendable {
    /// 0 ITU-T, 1 ISO/IEC, 2 national, 3 specific to the location (Q.850 §2.2.2).
    public var codingStandard: UInt8
    /// Q.850 §2.2.3 location (0 user, 2 public network serving the local user, 3 transit network, ...).
    public var location: UInt8
    /// Octet 3a (recommendation), present only when octet 3's extension bit is 0.
    public var recommendation: UInt8?
    /// Q.850 cause value, 7 bits.
    public var value: UInt8
    /// Diagnostic octets (Q.850 §2.2.6), possibly empty.
    public var diagnostics: [UInt8]

    public init(value: UInt8, location: UInt8 = 2, codingStandard: UInt8 = 0, recommendation: UInt8? = nil,
                diagnostics: [UInt8] = []) {
        self.codingStandard = codingStandard
        self.location = location
        self.recommendation = recommendation
        self.value = value
        self.diagnostics = diagnostics
    }

    public init(decoding bytes: ArraySlice<UInt8>, field: String = "causeIndicators") throws(ISUPDecodingError) {
        var i = bytes.startIndex
        guard i < bytes.endIndex else {
            throw ISUPDecodingError(offset: i, field: field, reason: .tooShort(minimum: 2, actual: 0))
        }
        codingStandard = (bytes[i] >> 5) & 0x03
        location = bytes[i] & 0x0F
        let hasRecommendation = bytes[i] & 0x80 == 0
        i += 1
        if hasRecommendation {
            guard i < bytes.endIndex else {
                throw ISUPDecodingError(offset: i, field: field, reason: .tooShort(minimum: 3, actual: bytes.count))
            }
            recommendation = bytes[i] & 0x7F
            i += 1
        } else {
            recommendation = nil
        }
        guard i < bytes.endIndex else {
            throw ISUPDecodingError(
                offset: i, field: field, reason: .tooShort(minimum: hasRecommendation ? 3 : 2, actual: bytes.count))
        }
        value = bytes[i] & 0x7F
        diagnostics = Array(bytes[(i + 1)...])
    }

    public func encode(into out: inout [UInt8]) {
        out.append((recommendation == nil ? 0x80 : 0) | (codingStandard & 0x03) << 5 | (location & 0x0F))
        if let recommendation { out.append(0x80 | recommendation) }
        out.append(0x80 | (value & 0x7F))
        out.append(contentsOf: diagnostics)
    }

    public func encoded() -> [UInt8] {
        var out = [UInt8]()
        encode(into: &out)
        return out
    }

    /// The Q.850 name of the cause value (`"User busy"`), or `"Unallocated cause N"`.
    public var name: String { CauseNames.name(of: value) }
}

/// Q.850 cause value names (Q.850 Table 1 / digest §5.3); values not listed are unassigned in Q.850.
public enum CauseNames {
    public static let table: [UInt8: String] = [
        1: "Unallocated (unassigned) number", 2: "No route to specified transit network", 3: "No route to destination",
        4: "Send special information tone", 5: "Misdialled trunk prefix", 6: "Channel unacceptable",
        7: "Call awarded and being delivered in an established channel", 8: "Preemption",
        9: "Preemption - circuit reserved for reuse", 14: "QoR: ported number", 16: "Normal call clearing",
        17: "User busy", 18: "No user responding", 19: "No answer from user (user alerted)", 20: "Subscriber absent",
        21: "Call rejected", 22: "Number changed", 23: "Redirection to new destination",
        24: "Call rejected due to feature at the destination", 25: "Exchange routing error",
        26: "Non-selected user clearing", 27: "Destination out of order",
        28: "Invalid number format (address incomplete)", 29: "Facility rejected",
        30: "Response to STATUS ENQUIRY", 31: "Normal, unspecified", 34: "No circuit/channel available",
        38: "Network out of order", 39: "Permanent frame mode connection out of service",
        40: "Permanent frame mode connection operational", 41: "Temporary failure",
        42: "Switching equipment congestion", 43: "Access information discarded",
        44: "Requested circuit/channel not available", 46: "Precedence call blocked",
        47: "Resource unavailable, unspecified", 49: "Quality of service not available",
        50: "Requested facility not subscribed", 53: "Outgoing calls barred within CUG",
        55: "Incoming calls barred within CUG", 57: "Bearer capability not authorized",
        58: "Bearer capability not presently available",
        62: "Inconsistency in designated outgoing access information and subscriber class",
        63: "Service or option not available, unspecified", 65: "Bearer capability not implemented",
        66: "Channel type not implemented", 69: "Requested facility not implemented",
        70: "Only restricted digital information bearer capability is available",
        79: "Service or option not implemented, unspecified", 81: "Invalid call reference value",
        82: "Identified channel does not exist", 83: "A suspended call exists, but this call identity does not",
        84: "Call identity in use", 85: "No call suspended",
        86: "Call having the requested call identity has been cleared", 87: "User not member of CUG",
        88: "Incompatible destination", 90: "Non-existent CUG", 91: "Invalid transit network selection",
        95: "Invalid message, unspecified", 96: "Mandatory information element is missing",
        97: "Message type non-existent or not implemented",
        98: "Message not compatible with call state or message type non-existent or not implemented",
        99: "Information element / parameter non-existent or not implemented",
        100: "Invalid information element contents", 101: "Message not compatible with call state",
        102: "Recovery on timer expiry", 103: "Parameter non-existent or not implemented - passed on",
        110: "Message with unrecognized parameter, discarded", 111: "Protocol error, unspecified",
        127: "Interworking, unspecified",
    ]

    public static func name(of value: UInt8) -> String { table[value] ?? "Unallocated cause \(value)" }
}
