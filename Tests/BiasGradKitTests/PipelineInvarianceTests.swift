import Foundation
import Testing

@testable import BiasGradKit
import BiasGradTestSupport

/// A CSV of `rows` random samples with quoting, CRLF and CR line ends, blank lines and extra
/// columns, so that chunk cuts fall in every kind of place.
func awkwardCSV(rows: Int, seed: UInt64) -> String {
    var generator = SplitMix64(seed: seed)
    var text = "\u{FEFF}id,y_hat,\"note, quoted\",y\r\n"
    for row in 1...rows {
        let yHat = Double(generator.next() % 1_000_000) / 1_000_000
        let y = generator.next() % 2
        let terminator = ["\n", "\r\n", "\r"][Int(generator.next() % 3)]
        let note = row % 7 == 0 ? "\"multi\nline \"\"note\"\"\"" : "n\(row)"
        let prediction = row % 5 == 0 ? "\"\(yHat)\"" : " \(yHat) "
        text += "\(row),\(prediction),\(note),\(y)\(terminator)"
        if row % 11 == 0 { text += "\n" }
    }
    return text
}

/// Runs the batch in-process and returns the summary and per-sample text.
func runBatch(
    _ options: RunOptions, in folder: TemporaryDirectory
) throws -> (summary: String, perSample: String?) {
    var options = options
    options.output = folder.file("summary.json")
    try BatchRun(options: options, diagnostics: Diagnostics(verbosity: .quiet, write: { _ in }))
        .execute()
    return (folder.read("summary.json")!, options.perSample.flatMap { _ in folder.read("per.csv") })
}

@Suite struct PipelineInvarianceTests {
    @Test func resultsAreBitIdenticalForAnyWorkersAndChunkSize() throws {
        let folder = TemporaryDirectory()
        let input = folder.write("awkward.csv", awkwardCSV(rows: 400, seed: 7))
        var options = RunOptions()
        options.inputs = [input]
        options.perSample = folder.file("per.csv")

        options.workers = 1
        options.chunkBytes = 1 << 20
        let reference = try runBatch(options, in: folder)
        #expect(reference.summary.contains("\"samples\": 400"))

        for workers in [1, 2, 3, 8] {
            for chunkBytes in [1, 2, 7, 33, 256, 4096] {
                options.workers = workers
                options.chunkBytes = chunkBytes
                let result = try runBatch(options, in: folder)
                #expect(result.summary == reference.summary, "\(workers) \(chunkBytes)")
                #expect(result.perSample == reference.perSample, "\(workers) \(chunkBytes)")
            }
        }
    }

    @Test func splittingTheInputIntoFilesChangesNothing() throws {
        let folder = TemporaryDirectory()
        let text = awkwardCSV(rows: 120, seed: 9)
        var whole = RunOptions()
        whole.inputs = [folder.write("all.csv", text)]
        let reference = try runBatch(whole, in: folder)

        // Row 61 starts a line; the second file gets the header again.
        let cut = text.range(of: "61,")!.lowerBound
        var split = RunOptions()
        split.inputs = [
            folder.write("first.csv", String(text[..<cut])),
            folder.write("second.csv", "id,y_hat,note,y\n" + String(text[cut...])),
        ]
        split.workers = 2
        split.chunkBytes = 100
        #expect(try runBatch(split, in: folder).summary == reference.summary)
    }
}
