import FuzzSupport
import SIPI

/// SDP parsing (RFC 4566) and the ST 769 profile (§7.4–§7.6) on what parses: offer checks of both kinds, the
/// input as an answer to itself and to an offer we build, the filter, answers we build to it; what we write
/// parses back equal.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard let sdp = try? SessionDescription(parsing: bytes(data, size)) else { return 0 }
    let profile = ST769SDPProfile()
    _ = try? profile.validateOffer(sdp, kind: .initialInvite)
    _ = try? profile.validateOffer(sdp, kind: .reOffer)
    _ = try? profile.validateAnswer(sdp, to: sdp)
    let ours = profile.offer(address: "192.0.2.1", port: 40000, sessionID: 1)
    _ = try? profile.validateAnswer(sdp, to: ours)
    guard (try? SessionDescription(parsing: sdp.bytes)) == sdp else { violated("the SDP written does not parse back equal") }
    let filtered = profile.filtered(sdp)
    guard (try? SessionDescription(parsing: filtered.bytes)) == filtered else { violated("the filtered SDP does not parse back") }
    if let answer = try? profile.answer(to: sdp, address: "192.0.2.1", port: 40000, sessionID: 2) {
        _ = try? profile.validateAnswer(answer, to: sdp)
    }
    return 0
}
