/// An ISUP message (Q.763 §1): circuit identification code, message type and parameters.
///
/// Known message types carry their mandatory parameters (fixed part then variable part, in the order of the
/// message catalogue) and their optional parameters in received order, duplicates and unknown codes included.
/// Pass-along, national opaque and unknown message types keep the octets after the message type unchanged.
public struct ISUPMessage: Hashable, Sendable {
    public enum Body: Hashable, Sendable {
        case parameters(mandatory: [Parameter], optional: [Parameter])
        /// The octets after the message type code (PAM, CRG, unknown message types).
        case raw(ArraySlice<UInt8>)

        public static func == (lhs: Body, rhs: Body) -> Bool {
            switch (lhs, rhs) {
            case (.parameters(let m1, let o1), .parameters(let m2, let o2)): m1 == m2 && o1 == o2
            case (.raw(let a), .raw(let b)): a.elementsEqual(b)
            default: false
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case .parameters(let m, let o):
                hasher.combine(0)
                hasher.combine(m)
                hasher.combine(o)
            case .raw(let bytes):
                hasher.combine(1)
                for b in bytes { hasher.combine(b) }
            }
        }
    }

    /// Present when the message was framed with its CIC (MTP3/M3UA user data); absent in SIP-I bodies (RFC 3204).
    public var cic: CIC?
    public var type: MessageType
    public var body: Body

    public init(type: MessageType, cic: CIC? = nil, body: Body) {
        self.type = type
        self.cic = cic
        self.body = body
    }

    /// Builds a message from parameters in any order: the first occurrence of each mandatory code fills its slot,
    /// everything else goes to the optional part in the order given.
    public init(type: MessageType, cic: CIC? = nil, parameters: [Parameter]) {
        self.type = type
        self.cic = cic
        guard let spec = type.spec, case .parameters(let fixed, let variable, _) = spec.layout else {
            var raw = [UInt8]()
            for p in parameters { raw.append(contentsOf: p.value) }
            self.body = .raw(raw[...])
            return
        }
        var rest = parameters
        var mandatory = [Parameter]()
        for code in fixed.map(\.code) + variable {
            if let index = rest.firstIndex(where: { $0.code == code }) {
                mandatory.append(rest.remove(at: index))
            } else {
                mandatory.append(Parameter(code: code, value: []))
            }
        }
        self.body = .parameters(mandatory: mandatory, optional: rest)
    }

    public var spec: MessageSpec? { type.spec }

    public var mandatoryParameters: [Parameter] {
        if case .parameters(let m, _) = body { return m }
        return []
    }

    public var optionalParameters: [Parameter] {
        if case .parameters(_, let o) = body { return o }
        return []
    }

    /// Every parameter, mandatory first, in message order.
    public var parameters: [Parameter] { mandatoryParameters + optionalParameters }

    /// The first parameter with this code (mandatory part first).
    public subscript(code: ParameterCode) -> Parameter? {
        mandatoryParameters.first { $0.code == code } ?? optionalParameters.first { $0.code == code }
    }

    /// All parameters with this code, in message order.
    public func parameters(_ code: ParameterCode) -> [Parameter] { parameters.filter { $0.code == code } }

    /// Sets a parameter: replaces the mandatory slot or the first optional occurrence, or appends it to the
    /// optional part.
    public mutating func set(_ code: ParameterCode, _ value: [UInt8]) {
        guard case .parameters(var mandatory, var optional) = body else { return }
        let parameter = Parameter(code: code, value: value)
        if let i = mandatory.firstIndex(where: { $0.code == code }) {
            mandatory[i] = parameter
        } else if let i = optional.firstIndex(where: { $0.code == code }) {
            optional[i] = parameter
        } else {
            optional.append(parameter)
        }
        body = .parameters(mandatory: mandatory, optional: optional)
    }

    /// Removes every optional occurrence of the code (mandatory parameters cannot be removed).
    public mutating func removeOptional(_ code: ParameterCode) {
        guard case .parameters(let mandatory, var optional) = body else { return }
        optional.removeAll { $0.code == code }
        body = .parameters(mandatory: mandatory, optional: optional)
    }
}

// MARK: - Typed access

extension ISUPMessage {
    /// A number parameter decoded with its catalogue layout; nil when absent or not a valid number.
    public func number(_ code: ParameterCode) -> PartyNumber? {
        guard let p = self[code], case .number(let layout)? = code.spec?.format else { return nil }
        return try? PartyNumber(decoding: p.value, layout: layout, field: code.name)
    }

    /// An indicator parameter read through its bit-field table; nil when absent.
    public func indicators(_ code: ParameterCode) -> Indicators? {
        guard let p = self[code], case .indicators(let layout)? = code.spec?.format else { return nil }
        return Indicators(decoding: p.value, layout: layout)
    }

    /// Q.763 §3.9
    public var calledPartyNumber: PartyNumber? {
        get { number(.calledPartyNumber) }
        set { setOrRemove(.calledPartyNumber, newValue?.encoded()) }
    }
    /// Q.763 §3.10
    public var callingPartyNumber: PartyNumber? {
        get { number(.callingPartyNumber) }
        set { setOrRemove(.callingPartyNumber, newValue?.encoded()) }
    }
    /// Q.763 §3.12
    public var causeIndicators: CauseIndicators? {
        get { self[.causeIndicators].flatMap { try? CauseIndicators(decoding: $0.value) } }
        set { setOrRemove(.causeIndicators, newValue?.encoded()) }
    }
    /// Q.763 §3.43; nil when absent or malformed.
    public var rangeAndStatus: RangeAndStatus? {
        get { self[.rangeAndStatus].flatMap { try? RangeAndStatus(decoding: $0.value) } }
        set { setOrRemove(.rangeAndStatus, newValue?.encoded()) }
    }
    /// Q.763 §3.11 calling party's category code (10 = ordinary subscriber).
    public var callingPartysCategory: UInt8? { self[.callingPartysCategory]?.value.first }

    private mutating func setOrRemove(_ code: ParameterCode, _ value: [UInt8]?) {
        if let value { set(code, value) } else { removeOptional(code) }
    }
}
