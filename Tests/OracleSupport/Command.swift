import Foundation

/// Runs a program to completion, feeding standard input and collecting both outputs; in `directory` when given,
/// else in the test's own working directory.
public enum Command {
    public struct Result: Sendable {
        public let status: Int32
        /// Standard output as octets (SIP messages with binary ISUP bodies are not UTF-8).
        public let output: [UInt8]
        public let stderr: String
        public var stdout: String { String(decoding: output, as: UTF8.self) }
    }

    public static func run(_ executable: String, _ arguments: [String], input: String = "",
                           in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the child runs, so that neither can fill up and block it.
        // The semaphore orders the reader's write of `err` before the read below (ThreadSanitizer saw a race when
        // this polled Thread.isFinished).
        nonisolated(unsafe) var err = Data()
        let errRead = DispatchSemaphore(value: 0)
        Thread {
            err = stderr.fileHandleForReading.readDataToEndOfFile()
            errRead.signal()
        }.start()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errRead.wait()
        return Result(status: process.terminationStatus, output: [UInt8](out),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// A product built next to the test bundle (`swift build --build-tests` builds `sipigw` there).
    public static func builtProduct(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
    }
}
