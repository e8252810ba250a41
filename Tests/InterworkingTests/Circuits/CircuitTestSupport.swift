import ISUP
import Interworking
import OracleSupport
import Testing

/// A trunk of CICs 1–31 (unless told otherwise); by default our point code is the higher one, so that we control the
/// even CICs (Q.764 §2.9.1.4).
func trunk(_ ranges: [String] = ["1-31"], opc: UInt32 = 2000, dpc: UInt32 = 1000,
           order: CircuitSelection.Order = .ascending, preferControlled: Bool = true) -> CircuitGroup {
    CircuitGroup(CircuitGroupConfiguration(
        name: "sw1", opc: opc, dpc: dpc, cics: ranges.map { CICRange($0)! },
        selection: CircuitSelection(order: order, preferControlledCircuits: preferControlled)))
}

let t0 = Instant.zero

func at(_ seconds: Int) -> Instant { t0 + .seconds(seconds) }

/// Feeds a message given as hex (with its CIC) and expects circuit supervision to take it.
func receive(_ group: inout CircuitGroup, _ text: String, at now: Instant = t0,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> [CircuitAction] {
    let message = try ISUPMessage(decoding: hex(text))
    guard case .handled(let actions) = group.handle(message, at: now) else {
        Issue.record("\(message.type) not handled by the circuit group", sourceLocation: sourceLocation)
        return []
    }
    return actions
}

extension [CircuitAction] {
    /// The messages sent, encoded with their CIC, in order.
    var sent: [[UInt8]] {
        compactMap { if case .send(let m) = $0 { try? m.encoded() } else { nil } }
    }
    var started: [CircuitTimer] {
        compactMap { if case .startTimer(let t, _) = $0 { t } else { nil } }
    }
    var cancelled: [CircuitTimer] {
        compactMap { if case .cancelTimer(let t) = $0 { t } else { nil } }
    }
    var alerts: [String] {
        compactMap { if case .maintenanceAlert(let s) = $0 { s } else { nil } }
    }
    var releasedCalls: [Int] {
        compactMap { if case .releaseCall(let c, _) = $0 { c.value } else { nil } }
    }
}

func timer(_ name: CircuitTimer.Name, _ cic: Int) -> CircuitTimer { CircuitTimer(name, cic: CIC(cic)) }
