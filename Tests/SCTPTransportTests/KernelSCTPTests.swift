import Foundation
import Testing
@testable import SCTPTransport

/// Whether this kernel offers SCTP: /proc/net/sctp exists once the sctp module is loaded.
let kernelHasSCTP = FileManager.default.fileExists(atPath: "/proc/net/sctp")

/// On this machine's kernel (no SCTP) the association fails at socket() with the typed errno-93 error; inside
/// Scripts/sctp-vm the same calls succeed.
@Suite struct KernelSCTPTests {
    @Test(.enabled(if: !kernelHasSCTP, "this kernel has SCTP (/proc/net/sctp exists): tested by SCTPVMTests instead"))
    func socketOnAKernelWithoutSCTPIsProtocolNotSupported() {
        #expect(throws: SCTPError.protocolNotSupported) { try SCTPAssociation.checkKernelSupport() }
        do {
            _ = try SCTPAssociation(connectingTo: [SCTPEndpoint("127.0.0.1", port: 2905)])
            Issue.record("an SCTP association was created on a kernel without SCTP")
        } catch {
            #expect(error == .protocolNotSupported)
            #expect(error.errno == 93)
            #expect(error.description.contains("errno 93"))
        }
    }

    @Test(.enabled(if: kernelHasSCTP, "this kernel has no SCTP (errno 93): tested by socketOnAKernelWithoutSCTPIsProtocolNotSupported"))
    func socketOnAKernelWithSCTPOpens() throws {
        try SCTPAssociation.checkKernelSupport()
    }
}

@Suite struct SCTPEndpointTests {
    @Test func parsesIPv4AndIPv6() throws {
        #expect(SCTPEndpoint(parsing: "127.0.0.1:2905") == SCTPEndpoint("127.0.0.1", port: 2905))
        #expect(SCTPEndpoint(parsing: "[::1]:2906") == SCTPEndpoint("::1", port: 2906))
        #expect(SCTPEndpoint(parsing: "[::1]:2906")?.description == "[::1]:2906")
        #expect(SCTPEndpoint(parsing: "localhost:2905") == nil)
        #expect(SCTPEndpoint(parsing: "127.0.0.1") == nil)
        #expect(SCTPEndpoint(parsing: "127.0.0.1:70000") == nil)
        #expect(throws: SCTPError.invalidAddress("10.0.0.256")) { try SCTPEndpoint("10.0.0.256", port: 1).sockaddr() }
    }

    @Test func sockaddrRoundTrip() throws {
        for e in [SCTPEndpoint("192.0.2.7", port: 2905), SCTPEndpoint("2001:db8::1", port: 14001)] {
            let bytes = try e.sockaddr()
            #expect(bytes.withUnsafeBytes { SCTPEndpoint(sockaddr: $0) } == e)
        }
        // Port in network byte order right after the family (sockaddr_in).
        #expect(Array(try SCTPEndpoint("127.0.0.1", port: 2905).sockaddr()[2..<8]) == [0x0B, 0x59, 127, 0, 0, 1])
    }
}

/// Notification layouts of linux/sctp.h, built by hand (native byte order).
@Suite struct SCTPEventParsingTests {
    private func bytes(_ fields: [any FixedWidthInteger], padTo size: Int = 0) -> [UInt8] {
        var out = [UInt8]()
        for f in fields {
            switch f {
            case let v as UInt16: withUnsafeBytes(of: v) { out += $0 }
            case let v as UInt32: withUnsafeBytes(of: v) { out += $0 }
            case let v as Int32: withUnsafeBytes(of: v) { out += $0 }
            default: Issue.record("unexpected field type")
            }
        }
        return out + [UInt8](repeating: 0, count: max(0, size - out.count))
    }

    @Test func associationChange() {
        // sctp_assoc_change: type 0x8001, flags, length 20, state COMM_UP, error 0, out 2, in 3, assoc id 7
        let b = bytes([UInt16(0x8001), UInt16(0), UInt32(20), UInt16(0), UInt16(0), UInt16(2), UInt16(3), Int32(7)])
        let event = b.withUnsafeBytes { SCTPEvent(notification: $0) }
        #expect(event == .associationChange(SCTPAssociationChange(
            state: .communicationUp, error: 0, outboundStreams: 2, inboundStreams: 3, associationID: 7)))
        let down = bytes([UInt16(0x8001), UInt16(0), UInt32(20), UInt16(3), UInt16(0), UInt16(0), UInt16(0), Int32(7)])
        guard case .associationChange(let c) = down.withUnsafeBytes({ SCTPEvent(notification: $0) }) else {
            Issue.record("not an association change"); return
        }
        #expect(c.state == .shutdownComplete)
        #expect(c.state.description == "SCTP_SHUTDOWN_COMP")
    }

    @Test func peerAddressChange() throws {
        // sctp_paddr_change (packed): header, sockaddr_storage (128), state, error, assoc id
        var b = bytes([UInt16(0x8002), UInt16(0), UInt32(148)])
        var storage = try SCTPEndpoint("10.1.2.3", port: 2905).sockaddr()
        storage += [UInt8](repeating: 0, count: 128 - storage.count)
        b += storage
        b += bytes([Int32(1), Int32(0), Int32(9)])
        let event = b.withUnsafeBytes { SCTPEvent(notification: $0) }
        #expect(event == .peerAddressChange(SCTPPeerAddressChange(
            address: SCTPEndpoint("10.1.2.3", port: 2905), state: .unreachable, error: 0, associationID: 9)))
    }

    @Test func shutdownAndOthers() {
        let shutdown = bytes([UInt16(0x8005), UInt16(0), UInt32(12), Int32(4)])
        #expect(shutdown.withUnsafeBytes { SCTPEvent(notification: $0) } == .shutdown(associationID: 4))
        let dry = bytes([UInt16(0x8009), UInt16(0), UInt32(12), Int32(4)])
        #expect(dry.withUnsafeBytes { SCTPEvent(notification: $0) } == .other(type: 0x8009, length: 12))
    }
}
