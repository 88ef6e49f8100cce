import Foundation
import Testing

@testable import BiasGradKit
import BiasGradTestSupport

/// Every chunk of `text` read with `chunkBytes`.
private func chunks(_ text: [UInt8], chunkBytes: Int) throws -> [[UInt8]] {
    let folder = TemporaryDirectory()
    let path = folder.write("input.csv", bytes: text)
    var reader = ChunkReader(file: try InputFile.open(path), chunkBytes: chunkBytes)
    reader.setDelimiter(UInt8(ascii: ","))
    var result: [[UInt8]] = []
    while let chunk = try reader.nextChunk() { result.append(Array(chunk.bytes)) }
    return result
}

@Suite struct ChunkReaderTests {
    static let sample = Array("y_hat,y\n0.5,1\r\n\"0.\n25\",0\r0.75,1\n\n0.125,0".utf8)

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64, 4096])
    func chunksJoinBackToTheInputAndEndAtRecords(chunkBytes: Int) throws {
        let pieces = try chunks(Self.sample, chunkBytes: chunkBytes)
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

    @Test func aByteOrderMarkIsDropped() throws {
        let pieces = try chunks([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8), chunkBytes: 2)
        #expect(Array(pieces.joined()) == Array("a,b\n".utf8))
    }

    @Test func anEmptyInputHasNoChunks() throws {
        #expect(try chunks([], chunkBytes: 16).isEmpty)
    }

    @Test func aFolderIsNotAnInput() {
        let folder = TemporaryDirectory()
        #expect(throws: BiasGradError.self) { try InputFile.open(folder.path) }
    }
}
