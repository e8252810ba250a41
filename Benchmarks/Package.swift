// swift-tools-version: 6.1
// Benchmarks of the ISUP, M3UA and SIP codecs and of the interworking engine with package-benchmark (ordo-one/benchmark),
// kept apart from the main package so that building or testing sipigw never builds the benchmark tooling.
//   cd Benchmarks && swift package --allow-writing-to-package-directory benchmark
import PackageDescription

/// One package-benchmark executable, `Benchmarks/<name>`, with the sipigw products it measures.
func benchmark(_ name: String, measuring products: [String], also: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: also + [.product(name: "Benchmark", package: "benchmark")]
            + products.map { .product(name: $0, package: "sipigw") },
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "sipigw-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sipigw", path: ".."),
        // MallocInterposer only: the default traits add swift-runtime-interposer, which is not available offline.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmark("ISUPBenchmarks", measuring: ["ISUP"]),
        benchmark("M3UABenchmarks", measuring: ["M3UA", "ISUP"]),
        benchmark("SIPIBenchmarks", measuring: ["SIPI"]),
        // glibc's heap statistics (mallinfo2), which Swift's Glibc module does not export.
        .target(name: "CHeapStats", path: "Benchmarks/CHeapStats"),
        benchmark("InterworkingBenchmarks", measuring: ["Interworking", "SIPI", "ISUP", "M3UA"], also: ["CHeapStats"]),
    ],
    swiftLanguageModes: [.v6]
)
