import SIPI
import Testing

/// The receiving gateway as the call's destination (Serving, Recipient, Carrier, WLR, Donor): Annex A.2.1 (another
/// network's identity, 28 / 484), A.2.2 (DB mismatch, 63 / 500), "not enabled" (63 / 500), A.1.2 c (plain 55 from a
/// national peer). Cases from st769-2 §6.2–§6.8 and st769-3 §14.3 with the networks of st769-2 §6.0.
@Suite struct DestinationCheckTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let id: String
        let network: OperatorIdentity
        let userPart: String
        /// Numbers that are current subscribers of `network`.
        let served: Set<String>
        let origin: String
        let fromISC: Bool
        /// nil: accepted.
        let outcome: AnnexAOutcome?
        let clause: AnnexACase?
        var testDescription: String { "\(id) \(userPart) at \(network.domain)" }

        init(
            _ id: String, at network: OperatorIdentity, _ userPart: String, served: Set<String> = [],
            origin: String = "opb.it", fromISC: Bool = false, rejected clause: AnnexACase? = nil
        ) {
            self.id = id
            self.network = network
            self.userPart = userPart
            self.served = served
            self.origin = origin
            self.fromISC = fromISC
            self.clause = clause
            self.outcome = clause.map {
                switch $0 {
                case .databaseMismatch, .serviceNotEnabled: AnnexAOutcome(isupCause: 63, sipStatus: 500)
                default: AnnexAOutcome(isupCause: 28, sipStatus: 484)
                }
            }
        }
    }

    static let msn = "3351234567"

    static let rows: [Row] = [
        Row("NP0-03", at: Fixtures.operatorB, "+39C600651230612345678"),
        Row("NP0-04", at: Fixtures.operatorB, "+39C600657770612345678", rejected: .unexpectedDestination),
        Row("MNP-03", at: Fixtures.mobileM2, "+393923351234567", served: [msn]),
        Row("MNP-04", at: Fixtures.mobileM2, "+393913351234567", served: [msn], rejected: .unexpectedDestination),
        Row("MNP-05", at: Fixtures.mobileM1, "+393913351234567", rejected: .databaseMismatch),
        Row("MNP-06", at: Fixtures.mobileM2, "+393923479999999", served: [msn], rejected: .databaseMismatch),
        Row("MNP-09", at: Fixtures.mobileM2, "+39393351234567", rejected: .unexpectedDestination),
        Row("N55-02", at: Fixtures.operatorB, "+39C594025512345679", served: ["5512345679"]),
        Row("N55-04", at: Fixtures.operatorC, "+39C505035512345678", served: ["5512345678"]),
        Row("N55-05", at: Fixtures.operatorC, "+39C504025512345678", served: ["5512345678"], rejected: .unexpectedDestination),
        Row("N55-06", at: Fixtures.operatorB, "+39C595035512345678", rejected: .unexpectedDestination),
        Row("N55-07", at: Fixtures.operatorC, "+39C505035512345670", served: ["5512345678"], rejected: .databaseMismatch),
        Row("N55-08", at: Fixtures.operatorB, "+395512345678", rejected: .routingNumberRequired),
        Row("N55-09", at: Fixtures.operatorB, "+395512345678", fromISC: true),
        Row("NG-06", at: Fixtures.operatorC, "+39C80301199123456", rejected: .unexpectedDestination),
        Row("NG-10", at: Fixtures.operatorA, "+39C98301186402"),
        Row("CS-01", at: Fixtures.carrierK, "+3910550612345678"),
        Row("CS-04", at: Fixtures.carrierK, "+39C10550612345678"),
        Row("CS-06", at: Fixtures.carrierK, "+39C11550612345678"),
        Row("CS-05", at: Fixtures.carrierK, "+39101230612345678", rejected: .unexpectedDestination),
        Row("RPV-01", at: Fixtures.vpnV, "+39148212345"),
        Row("WLR-01", at: Fixtures.wlrW, "+39C127050612345678"),
        Row("WLR-05", at: Fixtures.wlrW, "+39C124020612345678", rejected: .unexpectedDestination),
        // Area-routed numbers name no network: the Serving network routes on the area code.
        Row("EM-04", at: Fixtures.operatorA, "+39C9906112"),
        Row("EM-05", at: Fixtures.operatorA, "+39C97061129402"),
        // A ported-in geographic DN arrives plain to the Recipient only from abroad (§6.2.5); plain 0… is fine.
        Row("ABR-01", at: Fixtures.operatorA, "+390612345678", fromISC: true),
    ]

    @Test(arguments: rows)
    func destinationCheck(_ row: Row) throws {
        let number = try Fixtures.plan.classify(userPart: row.userPart)
        let local = LocalNetwork(identity: row.network)
        let check = {
            try local.check(number, origin: row.origin, fromISC: row.fromISC) { row.served.contains($0) }
        }
        if let outcome = row.outcome {
            let error = #expect(throws: NumberingError.self) { try check() }
            #expect(error?.clause == row.clause)
            #expect(error?.outcome == outcome)
        } else {
            #expect(throws: Never.self) { try check() }
        }
    }

    /// NG-09, CS-10, N13, NNI-36: a well-formed routing number whose service the originating operator has not
    /// subscribed with the destination: 63 / 500.
    @Test func serviceNotEnabledForTheOrigin() throws {
        let serving = LocalNetwork(identity: Fixtures.operatorA, enabledServices: ["opb.it": [.operatorRouted]])
        let freephone = try Fixtures.plan.classify(userPart: "+39C80301800123456")
        try serving.check(freephone, origin: "opb.it") { _ in true }
        let error = #expect(throws: NumberingError.self) { try serving.check(freephone, origin: "opc.it") { _ in true } }
        #expect(error?.reason == .serviceNotEnabled(.operatorRouted, origin: "opc.it"))
        #expect(error?.outcome == AnnexAOutcome(isupCause: 63, sipStatus: 500))

        let carrier = LocalNetwork(identity: Fixtures.carrierK, enabledServices: ["opa.it": [.carrierSelection]])
        let preselected = try Fixtures.plan.classify(userPart: "+39C10550612345678")
        let cps = #expect(throws: NumberingError.self) { try carrier.check(preselected, origin: "opa.it") { _ in true } }
        #expect(cps?.outcome == AnnexAOutcome(isupCause: 63, sipStatus: 500))
        // Plain numbers are no subscribed service.
        try carrier.check(try Fixtures.plan.classify(userPart: "+390612345678"), origin: "opc.it") { _ in true }
    }

    /// N11 and GEN-06 (R-DOM): on a direct interconnection the Request-URI host and the network the routing number
    /// names must be the same.
    @Test func requestURIHostMustBeTheNetworkTheNumberNames() throws {
        let olo9 = OperatorIdentity(domain: "olo9.it", operatorCodes: ["901"])
        let local = LocalNetwork(identity: Fixtures.operatorB, peers: [Fixtures.operatorA, Fixtures.operatorC, olo9])

        let n11 = try NNIPhoneURI(parsing: "sip:+39C80345800123456@olo9.it;user=phone")
        let peer = try #require(try local.operatorIdentity(domain: n11.host))
        let error = #expect(throws: NumberingError.self) {
            try peer.requireIdentified(by: Fixtures.plan.classify(userPart: n11.user))
        }
        #expect(error?.reason == .unexpectedDestination(.operatorRouted, identity: "operatorCode 345"))
        #expect(error?.outcome == AnnexAOutcome(isupCause: 28, sipStatus: 484))

        let gen06 = try Fixtures.plan.classify(userPart: "+39C80503199123456")
        #expect(throws: NumberingError.self) { try local.operatorIdentity(domain: "OPA.it")?.requireIdentified(by: gen06) }
        try local.operatorIdentity(domain: "opc.it")?.requireIdentified(by: gen06)
    }

    /// ERR-05, NNI-9 (A.1.1 d): a domain that is no interconnected operator's.
    @Test func unknownDomain() throws {
        let local = LocalNetwork(identity: Fixtures.operatorB, peers: [Fixtures.operatorA])
        #expect(try local.operatorIdentity(domain: "opb.it") == Fixtures.operatorB)
        let error = #expect(throws: NumberingError.self) { try local.operatorIdentity(domain: "unknown.example") }
        #expect(error?.clause == .invalidDomain)
        #expect(error?.outcome == AnnexAOutcome(isupCause: 28, sipStatus: 484))
        // Without a peer list the domain is not checked.
        #expect(try LocalNetwork(identity: Fixtures.operatorB).operatorIdentity(domain: "unknown.example") == nil)
    }
}
