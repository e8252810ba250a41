import Interworking
import ISUP

/// Circuit supervision from the gateway (Q.764 §2.8, §2.9): resets and blocking, acknowledged as Q.763 says.
extension SwitchSimulator {
    mutating func maintenance(_ message: ISUPMessage, cic: Int, at now: Instant) -> [SwitchSimulatorAction] {
        switch message.type {
        case .grs:
            // §2.9.3.2: every circuit of the range idle, remote blocking removed; GRA with no circuit blocked here.
            guard let range = message.rangeAndStatus?.range else { return [] }
            var out = [SwitchSimulatorAction]()
            for n in cic...(cic + Int(range)) where circuits[n] != nil {
                out += end(n, failure: "reset")
                circuits[n]?.remotelyBlocked = false
            }
            out.append(.send(.acknowledgement(.gra, to: message, statusBits: [])))
            return out + (configuration.waitForReset ? becomeReady(at: now) : [])
        case .rsc:
            // §2.9.3.1: the circuit idle, RLC.
            circuits[cic]?.remotelyBlocked = false
            return end(cic, failure: "reset") + [.send(.bare(.rlc, cic: cic))]
        case .cgb, .cgu:
            // §2.8.2: the circuits whose status bit is set are blocked (unblocked) for outgoing calls; CGBA (CGUA)
            // repeats the indicators.
            guard let status = message.rangeAndStatus else { return [] }
            for n in status.setStatusBits { circuits[cic + n]?.remotelyBlocked = message.type == .cgb }
            return [.send(.acknowledgement(message.type == .cgb ? .cgba : .cgua, to: message, statusBits: status.setStatusBits))]
        case .blo, .ubl:
            circuits[cic]?.remotelyBlocked = message.type == .blo
            return [.send(.bare(message.type == .blo ? .bla : .uba, cic: cic))]
        default:
            return []
        }
    }
}
