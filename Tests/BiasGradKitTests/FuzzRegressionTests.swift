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
    /// look a column name up in, and none to lack one: the run has no result (exit 65),
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

        // Six blank lines: no record, so none valid and none invalid.
        let expected = BiasGradError.data(
            .noValidSamples(records: 0, invalid: 0, firstInvalid: nil))
        for (workers, chunkBytes) in [(1, 1 << 20), (1, 7), (3, 2), (2, 1)] {
            options.workers = workers
            options.chunkBytes = chunkBytes
            #expect(runError(options, in: folder) == expected, "\(workers) \(chunkBytes)")
        }
    }
}
