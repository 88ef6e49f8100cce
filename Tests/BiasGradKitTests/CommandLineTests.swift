import Foundation
import Testing

@testable import BiasGradKit

/// One option on the command line and the change it makes to the defaults.
struct OptionCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let change: @Sendable (inout RunOptions) -> Void

    init(_ arguments: String..., change: @escaping @Sendable (inout RunOptions) -> Void) {
        self.arguments = arguments
        self.change = change
    }

    var testDescription: String { arguments.joined(separator: " ") }
}

/// Parses with an empty environment; standard input is piped unless `terminal` says not.
func parse(
    _ arguments: [String], environment: [String: String] = [:], terminal: Bool = false
) throws -> Command {
    try CommandLineParser.parse(
        arguments, environment: environment, standardInputIsTerminal: terminal)
}

/// The usage error the arguments give, or nil when they parse.
func usageError(_ arguments: [String], terminal: Bool = false) -> UsageError? {
    do {
        _ = try parse(arguments, terminal: terminal)
        return nil
    } catch {
        guard case .usage(let usage) = error as? BiasGradError else { return nil }
        return usage
    }
}

/// The defaults with `data.csv` as the input, the baseline each option case changes.
private func defaultsReadingDataFile() -> RunOptions {
    var options = RunOptions()
    options.inputs = ["data.csv"]
    return options
}

@Suite struct CommandLineTests {
    @Test func noArgumentsWithPipedInputReadStandardInputWithTheSeedDefaults() throws {
        guard case .run(let options) = try parse([]) else {
            Issue.record("expected a run")
            return
        }

        // SPEC.md section 3: sigmoid, mse, mean and activated input are the defaults.
        #expect(options.inputs == ["-"])
        #expect(options.activation == .sigmoid)
        #expect(options.loss == .mse)
        #expect(options.reduction == .mean)
        #expect(options.input == .activated)
        // SPEC.md section 2 gives eps = 1e-12; section 4 gives json; section 5 gives stop.
        #expect(options.epsilon == 1e-12)
        #expect(options.format == .json)
        #expect(options.onInvalid == .stop)
        // 2M as --help and Config/biasgrad.conf document it: 2 * 2^20 bytes.
        #expect(options.chunkBytes == 2 * 1_048_576)
        #expect(options.output == nil && options.perSample == nil && options.rejects == nil)
    }

    static let optionCases: [OptionCase] = [
        OptionCase("--activation", "linear") { $0.activation = .linear },
        OptionCase("--activation", "tanh") { $0.activation = .tanh },
        OptionCase("--activation=relu") { $0.activation = .relu },
        OptionCase("--loss", "bce") { $0.loss = .bce },
        OptionCase("--reduction", "sum") { $0.reduction = .sum },
        OptionCase("--input", "logits") { $0.input = .logits },
        OptionCase("--epsilon", "1e-6") { $0.epsilon = 0.000001 },
        OptionCase("--epsilon=0.25") { $0.epsilon = 0.25 },
        OptionCase("--format", "csv") { $0.format = .csv },
        OptionCase("--output", "summary.json") { $0.output = "summary.json" },
        OptionCase("-o", "summary.json") { $0.output = "summary.json" },
        OptionCase("-osummary.json") { $0.output = "summary.json" },
        OptionCase("--output", "-") { $0.output = nil },
        OptionCase("--per-sample", "samples.csv") { $0.perSample = "samples.csv" },
        OptionCase("--per-sample", "-") { $0.perSample = "-" },
        OptionCase("--per-sample-format", "jsonl") { $0.perSampleFormat = .jsonl },
        OptionCase("--no-per-sample-header") { $0.perSampleHeader = false },
        OptionCase("--no-per-sample-header", "--per-sample-header") { $0.perSampleHeader = true },
        OptionCase("--on-invalid", "skip") { $0.onInvalid = .skip },
        OptionCase("--on-invalid", "skip", "--rejects", "bad.txt") {
            $0.onInvalid = .skip
            $0.rejects = "bad.txt"
        },
        OptionCase("--workers", "3") { $0.workers = 3 },
        OptionCase("--workers", "1") { $0.workers = 1 },
        OptionCase("--workers=256") { $0.workers = 256 },
        OptionCase("-j", "5") { $0.workers = 5 },
        OptionCase("-j5") { $0.workers = 5 },
        OptionCase("-j=5") { $0.workers = 5 },
        OptionCase("--chunk-bytes", "1") { $0.chunkBytes = 1 },
        OptionCase("--chunk-bytes", "4K") { $0.chunkBytes = 4 * 1024 },
        OptionCase("--chunk-bytes", "3k") { $0.chunkBytes = 3 * 1024 },
        OptionCase("--chunk-bytes", "4M") { $0.chunkBytes = 4 * 1024 * 1024 },
        OptionCase("--chunk-bytes=1G") { $0.chunkBytes = 1024 * 1024 * 1024 },
        OptionCase("--chunk-bytes", "65536") { $0.chunkBytes = 65536 },
        OptionCase("--verbose") { $0.verbosity = .verbose },
        OptionCase("-v") { $0.verbosity = .verbose },
        OptionCase("--quiet") { $0.verbosity = .quiet },
        OptionCase("-q") { $0.verbosity = .quiet },
        OptionCase("-qv") { $0.verbosity = .verbose },
        OptionCase("--header") { $0.header = .present },
        OptionCase("--no-header") { $0.header = .absent },
        OptionCase("--no-header", "--header") { $0.header = .present },
        // The delimiter bytes are ASCII codes: ';' is 59, '|' is 124, a tab is 9.
        OptionCase("--delimiter", ";") { $0.delimiter = 59 },
        OptionCase("--delimiter=|") { $0.delimiter = 124 },
        OptionCase("--delimiter", "tab") { $0.delimiter = 9 },
        OptionCase("--delimiter", "\\t") { $0.delimiter = 9 },
        OptionCase("--delimiter", "\t") { $0.delimiter = 9 },
        OptionCase("--delimiter", "auto") { $0.delimiter = nil },
        OptionCase("--prediction-column", "3") { $0.predictionColumn = .index(3) },
        OptionCase("--prediction-column", "logit") { $0.predictionColumn = .name("logit") },
        OptionCase("--target-column", "007") { $0.targetColumn = .index(7) },
        OptionCase("--target-column", "2b") { $0.targetColumn = .name("2b") },
        OptionCase("--target-column", " label ") { $0.targetColumn = .name("label") },
        OptionCase("--activation", "relu", "--activation", "tanh") { $0.activation = .tanh },
        OptionCase("--workers", "2", "-j", "7") { $0.workers = 7 },
    ]

    @Test(arguments: optionCases)
    func eachOptionSetsItsField(_ option: OptionCase) throws {
        var expected = defaultsReadingDataFile()
        option.change(&expected)

        #expect(try parse(option.arguments + ["data.csv"]) == .run(expected))
    }

    @Test func workersAutoMeansOneWorkerPerActiveProcessor() throws {
        guard case .run(let options) = try parse(["-j", "8", "--workers", "auto", "data.csv"])
        else {
            Issue.record("expected a run")
            return
        }
        #expect(options.workers == ProcessInfo.processInfo.activeProcessorCount)
    }

    @Test func positionalArgumentsAreCSVFilesInOrder() throws {
        guard case .run(let options) = try parse(["a.csv", "-", "b.csv"]) else {
            Issue.record("expected a run")
            return
        }
        #expect(options.inputs == ["a.csv", "-", "b.csv"])
    }

    @Test func argumentsAfterDoubleDashAreFilesEvenWhenTheyLookLikeOptions() throws {
        guard case .run(let options) = try parse(["-v", "--", "--help", "-q", "-"]) else {
            Issue.record("expected a run")
            return
        }
        #expect(options.inputs == ["--help", "-q", "-"])
        #expect(options.verbosity == .verbose)
    }

    @Test func aLoneDashNamesStandardInputEvenFromATerminal() throws {
        guard case .run(let options) = try parse(["-"], terminal: true) else {
            Issue.record("expected a run")
            return
        }
        #expect(options.inputs == ["-"])
    }

    @Test func twoFileModeSetsBothFilesAndNoCSVInput() throws {
        let command = try parse(["--predictions", "p.txt", "--targets=t.txt"], terminal: true)
        var expected = RunOptions()
        expected.predictionsFile = "p.txt"
        expected.targetsFile = "t.txt"

        #expect(command == .run(expected))
    }

    @Test func aNegativeNumberAfterAnOptionIsItsValue() {
        #expect(
            usageError(["--epsilon", "-1", "data.csv"])
                == .invalidValue(option: "--epsilon", value: "-1", accepted: .positiveFiniteNumber))
    }

    @Test func theNullDeviceMayTakeSeveralOutputs() throws {
        let arguments = ["--output", "/dev/null", "--per-sample", "/dev/null", "data.csv"]
        guard case .run(let options) = try parse(arguments) else {
            Issue.record("expected a run")
            return
        }
        #expect(options.output == "/dev/null" && options.perSample == "/dev/null")
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["-vh"], ["data.csv", "--help"],
        ["--bogus", "--help"], ["--activation", "sigmod", "-h"],
        ["--config", "/no/such/file.conf", "--help"],
    ])
    func helpWinsOverEverythingElse(_ arguments: [String]) throws {
        #expect(try parse(arguments, terminal: true) == .help)
    }

    @Test(arguments: [["--version"], ["-V"], ["-qV"], ["--frobnicate", "-V"]])
    func versionIsAnswered(_ arguments: [String]) throws {
        #expect(try parse(arguments, terminal: true) == .version)
    }

    @Test func theFirstOfHelpAndVersionWins() throws {
        #expect(try parse(["--version", "--help"]) == .version)
        #expect(try parse(["-h", "-V"]) == .help)
    }

    // MARK: - Help

    /// Every long option the task's contract names, written out here by hand.
    static let documentedOptions = [
        "predictions", "targets", "prediction-column", "target-column", "header", "no-header",
        "delimiter", "activation", "loss", "reduction", "input", "epsilon", "format", "output",
        "per-sample", "per-sample-format", "no-per-sample-header", "on-invalid", "rejects",
        "workers", "chunk-bytes", "config", "verbose", "quiet", "help", "version",
    ]

    @Test(arguments: documentedOptions)
    func helpListsEveryOptionOnItsOwnLine(_ name: String) {
        let lines = HelpText.full.split(separator: "\n")
        #expect(lines.contains { $0.contains("--\(name) ") || $0.hasSuffix("--\(name)") })
    }

    @Test func helpShowsTheDefaultsOfTheModelOptions() {
        // The defaults of SPEC.md sections 2 and 3.
        for (name, value) in [
            ("activation", "sigmoid"), ("loss", "mse"), ("reduction", "mean"),
            ("input", "activated"), ("epsilon", "1e-12"),
        ] {
            #expect(helpEntry(for: name).contains("[default: \(value)]"), "--\(name)")
        }
    }

    /// The option's line in the help and the continuation lines under it, joined by spaces.
    private func helpEntry(for name: String) -> String {
        let lines = HelpText.full.split(separator: "\n")
        guard let start = lines.firstIndex(where: { $0.contains("--\(name) ") }) else {
            return ""
        }
        let continuation = lines[(start + 1)...].prefix { $0.hasPrefix("        ") }
        return ([lines[start]] + continuation).joined(separator: " ")
    }

    @Test func helpListsTheExitStatusesOfSpecSection5() {
        let lines = HelpText.full.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        for status in ["0", "64", "65", "66", "73", "74"] {
            #expect(lines.contains { $0.hasPrefix(status + " ") }, "exit status \(status)")
        }
    }

    @Test func helpStatesTheConfigurationRule() {
        #expect(HelpText.full.contains("BIASGRAD_CONFIG"))
        #expect(HelpText.full.contains("--config wins"))
        #expect(HelpText.full.contains("never from the working folder"))
    }

    @Test func helpStartsWithTheUsageAndFitsEightyColumns() {
        #expect(HelpText.full.hasPrefix(HelpText.usage))
        #expect(HelpText.usage.hasPrefix("usage: biasgrad"))
        #expect(HelpText.full.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func versionIsTheProgramNameAndNumber() {
        #expect(HelpText.version == "biasgrad 0.1.0")
    }
}
