/// A list of M3UA parameters in wire order: a message, or the sub-parameters of a Routing Key, Registration
/// Result or Deregistration Result. The typed accessors read the first occurrence of a tag (or all of them, for
/// the plural ones) and return nil or an empty list when it is absent or its length does not fit its format.
public protocol M3UAParameterList {
    var parameters: [M3UAParameter] { get }
}

extension M3UAParameterList {
    /// The first parameter with this tag.
    public subscript(tag: ParameterTag) -> M3UAParameter? { parameters.first { $0.tag == tag } }

    /// Every parameter with this tag, in order.
    public func parameters(_ tag: ParameterTag) -> [M3UAParameter] { parameters.filter { $0.tag == tag } }

    private func wellFormed(_ p: M3UAParameter) -> Bool { p.spec?.format.allows(length: p.value.count) ?? true }

    private func value(_ tag: ParameterTag) -> ArraySlice<UInt8>? { self[tag].flatMap { wellFormed($0) ? $0.value : nil } }

    private func values(_ tag: ParameterTag) -> [ArraySlice<UInt8>] { parameters(tag).filter(wellFormed).map(\.value) }

    private func integer(_ tag: ParameterTag) -> UInt32? { value(tag).map { $0.uint32(at: 0) } }

    private func nested(_ tag: ParameterTag) -> [[M3UAParameter]] {
        parameters(tag).compactMap { try? $0.subparameters() }
    }

    /// RFC 4666 §3.4.1; nil when absent or not UTF-8.
    public var infoString: String? { value(.infoString).flatMap { String(validating: $0, as: UTF8.self) } }
    /// RFC 4666 §3.7.1
    public var routingContexts: [UInt32] { value(.routingContext).map(UInt32.list) ?? [] }
    /// RFC 4666 §3.8.1
    public var diagnosticInformation: ArraySlice<UInt8>? { value(.diagnosticInformation) }
    /// RFC 4666 §3.5.5
    public var heartbeatData: ArraySlice<UInt8>? { value(.heartbeatData) }
    /// RFC 4666 §3.7.1
    public var trafficModeType: TrafficModeType? { integer(.trafficModeType).map(TrafficModeType.init(rawValue:)) }
    /// RFC 4666 §3.8.1
    public var errorCode: M3UAErrorCode? { integer(.errorCode).map(M3UAErrorCode.init(rawValue:)) }
    /// RFC 4666 §3.8.2
    public var status: NotifyStatus? { value(.status).map(NotifyStatus.init(wire:)) }
    /// RFC 4666 §3.5.1
    public var aspIdentifier: UInt32? { integer(.aspIdentifier) }
    /// RFC 4666 §3.4.1
    public var affectedPointCodes: [MaskedPointCode] { value(.affectedPointCode).map(MaskedPointCode.list) ?? [] }
    /// RFC 4666 §3.3.1
    public var correlationID: UInt32? { integer(.correlationID) }
    /// RFC 4666 §3.3.1
    public var networkAppearance: UInt32? { integer(.networkAppearance) }
    /// RFC 4666 §3.4.5
    public var userCause: UserCause? { value(.userCause).map(UserCause.init(wire:)) }
    /// RFC 4666 §3.4.4: the Congestion Level field of Congestion Indications.
    public var congestionLevel: UInt8? { value(.congestionIndications).map { $0[$0.startIndex + 3] } }
    /// RFC 4666 §3.4.4: the point code of Concerned Destination.
    public var concernedDestination: UInt32? { value(.concernedDestination).map { $0.bigEndian(at: 1, width: 3) } }
    /// RFC 4666 §3.6.1, every Routing Key in order.
    public var routingKeys: [RoutingKey] { nested(.routingKey).map(RoutingKey.init(parameters:)) }
    /// RFC 4666 §3.6.2, every Registration Result in order.
    public var registrationResults: [RegistrationResult] {
        nested(.registrationResult).map(RegistrationResult.init(parameters:))
    }
    /// RFC 4666 §3.6.4, every Deregistration Result in order.
    public var deregistrationResults: [DeregistrationResult] {
        nested(.deregistrationResult).map(DeregistrationResult.init(parameters:))
    }
    /// RFC 4666 §3.6.1
    public var localRoutingKeyIdentifier: UInt32? { integer(.localRoutingKeyIdentifier) }
    /// RFC 4666 §3.6.1, from every Destination Point Code parameter in order.
    public var destinationPointCodes: [MaskedPointCode] { values(.destinationPointCode).flatMap(MaskedPointCode.list) }
    /// RFC 4666 §3.6.1, from every Service Indicators parameter in order.
    public var serviceIndicators: [ServiceIndicator] {
        values(.serviceIndicators).flatMap { $0.map(ServiceIndicator.init(rawValue:)) }
    }
    /// RFC 4666 §3.6.1, from every OPC List parameter in order.
    public var originatingPointCodes: [MaskedPointCode] {
        values(.originatingPointCodeList).flatMap(MaskedPointCode.list)
    }
    /// RFC 3332 §3.6.1, from every Circuit Range parameter in order.
    public var circuitRanges: [CircuitRange] { values(.circuitRange).flatMap(CircuitRange.list) }
    /// RFC 4666 §3.3.1
    public var protocolData: ProtocolData? { value(.protocolData).map(ProtocolData.init(wire:)) }
    /// RFC 4666 §3.6.2
    public var registrationStatus: RegistrationStatus? {
        integer(.registrationStatus).map(RegistrationStatus.init(rawValue:))
    }
    /// RFC 4666 §3.6.4
    public var deregistrationStatus: DeregistrationStatus? {
        integer(.deregistrationStatus).map(DeregistrationStatus.init(rawValue:))
    }
}
