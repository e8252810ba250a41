@testable import Gateway
import Interworking
import Testing

/// The pure parts of the daemon's ENUM lookups: the domain of a number (RFC 6116 §2.4), the regexp field of a NAPTR
/// record (RFC 3403 §3.2) and the choice of record (RFC 3403 §4.1, RFC 6116 §3.4). Vectors derived by hand from
/// the RFCs' own examples.
@Suite struct ENUMQueryTests {
    /// RFC 6116 §2.4 (as RFC 3761 §2.4): "+442079460148" → digits, dots between, reversed, ".e164.arpa" appended;
    /// RFC 2916 §2: "+46-8-9761234" → "4.3.2.1.6.7.9.8.6.4.e164.arpa" (the separators are dropped too).
    @Test(arguments: [
        ("+442079460148", "e164.arpa", "8.4.1.0.6.4.9.7.0.2.4.4.e164.arpa"),
        ("+46-8-9761234", "e164.arpa", "4.3.2.1.6.7.9.8.6.4.e164.arpa"),
        ("390612345678", "e164.test.", "8.7.6.5.4.3.2.1.6.0.9.3.e164.test"),
    ])
    func domainOfANumber(_ number: String, zone: String, domain: String) {
        #expect(ENUMQuery.domain(number: number, zone: zone) == domain)
    }

    /// RFC 6116 §2.1: the application unique string is the number in its full form, "+" and the digits.
    @Test func applicationUniqueString() {
        #expect(ENUMQuery.applicationUniqueString(number: "390612345678") == "+390612345678")
    }

    /// RFC 3761 §4.1 (the example RFC 6116 keeps): three records of order 10, preferences 100 (E2U+sip), 101
    /// (E2U+h323), 102 (E2U+msg), each `!^.*$!<uri>!`: SIP is preferred, its URI is sip:info@example.com. Given in
    /// reverse order, as a server may send them.
    @Test func rfc3761ExampleGivesTheSIPURI() {
        let records = [
            NAPTRRecord(order: 10, preference: 102, flags: "u", service: "E2U+msg", regexp: "!^.*$!mailto:info@example.com!"),
            NAPTRRecord(order: 10, preference: 101, flags: "u", service: "E2U+h323", regexp: "!^.*$!h323:info@example.com!"),
            NAPTRRecord(order: 10, preference: 100, flags: "u", service: "E2U+sip", regexp: "!^.*$!sip:info@example.com!"),
        ]
        #expect(ENUMQuery.answer(records, number: "441632960083") == .uri("sip:info@example.com"))
        // Without the SIP record no record serves SIP: no such number for this gateway.
        #expect(ENUMQuery.answer(Array(records.dropLast()), number: "441632960083") == .notFound)
    }

    /// RFC 3403 §4.1: order before preference (a lower order wins whatever the preferences); RFC 6116 §3.4.1: a
    /// record without the "u" flag is not terminal (skipped here); §3.6: the service compares without case.
    @Test func orderThenPreferenceThenFlags() {
        func sip(_ order: UInt16, _ preference: UInt16, _ host: String, flags: String = "u", service: String = "E2U+sip") -> NAPTRRecord {
            NAPTRRecord(order: order, preference: preference, flags: flags, service: service, regexp: "!^.*$!sip:x@\(host)!")
        }
        #expect(ENUMQuery.answer([sip(20, 1, "b"), sip(10, 100, "a")], number: "39") == .uri("sip:x@a"))
        #expect(ENUMQuery.answer([sip(10, 2, "b"), sip(10, 1, "a")], number: "39") == .uri("sip:x@a"))
        #expect(ENUMQuery.answer([sip(10, 1, "a", flags: ""), sip(10, 2, "b")], number: "39") == .uri("sip:x@b"))
        #expect(ENUMQuery.answer([sip(10, 1, "a", service: "E2U+SIP")], number: "39") == .uri("sip:x@a"))
        #expect(ENUMQuery.answer([sip(10, 1, "a", service: "e2u+voice:tel"), sip(10, 2, "b", service: "E2U+email:mailto")],
                                 number: "39") == .notFound)
        // A record whose ERE does not match the number gives way to the next one.
        let other = NAPTRRecord(order: 10, preference: 1, flags: "u", service: "E2U+sip", regexp: "!^\\+44(.*)$!sip:\\1@uk!")
        #expect(ENUMQuery.answer([other, sip(10, 2, "b")], number: "390612345678") == .uri("sip:x@b"))
        #expect(ENUMQuery.answer([other], number: "390612345678") == .notFound)
    }

    /// A malformed regexp is the zone's fault: `.failed` names the record and the offset.
    @Test func malformedRegexpFails() {
        let broken = NAPTRRecord(order: 10, preference: 100, flags: "u", service: "E2U+sip", regexp: "!^.*$!sip:x")
        #expect(ENUMQuery.answer([broken], number: "39")
                == .failed("NAPTR order 10 preference 100: regexp offset 11: the replacement has no closing delimiter"))
    }

    /// RFC 3403 §3.2 by hand: groups `\1` `\2` of the ERE in the replacement, another delimiter with an escaped
    /// delimiter, the "i" flag, no match.
    @Test(arguments: [
        ("!^\\+(39)(.*)$!sip:+\\1\\2@ported.example.it;user=phone!", "+390612345678", "sip:+390612345678@ported.example.it;user=phone"),
        ("!^\\+39(06)(.*)$!sip:\\2@rome.example.it!", "+390612345678", "sip:12345678@rome.example.it"),
        ("/^\\+(.*)$/sip:\\1@a.example\\/b/", "+3906", "sip:3906@a.example/b"),
        ("#^\\+39(.*)$#SIP:\\1@X#i", "+3906", "SIP:06@X"),
        ("!^.*$!sip:information@foo.se!i", "+4689761234", "sip:information@foo.se"),
        // Groups that take no part in the match are empty.
        ("!^(\\+39)?(0?6)?(.*)$!sip:\\1\\2\\3@h!", "+5", "sip:+5@h"),
        ("!^\\+44(.*)$!sip:\\1@uk!", "+390612345678", nil),
    ] as [(String, String, String?)])
    func substitution(_ field: String, input: String, output: String?) throws {
        #expect(try SubstitutionExpression(parsing: field).apply(to: input) == output)
    }

    /// Malformed fields: the byte offset and the reason (offsets counted by hand).
    @Test(arguments: [
        ("", 0, "empty regexp field"),
        ("1^.*$1x1", 0, "\"1\" cannot delimit"),
        ("!^.*$", 5, "the ERE has no closing delimiter"),
        ("!^.*$!sip:x", 11, "the replacement has no closing delimiter"),
        ("!^.*$!x!q", 8, "\"q\" is not a flag (only i)"),
        ("!^.*$!x\\0!", 7, "\\0 is not a backreference (1-9)"),
    ])
    func malformedFields(_ field: String, offset: Int, reason: String) {
        #expect(throws: SubstitutionError(offset: offset, reason: reason)) { try SubstitutionExpression(parsing: field) }
    }

    /// What only applying finds: an ERE regcomp refuses, a group the ERE does not have.
    @Test func applyingFindsBadEREAndMissingGroups() throws {
        let unbalanced = #expect(throws: SubstitutionError.self) { try SubstitutionExpression(parsing: "!^(.*$!x!").apply(to: "+3") }
        #expect(unbalanced?.reason.hasPrefix("ERE \"^(.*$\": ") == true)
        #expect(throws: SubstitutionError(offset: 0, reason: "\\2 but the ERE has 1 group(s)")) {
            try SubstitutionExpression(parsing: "!^(.*)$!\\2!").apply(to: "+3")
        }
    }
}
