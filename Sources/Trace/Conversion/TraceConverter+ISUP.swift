import Interworking
import ISUP
import M3UA

extension TraceConverter {
    /// An ISUP message a switch of the capture sent: to the gateway in front of that switch.
    mutating func receive(_ bytes: [UInt8], route: ISUPRoute, record: Int) {
        statistics.isupMessages += 1
        var message: ISUPMessage
        do {
            message = try ISUPMessage(decoding: bytes, framing: .withCIC, strict: strict)
        } catch {
            statistics.unreadable += 1
            out.append(.unreadable(UnreadableRecord(record: record, reason: "ISUP: \(error)")))
            return
        }
        if !message.erroneousParameters.isEmpty { statistics.erroneousParameterMessages += 1 }
        let pair = self.pair(route)
        let side = pair * 2 + (route.opc == sides[pair * 2].switchPC ? 0 : 1)
        let cic = message.cic?.value ?? 0
        let key = CallKey(pair: pair, cic: cic)
        let circuit: Int
        if message.type == .iam {
            if calls[key] != nil { close(key, complete: false) }
            statistics.calls += 1
            let call = ConvertedCall(
                number: statistics.calls, opc: route.opc, dpc: route.dpc, cic: cic,
                called: message.calledPartyNumber.map { $0.digits.description.filter { $0 != "F" } },
                calling: message.callingPartyNumber.map { $0.digits.description })
            calls[key] = OpenCall(call: call, origin: side)
            sides[side].awaitingDialog.append(key)
            sides[side ^ 1].awaitingCircuit.append(key)
            circuit = sides[side].seize(trace: cic)
        } else {
            circuit = sides[side].traceToEngine[cic] ?? cic
        }
        let time = timestamp(now)
        let line = ConvertedMessage(time: time, from: .originatingSwitch, to: .originatingGateway, signalling: .isup,
                                    type: message.type.acronym, summary: summary(message.summaryLine), record: record,
                                    cause: message.causeIndicators?.value)
        note(line, isup: key, side: side, fromGateway: false, opc: route.opc, dpc: route.dpc)
        message.cic = CIC(circuit)
        let signalling = SignallingRoute(opc: route.opc, dpc: route.dpc, sls: route.sls,
                                         networkIndicator: route.networkIndicator)
        run(sides[side].engine.handle(.isup(message, from: signalling), at: now), from: side)
        if message.type == .rlc, calls[key] != nil { close(key, complete: true) }
    }

    /// ISUP a gateway sent toward its switch: kept with its call (the capture's CIC) or listed apart.
    mutating func sent(_ data: ProtocolData, by side: Int) {
        guard var message = try? data.isup() else { return }
        let circuit = message.cic?.value ?? 0
        if sides[side].engineToTrace[circuit] == nil, message.type == .iam,
           let key = sides[side].awaitingCircuit.popFirst() {
            sides[side].bind(trace: key.cic, engine: circuit)
        }
        // Shown on the captured CIC it stands for (the circuit a gateway picks is its own affair).
        let cic = sides[side].engineToTrace[circuit] ?? circuit
        let key = CallKey(pair: side / 2, cic: cic)
        message.cic = CIC(cic)
        let line = ConvertedMessage(time: timestamp(now), from: .originatingGateway, to: .originatingSwitch,
                                    signalling: .isup, type: message.type.acronym, summary: summary(message.summaryLine),
                                    cause: message.causeIndicators?.value)
        note(line, isup: key, side: side, fromGateway: true, opc: data.opc, dpc: data.dpc)
    }

    /// Adds an ISUP line to its call, oriented from the call's side, or lists it apart.
    mutating func note(_ line: ConvertedMessage, isup key: CallKey, side: Int, fromGateway: Bool,
                       opc: UInt32, dpc: UInt32) {
        var line = line
        guard let origin = calls[key]?.origin else {
            statistics.circuitMessages += 1
            out.append(.circuit(line, opc: opc, dpc: dpc, cic: key.cic))
            return
        }
        let switchLane: ConversionLane = side == origin ? .originatingSwitch : .terminatingSwitch
        let gatewayLane: ConversionLane = side == origin ? .originatingGateway : .terminatingGateway
        (line.from, line.to) = fromGateway ? (gatewayLane, switchLane) : (switchLane, gatewayLane)
        calls[key]!.call.messages.append(line)
    }

    /// The pair of gateways for the route's two switches, made on first sight.
    mutating func pair(_ route: ISUPRoute) -> Int {
        let key = SwitchPair(route.opc, route.dpc)
        if let index = pairs[key] { return index }
        let index = pairs.count
        pairs[key] = index
        for (switchPC, other) in [(key.low, key.high), (key.high, key.low)] {
            let configuration = gateways.configuration(fronting: switchPC, twin: other, pair: index,
                                                       networkIndicator: route.networkIndicator)
            let engine = InterworkingEngine(configuration: configuration, mappings: mappings,
                                            instance: "pc\(switchPC)-")
            sides.append(ConversionSide(engine: engine, switchPC: switchPC, address: configuration.sip.address))
            run(sides[sides.count - 1].engine.start(at: now, resetCircuits: false), from: sides.count - 1)
        }
        return index
    }

    /// Hands a call over: complete after its RLC, incomplete when a new IAM takes its circuit or the capture ends.
    mutating func close(_ key: CallKey, complete: Bool) {
        guard var open = calls.removeValue(forKey: key) else { return }
        for side in [key.pair * 2, key.pair * 2 + 1] {
            sides[side].unbind(trace: key.cic)
            sides[side].awaitingCircuit.removeAll { $0 == key }
            sides[side].awaitingDialog.removeAll { $0 == key }
        }
        if let callID = open.call.sipCallID { dialogs[callID] = nil }
        open.call.complete = complete
        out.append(.call(open.call))
    }
}
