import Foundation
import Testing

@testable import BiasGradKit
import BiasGradTestSupport

/// A regular file that changes while the chunk reader reads it: cut short, removed, or
/// grown. The reader has opened the file and handed out its first chunk before the change,
/// so each case is deterministic. Each runs with the file mapped and read with `read`.
@Suite struct ChangingInputTests {
    /// 4,096 lines of `0.5,1` and a line feed, 6 bytes each: 24,576 bytes.
    static let lines = Array(String(repeating: "0.5,1\n", count: 4096).utf8)

    /// A reader of `path` in 1 KiB chunks that has handed out its first chunk.
    private static func readerPastFirstChunk(
        _ path: String, mapped: Bool
    ) throws -> (reader: ChunkReader, first: [UInt8]) {
        var reader = ChunkReader(
            file: try InputFile.open(path), chunkBytes: 1024, mapsRegularFiles: mapped)
        #expect(reader.isMapped == mapped)
        reader.setDelimiter(UInt8(ascii: ","))
        let first = try #require(try reader.nextChunk())
        return (reader, Array(first.bytes))
    }

    /// Reads every chunk left; the error that ends the reading, if any.
    private static func readRest(
        _ reader: inout ChunkReader, into bytes: inout [UInt8]
    ) -> BiasGradError? {
        do {
            while let chunk = try reader.nextChunk() { bytes += Array(chunk.bytes) }
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [true, false])
    func aFileCutShortWhileReadFailsWithBothSizes(mapped: Bool) throws {
        let folder = TemporaryDirectory()
        let path = folder.write("shrinking.csv", bytes: Self.lines)
        var (reader, read) = try Self.readerPastFirstChunk(path, mapped: mapped)

        // The reader is about 1 KiB in; the file is cut to 12,000 bytes, beyond that. Read
        // with `read`, it goes on to the new end and finds it 12,576 bytes early; mapped,
        // it finds the new size before its next window.
        #expect(truncate(path, 12_000) == 0)
        let error = Self.readRest(&reader, into: &read)
        let reason = "the file got shorter while it was read: it had 24576 bytes when opened, "
            + (mapped ? "and has 12000 now" : "and ended after 12000")
        #expect(error == .io(path: path, reason: reason))
        // What was handed out before the error is whole lines from before the cut.
        #expect(read.count <= 12_000 && read.count % 6 == 0)
        #expect(read == Array(Self.lines.prefix(read.count)))
    }

    @Test(arguments: [true, false])
    func aFileCutBelowWhatWasReadFailsAtTheNextRead(mapped: Bool) throws {
        let folder = TemporaryDirectory()
        let path = folder.write("emptied.csv", bytes: Self.lines)
        var (reader, read) = try Self.readerPastFirstChunk(path, mapped: mapped)

        #expect(truncate(path, 0) == 0)
        guard case .io(let failedPath, let reason)? = Self.readRest(&reader, into: &read) else {
            Issue.record("reading a file emptied under the reader did not fail")
            return
        }
        #expect(failedPath == path)
        #expect(reason.hasPrefix("the file got shorter while it was read: it had 24576 bytes"))
    }

    @Test(arguments: [true, false])
    func aFileRemovedWhileReadIsReadWhole(mapped: Bool) throws {
        let folder = TemporaryDirectory()
        let path = folder.write("removed.csv", bytes: Self.lines)
        var (reader, read) = try Self.readerPastFirstChunk(path, mapped: mapped)

        // The open descriptor keeps the removed file's data.
        #expect(unlink(path) == 0)
        #expect(Self.readRest(&reader, into: &read) == nil)
        #expect(read == Self.lines)
    }

    /// Read with `read`, a file is read to the end it has when reading gets there; mapped,
    /// to its size at open.
    @Test(arguments: [true, false])
    func aFileThatGrowsWhileReadIsReadToItsEnd(mapped: Bool) throws {
        let folder = TemporaryDirectory()
        let path = folder.write("growing.csv", bytes: Self.lines)
        var (reader, read) = try Self.readerPastFirstChunk(path, mapped: mapped)

        let added = Array(String(repeating: "0.25,0\n", count: 100).utf8)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        handle.write(Data(added))
        try handle.close()
        #expect(Self.readRest(&reader, into: &read) == nil)
        #expect(read == Self.lines + (mapped ? [] : added))
    }

    /// A chunk asks its mapping, once read, whether the file changed under it: cut inside
    /// its last page (the lost bytes read as zeros), or rewritten at the same size.
    @Test func aMappedChunkSeesTheFileCutAfterItWasHandedOut() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("cut.csv", bytes: Self.lines)
        var reader = ChunkReader(file: try InputFile.open(path), chunkBytes: 1 << 20)
        reader.setDelimiter(UInt8(ascii: ","))
        let chunk = try #require(try reader.nextChunk())
        #expect(chunk.changedInputError() == nil)

        #expect(truncate(path, 24_570) == 0)
        let reason = "the file got shorter while it was read: it had 24576 bytes when opened, "
            + "and has 24570 now"
        #expect(chunk.changedInputError() == .io(path: path, reason: reason))
    }

    @Test func aMappedChunkSeesTheFileRewrittenAtTheSameSize() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("rewritten.csv", bytes: Self.lines)
        var reader = ChunkReader(file: try InputFile.open(path), chunkBytes: 1 << 20)
        reader.setDelimiter(UInt8(ascii: ","))
        let chunk = try #require(try reader.nextChunk())

        // The same bytes count with other targets, and a modification time a second on.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data(String(repeating: "0.5,0\n", count: 4096).utf8))
        try handle.close()
        var status = stat()
        #expect(stat(path, &status) == 0)
        var times = [status.st_atim, timespec(tv_sec: status.st_mtim.tv_sec + 1, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)

        let reason = "the file was rewritten while it was read: its modification time changed"
        #expect(chunk.changedInputError() == .io(path: path, reason: reason))
    }
}
