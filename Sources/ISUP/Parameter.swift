/// One ISUP parameter as carried on the wire: its name code and its value octets (what the length indicator
/// counts; for mandatory fixed parameters, the implied-length octets). The value shares the decoded message's
/// storage, so decoding copies the message once, not once per parameter.
public struct Parameter: Hashable, Sendable, CustomStringConvertible {
    public var code: ParameterCode
    public var value: ArraySlice<UInt8>

    public init(code: ParameterCode, value: ArraySlice<UInt8>) {
        self.code = code
        self.value = value
    }

    public init(code: ParameterCode, value: [UInt8]) {
        self.code = code
        self.value = value[...]
    }

    public var spec: ParameterSpec? { code.spec }

    /// Equal when code and value octets are equal, wherever the octets are stored.
    public static func == (lhs: Parameter, rhs: Parameter) -> Bool {
        lhs.code == rhs.code && lhs.value.elementsEqual(rhs.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(value.count)
        for byte in value { hasher.combine(byte) }
    }

    public var description: String { "\(code.name)=\(Hex.string(value))" }
}
