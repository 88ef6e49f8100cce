import Foundation
import Testing

import BiasGradTestSupport

/// Runs biasgrad as started from a shell: closed standard streams, ignored signals.
@Suite struct StandardStreamTests {
    /// With standard output closed (`>&-`), the files the run opens must not take its
    /// number: the summary meant for stdout fails the run (74) and lands in no file.
    @Test func aClosedStandardOutputIsAWriteErrorNotAnotherFile() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("s.csv", "y_hat,y\n0.5,1\n")
        let records = folder.file("records.csv")
        let closingStdout = ["/bin/sh", "-c", "exec \"$0\" \"$@\" >&-"]
        let result = try BinaryRunner.run([input, "--per-sample", records], launcher: closingStdout)

        #expect(result.status == 74)
        #expect(result.standardError == "biasgrad: I/O error on '<stdout>': Bad file descriptor\n")
        #expect(!FileManager.default.fileExists(atPath: records))
    }

    /// A SIGHUP ignored when biasgrad starts (`nohup`) stays ignored: the run goes on.
    @Test func aSignalIgnoredAtStartStaysIgnored() throws {
        let folder = TemporaryDirectory()
        let fifo = folder.file("rows")
        #expect(mkfifo(fifo, 0o600) == 0)
        let summary = folder.file("summary.json")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "trap '' HUP; exec \"$0\" \"$@\"", BinaryRunner.executable, fifo,
            "--output", summary,
        ]
        process.environment = ["PATH": "/usr/bin:/bin"]
        try process.run()

        // biasgrad blocks opening the FIFO until a writer comes; the hang-up comes first.
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGHUP)
        Thread.sleep(forTimeInterval: 0.1)
        let writer = try #require(FileHandle(forWritingAtPath: fifo))
        writer.write(Data("y_hat,y\n0.5,1\n".utf8))
        try writer.close()
        process.waitUntilExit()

        // One row: ((0.5 - 1) * 0.5) * 0.5 = -0.125.
        #expect(process.terminationStatus == 0)
        #expect(folder.read("summary.json")?.hasPrefix("{\"db\": -0.125,") == true)
    }
}
