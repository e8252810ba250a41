import ISUP

/// What the circuit group asks of the engine and the shell.
public enum CircuitAction: Hashable, Sendable {
    /// Send toward the switch; the CIC is set, the engine adds OPC, DPC and SLS.
    case send(ISUPMessage)
    case startTimer(CircuitTimer, after: Duration)
    case cancelTimer(CircuitTimer)
    /// A reset, group reset or hardware failure oriented blocking hit a circuit that carried a call: the call control
    /// clears the call on the SIP side and forgets it. The circuit is already idle on the ISUP side: no REL is sent
    /// (the RLC, GRA or the blocking itself clears it at the switch).
    case releaseCall(CIC, cause: UInt8)
    /// The circuit's state after a change.
    case stateChanged(CIC, CircuitState)
    /// Something maintenance staff should see (Q.764: "alert maintenance"); the shell logs it.
    case maintenanceAlert(String)
}

/// What `CircuitGroup.handle` did with a received message.
public enum CircuitHandling: Hashable, Sendable {
    /// A circuit supervision message (or an RLC answering our reset, or one to discard): these are the actions.
    case handled([CircuitAction])
    /// Not for circuit supervision: the call control takes it (call messages, an RLC after a REL).
    case notForCircuits
}

/// A local maintenance request (operator, or the shell on a hardware alarm).
public enum MaintenanceCommand: Hashable, Sendable {
    /// One circuit: BLO (maintenance); otherwise CGB with range and status, ≤ 32 circuits per message.
    case block(CICRange, BlockingKind)
    /// One circuit: UBL (maintenance); otherwise CGU with range and status, ≤ 32 circuits per message.
    case unblock(CICRange, BlockingKind)
    /// One circuit: RSC; otherwise GRS, ≤ 32 circuits per message.
    case reset(CICRange)
}

/// The outcome of an IAM received on a circuit (Q.764 §2.8.2.3, §2.9.1.4, §2.9.5, §2.12).
public enum IncomingSeizure: Hashable, Sendable {
    /// The circuit is now incoming busy. `clearedRemoteBlocking`: it was blocked by the switch for maintenance; a
    /// non-test IAM unblocks it (Q.764 §2.8.2.3, isup-q763.md §6.6).
    case accepted(clearedRemoteBlocking: Bool)
    /// We had sent an IAM on it and no backward message had come (Q.764 §2.9.1.4). `weControl`: the incoming IAM is
    /// to be disregarded and our call goes on. Otherwise our outgoing call backs off (no REL), the call control
    /// re-attempts it on another circuit, and the incoming call is accepted: the circuit is incoming busy.
    case dualSeizure(weControl: Bool)
    /// We blocked it and the IAM is not a test call: discarded; for maintenance blocking the BLO is sent again, for
    /// hardware blocking the hardware failure oriented CGB (Q.764 §2.8.2.3).
    case locallyBlocked([CircuitAction])
    /// Not one of ours: UCIC goes back and maintenance is alerted (Q.764 §2.12).
    case unequipped([CircuitAction])
    /// The circuit already carries a call: an unexpected message; the circuit is reset (Q.764 §2.9.5).
    case busy([CircuitAction])
    /// Our own reset awaits its acknowledgement: the IAM is discarded.
    case resetInProgress
}
