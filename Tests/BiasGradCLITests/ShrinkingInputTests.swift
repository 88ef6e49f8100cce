import Foundation
import Testing

import BiasGradTestSupport

/// A file cut short while biasgrad reads it ends the run with an I/O error naming it, not a
/// crash and not a result over fewer rows.
@Suite struct ShrinkingInputTests {
    @Test func aFileTruncatedWhileReadEndsWithStatus74() throws {
        let folder = TemporaryDirectory()
        let row = "0.25,1\n"
        let rows = 400_000
        let path = folder.write("outputs.csv", "y_hat,y\n" + String(repeating: row, count: rows))
        let summary = folder.file("summary.json")

        // Per-sample records go to a pipe this test does not drain at first, so the run
        // stalls with chunks in flight while the file is cut.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
        process.arguments = [
            path, "--per-sample", "-", "--output", summary, "--workers", "2",
            "--chunk-bytes", "64K",
        ]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()

        let started = output.fileHandleForReading.readData(ofLength: 4096)
        #expect(started.starts(with: Data("sample,".utf8)))
        #expect(truncate(path, 8) == 0)
        _ = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(
            decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 74)
        // The reader finds the new size before a window, or a worker's read of a lost page
        // faults first; the line starts the same either way.
        let start = "biasgrad: I/O error on '\(path)': the file got shorter while it was read"
        #expect(message.hasPrefix(start))
        #expect(message.filter { $0 == "\n" }.count == 1 && message.hasSuffix("\n"))
        #expect(!FileManager.default.fileExists(atPath: summary))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["outputs.csv"])
    }
}
