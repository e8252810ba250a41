/// Structural checks of one parameter value against the catalogue (length rule and coding), run while decoding so
/// that a malformed parameter is reported with its offset instead of surfacing later.
enum ParameterValidation {
    /// `lengthOffset` is the offset of the parameter's length indicator.
    static func validate(_ parameter: Parameter, lengthOffset: Int) throws(ISUPDecodingError) {
        guard let spec = parameter.code.spec else { return }
        let value = parameter.value
        switch spec.length {
        case .fixed(let n):
            guard value.count == n else {
                throw ISUPDecodingError(
                    offset: lengthOffset, field: spec.name, reason: .wrongLength(expected: n, actual: value.count))
            }
        case .variable(let min, let max):
            guard value.count >= min else {
                throw ISUPDecodingError(
                    offset: lengthOffset, field: spec.name, reason: .tooShort(minimum: min, actual: value.count))
            }
            guard value.count <= max else {
                throw ISUPDecodingError(
                    offset: lengthOffset, field: spec.name, reason: .tooLong(maximum: max, actual: value.count))
            }
        }
        try validateCoding(value, spec: spec)
    }

    static func validateCoding(_ value: ArraySlice<UInt8>, spec: ParameterSpec) throws(ISUPDecodingError) {
        switch spec.format {
        case .number(let layout):
            try PartyNumber.validate(value, layout: layout, field: spec.name)
        case .cause:
            _ = try CauseIndicators(decoding: value, field: spec.name)
        case .rangeAndStatus:
            _ = try RangeAndStatus(decoding: value)
        case .informationElements:
            try InformationElement.validate(value, field: spec.name)
        case .parameterCompatibility:
            _ = try CompatibilityInstruction.list(decoding: value)
        case .indicators, .bearerCapability, .genericDigits, .interlockCode, .callReference, .userToUser, .octets:
            break
        }
    }
}
