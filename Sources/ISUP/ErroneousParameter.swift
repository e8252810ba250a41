/// An optional parameter kept as octets although its contents break its Q.763 coding: Q.764 §2.9.5 handles it like
/// an unrecognised parameter instead of discarding the whole message.
public struct ErroneousParameter: Hashable, Sendable, CustomStringConvertible {
    /// Its position in `ISUPMessage.optionalParameters`.
    public let index: Int
    public let parameter: Parameter
    /// What is wrong, at the offset of its length indicator in the encoded message (from the CIC when the message
    /// has one, else from the message type).
    public let error: ISUPDecodingError

    public var description: String { "\(parameter.code.name) (optional parameter \(index)): \(error)" }
}

extension ISUPMessage {
    /// The optional parameters whose contents break their Q.763 coding (length rule or coding of the parameter
    /// catalogue), in message order. Empty for a message that decodes with `strict`.
    public var erroneousParameters: [ErroneousParameter] {
        guard case .parameters(let mandatory, let optional) = body, !optional.isEmpty,
            case .parameters(let fixed, let variable, true)? = spec?.layout
        else { return [] }
        var offset = (cic == nil ? 1 : 3) + fixed.reduce(0) { $0 + $1.length } + variable.count + 1
        for p in mandatory.dropFirst(fixed.count) { offset += 1 + p.value.count }
        var found = [ErroneousParameter]()
        for (k, p) in optional.enumerated() {
            do throws(ISUPDecodingError) {
                try ParameterValidation.validate(p, lengthOffset: offset + 1)
            } catch {
                found.append(ErroneousParameter(index: k, parameter: p, error: error))
            }
            offset += 2 + p.value.count
        }
        return found
    }
}

extension ISUPMessage {
    /// Removes the erroneous optional parameters (an end node discards them, Q.764 §2.9.5.3) and returns them.
    @discardableResult
    public mutating func removeErroneousParameters() -> [ErroneousParameter] {
        let erroneous = erroneousParameters
        guard !erroneous.isEmpty, case .parameters(let mandatory, var optional) = body else { return [] }
        for e in erroneous.reversed() { optional.remove(at: e.index) }
        body = .parameters(mandatory: mandatory, optional: optional)
        return erroneous
    }
}
