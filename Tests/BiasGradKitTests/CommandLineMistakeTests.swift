import Testing

@testable import BiasGradKit

/// A command line that is wrong, and the mistake it must be reported as.
struct MistakeCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let error: UsageError
    let message: String

    init(_ arguments: [String], _ error: UsageError, _ message: String) {
        self.arguments = arguments
        self.error = error
        self.message = message
    }

    var testDescription: String { arguments.joined(separator: " ") }
}

/// The values `--activation` accepts, in the order SPEC.md section 2 lists them.
private let activations = AcceptedValues.oneOf(["linear", "sigmoid", "tanh", "relu"])

/// The description of `AcceptedValues.delimiter`, as the messages below quote it.
private let delimiterRule =
    "one ASCII character (not a quote or a line end), 'tab', '\\t' or 'auto'"

/// The description of `AcceptedValues.byteCount`, as the messages below quote it.
private let byteCountRule =
    "a whole number of bytes from 1 to 1G, with an optional K, M or G suffix (e.g. 4M)"

extension CommandLineTests {
    static let unknownOptions: [MistakeCase] = [
        MistakeCase(
            ["--activaton", "tanh"],
            .unknownOption("--activaton", suggestion: "--activation"),
            "unknown option '--activaton'; did you mean '--activation'?"),
        MistakeCase(
            ["--wrokers", "2"], .unknownOption("--wrokers", suggestion: "--workers"),
            "unknown option '--wrokers'; did you mean '--workers'?"),
        MistakeCase(
            ["--pred", "p.txt"], .unknownOption("--pred", suggestion: "--predictions"),
            "unknown option '--pred'; did you mean '--predictions'?"),
        MistakeCase(
            ["--Activation", "tanh"],
            .unknownOption("--Activation", suggestion: "--activation"),
            "unknown option '--Activation'; did you mean '--activation'?"),
        MistakeCase(
            ["--no-headers"], .unknownOption("--no-headers", suggestion: "--no-header"),
            "unknown option '--no-headers'; did you mean '--no-header'?"),
        MistakeCase(
            ["--frobnicate"], .unknownOption("--frobnicate", suggestion: nil),
            "unknown option '--frobnicate'"),
        MistakeCase(
            ["-verbose"], .unknownOption("-verbose", suggestion: "--verbose"),
            "unknown option '-verbose'; did you mean '--verbose'?"),
        MistakeCase(
            ["-output", "x.json"], .unknownOption("-output", suggestion: "--output"),
            "unknown option '-output'; did you mean '--output'?"),
        MistakeCase(["-x"], .unknownOption("-x", suggestion: nil), "unknown option '-x'"),
        MistakeCase(["-vx"], .unknownOption("-x", suggestion: nil), "unknown option '-x'"),
    ]

    static let missingAndUnexpectedValues: [MistakeCase] = [
        MistakeCase(
            ["--activation"], .missingValue(option: "--activation", accepted: activations),
            "--activation needs a value: one of linear, sigmoid, tanh, relu"),
        MistakeCase(
            ["--output", "--verbose"],
            .missingValue(option: "--output", accepted: .outputFileName),
            "--output needs a value: a file name, or '-' for standard output"),
        MistakeCase(
            ["--targets", "--", "t.txt"],
            .missingValue(option: "--targets", accepted: .inputFileName),
            "--targets needs a value: a file name, or '-' for standard input"),
        MistakeCase(
            ["-j"], .missingValue(option: "-j", accepted: .workerCount),
            "-j needs a value: an integer from 1 to 256, or 'auto'"),
        MistakeCase(
            ["--verbose=yes"], .unexpectedValue(option: "--verbose", value: "yes"),
            "--verbose takes no value; got 'yes'"),
        MistakeCase(
            ["--no-header=true"], .unexpectedValue(option: "--no-header", value: "true"),
            "--no-header takes no value; got 'true'"),
    ]

    static let invalidValues: [MistakeCase] = [
        invalid(
            "--activation", "sigmod", activations,
            "--activation must be one of linear, sigmoid, tanh, relu; got 'sigmod'"),
        invalid(
            "--loss", "mae", .oneOf(["mse", "bce"]), "--loss must be one of mse, bce; got 'mae'"),
        invalid(
            "--reduction", "Mean", .oneOf(["mean", "sum"]),
            "--reduction must be one of mean, sum; got 'Mean'"),
        invalid(
            "--input", "raw", .oneOf(["activated", "logits"]),
            "--input must be one of activated, logits; got 'raw'"),
        invalid(
            "--format", "xml", .oneOf(["json", "csv"]),
            "--format must be one of json, csv; got 'xml'"),
        invalid(
            "--per-sample-format", "json", .oneOf(["csv", "jsonl"]),
            "--per-sample-format must be one of csv, jsonl; got 'json'"),
        invalid(
            "--on-invalid", "ignore", .oneOf(["stop", "skip"]),
            "--on-invalid must be one of stop, skip; got 'ignore'"),
        invalid(
            "--epsilon", "0", .positiveFiniteNumber,
            "--epsilon must be a finite number greater than 0; got '0'"),
        invalid(
            "--epsilon", "inf", .positiveFiniteNumber,
            "--epsilon must be a finite number greater than 0; got 'inf'"),
        invalid(
            "--epsilon", "nan", .positiveFiniteNumber,
            "--epsilon must be a finite number greater than 0; got 'nan'"),
        invalid(
            "--epsilon", "1e400", .positiveFiniteNumber,
            "--epsilon must be a finite number greater than 0; got '1e400'"),
        invalid(
            "--epsilon", "small", .positiveFiniteNumber,
            "--epsilon must be a finite number greater than 0; got 'small'"),
        invalid(
            "--workers", "0", .workerCount,
            "--workers must be an integer from 1 to 256, or 'auto'; got '0'"),
        invalid(
            "--workers", "257", .workerCount,
            "--workers must be an integer from 1 to 256, or 'auto'; got '257'"),
        invalid(
            "--workers", "two", .workerCount,
            "--workers must be an integer from 1 to 256, or 'auto'; got 'two'"),
        invalid(
            "--workers", "+3", .workerCount,
            "--workers must be an integer from 1 to 256, or 'auto'; got '+3'"),
        invalid(
            "--chunk-bytes", "0", .byteCount, "--chunk-bytes must be \(byteCountRule); got '0'"),
        invalid(
            "--chunk-bytes", "4T", .byteCount,
            "--chunk-bytes must be \(byteCountRule); got '4T'"),
        invalid(
            "--chunk-bytes", "M", .byteCount, "--chunk-bytes must be \(byteCountRule); got 'M'"),
        invalid(
            "--chunk-bytes", "1.5M", .byteCount,
            "--chunk-bytes must be \(byteCountRule); got '1.5M'"),
        invalid(
            "--chunk-bytes", "4MB", .byteCount,
            "--chunk-bytes must be \(byteCountRule); got '4MB'"),
        // 2^63 / 2^30 = 2^33 = 8589934592, so 2^33 G no longer fits in a 64-bit Int.
        invalid(
            "--chunk-bytes", "8589934592G", .byteCount,
            "--chunk-bytes must be \(byteCountRule); got '8589934592G'"),
        invalid(
            "--prediction-column", "0", .column,
            "--prediction-column must be a header name or a 1-based column index; got '0'"),
        invalid(
            "--target-column", "", .column,
            "--target-column must be a header name or a 1-based column index; got ''"),
        invalid(
            "--target-column", "99999999999999999999", .column,
            "--target-column must be a header name or a 1-based column index;"
                + " got '99999999999999999999'"),
        invalid("--delimiter", ";;", .delimiter, "--delimiter must be \(delimiterRule); got ';;'"),
        invalid("--delimiter", "é", .delimiter, "--delimiter must be \(delimiterRule); got 'é'"),
        invalid("--delimiter", "\"", .delimiter, "--delimiter must be \(delimiterRule); got '\"'"),
        invalid(
            "--delimiter", "\n", .delimiter,
            "--delimiter must be \(delimiterRule); got '\\n'"),
        invalid(
            "--output", "", .outputFileName,
            "--output must be a file name, or '-' for standard output; got ''"),
        invalid(
            "--rejects", "-", .fileNameOtherThanDash,
            "--rejects must be a file name other than '-'; got '-'"),
        invalid(
            "--config", "-", .fileNameOtherThanDash,
            "--config must be a file name other than '-'; got '-'"),
    ]

    static let inconsistentOptions: [MistakeCase] = [
        MistakeCase(
            ["--predictions", "p.txt"],
            .incompleteTwoFileMode(given: "--predictions", missing: "--targets"),
            "--predictions needs --targets as well: the two-file mode reads both"),
        MistakeCase(
            ["--targets", "t.txt"],
            .incompleteTwoFileMode(given: "--targets", missing: "--predictions"),
            "--targets needs --predictions as well: the two-file mode reads both"),
        MistakeCase(
            ["--predictions", "p.txt", "--targets", "t.txt", "data.csv"],
            .twoFileModeWithCSVFiles(firstFile: "data.csv"),
            "--predictions and --targets cannot be combined with CSV files"
                + " (got 'data.csv')"),
        MistakeCase(
            ["-", "-"], .standardInputReadTwice,
            "standard input ('-') can be named as only one input"),
        MistakeCase(
            ["--predictions", "-", "--targets", "-"], .standardInputReadTwice,
            "standard input ('-') can be named as only one input"),
        MistakeCase(
            ["--rejects", "bad.txt", "data.csv"], .rejectsWithoutSkip,
            "--rejects needs --on-invalid skip; otherwise the first invalid row stops"
                + " the run"),
        MistakeCase(
            ["--on-invalid", "skip", "--on-invalid", "stop", "--rejects", "r.txt", "a"],
            .rejectsWithoutSkip,
            "--rejects needs --on-invalid skip; otherwise the first invalid row stops"
                + " the run"),
        MistakeCase(
            ["--per-sample", "-", "--output", "-", "data.csv"], .bothOnStandardOutput,
            "--per-sample - and --output - cannot both write to standard output"),
        MistakeCase(
            ["--output", "r.json", "--per-sample", "./r.json", "data.csv"],
            .sameFile(first: "--output", second: "--per-sample", path: "r.json"),
            "--output and --per-sample name the same file 'r.json'"),
        MistakeCase(
            ["-o", "data.csv", "data.csv"],
            .sameFile(first: "--output", second: "an input", path: "data.csv"),
            "--output and an input name the same file 'data.csv'"),
        MistakeCase(
            [
                "--on-invalid", "skip", "--rejects", "t.txt", "--predictions", "p.txt",
                "--targets", "t.txt",
            ],
            .sameFile(first: "--rejects", second: "--targets", path: "t.txt"),
            "--rejects and --targets name the same file 't.txt'"),
    ]

    @Test(
        arguments: unknownOptions + missingAndUnexpectedValues + invalidValues
            + inconsistentOptions)
    func eachMistakeIsItsOwnCaseWithAOneLineMessage(_ mistake: MistakeCase) {
        let error = usageError(mistake.arguments)

        #expect(error == mistake.error)
        #expect(error?.message == mistake.message)
        #expect(mistake.message.split(separator: "\n").count <= 1)
    }

    @Test(arguments: [[String](), ["-v"], ["--activation", "tanh"]])
    func namingNoInputFromATerminalIsAMistake(_ arguments: [String]) {
        let error = usageError(arguments, terminal: true)

        #expect(error == .noInput)
        #expect(
            error?.message == "no input: name a CSV file, give --predictions and --targets,"
                + " or pipe data to standard input")
    }

    @Test func usageErrorsExitWithStatus64() {
        #expect(BiasGradError.usage(.noInput).exitStatus == 64)
    }

    private static func invalid(
        _ option: String, _ value: String, _ accepted: AcceptedValues, _ message: String
    ) -> MistakeCase {
        MistakeCase(
            [option, value, "data.csv"],
            .invalidValue(option: option, value: value, accepted: accepted), message)
    }
}
