import Foundation
import Testing

@testable import BiasGradKit
import BiasGradTestSupport

/// Many files, standard input, many workers and tiny chunks must give the bits of one file
/// read by one worker in one chunk.
@Suite struct BatchStressTests {
    @Test func thousandsOfFilesAreOneBatch() throws {
        let folder = TemporaryDirectory()
        let whole = awkwardCSV(rows: 3000, seed: 11)
        let wholePath = folder.write("whole.csv", whole)

        // The same records cut into 1,500 files of two records each, every file with its
        // own header, read as one batch; their records keep their order.
        let records = try Self.records(of: wholePath)
        var paths: [String] = []
        for start in stride(from: 0, to: records.count, by: 2) {
            let body = records[start..<min(start + 2, records.count)].joined()
            paths.append(folder.write("part-\(start).csv", "id,y_hat,note,y\n" + body))
        }

        var reference = RunOptions()
        reference.inputs = [wholePath]
        reference.workers = 1
        var batch = RunOptions()
        batch.inputs = paths
        batch.workers = 8
        batch.chunkBytes = 5
        #expect(try runBatch(batch, in: folder).summary == runBatch(reference, in: folder).summary)
    }

    @Test func standardInputWithManyWorkersAndTinyChunksGivesTheFileBits() throws {
        let folder = TemporaryDirectory()
        let text = awkwardCSV(rows: 3000, seed: 13)
        let path = folder.write("whole.csv", text)
        let reference = try BinaryRunner.run(
            [path, "--workers", "1", "--per-sample", folder.file("file.per.csv")])
        #expect(reference.status == 0, "\(reference.standardError)")
        #expect(reference.standardOutput.contains("\"samples\": 3000"))

        // Piped, and redirected from the file, read by 8 workers in 5-byte chunks.
        let tiny = ["-", "--workers", "8", "--chunk-bytes", "5", "--per-sample"]
        let piped = try BinaryRunner.run(tiny + [folder.file("pipe.per.csv")], input: text)
        let redirected = try BinaryRunner.run(
            tiny + [folder.file("redirect.per.csv")], standardInputPath: path)
        for (run, perSample) in [(piped, "pipe.per.csv"), (redirected, "redirect.per.csv")] {
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput == reference.standardOutput)
            #expect(folder.read(perSample) == folder.read("file.per.csv"))
        }
    }

    /// The records of a CSV file as text, each with a line feed, header left out.
    private static func records(of path: String) throws -> [String] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let parser = CSVChunkParser(delimiter: 44, fields: SelectedFields(prediction: 1, target: 3))
        var texts: [String] = []
        bytes.withUnsafeBytes { buffer in
            _ = parser.parse(buffer, firstLine: 1, isEndOfInput: true) { record in
                texts.append(String(decoding: record.raw, as: UTF8.self) + "\n")
                return true
            }
        }
        return Array(texts.dropFirst())
    }
}
