import Benchmark
import Foundation
import CHeapStats
import Interworking
import SIPI

/// The interworking engine alone (no codec to wire, no I/O): complete I→S call lifecycles per second, and the
/// memory an answered call holds. Goals (issue "Interworking engine"): ≥ 50,000 lifecycles/s on one core,
/// < 2 KiB per established call.
///
/// Measured: `InterworkingEngine.handle` for IAM, 180, 200, REL, 200 (BYE) and the transaction timers that expire
/// after the call (Timer D/K-like cleanup, fired by `CallDriver.advance`), plus the driver's own work — building
/// each peer response from the engine's request (`SIPMessage.response`: five header copies, a To tag, Contact,
/// a prebuilt SDP part) and bookkeeping its timers in a dictionary. Not measured: libosip2 parsing or
/// serialization, ISUP/M3UA encoding and decoding (the engine takes and returns values; the shell codes them),
/// engine creation and Mappings/ loading.
let benchmarks: @Sendable () -> Void = {
    let mappings = loadMappings()

    Benchmark("I→S call lifecycle: IAM→INVITE, 180→ACM, 200→ANM+ACK, REL→BYE+RLC, 200",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
                                   timeUnits: .microseconds, scalingFactor: .kilo,
                                   maxDuration: .seconds(5), maxIterations: 100)) { benchmark in
        let cics = 2000
        var driver = CallDriver(trunks: 1, cicsPerTrunk: cics, mappings: mappings)
        lifecycle(&driver, cic: cics)  // warms the engine's buffers
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations { lifecycle(&driver, cic: i % cics + 1) }
        benchmark.stopMeasurement()
        precondition(driver.engine.activeCalls == 0 && driver.engine.activeTransactions == 0 && driver.timers.isEmpty,
                     "calls, transactions or timers left after the lifecycles")
    }

    // Memory: N calls brought to the answered state, 2.1 s of virtual time apart; then 40 s more, in which the
    // RFC 3261 transaction timers run out (Timer M/K: the INVITE and ACK transactions end, as they would in a
    // live gateway) but no call timer fires (session refresh, keep-alive OPTIONS stay pending). Two views:
    // package-benchmark's memoryLeakedBytes (bytes requested from malloc and not freed while measured, for all N
    // calls: divide by N) and glibc's heap in use (mallinfo2, allocator overhead included) before and after,
    // divided by N. The engine's dictionaries grow by doubling, so both depend on where N falls between capacities.
    let calls = 10_000, trunks = 3
    Benchmark("Answered I→S calls: memory per call (N = 10,000)",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal, .memoryLeakedBytes,
                                             .custom("heap bytes per call")],
                                   scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 5)) { benchmark in
        let perTrunk = (calls + trunks - 1) / trunks + 1
        var driver = CallDriver(trunks: trunks, cicsPerTrunk: perTrunk, mappings: mappings)
        lifecycle(&driver, cic: perTrunk)  // the last CIC of trunk 0, never used below
        let before = cheapstats_heap_in_use()
        benchmark.startMeasurement()
        for n in 0..<calls { driver.answer(trunk: n % trunks, cic: n / trunks + 1) }
        driver.advance(.seconds(40)) { if case .transaction = $0 { true } else { false } }
        benchmark.stopMeasurement()
        let after = cheapstats_heap_in_use()
        precondition(driver.engine.activeCalls == calls && driver.engine.activeTransactions == 0,
                     "\(driver.engine.activeCalls) calls answered of \(calls), \(driver.engine.activeTransactions) transactions")
        benchmark.measurement(.custom("heap bytes per call"), (Int(after) - Int(before)) / calls)
        blackHole(driver)
    }
}

/// One complete call on CIC `cic` of the first trunk, then the clock past every transaction timer.
func lifecycle(_ driver: inout CallDriver, cic: Int) {
    driver.answer(trunk: 0, cic: cic)
    driver.releaseFromISUP(trunk: 0, cic: cic)
    driver.advance(.seconds(60))
}

/// The shipped Mappings/ tables of the main package (three directories up from this file's directory).
func loadMappings() -> Mappings {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Mappings")
    var files = [String: String]()
    for name in Mappings.fileNames {
        files[name] = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
    do {
        return try Mappings(files: files)
    } catch {
        fatalError("\(directory.path) does not load: \(error)")
    }
}
