import NIOCore

/// Writes on a channel and flushes it once, after the event loop's current pass, instead of once per write: every
/// message an inbound batch causes leaves in one syscall (`sendmmsg` for datagrams). Answering a flood message by
/// message took a syscall per reply and starved the loop's other channels (issue 10,
/// `LoadCampaignTests.m3uaDataFloodLeavesTheDaemonResponsive`; issue 8, the load runs).
public final class CoalescingWriter: @unchecked Sendable {
    public let channel: Channel
    /// Touched on `channel.eventLoop` only.
    private var flushScheduled = false

    public init(channel: Channel) { self.channel = channel }

    /// From off the loop, written and flushed at once.
    public func write<Message: Sendable>(_ message: Message) {
        guard channel.eventLoop.inEventLoop else {
            channel.writeAndFlush(message, promise: nil)
            return
        }
        channel.write(message, promise: nil)
        guard !flushScheduled else { return }
        flushScheduled = true
        channel.eventLoop.execute {
            self.flushScheduled = false
            self.channel.flush()
        }
    }
}
