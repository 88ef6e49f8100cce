import Foundation
import Testing

@testable import BiasGradKit
import BiasGradTestSupport

/// Runs the batch in-process and returns the error it ends with, or nil when it succeeds.
private func runError(_ options: RunOptions, in folder: TemporaryDirectory) -> BiasGradError? {
    var options = options
    options.output = folder.file("summary.json")
    do {
        try BatchRun(options: options, diagnostics: Diagnostics(verbosity: .quiet, write: { _ in }))
            .execute()
        return nil
    } catch {
        return error as? BiasGradError
    }
}

/// Inputs the fuzz targets in Fuzz/ found to break a property, kept as cases.
@Suite struct FuzzRegressionTests {
    /// An input of blank lines holds no record, so like an empty input it has no header to
    /// look a column name up in, and none to lack one: the run has no records (exit 65),
    /// never a usage error, whether the whole input is one chunk or many.
    @Test(arguments: [HeaderMode.absent, .detect, .present])
    func blankLinesAloneHaveNoResultWhateverTheChunks(header: HeaderMode) {
        let folder = TemporaryDirectory()
        var options = RunOptions()
        options.inputs = [folder.write("blank.csv", "\n\n\n\n\n\n")]
        options.header = header
        options.predictionColumn = .name("pred")
        options.targetColumn = .name("truth")
        options.delimiter = UInt8(ascii: ".")
        options.onInvalid = .skip

        // Six blank lines: no record, so the input is named as holding none.
        let expected = BiasGradError.data(.noRecords(inputs: options.inputs))
        for (workers, chunkBytes) in [(1, 1 << 20), (1, 7), (3, 2), (2, 1)] {
            options.workers = workers
            options.chunkBytes = chunkBytes
            #expect(runError(options, in: folder) == expected, "\(workers) \(chunkBytes)")
        }
    }

    /// After a byte-order mark is dropped, a mapped file's window keeps the room the reader
    /// had read into, as a buffer does, so that mapped and read files give the same chunks.
    @Test(arguments: [1, 2, 3, 5])
    func aMappedFileAfterAByteOrderMarkIsChunkedAsReading(chunkBytes: Int) throws {
        let folder = TemporaryDirectory()
        let path = folder.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF, 10, 10, 0x31, 10])

        var chunkings: [[[UInt8]]] = []
        for mapped in [true, false] {
            var reader = ChunkReader(
                file: try InputFile.open(path), chunkBytes: chunkBytes, mapsRegularFiles: mapped)
            reader.setDelimiter(UInt8(ascii: "0"))
            var chunks: [[UInt8]] = []
            while let chunk = try reader.nextChunk() { chunks.append(Array(chunk.bytes)) }
            #expect(Array(chunks.joined()) == [10, 10, 0x31, 10])
            chunkings.append(chunks)
        }
        #expect(chunkings[0] == chunkings[1])
    }
}
