// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sipigw",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ISUP", targets: ["ISUP"]),
        .executable(name: "sipigw", targets: ["sipigw"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // Pure ISUP codec (ITU-T Q.763 + ST 763 national use): bytes in, values out, no I/O.
        .target(name: "ISUP"),
        // Offline traces: pcap/pcapng reading and writing (pure: bytes in, records out).
        .target(name: "Trace", dependencies: ["ISUP"]),
        // SIP-I: ST 769 numbering (routing numbers, URI user parts, TDM <-> SIP-I number forms) and SIP-I bodies.
        .target(name: "SIPI", dependencies: ["ISUP"]),
        .executableTarget(
            name: "sipigw",
            dependencies: [
                "ISUP",
                "SIPI",
                "Trace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Independent checkers used by the tests (tshark/text2pcap), shared by every test target.
        .target(name: "OracleSupport", path: "Tests/OracleSupport"),
        .testTarget(name: "ISUPTests", dependencies: ["ISUP", "OracleSupport"]),
        .testTarget(name: "CLITests", dependencies: ["OracleSupport"]),
        .testTarget(name: "TraceTests", dependencies: ["Trace", "OracleSupport"]),
        .testTarget(name: "SIPITests", dependencies: ["SIPI", "ISUP"]),
    ],
    swiftLanguageModes: [.v6]
)
