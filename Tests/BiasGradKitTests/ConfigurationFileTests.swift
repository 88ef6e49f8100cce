import BiasGradTestSupport
import Foundation
import Testing

@testable import BiasGradKit

/// A file under `Config/` in the package, as a path.
private func shippedConfiguration(_ name: String) -> String {
    Fixtures.packageRoot.appendingPathComponent("Config").appendingPathComponent(name).path
}

/// The options a run gets from `arguments` plus `data.csv`, with piped standard input.
private func options(
    _ arguments: [String], environment: [String: String] = [:]
) throws -> RunOptions? {
    let command = try CommandLineParser.parse(
        arguments + ["data.csv"], environment: environment, standardInputIsTerminal: false)
    guard case .run(let options) = command else { return nil }
    return options
}

/// The options a run gets with `--config` naming a file under `Config/`.
private func optionsConfigured(by name: String) throws -> RunOptions {
    try #require(try options(["--config", shippedConfiguration(name)]))
}

@Suite struct ConfigurationFileTests {
    // MARK: - The shipped files

    @Test func theShippedDefaultFileGivesExactlyTheBuiltInDefaults() throws {
        let path = shippedConfiguration("biasgrad.conf")
        var expected = RunOptions()
        expected.inputs = ["data.csv"]
        expected.configurationFile = path

        #expect(try options(["--config", path]) == expected)
    }

    @Test func theShippedDefaultFileWritesOutEveryKey() throws {
        let text = try String(
            contentsOfFile: shippedConfiguration("biasgrad.conf"), encoding: .utf8)
        let keys = text.split(separator: "\n").compactMap { line -> String? in
            // A key line, or one commented out to show a default that has no value.
            let uncommented = line.hasPrefix("# ") ? line.dropFirst(2) : line
            guard let equals = uncommented.firstIndex(of: "="), !uncommented.hasPrefix("#") else {
                return nil
            }
            let key = uncommented[..<equals].trimmingCharacters(in: .whitespaces)
            return key.contains(" ") ? nil : key
        }

        // The keys the configuration format accepts, listed by hand.
        #expect(
            Set(keys) == [
                "prediction-column", "target-column", "header", "delimiter", "activation", "loss",
                "reduction", "input", "epsilon", "format", "per-sample-format", "per-sample-header",
                "on-invalid", "workers", "chunk-bytes", "verbose", "quiet",
            ])
    }

    @Test func theLogitsExampleSetsUpBinaryCrossEntropyOnLogits() throws {
        let read = try optionsConfigured(by: "examples/logits-bce.conf")

        #expect(read.activation == .sigmoid && read.loss == .bce && read.input == .logits)
        #expect(read.predictionColumn == .name("logit") && read.targetColumn == .name("label"))
        #expect(read.onInvalid == .skip)
    }

    @Test func theTanhExampleSumsSemicolonSeparatedColumnsTwoAndThree() throws {
        let read = try optionsConfigured(by: "examples/tanh-sum.conf")

        #expect(read.activation == .tanh && read.reduction == .sum)
        // ';' is ASCII 59.
        #expect(read.delimiter == 59 && read.header == .present)
        #expect(read.predictionColumn == .index(2) && read.targetColumn == .index(3))
        #expect(read.format == .csv && read.perSampleFormat == .jsonl)
    }

    @Test func theReluExampleReadsHeaderlessTabsWithFourWorkers() throws {
        let read = try optionsConfigured(by: "examples/relu-large-batch.conf")

        #expect(read.activation == .relu && read.delimiter == 9 && read.header == .absent)
        // 8M is 8 * 2^20 bytes.
        #expect(read.workers == 4 && read.chunkBytes == 8 * 1_048_576)
        #expect(read.verbosity == .quiet)
    }

    // MARK: - Precedence and where the file comes from

    @Test func theCommandLineOverridesTheFileWhichOverridesTheDefaults() throws {
        let path = shippedConfiguration("examples/tanh-sum.conf")
        let read = try #require(try options(["--config", path, "--reduction", "mean"]))

        #expect(read.reduction == .mean)  // the command line over the file's sum
        #expect(read.activation == .tanh)  // the file over the default sigmoid
        #expect(read.epsilon == 1e-12)  // the default, set by neither
    }

    @Test func theEnvironmentVariableNamesAFileWhenNoConfigOptionIsGiven() throws {
        let path = shippedConfiguration("examples/tanh-sum.conf")
        let read = try #require(try options([], environment: ["BIASGRAD_CONFIG": path]))

        #expect(read.activation == .tanh && read.reduction == .sum)
        #expect(read.configurationFile == path)
    }

    @Test func theConfigOptionWinsOverTheEnvironmentVariable() throws {
        let environment = ["BIASGRAD_CONFIG": shippedConfiguration("examples/tanh-sum.conf")]
        let chosen = shippedConfiguration("examples/logits-bce.conf")
        let read = try #require(try options(["--config", chosen], environment: environment))

        #expect(read.loss == .bce && read.input == .logits)
        // Nothing comes from the file the variable names: tanh-sum.conf sets these.
        #expect(read.activation == .sigmoid && read.reduction == .mean && read.delimiter == nil)
        #expect(read.configurationFile == chosen)
    }

    @Test func anEmptyEnvironmentVariableNamesNoFile() throws {
        let read = try #require(try options([], environment: ["BIASGRAD_CONFIG": ""]))
        #expect(read.configurationFile == nil)
    }

    @Test func aMissingFileCannotBeOpenedAndSaysWhatNamedIt() {
        let path = shippedConfiguration("no-such-file.conf")
        let reason = "No such file or directory (configuration file named by --config)"

        #expect(throws: BiasGradError.inputUnavailable(path: path, reason: reason)) {
            try options(["--config", path])
        }
    }

    @Test func aFolderCannotBeReadAsAConfigurationFile() {
        let path = Fixtures.packageRoot.appendingPathComponent("Config").path
        let reason = "Is a directory (configuration file named by BIASGRAD_CONFIG)"

        #expect(throws: BiasGradError.inputUnavailable(path: path, reason: reason)) {
            try options([], environment: ["BIASGRAD_CONFIG": path])
        }
    }

    @Test func aMistakeInTheFileIsAUsageErrorWithStatus64() throws {
        let path = try temporaryFile(Array("activation = sigmod\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let error = BiasGradError.usage(
            .invalidSetting(
                key: "activation", value: "sigmod",
                accepted: .oneOf(["linear", "sigmoid", "tanh", "relu"]),
                at: ConfigurationLocation(path: path, line: 1)))
        #expect(throws: error) { try options(["--config", path]) }
        #expect(error.exitStatus == 64)
    }

    @Test func aFileThatIsNotUTF8IsAUsageError() throws {
        let path = try temporaryFile([0x61, 0x3D, 0xFF, 0x0A])
        defer { try? FileManager.default.removeItem(atPath: path) }

        let error = BiasGradError.usage(.configurationNotText(path: path))
        #expect(throws: error) { try options(["--config", path]) }
        #expect(error.message == "configuration file '\(path)' is not UTF-8 text")
    }

    @Test func aFileOverOneMebibyteIsRefused() throws {
        let path = try temporaryFile([UInt8](repeating: UInt8(ascii: "#"), count: 1 << 20 + 1))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let reason = "larger than 1 MiB (configuration file named by --config)"
        #expect(throws: BiasGradError.inputUnavailable(path: path, reason: reason)) {
            try options(["--config", path])
        }
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("biasgrad-config-\(UUID().uuidString).conf")
        try Data(bytes).write(to: url)
        return url.path
    }
}
