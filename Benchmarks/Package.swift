// swift-tools-version: 6.1
// Benchmarks of the ISUP and M3UA codecs and of the interworking engine with package-benchmark (ordo-one/benchmark),
// kept apart from the main package so that building or testing sipigw never builds the benchmark tooling.
//   cd Benchmarks && swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "sipigw-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sipigw", path: ".."),
        // MallocInterposer only: the default traits add swift-runtime-interposer, which is not available offline.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ISUPBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ISUP", package: "sipigw"),
            ],
            path: "Benchmarks/ISUPBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "M3UABenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "M3UA", package: "sipigw"),
                .product(name: "ISUP", package: "sipigw"),
            ],
            path: "Benchmarks/M3UABenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SIPIBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SIPI", package: "sipigw"),
            ],
            path: "Benchmarks/SIPIBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // glibc's heap statistics (mallinfo2), which Swift's Glibc module does not export.
        .target(name: "CHeapStats", path: "Benchmarks/CHeapStats"),
        .executableTarget(
            name: "InterworkingBenchmarks",
            dependencies: [
                "CHeapStats",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Interworking", package: "sipigw"),
                .product(name: "SIPI", package: "sipigw"),
                .product(name: "ISUP", package: "sipigw"),
                .product(name: "M3UA", package: "sipigw"),
            ],
            path: "Benchmarks/InterworkingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
