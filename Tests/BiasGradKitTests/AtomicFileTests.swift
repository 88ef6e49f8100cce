import Dispatch
import Foundation
import Testing

@testable import BiasGradKit

/// Outputs reach their destination whole on commit and leave nothing behind otherwise.
@Suite final class AtomicFileTests {
    /// A fresh folder for each test, removed after it.
    let folder: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/biasgrad-output-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        folder = String(cString: try #require(created))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    func entries() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }

    @Test func leavesTheDestinationUntouchedUntilCommit() throws {
        let destination = folder + "/summary.json"
        try "old\n".write(toFile: destination, atomically: false, encoding: .utf8)

        let output = try AtomicOutputFile(path: destination)
        try output.write("new\n")
        #expect(contents(destination) == "old\n")
        #expect(exists(output.temporaryPath))

        try output.commit()
        #expect(contents(destination) == "new\n")
        #expect(entries() == ["summary.json"])
    }

    @Test func createsNothingAtANewDestinationUntilCommit() throws {
        let destination = folder + "/records.csv"
        let buffer = ByteBuffer()
        buffer.append("sample,y_hat\n1,0.5\n")

        let output = try AtomicOutputFile(path: destination)
        try output.write(buffer)
        #expect(!exists(destination))

        try output.commit()
        #expect(contents(destination) == "sample,y_hat\n1,0.5\n")
    }

    @Test func keepsTheTemporaryFileHiddenBesideTheDestination() throws {
        let output = try AtomicOutputFile(path: folder + "/out.csv")
        defer { output.discard() }

        #expect(output.temporaryPath.hasPrefix(folder + "/.out.csv."))
        #expect(output.temporaryPath.count == (folder + "/.out.csv.").count + 8)
    }

    @Test func replacesTheFileASymbolicLinkNamesAndKeepsTheLink() throws {
        let target = folder + "/real.json"
        let link = folder + "/link.json"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

        let output = try AtomicOutputFile(path: link)
        try output.write("new\n")
        try output.commit()

        #expect(contents(target) == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    }

    @Test func discardRemovesTheTemporaryFileAndKeepsTheDestination() throws {
        let destination = folder + "/summary.json"
        try "old\n".write(toFile: destination, atomically: false, encoding: .utf8)

        let output = try AtomicOutputFile(path: destination)
        try output.write("half a fi")
        output.discard()

        #expect(!exists(output.temporaryPath))
        #expect(contents(destination) == "old\n")
        #expect(entries() == ["summary.json"])
    }

    @Test func droppingAnUncommittedFileRemovesIt() throws {
        var temporaryPath = ""
        do {
            let output = try AtomicOutputFile(path: folder + "/dropped.csv")
            try output.write("partial")
            temporaryPath = output.temporaryPath
        }
        #expect(!exists(temporaryPath))
        #expect(entries().isEmpty)
    }

    @Test func aMissingFolderCannotBeCreated() {
        let destination = folder + "/missing/summary.json"
        let error = #expect(throws: BiasGradError.self) {
            try AtomicOutputFile(path: destination)
        }
        #expect(
            error == .outputUnavailable(path: destination, reason: "No such file or directory"))
        #expect(error?.exitStatus == 73)
    }

    @Test func anUnwritableFolderCannotBeCreated() throws {
        // Root may write into a folder without write permission, but not into sysfs.
        let unwritable = folder + "/read-only"
        try FileManager.default.createDirectory(
            atPath: unwritable, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o555])
        let destination = (geteuid() == 0 ? "/sys" : unwritable) + "/summary.json"

        let error = #expect(throws: BiasGradError.self) {
            try AtomicOutputFile(path: destination)
        }
        #expect(error?.exitStatus == 73)
    }

    @Test func aFolderIsNotAnOutputFile() {
        let error = #expect(throws: BiasGradError.self) {
            try AtomicOutputFile(path: folder)
        }
        #expect(error == .outputUnavailable(path: folder, reason: "Is a directory"))
    }

    @Test func aDeviceIsNeverReplaced() {
        let error = #expect(throws: BiasGradError.self) {
            try AtomicOutputFile(path: "/dev/null")
        }
        #expect(error == .outputUnavailable(path: "/dev/null", reason: "not a regular file"))
    }

    @Test func aFailedRenameIsAnIOErrorAndRemovesTheTemporaryFile() throws {
        let destination = folder + "/taken"
        let output = try AtomicOutputFile(path: destination)
        try output.write("data")
        try FileManager.default.createDirectory(
            atPath: destination + "/inside", withIntermediateDirectories: true)

        let error = #expect(throws: BiasGradError.self) { try output.commit() }

        #expect(error == .io(path: destination, reason: "Is a directory"))
        #expect(error?.exitStatus == 74)
        #expect(!exists(output.temporaryPath))
    }

    @Test func writingToAFullDeviceIsAnIOError() throws {
        let output = try openOutputSink(path: "/dev/full")
        #expect(output is StreamOutput)

        let error = #expect(throws: BiasGradError.self) { try output.write("0.5\n") }

        #expect(error == .io(path: "/dev/full", reason: "No space left on device"))
        #expect(error?.exitStatus == 74)
    }

    @Test func openingPicksTheKindOfOutput() throws {
        #expect(try openOutputSink(path: "-") === StreamOutput.standardOutput)
        #expect(try openOutputSink(path: "/dev/null") is StreamOutput)

        let file = try openOutputSink(path: folder + "/summary.json")
        defer { file.discard() }
        #expect(file is AtomicOutputFile)
    }

    @Test func registersTheTemporaryFileWhileItExists() throws {
        let registry = TemporaryFileRegistry()
        let output = try AtomicOutputFile(path: folder + "/summary.json", registry: registry)
        #expect(registry.livePaths == [output.temporaryPath])

        try output.commit()
        #expect(registry.livePaths.isEmpty)
    }

    @Test func theSignalCleanupRemovesEveryLiveTemporaryFile() throws {
        let registry = TemporaryFileRegistry()
        let first = try AtomicOutputFile(path: folder + "/a.csv", registry: registry)
        let second = try AtomicOutputFile(path: folder + "/b.csv", registry: registry)

        registry.unlinkAllFromSignalHandler()

        #expect(!exists(first.temporaryPath))
        #expect(!exists(second.temporaryPath))
        #expect(entries().isEmpty)
    }

    @Test func removeAllForgetsWhatItRemoved() throws {
        let registry = TemporaryFileRegistry()
        let output = try AtomicOutputFile(path: folder + "/a.csv", registry: registry)

        registry.removeAll()

        #expect(!exists(output.temporaryPath))
        #expect(registry.livePaths.isEmpty)
    }

    @Test func aClosedPipeEndsTheStreamQuietly() throws {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let output = StreamOutput(path: "pipe", descriptor: ends[1], ownsDescriptor: true)
        close(ends[0])

        let error = #expect(throws: OutputReaderClosed.self) { try output.write("1,0.5\n") }

        #expect(error == OutputReaderClosed(path: "pipe"))
        #expect(OutputReaderClosed.exitStatus == 141)
    }

    @Test func writesEverythingThroughShortWritesToANonBlockingPipe() async throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        let output = StreamOutput(path: "pipe", descriptor: ends[1], ownsDescriptor: true)
        let readEnd = ends[0]
        let written = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }

        let received = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: readAll(readEnd)) }
            written.withUnsafeBytes { bytes in try? output.write(bytes) }
            try? output.commit()
        }

        // Compared as one Bool, so that a failure does not diff a megabyte element by element.
        let receivedEverything = received == written
        #expect(received.count == written.count)
        #expect(receivedEverything)
    }
}

/// Reads a descriptor to its end and closes it.
private func readAll(_ descriptor: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        bytes += chunk[..<count]
    }
    close(descriptor)
    return bytes
}
