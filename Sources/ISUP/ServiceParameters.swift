/// User service information (and its prime), Q.763 §3.57/§3.58: the Q.931 bearer capability element from octet 3
/// (Q.931 §4.5.5). The leading octets are typed; the rest of the element is kept as received.
public struct BearerCapability: Hashable, Sendable {
    /// Octet 3 bits 7–6: 0 ITU-T.
    public var codingStandard: UInt8
    /// Octet 3 bits 5–1: 0 speech, 8 unrestricted digital, 16 3.1 kHz audio, ...
    public var informationTransferCapability: UInt8
    /// Octet 4 bits 7–6: 0 circuit mode.
    public var transferMode: UInt8
    /// Octet 4 bits 5–1: 16 = 64 kbit/s, 24 = multirate.
    public var informationTransferRate: UInt8
    /// Octet 4.1, present with the multirate transfer rate.
    public var rateMultiplier: UInt8?
    /// Octet 5 bits 5–1 when octet 5 is the layer 1 octet (bits 7–6 = 01): 2 = G.711 µ-law, 3 = G.711 A-law.
    public var layer1Protocol: UInt8?
    /// Octets after the typed ones (octet 5a and on, layer 2/3 octets).
    public var remainder: [UInt8]

    public init(codingStandard: UInt8 = 0, informationTransferCapability: UInt8, transferMode: UInt8 = 0,
                informationTransferRate: UInt8 = 16, rateMultiplier: UInt8? = nil, layer1Protocol: UInt8? = nil,
                remainder: [UInt8] = []) {
        self.codingStandard = codingStandard
        self.informationTransferCapability = informationTransferCapability
        self.transferMode = transferMode
        self.informationTransferRate = informationTransferRate
        self.rateMultiplier = rateMultiplier
        self.layer1Protocol = layer1Protocol
        self.remainder = remainder
    }

    public init(decoding bytes: ArraySlice<UInt8>) throws(ISUPDecodingError) {
        guard bytes.count >= 2 else {
            throw ISUPDecodingError(offset: bytes.startIndex, field: "userServiceInformation",
                                    reason: .tooShort(minimum: 2, actual: bytes.count))
        }
        var i = bytes.startIndex
        codingStandard = (bytes[i] >> 5) & 0x03
        informationTransferCapability = bytes[i] & 0x1F
        i += 1
        transferMode = (bytes[i] >> 5) & 0x03
        informationTransferRate = bytes[i] & 0x1F
        i += 1
        if informationTransferRate == 0x18, i < bytes.endIndex {
            rateMultiplier = bytes[i] & 0x7F
            i += 1
        } else {
            rateMultiplier = nil
        }
        if i < bytes.endIndex, (bytes[i] >> 5) & 0x03 == 0x01 {
            layer1Protocol = bytes[i] & 0x1F
            i += 1
        } else {
            layer1Protocol = nil
        }
        remainder = Array(bytes[i...])
    }

    public func encoded() -> [UInt8] {
        var out: [UInt8] = [0x80 | (codingStandard & 0x03) << 5 | (informationTransferCapability & 0x1F),
                            0x80 | (transferMode & 0x03) << 5 | (informationTransferRate & 0x1F)]
        if let rateMultiplier { out.append(0x80 | rateMultiplier) }
        if let layer1Protocol { out.append(0x80 | 0x20 | (layer1Protocol & 0x1F)) }
        return out + remainder
    }
}

/// Generic digits, Q.763 §3.24: encoding scheme (0 BCD even, 1 BCD odd, 2 IA5, 3 binary), type of digits, digits.
public struct GenericDigits: Hashable, Sendable {
    public var encodingScheme: UInt8
    public var typeOfDigits: UInt8
    public var digits: [UInt8]

    public init(encodingScheme: UInt8, typeOfDigits: UInt8, digits: [UInt8]) {
        self.encodingScheme = encodingScheme
        self.typeOfDigits = typeOfDigits
        self.digits = digits
    }

    public init(decoding bytes: ArraySlice<UInt8>) {
        encodingScheme = (bytes.first ?? 0) >> 5
        typeOfDigits = (bytes.first ?? 0) & 0x1F
        digits = Array(bytes.dropFirst())
    }

    /// The digits as text: BCD nibbles (first digit in bits 4–1) for schemes 0/1, IA5 characters for 2, hex for 3.
    public var text: String {
        switch encodingScheme {
        case 0, 1:
            var nibbles = digits.flatMap { [$0 & 0x0F, $0 >> 4] }
            if encodingScheme == 1, !nibbles.isEmpty { nibbles.removeLast() }
            return String(decoding: nibbles.map { Array("0123456789ABCDEF".utf8)[Int($0)] }, as: UTF8.self)
        case 2: return String(decoding: digits.map { $0 & 0x7F }, as: UTF8.self)
        default: return Hex.string(digits)
        }
    }

    /// Builds the digit octets from text in the form `text` produces; nil when the text does not fit the scheme.
    public static func digits(fromText text: String, encodingScheme: UInt8) -> [UInt8]? {
        switch encodingScheme {
        case 0, 1:
            guard let signals = AddressSignals(text), signals.isOdd == (encodingScheme == 1) else { return nil }
            var out = [UInt8]()
            signals.pack(into: &out)
            return out
        case 2:
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return Array(text.utf8)
        default: return Hex.bytes(text)
        }
    }

    public func encoded() -> [UInt8] { [(encodingScheme & 0x07) << 5 | (typeOfDigits & 0x1F)] + digits }
}

/// Closed user group interlock code, Q.763 §3.15: four network identity digits (first digit in the high nibble)
/// and a 16-bit binary code (most significant octet first).
public struct InterlockCode: Hashable, Sendable {
    public var networkIdentity: String
    public var binaryCode: UInt16

    public init(networkIdentity: String, binaryCode: UInt16) {
        self.networkIdentity = networkIdentity
        self.binaryCode = binaryCode
    }

    public init(decoding bytes: ArraySlice<UInt8>) {
        let b = Array(bytes)
        networkIdentity = Hex.string(b.prefix(2))
        binaryCode = b.count >= 4 ? UInt16(b[2]) << 8 | UInt16(b[3]) : 0
    }

    public func encoded() -> [UInt8]? {
        guard networkIdentity.utf8.count == 4, let ni = Hex.bytes(networkIdentity) else { return nil }
        return ni + [UInt8(binaryCode >> 8), UInt8(truncatingIfNeeded: binaryCode)]
    }
}

/// Call reference, Q.763 §3.8: call identity (24 bits, first octet most significant) and signalling point code
/// (14 bits, least significant octet first).
public struct CallReference: Hashable, Sendable {
    public var callIdentity: UInt32
    public var signallingPointCode: UInt16

    public init(callIdentity: UInt32, signallingPointCode: UInt16) {
        self.callIdentity = callIdentity
        self.signallingPointCode = signallingPointCode
    }

    public init(decoding bytes: ArraySlice<UInt8>) {
        let b = Array(bytes) + [0, 0, 0, 0, 0]
        callIdentity = UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])
        signallingPointCode = (UInt16(b[3]) | UInt16(b[4]) << 8) & 0x3FFF
    }

    public func encoded() -> [UInt8] {
        [UInt8(truncatingIfNeeded: callIdentity >> 16), UInt8(truncatingIfNeeded: callIdentity >> 8),
         UInt8(truncatingIfNeeded: callIdentity), UInt8(truncatingIfNeeded: signallingPointCode),
         UInt8(truncatingIfNeeded: signallingPointCode >> 8) & 0x3F]
    }
}
