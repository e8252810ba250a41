// swift-tools-version: 6.1
// libFuzzer harnesses for every parser of sipigw and for the interworking engine, kept apart from the main package
// so that `swift build` / `make test` of sipigw never compiles them. Build with the fuzzer and address sanitizers:
//   swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address
// and run through Scripts/fuzz (`make fuzz`), which passes the corpus, the dictionary and the limits.
import PackageDescription

/// One executable per harness: `main.swift` hands control to libFuzzer, `<Name>.swift` is the harness.
func harness(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["CFuzzerDriver", "FuzzSupport"] + dependencies)
}

let package = Package(
    name: "sipigw-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "sipigw", path: "..")],
    targets: [
        // libFuzzer's driver entry (LLVMFuzzerRunDriver), called from each harness's main.swift.
        .target(name: "CFuzzerDriver"),
        // What the harnesses share: input views, the failure report.
        .target(name: "FuzzSupport", dependencies: [.product(name: "SIPI", package: "sipigw")]),
        harness("FuzzISUP", [.product(name: "ISUP", package: "sipigw")]),
        harness("FuzzISUPJSON", [.product(name: "ISUP", package: "sipigw")]),
        harness("FuzzM3UA", [.product(name: "M3UA", package: "sipigw")]),
        harness("FuzzSIPMessage", [.product(name: "SIPI", package: "sipigw")]),
        harness("FuzzSIPIBody", [.product(name: "SIPI", package: "sipigw"), .product(name: "ISUP", package: "sipigw")]),
        harness("FuzzSDP", [.product(name: "SIPI", package: "sipigw")]),
        harness("FuzzPcap", [.product(name: "Trace", package: "sipigw")]),
        harness("FuzzConfiguration", [
            .product(name: "Gateway", package: "sipigw"), .product(name: "Interworking", package: "sipigw"),
        ]),
        harness("FuzzEngine", [
            .product(name: "Interworking", package: "sipigw"), .product(name: "SIPI", package: "sipigw"),
            .product(name: "ISUP", package: "sipigw"), .product(name: "M3UA", package: "sipigw"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
