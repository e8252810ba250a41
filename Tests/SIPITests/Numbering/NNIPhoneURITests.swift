import SIPI
import Testing

/// SIP URIs at the NNI (ST 769 §7.3.1, Annex A.1.1): st769-3 §14.1, st769-2 §6.9, st769-1 N12.
@Suite struct NNIPhoneURITests {
    @Test func userPartHostAndParameters() throws {
        // NNI-1
        let uri = try NNIPhoneURI(parsing: "sip:+390636881@olo2.it;user=phone")
        #expect(uri.user == "+390636881")
        #expect(uri.host == "olo2.it")
        #expect(uri.port == nil)
        #expect(uri.isUserPhone)
    }

    @Test func portOtherParametersAndHeaders() throws {
        let uri = try NNIPhoneURI(parsing: "SIP:+39C80345800123456@192.0.2.7:5060;transport=udp;user=phone?Subject=x")
        #expect(uri.user == "+39C80345800123456")
        #expect(uri.host == "192.0.2.7")
        #expect(uri.port == 5060)
        #expect(uri.parameters == ["transport=udp", "user=phone"])
        #expect(uri.description == "sip:+39C80345800123456@192.0.2.7:5060;transport=udp;user=phone")
    }

    @Test func writtenAsTheNNIExpects() {
        // T25: PAI of a caller on olo1.
        #expect(NNIPhoneURI(user: "+390612345678", host: "olo1.it").description == "sip:+390612345678@olo1.it;user=phone")
    }

    /// [OPEN] st769-2 §7.10: a missing user=phone is accepted unless configured otherwise.
    @Test func userPhoneIsOptionalUnlessRequired() throws {
        // NP0-09 writes the transit R-URI without user=phone.
        let lenient = try NNIPhoneURI(parsing: "sip:+39C600651230612345678@tra.it")
        #expect(!lenient.isUserPhone)
        #expect(throws: NumberingError.self) {
            try NNIPhoneURI(parsing: "sip:+39C600651230612345678@tra.it", requiresUserPhone: true)
        }
    }

    struct Rejected: CustomTestStringConvertible, Sendable {
        let id: String
        let uri: String
        let clause: AnnexACase
        var testDescription: String { "\(id) \(uri)" }
    }

    static let malformed: [Rejected] = [
        Rejected(id: "ERR-01", uri: "tel:+390612345678", clause: .malformedURI),
        Rejected(id: "NNI-3", uri: "+390636881@olo2.it", clause: .malformedURI),
        Rejected(id: "ERR-04", uri: "sip:+390612345678;user=phone", clause: .malformedURI),
        Rejected(id: "NNI-5", uri: "sip:@olo2.it;user=phone", clause: .malformedURI),
        Rejected(id: "A.1.1 a", uri: "sip:+390636881@;user=phone", clause: .malformedURI),
        Rejected(id: "A.1.1 a", uri: "mailto:+390636881@olo2.it", clause: .malformedURI),
        Rejected(id: "A.1.1 a", uri: "sip:+390636881@olo2.it:70000;user=phone", clause: .malformedURI),
        Rejected(id: "NNI-8", uri: "sip:+390636881@olo2..it;user=phone", clause: .invalidDomain),
        Rejected(id: "A.1.1 d", uri: "sip:+390636881@-olo2.it;user=phone", clause: .invalidDomain),
        Rejected(id: "A.1.1 d", uri: "sip:+390636881@olo_2.it;user=phone", clause: .invalidDomain),
    ]

    @Test(arguments: malformed)
    func malformedURI(_ row: Rejected) {
        let error = #expect(throws: NumberingError.self) { try NNIPhoneURI(parsing: row.uri) }
        #expect(error?.clause == row.clause)
        #expect(error?.outcome == AnnexAOutcome(isupCause: 28, sipStatus: 484))
    }

    @Test func telURIIsNamedAsSuch() {
        // N12 / NNI-2: the anomaly is reported to the sending operator, so it must be told apart.
        let error = #expect(throws: NumberingError.self) { try NNIPhoneURI(parsing: "tel:+390636881") }
        #expect(error?.reason == .telURI)
    }

    /// Well-formed URIs whose user part ST 769 rejects: the URI parses, the classification fails.
    static let badUser: [Rejected] = [
        Rejected(id: "ERR-02", uri: "sip:+39 0612345678@opa.it;user=phone", clause: .invalidSubscriber),
        Rejected(id: "ERR-03", uri: "sip:+39-06-12345678@opa.it;user=phone", clause: .invalidSubscriber),
        Rejected(id: "NNI-6", uri: "sip:+39063688A1@olo2.it;user=phone", clause: .invalidSubscriber),
        Rejected(id: "NNI-7", uri: "sip:+39%200636881@olo2.it;user=phone", clause: .invalidSubscriber),
        Rejected(id: "ERR-06", uri: "sip:39C80301800123456@opa.it;user=phone", clause: .notGlobal),
        Rejected(id: "ERR-07", uri: "sip:+33C80301800123456@opa.it;user=phone", clause: .notItalian),
    ]

    @Test(arguments: badUser)
    func userPartRejected(_ row: Rejected) throws {
        let uri = try NNIPhoneURI(parsing: row.uri)
        let error = #expect(throws: NumberingError.self) { try Fixtures.plan.classify(userPart: uri.user) }
        #expect(error?.clause == row.clause)
        #expect(error?.outcome == AnnexAOutcome(isupCause: 28, sipStatus: 484))
    }
}
