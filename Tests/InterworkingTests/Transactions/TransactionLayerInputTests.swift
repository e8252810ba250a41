import Interworking
import SIPI
import Testing

/// What the layer does with input it cannot place in a transaction, and with requests of the TU it refuses.
@Suite struct TransactionLayerInputTests {
    let source = Fixtures.peerUDP

    /// RFC 3261 §8.2.2 / §21.4.1: a request without Via is answered with 400 naming the problem (the To tag of a
    /// stateless response, §8.2.7) and reported; no transaction is created.
    @Test func requestWithoutViaGets400() throws {
        let request = sip("""
            OPTIONS sip:gw.olo1.it SIP/2.0
            Max-Forwards: 70
            From: <sip:a@olo2.it>;tag=x
            To: <sip:gw.olo1.it>
            Call-ID: nv@olo2.it
            CSeq: 7 OPTIONS
            """)
        var layer = TransactionLayer()
        let actions = layer.handle(.received(request, from: source), at: .zero)
        #expect(actions.count == 2)
        let answer = try #require(actions.first?.transmittedMessage)
        #expect(actions == [.transmit(answer, to: source), .malformed(request, from: source, reason: .missingVia)])
        #expect(answer.startLine == .response(statusCode: 400, reasonPhrase: "Bad Request (Missing Via header field)"))
        #expect(answer.header("cseq") == "7 OPTIONS")
        #expect(answer.header("to") == "<sip:gw.olo1.it>;tag=\(request.statelessToTag)")
        #expect(request.statelessToTag.count == 16)
        _ = try answer.serialized()
        #expect(layer.count == 0)
    }

    /// RFC 3261 §8.1.1.7: a branch without the magic cookie is refused (RFC 2543 matching is not implemented);
    /// §8.1.1.5: a CSeq that does not parse or names another method likewise.
    @Test(arguments: [
        ("Via: SIP/2.0/UDP gw.olo2.it;branch=1234\nCSeq: 1 OPTIONS", MalformedReason.branchWithoutMagicCookie("1234")),
        ("Via: SIP/2.0/UDP gw.olo2.it\nCSeq: 1 OPTIONS", .missingBranch),
        ("Via: SIP/2.0/UDP gw.olo2.it;branch=z9hG4bKx\nCSeq: 1 INVITE", .cseqMethodMismatch(requestMethod: "OPTIONS", cseqMethod: "INVITE")),
        ("Via: SIP/2.0/UDP gw.olo2.it;branch=z9hG4bKx", .missingCSeq),
    ])
    func malformedRequestsGet400(headers: String, reason: MalformedReason) throws {
        let request = sip("""
            OPTIONS sip:gw.olo1.it SIP/2.0
            \(headers)
            From: <sip:a@olo2.it>;tag=x
            To: <sip:gw.olo1.it>
            Call-ID: m@olo2.it
            """)
        var layer = TransactionLayer()
        let actions = layer.handle(.received(request, from: source), at: .zero)
        #expect(actions.first?.transmittedMessage?.statusCode == 400)
        #expect(actions.last == .malformed(request, from: source, reason: reason))
        #expect(layer.count == 0)
    }

    /// A CSeq libosip2 accepts but RFC 3261 §25.1 does not (`1*DIGIT LWS Method`): set on the value directly.
    @Test func unparsableCSeqGets400() {
        var request = Fixtures.request("OPTIONS", branch: "z9hG4bKcs")
        request.setHeader("CSeq", "one OPTIONS")
        var layer = TransactionLayer()
        let actions = layer.handle(.received(request, from: source), at: .zero)
        #expect(actions.first?.transmittedMessage?.statusCode == 400)
        #expect(actions.last == .malformed(request, from: source, reason: .invalidCSeq("one OPTIONS")))
    }

    /// RFC 3261 §17: an ACK is never answered; a malformed one, or a malformed response, is only reported.
    @Test func malformedAckAndResponseAreOnlyReported() {
        var ack = Fixtures.ack(branch: "z9hG4bKa")
        ack.setHeader("Via", nil)
        var response = Fixtures.response(200, "OK")
        response.setHeader("Via", "garbage")
        var layer = TransactionLayer()
        #expect(layer.handle(.received(ack, from: source), at: .zero) == [.malformed(ack, from: source, reason: .missingVia)])
        #expect(layer.handle(.received(response, from: source), at: .zero) == [
            .malformed(response, from: source, reason: .invalidVia("garbage")),
        ])
    }

    /// RFC 3261 §18.1.2: a response matching no client transaction is dropped, reported as stray.
    @Test func unmatchedResponseIsStray() {
        var layer = TransactionLayer()
        let response = Fixtures.response(180, "Ringing")
        #expect(layer.handle(.received(response, from: source), at: .zero) == [.stray(response, from: source)])
    }

    /// RFC 3261 §17.1.1.3 / §13.2.2.4: the TU cannot start a transaction for an ACK; the ACK of a 2xx goes out
    /// statelessly. §8.1.1.7: the TU's branches carry the cookie and are unique. Responses need a transaction.
    @Test func refusals() {
        var layer = TransactionLayer()
        let ack = Fixtures.ack(branch: "z9hG4bKack9")
        #expect(layer.handle(.sendRequest(ack, to: source), at: .zero) == [.refused(ack, .ackIsNotATransaction)])
        #expect(layer.handle(.sendStateless(ack, to: source), at: .zero) == [.transmit(ack, to: source)])
        let old = Fixtures.request("BYE", branch: "abc")
        #expect(layer.handle(.sendRequest(old, to: source), at: .zero) == [
            .refused(old, .malformed(.branchWithoutMagicCookie("abc"))),
        ])
        let bye = Fixtures.request("BYE", branch: "z9hG4bKbye")
        #expect(layer.handle(.sendRequest(bye, to: source), at: .zero).count == 3)
        let clientID = TransactionID(role: .client, branch: "z9hG4bKbye", method: "BYE")
        #expect(layer.handle(.sendRequest(bye, to: source), at: .zero) == [.refused(bye, .duplicate(clientID))])
        let ok = bye.response(200)
        #expect(layer.handle(.sendResponse(ok, transaction: clientID), at: .zero) == [
            .refused(ok, .responseNotAllowed(clientID, status: 200)),
        ])
        let nobody = TransactionID(role: .server, branch: "z9hG4bKx", method: "BYE", sentBy: "a")
        #expect(layer.handle(.sendResponse(ok, transaction: nobody), at: .zero) == [.refused(ok, .unknownTransaction(nobody))])
        #expect(layer.handle(.sendResponse(bye, transaction: clientID), at: .zero) == [.refused(bye, .wrongKind)])
        #expect(layer.handle(.sendRequest(ok, to: source), at: .zero) == [.refused(ok, .wrongKind)])
        #expect(layer.count == 1)
    }

    /// Never a crash: odd Via and CSeq values, as requests and as responses, each to a fresh layer, end as a
    /// transaction, a stray or a report.
    @Test func oddValuesNeverCrash() {
        let vias = ["", ",", ";;;", "SIP/2.0/UDP [", "SIP/2.0/UDP [::1", "SIP/2.0/UDP h:", "SIP/2.0/UDP h;branch",
                    "SIP/2.0/UDP h;branch=", "SIP/2.0/UDP h;branch=z9hG4bK", "SIP/2.0/UDP h;branch=\"z9hG4bK;x\"",
                    "//", "SIP/2.0/UDP h:65536", "SIP/2.0/UDP h;rport=x;branch=z9hG4bK1", "\u{0}"]
        let cseqs = ["", "1", "4294967296 BYE", "1 BYE", "1 ACK", "0 OPTIONS", "1\tOPTIONS", "99999999999999999999 BYE"]
        for via in vias {
            for cseq in cseqs {
                var request = Fixtures.request("OPTIONS", branch: "z9hG4bKodd")
                request.setHeader("Via", via)
                request.setHeader("CSeq", cseq)
                var response = Fixtures.response(200, "OK")
                response.setHeader("Via", via)
                response.setHeader("CSeq", cseq)
                for message in [request, response] {
                    var layer = TransactionLayer()
                    #expect(!layer.handle(.received(message, from: source), at: .zero).isEmpty)
                    _ = layer.handle(.sendRequest(message, to: source), at: .zero)
                }
            }
        }
    }
}
