// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sipigw",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ISUP", targets: ["ISUP"]),
        .library(name: "M3UA", targets: ["M3UA"]),
        .library(name: "SCTPTransport", targets: ["SCTPTransport"]),
        .library(name: "SIPI", targets: ["SIPI"]),
        .library(name: "Interworking", targets: ["Interworking"]),
        .library(name: "Trace", targets: ["Trace"]),
        .library(name: "Gateway", targets: ["Gateway"]),
        .executable(name: "sipigw", targets: ["sipigw"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Pure ISUP codec (ITU-T Q.763 + ST 763 national use): bytes in, values out, no I/O.
        .target(name: "ISUP"),
        // Pure M3UA codec (RFC 4666): common header, TLV parameters, Protocol Data with ISUP inside. No I/O.
        .target(name: "M3UA", dependencies: ["ISUP"]),
        // libsctp (Debian libsctp-dev): the Linux kernel SCTP user API (sctp_sendmsg, sctp_recvmsg, sctp_bindx).
        .systemLibrary(name: "CSCTP", pkgConfig: "libsctp", providers: [.apt(["libsctp-dev"])]),
        // Kernel SCTP associations through libsctp (one-to-one sockets, PPID/stream, notifications, multi-homing);
        // runs where the kernel has SCTP (on this machine: inside Scripts/sctp-vm). No NIO.
        .target(name: "SCTPTransport", dependencies: ["M3UA", "CSCTP"]),
        // M3UA transports: TCP framing on the common-header length (SwiftNIO), ERR replies on the wire.
        .target(name: "M3UATransport", dependencies: [
            "M3UA",
            "SCTPTransport",
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        // libosip2 (Debian libosip2-dev) for SIP message parsing and serialization.
        .systemLibrary(name: "COsip2", pkgConfig: "libosip2", providers: [.apt(["libosip2-dev"])]),
        // SIP-I: SIP messages (through libosip2), Q.1912.5 / RFC 3204 bodies, ST 769 profile (numbering, SDP,
        // identities), and the Mappings/ loader (pure: file contents in, tables out).
        .target(name: "SIPI", dependencies: ["ISUP", "COsip2"]),
        // Interworking engine (Q.1912.5 call control, RFC 3261 transactions and dialogs, Q.764 circuits, timers,
        // routing): one pure value fed events at instants the shell supplies, answering with actions. No I/O.
        .target(name: "Interworking", dependencies: ["ISUP", "SIPI", "M3UA"]),
        // c-ares (Debian libc-ares-dev) for the daemon's ENUM NAPTR queries (RFC 6116) off the event loop.
        .systemLibrary(name: "CCares", pkgConfig: "libcares", providers: [.apt(["libc-ares-dev"])]),
        // The daemon's wiring: configuration files (YAML through Yams, errors with file:line and key), and later the
        // transports around the engine. Holds no call logic.
        .target(name: "Gateway", dependencies: [
            "Interworking", "SIPI", "ISUP", "M3UA", "M3UATransport", "SCTPTransport", "CCares",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Histogram", package: "hdrhistogram-swift"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        // Offline traces: pcap/pcapng reading and writing, decoding captured packets (Ethernet, IP, SCTP, TCP, UDP)
        // into ISUP and SIP messages, and the conversion that runs the interworking engine on a capture's
        // timestamps (pure: bytes in, records and conversions out).
        .target(name: "Trace", dependencies: [
            "ISUP", "SIPI", "M3UA", "Interworking",
            .product(name: "HeapModule", package: "swift-collections"),
            .product(name: "DequeModule", package: "swift-collections"),
        ]),
        .executableTarget(
            name: "sipigw",
            dependencies: [
                "ISUP",
                "M3UA",
                "M3UATransport",
                "SCTPTransport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                "Trace",
                "SIPI",
                "Gateway",
                "Interworking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Independent checkers used by the tests (tshark/text2pcap, peers), shared by every test target.
        .target(name: "OracleSupport", dependencies: ["ISUP", "SIPI"], path: "Tests/OracleSupport"),
        .testTarget(name: "ISUPTests", dependencies: ["ISUP", "OracleSupport"]),
        .testTarget(name: "M3UATests", dependencies: ["M3UA", "ISUP", "OracleSupport"]),
        .testTarget(name: "M3UATransportTests", dependencies: [
            "M3UATransport", "M3UA", "ISUP", .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
        ]),
        .testTarget(name: "SCTPTransportTests", dependencies: ["SCTPTransport", "M3UA", "ISUP", "OracleSupport"]),
        .testTarget(name: "CLITests", dependencies: ["OracleSupport"]),
        .testTarget(name: "SIPITests", dependencies: ["SIPI", "ISUP", "OracleSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TraceTests", dependencies: ["Trace", "OracleSupport"]),
        .testTarget(name: "GatewayTests", dependencies: [
            "Gateway", "Interworking", "OracleSupport", "M3UA", "M3UATransport", "ISUP", "SIPI",
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .testTarget(name: "InterworkingTests", dependencies: ["Interworking", "SIPI", "ISUP", "M3UA", "Trace", "OracleSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
