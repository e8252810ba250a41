import ISUP
import SIPI

/// One call through the gateway: its ISUP leg on a circuit, its SIP leg in a dialog, the timers it runs and what its
/// record will say. Both directions share it (digest B.6).
struct Call: Sendable {
    let id: CallID
    let direction: Observation.CallDirection
    let trunk: Int
    var peer: Int
    var cic: CIC?
    var isup: ISUPLeg
    var sip: SIPLeg
    /// Timers running for this call; an expiry of one not in the set is stale and ignored.
    var timers = CallTimerSet()
    var record: CallRecord
    /// The first side to release (kept for the record).
    var releasedBy: CallRecord.Side?

    /// Both legs are finished: the circuit is idle again (RLC exchanged) and the SIP side has nothing pending (ended,
    /// or never started: an I→S call released before its INVITE).
    var isFinished: Bool { isup.state == .idle && (sip.state == .terminated || sip.state == .idle) }
}

/// The ISUP side of a call (Q.764 §2.1–§2.3 as the interworking unit runs them).
struct ISUPLeg: Sendable {
    enum State: Hashable, Sendable {
        /// I→S: the IAM arrived; digits are being collected or a COT is awaited, no INVITE yet.
        case collecting
        /// I→S: the INVITE went out, no ACM sent; S→I: the IAM went out, no ACM received (T7).
        case setup
        /// ACM sent (I→S) or received (S→I).
        case alerting
        case answered
        /// REL sent, waiting for RLC (T1, T5).
        case releasing
        /// Released: RLC sent or received, or no circuit was ever seized.
        case idle
    }

    var state: State
    /// The IAM received (I→S, with every SAM digit folded in; dropped once the INVITE is out) or sent (S→I, kept
    /// for a re-attempt after dual seizure until the first backward message).
    var iam: ISUPMessage?
    /// I→S: the called number has reached its end (ST, complete length, T10).
    var numberComplete = false
    /// I→S: a continuity check is pending (Q.764 §2.1.8, T8): the INVITE waits for the COT.
    var awaitingContinuity = false
    /// The REL sent, kept to repeat it on T1.
    var releaseSent: ISUPMessage?
    /// The route ISUP messages of this call leave on.
    var route: SignallingRoute
}

/// The SIP side of a call: user-agent core and dialog state (RFC 3261 §12–§13, RFC 3262, RFC 4028).
struct SIPLeg: Sendable {
    enum State: Hashable, Sendable {
        /// I→S: no INVITE sent yet.
        case idle
        /// UAC: INVITE sent, no provisional with a tag yet; UAS: INVITE received, no 18x sent.
        case calling
        /// An 18x sent or received: an early dialog.
        case early
        /// UAS: 2xx sent, ACK not received yet (the core retransmits the 2xx).
        case awaitingACK
        case confirmed
        /// UAC: CANCEL sent; the INVITE's final response is awaited (a crossing 200 is ACKed and BYEd).
        case cancelling
        /// BYE sent, its response awaited.
        case byeSent
        case terminated
    }

    var state: State = .idle
    /// Our tag: the From tag of the INVITE we send (UAC), the To tag of our responses (UAS).
    var localTag = ""
    var dialog: Dialog?
    /// UAC: the INVITE sent (for CANCEL, a retry after 415/422/3xx); UAS: the INVITE received (for its responses).
    /// Dropped once the dialog is confirmed: an established call keeps only what it still needs.
    var invite: SIPMessage?
    /// The CSeq number of the current INVITE (its ACK, superseded responses).
    var inviteSequence: UInt32 = 1
    /// UAS: the INVITE server transaction, answered by every response to the INVITE.
    var inviteTransaction: TransactionID?
    /// The peer's endpoint.
    var remote: SIPEndpoint
    /// The SDP offer received (UAS) or sent (UAC; dropped with the INVITE at the 2xx), and whether the answer went
    /// out / came in.
    var offer: [UInt8]?
    var answerExchanged = false
    /// UAC: a CANCEL is owed as soon as a provisional arrives (RFC 3261 §9.1 forbids it before)…
    var cancelOwed = false
    /// …and whether one (a 100 included) has arrived for the current INVITE.
    var provisionalReceived = false
    /// The Reason of that CANCEL.
    var cancelReason: String?
    /// UAC: the INVITE went without its ISUP part after a 415 (digest A.6).
    var isupStripped = false
    /// UAS: the 2xx being retransmitted until ACK, and its current interval.
    var okResponse: SIPMessage?
    var okInterval: Duration = .zero
    /// RFC 3262: the far end supports 100rel (UAS side) and the reliable provisional awaiting PRACK.
    var peerSupports100rel = false
    var rseq: UInt32 = 0
    var unacknowledgedProvisional: SIPMessage?
    var provisionalInterval: Duration = .zero
    /// Messages held until the reliable provisional is PRACKed (RFC 3262 §3: one at a time; no 2xx before).
    var heldResponses: [SIPMessage] = []
    /// RFC 4028: the negotiated interval and whether this side refreshes.
    var sessionInterval: Duration?
    var weRefresh = false
    /// Our session-refresh UPDATE awaits its final response: an UPDATE from the peer meanwhile is glare (RFC 3311
    /// §5.2: 491).
    var updatePending = false
}
