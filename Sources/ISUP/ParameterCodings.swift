/// Range and status, Q.763 §3.43: range (circuits affected = range + 1) and, for group messages that carry it,
/// one status bit per circuit (bit 0 = bit 1 of the first status octet).
public struct RangeAndStatus: Hashable, Sendable {
    public var range: UInt8
    /// nil for GRS, CQM and CQR, which carry the range only.
    public var status: [UInt8]?

    public init(range: UInt8, status: [UInt8]? = nil) {
        self.range = range
        self.status = status
    }

    public init(decoding bytes: ArraySlice<UInt8>) throws(ISUPDecodingError) {
        guard let first = bytes.first else {
            throw ISUPDecodingError(offset: bytes.startIndex, field: "rangeAndStatus", reason: .tooShort(minimum: 1, actual: 0))
        }
        range = first
        if bytes.count > 1 {
            let expected = Self.statusLength(range: first)
            guard bytes.count - 1 == expected else {
                throw ISUPDecodingError(
                    offset: bytes.startIndex + 1, field: "rangeAndStatus",
                    reason: .invalid("range \(first) needs \(expected) status octet(s), found \(bytes.count - 1) (Q.763 §3.43)"))
            }
            status = Array(bytes.dropFirst())
        } else {
            status = nil
        }
    }

    /// Range and status for `range + 1` circuits with the status bits at the given offsets set (Q.763 §3.43: bit n
    /// stands for circuit cic + n; the unused high bits of the last octet stay 0). Offsets outside 0...range are
    /// ignored.
    public init(range: UInt8, statusBits offsets: some Sequence<Int>) {
        var status = [UInt8](repeating: 0, count: Self.statusLength(range: range))
        for n in offsets where (0...Int(range)).contains(n) { status[n / 8] |= 1 << UInt8(n % 8) }
        self.init(range: range, status: status)
    }

    /// The offsets n in 0...range whose status bit is set (empty without a status subfield).
    public var setStatusBits: [Int] { (0...Int(range)).filter(isSet) }

    /// ceil((range + 1) / 8), Q.763 §3.43.
    public static func statusLength(range: UInt8) -> Int { (Int(range) + 8) / 8 }

    /// Status bit for circuit `cic + n`.
    public func isSet(_ n: Int) -> Bool {
        guard let status, n >= 0, n / 8 < status.count else { return false }
        return status[n / 8] & (1 << UInt8(n % 8)) != 0
    }

    public func encoded() -> [UInt8] { [range] + (status ?? []) }
}

/// A Q.931 information element inside access transport (Q.763 §3.3, Q.931 §4.5).
public struct InformationElement: Hashable, Sendable {
    public var identifier: UInt8
    /// Contents after the length octet; empty for single-octet elements (identifier bit 8 = 1).
    public var contents: [UInt8]

    public init(identifier: UInt8, contents: [UInt8] = []) {
        self.identifier = identifier
        self.contents = contents
    }

    public var isSingleOctet: Bool { identifier & 0x80 != 0 }

    /// Q.931 §4.5 names of the elements most seen in access transport.
    public var name: String? { Self.names[identifier] }

    static let names: [UInt8: String] = [
        0x04: "bearerCapability", 0x08: "cause", 0x14: "callState", 0x18: "channelIdentification",
        0x1C: "facility", 0x1E: "progressIndicator", 0x20: "networkSpecificFacilities",
        0x27: "notificationIndicator", 0x28: "display", 0x29: "dateTime", 0x2C: "keypadFacility",
        0x34: "signal", 0x6C: "callingPartyNumber", 0x6D: "callingPartySubaddress", 0x70: "calledPartyNumber",
        0x71: "calledPartySubaddress", 0x74: "redirectingNumber", 0x7C: "lowLayerCompatibility",
        0x7D: "highLayerCompatibility", 0x7E: "userUser", 0xA0: "moreData", 0xA1: "sendingComplete",
    ]

    public static func list(
        decoding bytes: ArraySlice<UInt8>, field: String = "accessTransport"
    ) throws(ISUPDecodingError) -> [InformationElement] {
        var elements = [InformationElement]()
        try walk(bytes, field: field) { identifier, contents in
            elements.append(InformationElement(identifier: identifier, contents: Array(contents)))
        }
        return elements
    }

    /// Checks the element framing without building values (the decoder's validation).
    static func validate(_ bytes: ArraySlice<UInt8>, field: String) throws(ISUPDecodingError) {
        try walk(bytes, field: field) { _, _ in }
    }

    /// Visits each element: identifier and contents (empty for single-octet elements, Q.931 §4.5.1).
    private static func walk(
        _ bytes: ArraySlice<UInt8>, field: String, _ visit: (UInt8, ArraySlice<UInt8>) -> Void
    ) throws(ISUPDecodingError) {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let identifier = bytes[i]
            if identifier & 0x80 != 0 {
                visit(identifier, bytes[i..<i])
                i += 1
                continue
            }
            guard i + 1 < bytes.endIndex else {
                throw ISUPDecodingError(offset: i, field: field, reason: .invalid("Q.931 element 0x\(Hex.byte(identifier)) has no length octet"))
            }
            let length = Int(bytes[i + 1])
            guard bytes.endIndex - (i + 2) >= length else {
                throw ISUPDecodingError(
                    offset: i + 1, field: field, reason: .lengthOverrun(length: length, available: bytes.endIndex - i - 2))
            }
            visit(identifier, bytes[(i + 2)..<(i + 2 + length)])
            i += 2 + length
        }
    }

    public func encode(into out: inout [UInt8]) {
        out.append(identifier)
        guard !isSingleOctet else { return }
        out.append(UInt8(contents.count))
        out.append(contentsOf: contents)
    }
}

/// One entry of parameter compatibility information, Q.763 §3.41: the upgraded parameter's code and its
/// instruction indicator octets (the last has bit 8 = 1).
public struct CompatibilityInstruction: Hashable, Sendable {
    public var parameter: ParameterCode
    public var instructions: [UInt8]

    public init(parameter: ParameterCode, instructions: [UInt8]) {
        self.parameter = parameter
        self.instructions = instructions
    }

    /// Bit fields of the first instruction octet (Q.763 §3.41).
    public static let layout = IndicatorLayout(
        extensible: true,
        [BitField("transitAtIntermediateExchangeIndicator", 0, 1), BitField("releaseCallIndicator", 1, 1),
         BitField("sendNotificationIndicator", 2, 1), BitField("discardMessageIndicator", 3, 1),
         BitField("discardParameterIndicator", 4, 1), BitField("passOnNotPossibleIndicator", 5, 2),
         BitField("extension", 7, 1)])

    public static func list(decoding bytes: ArraySlice<UInt8>) throws(ISUPDecodingError) -> [CompatibilityInstruction] {
        var entries = [CompatibilityInstruction]()
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let code = ParameterCode(bytes[i])
            var j = i + 1
            var instructions = [UInt8]()
            repeat {
                guard j < bytes.endIndex else {
                    throw ISUPDecodingError(
                        offset: j, field: "parameterCompatibilityInformation",
                        reason: .invalid("instruction indicators for \(code.name) not closed by an octet with bit 8 = 1"))
                }
                instructions.append(bytes[j])
                j += 1
            } while instructions.last! & 0x80 == 0
            entries.append(CompatibilityInstruction(parameter: code, instructions: instructions))
            i = j
        }
        return entries
    }
}
