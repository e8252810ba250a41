import Foundation
import M3UA
import NIOConcurrencyHelpers
import SCTPTransport

/// A kernel SCTP association driven for an `M3UANode` (SCTPTransport's calls block): one thread connects, then
/// reads messages and notifications and hands them to the node on its event loop; sends happen on the event loop
/// (small M3UA messages on a connected one-to-one socket, PPID 3 on the stream the machine chose, RFC 4666 §1.4.7).
/// SCTP_COMM_LOST, SCTP_SHUTDOWN_COMP, a peer SHUTDOWN or the end of the socket become `transportDown`
/// (RFC 4666 §4.3.1); a restart (SCTP_RESTART) too, so the machine brings the ASP up again.
final class SCTPLink: AssociationLink, @unchecked Sendable {
    private let association: SCTPAssociation
    private let closing = NIOLockedValueBox(false)

    private init(_ association: SCTPAssociation) { self.association = association }

    static func open<Machine>(
        remote: [SCTPEndpoint], local: [SCTPEndpoint], streams: UInt16, association id: AssociationID,
        node: M3UANode<Machine>
    ) {
        start(named: "sctp-\(id)", node) {
            do {
                serve(try SCTPAssociation(connectingTo: remote, from: local, streams: streams), as: id, for: node)
            } catch {
                node.eventLoop.execute { node.failed(id) }
            }
        }
    }

    /// Accepts associations on `listener` until the node stops it; each gets the next association number.
    static func accept<Machine>(on listener: SCTPListener, node: M3UANode<Machine>, stop: NIOLockedValueBox<Bool>) {
        start(named: "sctp-listener", node) {
            while !stop.withLockedValue({ $0 }) {
                guard let accepted = try? listener.accept(timeout: .milliseconds(200)) else { continue }
                guard node.admits(((try? accepted.peerAddresses()) ?? []).map(\.host)) else {
                    accepted.close()
                    continue
                }
                let id = node.nextAssociation()
                start(named: "sctp-\(id)", node) { serve(accepted, as: id, for: node) }
            }
            listener.close()
        }
    }

    /// The link's life on the current thread: up, read until the end, down.
    private static func serve<Machine>(_ association: SCTPAssociation, as id: AssociationID, for node: M3UANode<Machine>) {
        let link = SCTPLink(association)
        node.eventLoop.execute { node.up(link, id) }
        link.read(id, node)
        association.close()
        node.eventLoop.execute { node.down(link, id) }
    }

    /// A thread the node's `stop()` waits for.
    private static func start<Machine>(named name: String, _ node: M3UANode<Machine>, _ body: @escaping @Sendable () -> Void) {
        let threads = node.sctpThreads
        threads.enter()
        let thread = Thread {
            body()
            threads.leave()
        }
        thread.name = name
        thread.start()
    }

    /// Reads until the association ends or the node closes it.
    private func read<Machine>(_ id: AssociationID, _ node: M3UANode<Machine>) {
        while !closing.withLockedValue({ $0 }) {
            let incoming: SCTPIncoming?
            do {
                incoming = try association.receive(timeout: .milliseconds(200))
            } catch {
                return
            }
            switch incoming {
            case nil: continue
            case .message(let m)?:
                guard m.ppid == SCTPAssociation.m3uaPPID else { continue }
                node.eventLoop.execute { node.received(m.bytes, id, stream: m.stream) }
            case .event(.associationChange(let change))?:
                switch change.state {
                case .communicationLost, .shutdownComplete, .restart, .cannotStartAssociation: return
                default: continue
                }
            case .event(.shutdown)?, .closed?: return
            case .event?: continue
            }
        }
    }

    func send(_ octets: [UInt8], stream: UInt16) {
        try? association.send(octets, stream: stream, ppid: SCTPAssociation.m3uaPPID)
    }

    /// ABORT (the peer sees SCTP_COMM_LOST); the reading thread sees the socket end.
    func abort() {
        closing.withLockedValue { $0 = true }
        association.abort()
    }

    /// Graceful shutdown (SHUTDOWN after queued data); the reading thread sees the end and closes the socket.
    func close() {
        closing.withLockedValue { $0 = true }
        try? association.shutdown()
    }
}
