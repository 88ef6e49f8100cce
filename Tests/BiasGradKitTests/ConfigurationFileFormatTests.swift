import Foundation
import Testing

@testable import BiasGradKit

/// The settings in `text`, read as the file `test.conf`.
private func settings(_ text: String) throws -> [Setting] {
    try ConfigurationFile.parse(text, path: "test.conf")
}

/// The usage error `text` gives as the file `test.conf`, or nil when it parses.
private func mistake(_ text: String) -> UsageError? {
    do {
        _ = try ConfigurationFile.parse(text, path: "test.conf")
        return nil
    } catch {
        return error
    }
}

private func line(_ number: Int) -> ConfigurationLocation {
    ConfigurationLocation(path: "test.conf", line: number)
}

extension ConfigurationFileTests {
    // MARK: - The format

    @Test func keyValueLinesCommentsAndBlankLinesAreRead() throws {
        let text = """
            # a comment
            activation = tanh

              loss=bce
            \treduction =\tsum\t
            """
        #expect(try settings(text) == [.activation(.tanh), .loss(.bce), .reduction(.sum)])
    }

    @Test func aCommentAfterASpaceEndsTheValue() throws {
        #expect(try settings("workers = 3   # two per core\n") == [.workers(3)])
        #expect(try settings("prediction-column = col#1\n") == [.predictionColumn(.name("col#1"))])
    }

    @Test func quotesKeepACommentSignAndSpacesInAValue() throws {
        // '#' is ASCII 35.
        #expect(try settings("delimiter = \"#\"  # hash-separated\n") == [.delimiter(35)])
        #expect(
            try settings("target-column = \"# of votes\"\n")
                == [.targetColumn(.name("# of votes"))])
    }

    @Test func aByteOrderMarkAndEveryLineEndAreAccepted() throws {
        let text = "\u{FEFF}activation = relu\r\nloss = bce\rformat = csv\ninput = logits"
        #expect(
            try settings(text)
                == [.activation(.relu), .loss(.bce), .format(.csv), .inputKind(.logits)])
    }

    @Test func theLineNumberCountsEveryKindOfLineEnd() {
        // Lines: 1 "a = b" ends in CRLF, 2 is blank and ends in CR, 3 is the bad key.
        #expect(
            mistake("loss = mse\r\n\rlos = bce\n")
                == .unknownKey(key: "los", suggestion: "loss", at: line(3)))
    }

    @Test func aKeyGivenTwiceTakesItsLastValue() throws {
        var options = RunOptions()
        for setting in try settings("workers = 2\nworkers = 6\n") { setting.apply(to: &options) }
        #expect(options.workers == 6)
    }

    @Test(arguments: [
        ("header = true", Setting.header(.present)),
        ("header = false", .header(.absent)),
        ("header = auto", .header(.detect)),
        ("per-sample-header = false", .perSampleHeader(false)),
        ("verbose = true", .verbosity(.verbose)),
        ("verbose = false", .verbosity(.normal)),
        ("quiet = true", .verbosity(.quiet)),
        ("delimiter = tab", .delimiter(9)),
        ("delimiter = \\t", .delimiter(9)),
        ("delimiter = auto", .delimiter(nil)),
        ("workers = auto", .workers(ProcessInfo.processInfo.activeProcessorCount)),
        ("chunk-bytes = 64K", .chunkBytes(64 * 1024)),
        ("epsilon = 1e-9", .epsilon(0.000000001)),
        ("prediction-column = 4", .predictionColumn(.index(4))),
        ("on-invalid = skip", .onInvalid(.skip)),
        ("per-sample-format = jsonl", .perSampleFormat(.jsonl)),
    ])
    func eachKeyReadsItsValue(_ line: String, _ expected: Setting) throws {
        #expect(try settings(line) == [expected])
    }

    @Test func theCommandLineOverridesTheFilesHeaderAndVerbosity() throws {
        var fromFile = RunOptions()
        for setting in try settings("header = false\nquiet = true\n") {
            setting.apply(to: &fromFile)
        }
        let fromCommandLine = try OptionBinder.bind(
            ArgumentTokenizer.tokenize(["--header", "-v"])
        ).settings
        for setting in fromCommandLine { setting.apply(to: &fromFile) }

        #expect(fromFile.header == .present && fromFile.verbosity == .verbose)
    }

    // MARK: - Mistakes

    @Test func anUnknownKeyNamesFileAndLineAndSuggestsTheNearestKey() {
        let error = mistake("# settings\nactivaton = tanh\n")

        #expect(error == .unknownKey(key: "activaton", suggestion: "activation", at: line(2)))
        #expect(
            error?.message == "test.conf:2: unknown key 'activaton'; did you mean 'activation'?")
    }

    @Test func anOptionSpelledWithDashesSuggestsTheKey() {
        #expect(
            mistake("--workers = 2")
                == .unknownKey(
                    key: "--workers", suggestion: "workers",
                    at: line(1)))
        #expect(
            mistake("no-header = true")
                == .unknownKey(key: "no-header", suggestion: "header", at: line(1)))
    }

    @Test func anUnknownKeyFarFromAnyKeyGetsNoSuggestion() {
        let error = mistake("colour = blue")

        #expect(error == .unknownKey(key: "colour", suggestion: nil, at: line(1)))
        #expect(error?.message == "test.conf:1: unknown key 'colour'")
    }

    @Test(arguments: [
        "predictions", "targets", "output", "per-sample", "rejects", "config",
        "help", "version",
    ])
    func fileNamesAndCommandsAreForTheCommandLineOnly(_ key: String) {
        let error = mistake("\(key) = x")

        #expect(error == .commandLineOnlyKey(key: key, at: line(1)))
        #expect(error?.message == "test.conf:1: '\(key)' can be given only on the command line")
    }

    @Test(arguments: ["verbose", "= tanh", "activation = \"tanh", "activation = \"tanh\" x"])
    func aLineThatIsNotKeyEqualsValueIsMalformed(_ text: String) {
        let error = mistake("\n" + text)

        #expect(error == .malformedLine(text: text, at: line(2)))
        #expect(
            error?.message == "test.conf:2: expected 'key = value', a comment or a blank"
                + " line; got '\(text)'")
    }

    @Test func aBadValueNamesFileLineKeyAndWhatIsAccepted() {
        let error = mistake("activation = sigmod")

        #expect(
            error
                == .invalidSetting(
                    key: "activation", value: "sigmod",
                    accepted: .oneOf(["linear", "sigmoid", "tanh", "relu"]),
                    at: line(1)))
        #expect(
            error?.message
                == "test.conf:1: activation must be one of linear, sigmoid, tanh, relu;"
                + " got 'sigmod'")
    }

    @Test(arguments: [
        ("header = yes", "header", "yes", AcceptedValues.oneOf(["true", "false", "auto"])),
        ("verbose = 1", "verbose", "1", .oneOf(["true", "false"])),
        ("workers = 0", "workers", "0", .workerCount),
        ("workers =", "workers", "", .workerCount),
        ("chunk-bytes = 2 M", "chunk-bytes", "2 M", .byteCount),
        ("epsilon = -1e-12", "epsilon", "-1e-12", .positiveFiniteNumber),
        ("delimiter = ;;", "delimiter", ";;", .delimiter),
        ("target-column = 0", "target-column", "0", .column),
    ])
    func eachKeyRefusesValuesItDoesNotAccept(
        _ text: String, _ key: String, _ value: String, _ accepted: AcceptedValues
    ) {
        #expect(
            mistake(text)
                == .invalidSetting(key: key, value: value, accepted: accepted, at: line(1)))
    }
}
