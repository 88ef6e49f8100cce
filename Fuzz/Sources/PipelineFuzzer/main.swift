import BiasGradKit
import Foundation
import FuzzSupport

// Checks, for any bytes, that biasgrad's whole pipeline gives the same outcome (summary bits,
// first error with its line and column, output files, warnings) with one worker reading one
// large chunk as with several workers reading tiny chunks, with the plain parser allowed or
// libcsv forced. The input is the settings bytes RunSettings reads, then the data: a CSV
// file, or the two files of the two-file mode.

let outputNames = ["summary.out", "per-sample.out", "rejects.csv"]

/// Writes the data as the input files `settings` asks for and returns their names.
func writeInputs(_ data: [UInt8], _ settings: RunSettings) -> [String] {
    let scratch = ScratchFolder.shared
    ["input.csv", "predictions.txt", "targets.txt"].forEach(scratch.remove)
    guard let cut = settings.twoFileCut else {
        scratch.write("input.csv", data)
        return ["input.csv"]
    }
    let predictionBytes = data.count * cut / 127
    scratch.write("predictions.txt", Array(data[..<predictionBytes]))
    scratch.write("targets.txt", Array(data[predictionBytes...]))
    return ["predictions.txt", "targets.txt"]
}

/// Runs the batch once on `inputs` with `workers` and `chunkBytes` and collects what it
/// left.
func run(
    _ settings: RunSettings, inputs: [String], workers: Int, chunkBytes: Int,
    parser: ParserChoice
) -> RunOutcome {
    let scratch = ScratchFolder.shared
    outputNames.forEach(scratch.remove)
    var options = settings.options
    if inputs.count == 2 {
        options.predictionsFile = scratch.file(inputs[0])
        options.targetsFile = scratch.file(inputs[1])
    } else {
        options.inputs = inputs.map(scratch.file)
    }
    options.output = scratch.file("summary.out")
    options.perSample = settings.perSample ? scratch.file("per-sample.out") : nil
    options.rejects = settings.rejects ? scratch.file("rejects.csv") : nil
    options.workers = workers
    options.chunkBytes = chunkBytes
    options.parser = parser

    var outcome = RunOutcome()
    let warnings = DiagnosticLines()
    do {
        let diagnostics = Diagnostics(verbosity: options.verbosity, write: warnings.append)
        outcome.summary = try BatchRun(options: options, diagnostics: diagnostics).execute().bits
    } catch let error as BiasGradError {
        outcome.error = error
    } catch {
        outcome.otherError = "\(error)"
    }
    outcome.warnings = warnings.all
    for name in outputNames {
        if let bytes = scratch.read(name) { outcome.files[name] = bytes }
    }
    outcome.listing = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path))?
        .sorted() ?? []
    return outcome
}

func checkPipeline(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var input = FuzzInput(data, count: count)
    let settings = RunSettings(&input)
    let data = input.remainder
    let inputs = writeInputs(data, settings)

    let reference = run(
        settings, inputs: inputs, workers: 1, chunkBytes: data.count + 1, parser: .automatic)
    let expectedListing = inputs + outputNames.filter { reference.files[$0] != nil }
    if reference.listing != expectedListing.sorted() {
        propertyFailed("a run left files behind:\n  \(reference)")
    }
    for parser in [ParserChoice.automatic, .libcsv] {
        let parallel = run(
            settings, inputs: inputs, workers: settings.parallelWorkers,
            chunkBytes: settings.smallChunkBytes, parser: parser)
        guard parallel != reference else { continue }
        propertyFailed(
            "\(settings.parallelWorkers) workers, \(settings.smallChunkBytes)-byte chunks,"
                + " parser \(parser), options \(settings.options):\n  \(parallel)\n"
                + "1 worker, one chunk, parser automatic:\n  \(reference)")
    }
    return 0
}

runFuzzer(checkPipeline)
