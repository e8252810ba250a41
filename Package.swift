// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sipigw",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ISUP", targets: ["ISUP"]),
        .library(name: "M3UA", targets: ["M3UA"]),
        .executable(name: "sipigw", targets: ["sipigw"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // Pure ISUP codec (ITU-T Q.763 + ST 763 national use): bytes in, values out, no I/O.
        .target(name: "ISUP"),
        // Pure M3UA codec (RFC 4666): common header, TLV parameters, Protocol Data with ISUP inside. No I/O.
        .target(name: "M3UA", dependencies: ["ISUP"]),
        .executableTarget(
            name: "sipigw",
            dependencies: [
                "ISUP",
                "M3UA",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ISUPTests", dependencies: ["ISUP"]),
        .testTarget(name: "M3UATests", dependencies: ["M3UA", "ISUP"]),
    ],
    swiftLanguageModes: [.v6]
)
