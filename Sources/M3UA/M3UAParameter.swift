import ISUP

/// One M3UA parameter as carried on the wire (RFC 4666 §3.2): its tag and its value octets, without the
/// padding. Decoded values share the message's storage, so their indices are offsets in the decoded octets.
public struct M3UAParameter: Hashable, Sendable, CustomStringConvertible {
    public var tag: ParameterTag
    public var value: ArraySlice<UInt8>

    public init(tag: ParameterTag, value: ArraySlice<UInt8>) {
        self.tag = tag
        self.value = value
    }

    public init(tag: ParameterTag, value: some Sequence<UInt8>) {
        self.init(tag: tag, value: ArraySlice(value))
    }

    public var spec: M3UAParameterSpec? { tag.spec }

    /// The sub-parameters of a Routing Key, Registration Result or Deregistration Result value.
    public func subparameters() throws(M3UADecodingError) -> [M3UAParameter] {
        try M3UAMessage.parameters(in: value, padding: .ignored, field: tag.name + ".")
    }

    public var description: String { "\(tag.name)=\(Hex.string(value))" }
}

// MARK: - Building parameters from values

extension M3UAParameter {
    /// A parameter holding one 32-bit unsigned value (Traffic Mode Type, Error Code, ASP Identifier, Correlation
    /// ID, Network Appearance, Local-RK-Identifier, Registration/Deregistration Status; RFC 4666 §3.2).
    public static func integer(_ tag: ParameterTag, _ value: UInt32) -> M3UAParameter {
        M3UAParameter(tag: tag, value: UInt32.octets([value]))
    }

    /// Sub-parameters, each padded to 4 octets; the padding counts in the outer length (RFC 4666 §3.2).
    static func nested(_ tag: ParameterTag, _ parameters: [M3UAParameter]) -> M3UAParameter {
        var out = [UInt8]()
        for p in parameters { p.append(to: &out) }
        return M3UAParameter(tag: tag, value: out)
    }

    /// RFC 4666 §3.4.1: UTF-8, at most 255 octets.
    public static func infoString(_ text: String) -> M3UAParameter { M3UAParameter(tag: .infoString, value: text.utf8) }
    /// RFC 4666 §3.7.1: one or more Routing Context values.
    public static func routingContext(_ values: [UInt32]) -> M3UAParameter {
        M3UAParameter(tag: .routingContext, value: UInt32.octets(values))
    }
    /// RFC 4666 §3.8.1
    public static func diagnosticInformation(_ octets: some Sequence<UInt8>) -> M3UAParameter {
        M3UAParameter(tag: .diagnosticInformation, value: octets)
    }
    /// RFC 4666 §3.5.5
    public static func heartbeatData(_ octets: some Sequence<UInt8>) -> M3UAParameter {
        M3UAParameter(tag: .heartbeatData, value: octets)
    }
    /// RFC 4666 §3.7.1
    public static func trafficModeType(_ mode: TrafficModeType) -> M3UAParameter {
        integer(.trafficModeType, mode.rawValue)
    }
    /// RFC 4666 §3.8.1
    public static func errorCode(_ code: M3UAErrorCode) -> M3UAParameter { integer(.errorCode, code.rawValue) }
    /// RFC 4666 §3.8.2
    public static func status(_ status: NotifyStatus) -> M3UAParameter { M3UAParameter(tag: .status, value: status.octets) }
    /// RFC 4666 §3.5.1
    public static func aspIdentifier(_ id: UInt32) -> M3UAParameter { integer(.aspIdentifier, id) }
    /// RFC 4666 §3.4.1: one or more point codes.
    public static func affectedPointCode(_ pointCodes: [MaskedPointCode]) -> M3UAParameter {
        M3UAParameter(tag: .affectedPointCode, value: MaskedPointCode.octets(pointCodes))
    }
    /// RFC 4666 §3.3.1
    public static func correlationID(_ id: UInt32) -> M3UAParameter { integer(.correlationID, id) }
    /// RFC 4666 §3.3.1
    public static func networkAppearance(_ value: UInt32) -> M3UAParameter { integer(.networkAppearance, value) }
    /// RFC 4666 §3.4.5
    public static func userCause(_ value: UserCause) -> M3UAParameter { M3UAParameter(tag: .userCause, value: value.octets) }
    /// RFC 4666 §3.4.4: 24 reserved bits (zero) and the congestion level.
    public static func congestionIndications(level: UInt8) -> M3UAParameter {
        M3UAParameter(tag: .congestionIndications, value: [0, 0, 0, level])
    }
    /// RFC 4666 §3.4.4: 8 reserved bits (zero) and the 24-bit point code.
    public static func concernedDestination(_ pointCode: UInt32) -> M3UAParameter {
        M3UAParameter(tag: .concernedDestination, value: MaskedPointCode.octets([MaskedPointCode(pointCode)]))
    }
    /// RFC 4666 §3.6.1
    public static func routingKey(_ key: RoutingKey) -> M3UAParameter { nested(.routingKey, key.parameters) }
    /// RFC 4666 §3.6.2
    public static func registrationResult(_ result: RegistrationResult) -> M3UAParameter {
        nested(.registrationResult, result.parameters)
    }
    /// RFC 4666 §3.6.4
    public static func deregistrationResult(_ result: DeregistrationResult) -> M3UAParameter {
        nested(.deregistrationResult, result.parameters)
    }
    /// RFC 4666 §3.6.1
    public static func localRoutingKeyIdentifier(_ id: UInt32) -> M3UAParameter { integer(.localRoutingKeyIdentifier, id) }
    /// RFC 4666 §3.6.1
    public static func destinationPointCode(_ pointCode: MaskedPointCode) -> M3UAParameter {
        M3UAParameter(tag: .destinationPointCode, value: MaskedPointCode.octets([pointCode]))
    }
    /// RFC 4666 §3.6.1
    public static func serviceIndicators(_ values: [ServiceIndicator]) -> M3UAParameter {
        M3UAParameter(tag: .serviceIndicators, value: values.map(\.rawValue))
    }
    /// RFC 4666 §3.6.1
    public static func originatingPointCodeList(_ pointCodes: [MaskedPointCode]) -> M3UAParameter {
        M3UAParameter(tag: .originatingPointCodeList, value: MaskedPointCode.octets(pointCodes))
    }
    /// RFC 3332 §3.6.1
    public static func circuitRange(_ ranges: [CircuitRange]) -> M3UAParameter {
        M3UAParameter(tag: .circuitRange, value: CircuitRange.octets(ranges))
    }
    /// RFC 4666 §3.3.1
    public static func protocolData(_ data: ProtocolData) -> M3UAParameter { M3UAParameter(tag: .protocolData, value: data.octets) }
    /// RFC 4666 §3.6.2
    public static func registrationStatus(_ status: RegistrationStatus) -> M3UAParameter {
        integer(.registrationStatus, status.rawValue)
    }
    /// RFC 4666 §3.6.4
    public static func deregistrationStatus(_ status: DeregistrationStatus) -> M3UAParameter {
        integer(.deregistrationStatus, status.rawValue)
    }
}
