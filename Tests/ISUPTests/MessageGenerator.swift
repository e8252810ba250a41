import ISUP
import OracleSupport

/// Builds random well-formed messages from the catalogues: every parameter value respects its length rule and
/// coding, so the codec must accept it and re-encode it bit-exact.
struct MessageGenerator {
    var rng: SplitMix64
    let structured = MessageCatalogue.all.filter { if case .parameters = $0.layout { true } else { false } }
    let optionalCandidates: [ParameterSpec]
    /// Only codings whose contents this codec checks (numbers, causes, fixed indicators), and ITU causes: what an
    /// independent dissector can be asked to agree with. Parameters kept as octets get random contents otherwise,
    /// which are valid ISUP but not valid inside their own (Q.931, APM, ...) codings.
    let comparable: Bool

    init(seed: UInt64, comparable: Bool = false) {
        rng = SplitMix64(seed: seed)
        self.comparable = comparable
        optionalCandidates = comparable
            ? ParameterCatalogue.all.filter {
                switch $0.format {
                case .number(let layout): layout.octet2 != nil
                case .cause: true
                case .indicators(let layout): !layout.extensible && $0.length == .fixed(layout.octets)
                default: false
                }
            }
            : ParameterCatalogue.all
    }

    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) } }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    mutating func value(for spec: ParameterSpec, rangeOnly: Bool = false) -> [UInt8] {
        switch spec.format {
        case .number(let layout):
            let maxDigits = min(AddressSignals.capacity, 20)
            var digits = AddressSignals()
            for _ in 0..<int(0...maxDigits) { digits.append(UInt8(int(0...15))) }
            var number = PartyNumber(layout: layout, digits: digits, numberQualifier: UInt8(int(0...255)))
            number.octet1 = UInt8(int(0...127))
            if layout.octet2 != nil { number.octet2 = UInt8(int(0...255)) }
            let bytes = number.encoded()
            return bytes.count >= spec.length.minimum ? bytes : bytes + [0x21]
        case .cause:
            let recommendation: UInt8? = int(0...3) == 0 ? UInt8(int(0...127)) : nil
            return CauseIndicators(
                value: UInt8(int(0...127)), location: UInt8(int(0...15)), codingStandard: comparable ? 0 : UInt8(int(0...3)),
                recommendation: recommendation, diagnostics: bytes(int(0...3))
            ).encoded()
        case .rangeAndStatus where comparable:
            // Q.764 group procedures: 2...32 circuits; GRS, CQM and CQR carry the range only (Q.763 §3.43).
            let range = UInt8(int(1...31))
            return RangeAndStatus(range: range, status: rangeOnly ? nil : bytes(RangeAndStatus.statusLength(range: range))).encoded()
        case .rangeAndStatus:
            let range = UInt8(int(0...255))
            return RangeAndStatus(range: range, status: int(0...1) == 0 ? nil : bytes(RangeAndStatus.statusLength(range: range))).encoded()
        case .informationElements:
            var out = [UInt8]()
            for _ in 0..<int(1...3) {
                if int(0...4) == 0 {
                    out.append(UInt8(int(0x80...0xFF)))
                } else {
                    InformationElement(identifier: UInt8(int(0...0x7F)), contents: bytes(int(0...5))).encode(into: &out)
                }
            }
            return out
        case .parameterCompatibility:
            var out = [UInt8]()
            for _ in 0..<int(1...2) {
                out.append(UInt8(int(1...255)))
                if int(0...1) == 0 { out.append(UInt8(int(0...127))) }
                out.append(UInt8(int(0...127)) | 0x80)
            }
            return out
        case .indicators, .bearerCapability, .genericDigits, .interlockCode, .callReference, .userToUser, .octets:
            return bytes(int(spec.length.minimum...min(spec.length.maximum, spec.length.minimum + 6)))
        }
    }

    /// A random message of a random structured type; optional parameters have distinct codes (repeatable ones may
    /// repeat next to each other) so that the JSON form, which groups by name, keeps their order.
    mutating func message(framing: ISUPMessage.Framing = .withCIC) -> ISUPMessage {
        let spec = structured[int(0...(structured.count - 1))]
        var mandatory = [Parameter]()
        for slot in spec.fixed { mandatory.append(Parameter(code: slot.code, value: bytes(slot.length))) }
        let rangeOnly = [MessageType.grs, .cqm, .cqr].contains(spec.type)
        for code in spec.variable {
            mandatory.append(Parameter(code: code, value: value(for: code.spec!, rangeOnly: rangeOnly)))
        }
        var optional = [Parameter]()
        if spec.hasOptionalPart {
            var used = Set(mandatory.map(\.code.rawValue))
            for _ in 0..<int(0...5) {
                if int(0...5) == 0 {
                    let code = UInt8(int(0xE0...0xFE))
                    guard ParameterCode(code).spec == nil, used.insert(code).inserted else { continue }
                    optional.append(Parameter(code: ParameterCode(code), value: bytes(int(0...8))))
                    continue
                }
                let p = optionalCandidates[int(0...(optionalCandidates.count - 1))]
                guard used.insert(p.code.rawValue).inserted else { continue }
                for _ in 0..<(p.repeatable ? int(1...2) : 1) {
                    optional.append(Parameter(code: p.code, value: value(for: p)))
                }
            }
        }
        let cic: CIC? = framing == .withCIC ? CIC(rawValue: UInt16(int(0...0xFFFF))) : nil
        return ISUPMessage(type: spec.type, cic: cic, body: .parameters(mandatory: mandatory, optional: optional))
    }
}
