import ISUP
import NIOConcurrencyHelpers
import NIOCore
import SIPI

/// A readable call ladder for the demo: one line per message, ISUP between the switch and the gateway on the
/// left, SIP between the gateway and the SIP peer on the right, arrows in the direction of travel, times since
/// the start. Lines come from several event loops; each is written whole.
public final class CallLadder: Sendable {
    static let isupWidth = 52
    private let started = NIODeadline.now()
    private let write: @Sendable (String) -> Void
    private let lock = NIOLock()

    public init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    public var header: String {
        let left = "switch-sim ── ISUP over M3UA ── gateway"
        return "    time  " + left + String(repeating: " ", count: Self.isupWidth - left.count) + "gateway ── SIP ── SIP peer\n"
    }

    /// An ISUP message on the switch's side.
    public func isup(sentBySwitch: Bool, _ message: ISUPMessage) {
        let text = sentBySwitch ? "\(message.summaryLine) ─▶" : "◀─ \(message.summaryLine)"
        line(text)
    }

    /// A SIP message on the peer's side.
    public func sip(sentByPeer: Bool, _ message: SIPMessage) {
        line(String(repeating: " ", count: Self.isupWidth) + (sentByPeer ? "◀─ " : "─▶ ") + message.summaryLine)
    }

    /// A line of its own (a call's title).
    public func note(_ text: String) {
        lock.withLock { write("\n" + text + "\n") }
    }

    private func line(_ text: String) {
        let micros = (NIODeadline.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1000
        let seconds = "\(micros / 1_000_000).\(String(repeating: "0", count: 3 - String(micros / 1000 % 1000).count))\(micros / 1000 % 1000)"
        lock.withLock { write(String(repeating: " ", count: max(0, 8 - seconds.count)) + seconds + "  " + text + "\n") }
    }
}
