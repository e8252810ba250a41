import SIPI

/// The illustrative networks of st769-2 §6.0 (not real assignments), plus the codes st769-1 §5.1 uses (3XY 382,
/// CS code 10100).
enum Fixtures {
    /// The national data a receiving gateway would be configured with.
    static let plan = NumberingPlan(
        carrierCodes: ["1055", "10100", "10123"], rpvCodes: ["1482"], mnpCodes: ["382", "391", "392", "398"],
        vmsCodes: ["393", "395"])

    static let operatorA = OperatorIdentity(domain: "opa.it", operatorCodes: ["301"], blocks: ["061234", "028765"])
    static let operatorB = OperatorIdentity(domain: "opb.it", operatorCodes: ["402"], blocks: ["065123", "032512"])
    static let operatorC = OperatorIdentity(domain: "opc.it", operatorCodes: ["503"], blocks: ["065777"])
    static let carrierK = OperatorIdentity(domain: "car.it", carrierCodes: ["1055"])
    static let wlrW = OperatorIdentity(domain: "wlr.it", operatorCodes: ["705"])
    static let mobileM1 = OperatorIdentity(domain: "mob1.it", mnpCodes: ["391"], vmsCodes: ["393"])
    static let mobileM2 = OperatorIdentity(domain: "mob2.it", mnpCodes: ["392"], vmsCodes: ["395"])
    static let vpnV = OperatorIdentity(domain: "vpn.it", rpvCodes: ["1482"])

    /// `count` digits 1, 2, ..., 9, 0, 1, ...
    static func digits(_ count: Int) -> String { String((0..<count).map { Character(String(($0 + 1) % 10)) }) }
}
