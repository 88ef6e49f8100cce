import Foundation
import Testing

@testable import BiasGradKit
import BiasGradTestSupport

/// Every chunk of `text` read with `chunkBytes`, from a mapping or with `read`.
private func chunks(_ text: [UInt8], chunkBytes: Int, mapped: Bool = true) throws -> [[UInt8]] {
    let folder = TemporaryDirectory()
    let path = folder.write("input.csv", bytes: text)
    var reader = ChunkReader(
        file: try InputFile.open(path), chunkBytes: chunkBytes, mapsRegularFiles: mapped)
    #expect(reader.isMapped == (mapped && !text.isEmpty))
    reader.setDelimiter(UInt8(ascii: ","))
    var result: [[UInt8]] = []
    while let chunk = try reader.nextChunk() { result.append(Array(chunk.bytes)) }
    return result
}

@Suite struct ChunkReaderTests {
    static let sample = Array("y_hat,y\n0.5,1\r\n\"0.\n25\",0\r0.75,1\n\n0.125,0".utf8)

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64, 4096], [true, false])
    func chunksJoinBackToTheInputAndEndAtRecords(chunkBytes: Int, mapped: Bool) throws {
        let pieces = try chunks(Self.sample, chunkBytes: chunkBytes, mapped: mapped)
        #expect(Array(pieces.joined()) == Self.sample)
        for piece in pieces.dropLast() {
            // Every chunk but the last ends with a complete terminator, never inside the
            // quoted field and never between a CR and its LF.
            #expect(piece.last == 10 || piece.last == 13)
            #expect(!String(decoding: piece, as: UTF8.self).hasSuffix("\"0.\n"))
        }
        for (before, after) in zip(pieces, pieces.dropFirst()) {
            #expect(!(before.last == 13 && after.first == 10))
        }
    }

    @Test(arguments: [true, false])
    func aByteOrderMarkIsDropped(mapped: Bool) throws {
        let text = [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8)
        let pieces = try chunks(text, chunkBytes: 2, mapped: mapped)
        #expect(Array(pieces.joined()) == Array("a,b\n".utf8))
    }

    @Test func mappedAndReadChunksAreTheSame() throws {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("0123456789.,\"\r\n ab".utf8)
        for _ in 0..<200 {
            let length = Int(generator.next() % 300)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % 17)] }
            let size = 1 + Int(generator.next() % 40)
            let mapped = try chunks(text, chunkBytes: size)
            #expect(try mapped == chunks(text, chunkBytes: size, mapped: false))
        }
    }

    @Test func aMappedFileThatShrinksWhileReadIsAnIOError() throws {
        let folder = TemporaryDirectory()
        let rows = String(repeating: "0.5,1\n", count: 100)
        let path = folder.write("input.csv", bytes: Array(rows.utf8))
        var reader = ChunkReader(file: try InputFile.open(path), chunkBytes: 60)
        reader.setDelimiter(UInt8(ascii: ","))
        #expect(reader.isMapped)
        let first = try #require(try reader.nextChunk())
        #expect(Array(first.bytes) == Array(String(repeating: "0.5,1\n", count: 10).utf8))

        #expect(truncate(path, 120) == 0)
        let expected = BiasGradError.io(
            path: path,
            reason: "the file got shorter while it was read: it had 600 bytes when opened, "
                + "and has 120 now")
        #expect(throws: expected) { _ = try reader.nextChunk() }
    }

    @Test func aFaultInAMappingNamesItsFile() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("in\nput.csv", bytes: Array("0.5,1\n".utf8))
        let mapping = try #require(try InputFile.open(path).map())
        let inside = MappingFaultGuard.shared.faultMessage(at: mapping.base + 5)
        let shownPath = path.replacingOccurrences(of: "\n", with: "\\n")
        let reason = "the file got shorter while it was read"
        #expect(inside == "biasgrad: I/O error on '\(shownPath)': \(reason)\n")
        #expect(MappingFaultGuard.shared.faultMessage(at: mapping.base + 4096) == nil)
    }

    @Test func anEmptyInputHasNoChunks() throws {
        #expect(try chunks([], chunkBytes: 16).isEmpty)
    }

    @Test func aFolderIsNotAnInput() {
        let folder = TemporaryDirectory()
        #expect(throws: BiasGradError.self) { try InputFile.open(folder.path) }
    }
}
