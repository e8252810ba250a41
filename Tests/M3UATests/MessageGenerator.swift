import ISUP
import M3UA
import OracleSupport

/// Builds random well-formed messages from the catalogues: every message type, its parameters by their rules
/// (mandatory always, others at random, repeatable ones up to three times), values valid for their formats and
/// named values mostly from the RFC's tables, ISUP (SI 5) in Protocol Data.
struct M3UAMessageGenerator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// Well-formed ISUP messages (oracles.md §1 and sipi-m3ua.md §F.6), given a random CIC when used.
    static let isup = [
        "00 00 01 00 60 01 0a 00 02 08 06 03 10 21 43 65 87 0a 06 83 13 55 15 32 04 00",  // IAM
        "00 00 06 16 14 00",  // ACM
        "00 00 09 00",  // ANM
        "00 00 0c 02 00 02 8a 90",  // REL cause 16
        "00 00 10 00",  // RLC
    ].map { try! ISUPMessage(decoding: hex($0)) }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    private mutating func u32() -> UInt32 { UInt32.random(in: 0...UInt32.max, using: &rng) }
    private mutating func chance() -> Bool { Bool.random(using: &rng) }
    private mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
    private mutating func named(_ names: [UInt32: String]) -> UInt32 { chance() || names.isEmpty ? u32() : pick(Array(names.keys)) }
    private mutating func pointCode(mask: UInt8? = nil) -> MaskedPointCode {
        MaskedPointCode(UInt32(int(0...0x3FFF)), mask: mask ?? UInt8(int(0...3)))
    }

    mutating func message() -> M3UAMessage {
        let spec = pick(M3UAMessageCatalogue.all)
        return M3UAMessage(spec.type, parameters(spec.parameters))
    }

    private mutating func parameters(_ rules: [ParameterRule]) -> [M3UAParameter] {
        var out = [M3UAParameter]()
        for rule in rules where rule.presence == .mandatory || chance() {
            for _ in 0..<(rule.repeatable ? int(1...3) : 1) { out.append(parameter(rule)) }
        }
        return out
    }

    private mutating func parameter(_ rule: ParameterRule) -> M3UAParameter {
        if rule.constraint == .singleUnmaskedPointCode { return .affectedPointCode([pointCode(mask: 0)]) }
        let tag = rule.tag
        switch tag.spec!.format {
        case .text:
            // Letters, digits and spaces: no separator of tshark's field output.
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ")
            return .infoString(String((0..<int(0...40)).map { _ in pick(alphabet) }))
        case .octets:
            return M3UAParameter(tag: tag, value: (0..<int(0...40)).map { _ in UInt8(int(0...255)) })
        case .integer(let names):
            return .integer(tag, named(names))
        case .integers:
            return .routingContext((0..<int(1...3)).map { _ in u32() })
        case .status:
            let key = pick(Array(NotifyStatus.names.keys))
            return .status(NotifyStatus(type: UInt16(key >> 16), information: UInt16(key & 0xFFFF)))
        case .pointCode:
            return .destinationPointCode(pointCode(mask: 0))
        case .pointCodes:
            let pcs = (0..<int(1...3)).map { _ in pointCode() }
            return tag == .affectedPointCode ? .affectedPointCode(pcs) : .originatingPointCodeList(pcs)
        case .concernedDestination:
            return .concernedDestination(pointCode().pointCode)
        case .userCause:
            return .userCause(UserCause(cause: UInt16(int(0...2)), user: UInt16(pick([3, 4, 5, 9, 10, 12, 13, 14]))))
        case .congestionIndications:
            return .congestionIndications(level: UInt8(int(0...3)))
        case .serviceIndicators:
            return .serviceIndicators((0..<int(1...5)).map { _ in ServiceIndicator(rawValue: pick(Array(ServiceIndicator.names.keys))) })
        case .circuitRanges:
            return .circuitRange((0..<int(1...2)).map { _ in
                let lower = UInt16(int(0...4000))
                return CircuitRange(opc: pointCode(mask: 0), lowerCIC: lower, upperCIC: lower + UInt16(int(0...95)))
            })
        case .protocolData:
            var isup = pick(Self.isup)
            isup.cic = CIC(int(0...4095))
            return .protocolData(try! ProtocolData(
                opc: UInt32(int(0...0x3FFF)), dpc: UInt32(int(0...0x3FFF)), ni: UInt8(pick([0, 2])), sls: UInt8(int(0...15)),
                isup: isup))
        case .nested(let inner):
            let sub = parameters(inner)
            switch tag {
            case .routingKey: return .routingKey(RoutingKey(parameters: sub))
            case .registrationResult: return .registrationResult(RegistrationResult(parameters: sub))
            default: return .deregistrationResult(DeregistrationResult(parameters: sub))
            }
        }
    }
}
