extension M3UAMessage {
    /// Encodes the message (RFC 4666 §3): common header with the Message Length of the whole message, then each
    /// parameter padded with zeros to a multiple of 4 octets. Parameters are written as given, in order.
    public func encoded() throws(M3UAEncodingError) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(encodedLength)
        try encode(into: &out)
        return out
    }

    public func encode(into out: inout [UInt8]) throws(M3UAEncodingError) {
        let length = encodedLength
        guard length <= Int(UInt32.max) else {
            throw M3UAEncodingError(field: "messageLength", reason: "\(length) octets do not fit in 32 bits")
        }
        out.append(contentsOf: [Self.version, reserved, type.messageClass.rawValue, type.code])
        out.appendUInt32(UInt32(length))
        for p in parameters {
            guard p.value.count <= M3UAParameter.maximumValueLength else {
                throw M3UAEncodingError(
                    field: p.tag.name,
                    reason: "value of \(p.value.count) octets, more than \(M3UAParameter.maximumValueLength)")
            }
            p.append(to: &out)
        }
    }

    /// The Message Length field: header plus every parameter with its padding (RFC 4666 §3.1.4).
    public var encodedLength: Int { parameters.reduce(Self.headerLength) { $0 + $1.paddedLength } }
}

extension M3UAParameter {
    /// The 16-bit Parameter Length counts the 4 octets of tag and length (RFC 4666 §3.2).
    public static let maximumValueLength = Int(UInt16.max) - 4

    /// Tag, length, value and padding.
    var paddedLength: Int { (4 + value.count + 3) & ~3 }

    func append(to out: inout [UInt8]) {
        out.appendUInt16(tag.rawValue)
        out.appendUInt16(UInt16(truncatingIfNeeded: 4 + value.count))
        out.append(contentsOf: value)
        out.append(contentsOf: repeatElement(0, count: paddedLength - 4 - value.count))
    }
}
