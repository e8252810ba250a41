import SIPI
import Testing

/// The Q.850 value of a Reason header (RFC 3326 §2, RFC 8606 §3; examples of digest C.2).
@Suite struct Q850ReasonTests {
    @Test(arguments: [
        (#"Q.850;cause=16;text="Normal call clearing""#, 16, nil),
        (#"Q.850;cause=17;text="User busy";location=LN"#, 17, 2),
        (#"SIP;cause=487;text="Request Terminated", Q.850;cause=31"#, 31, nil),
        (#"q.850 ; cause = 34 ; location = bi"#, 34, 10),
        (#"Q.850;text="a, b; cause=99";cause=41"#, 41, nil),
        (#"Q.850;text="quote \" then ;cause=1";cause=42"#, 42, nil),
        (#"Q.850;cause=21;location=U"#, 21, 0),
        (#"Q.850;cause=21;location=XYZ"#, 21, nil),
    ] as [(String, UInt8, UInt8?)])
    func parses(header: String, cause: UInt8, location: UInt8?) {
        let reason = Q850Reason(header: header)
        #expect(reason?.cause == cause)
        #expect(reason?.location == location)
    }

    @Test(arguments: ["SIP;cause=486", "Q.850;cause=0", "Q.850;cause=128", "Q.850;cause=", "Q.850", "Q.8501;cause=1", ""])
    func givesNoCause(header: String) {
        #expect(Q850Reason(header: header) == nil)
    }
}
