import DequeModule
import Interworking

/// One gateway of a conversion: the engine in front of one switch of a pair, and how the capture's circuits of that
/// switch map to the engine's. The gateway in front of the calling switch uses the captured CIC; the other one
/// seizes a circuit of its own choice, which stands for the captured CIC from then on until RLC.
struct ConversionSide {
    var engine: InterworkingEngine
    /// The point code of the switch this gateway fronts.
    let switchPC: UInt32
    let address: SIPEndpoint
    /// The SIP party this gateway faces (a SIP capture), nil when it fronts a switch (an ISUP capture).
    var party: SIPEndpoint? = nil
    var traceToEngine: [Int: Int] = [:]
    var engineToTrace: [Int: Int] = [:]
    /// Calls placed by the other switch whose IAM this gateway has not sent yet (it will seize in this order).
    var awaitingCircuit = Deque<CallKey>()
    /// Calls placed by this switch whose INVITE this gateway has not sent yet.
    var awaitingDialog = Deque<CallKey>()

    mutating func bind(trace cic: Int, engine circuit: Int) {
        traceToEngine[cic] = circuit
        engineToTrace[circuit] = cic
    }

    mutating func unbind(trace cic: Int) {
        guard let circuit = traceToEngine.removeValue(forKey: cic) else { return }
        engineToTrace[circuit] = nil
    }

    /// The engine circuit for a new call the switch places on `cic`: the same CIC unless the engine already uses it
    /// for another call, then the lowest one free.
    mutating func seize(trace cic: Int) -> Int {
        var circuit = cic
        if engineToTrace[circuit] != nil {
            circuit = (0...4095).first { engineToTrace[$0] == nil } ?? cic
        }
        bind(trace: cic, engine: circuit)
        return circuit
    }
}
