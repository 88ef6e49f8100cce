import Foundation
import Testing

@testable import BiasGradKit
import BiasGradTestSupport

/// The direct writer must leave exactly the bytes it was given, however they were split,
/// whether the file system takes direct I/O (ext4) or refuses it (tmpfs).
@Suite struct DirectFileWriterTests {
    /// 10 MiB and 123 bytes of a repeating pattern, more than two staging buffers.
    static let data: [UInt8] = (0..<(10 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 % 251) }

    /// Piece sizes that cross block and buffer boundaries at odd places.
    static let pieces = [1, 4095, 65_537, 3 << 20, 7, 4096, 1 << 22]

    private func writeInPieces(to path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }

        let writer = DirectFileWriter(descriptor: descriptor)
        var offset = 0
        var piece = 0
        while offset < Self.data.count {
            let length = min(Self.pieces[piece % Self.pieces.count], Self.data.count - offset)
            let code = Self.data[offset..<offset + length].withUnsafeBytes { writer.write($0) }
            if code != 0 { return code }
            offset += length
            piece += 1
        }
        return writer.finish()
    }

    @Test func writesEveryByteInOrderOnADiskFileSystem() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("records.csv")
        #expect(try writeInPieces(to: path) == 0)
        #expect(FileManager.default.contents(atPath: path) == Data(Self.data))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm")))
    func writesEveryByteInOrderWhereDirectIOIsRefused() throws {
        let path = "/dev/shm/biasgrad-direct-\(getpid()).csv"
        defer { unlink(path) }
        #expect(try writeInPieces(to: path) == 0)
        #expect(FileManager.default.contents(atPath: path) == Data(Self.data))
    }

    @Test func aSmallFileIsWrittenAtFinish() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("summary.json")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }

        let writer = DirectFileWriter(descriptor: descriptor)
        let text = Array("{\"db\": 0.5}\n".utf8)
        #expect(text.withUnsafeBytes { writer.write($0) } == 0)
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_size == 0)
        #expect(writer.finish() == 0)
        #expect(FileManager.default.contents(atPath: path) == Data(text))
    }
}
