/// An option the command line accepts: its names, what it does, and how help describes it.
struct OptionSpec: Sendable {
    /// What giving the option does.
    enum Action: Sendable {
        /// A flag, which takes no value.
        case flag(Setting)
        /// An option with one value, read by `read`; nil from `read` means not accepted.
        case value(
            placeholder: String, accepted: AcceptedValues,
            read: @Sendable (String) -> Setting?)
        /// `--help` or `--version`: the run is replaced by printing something.
        case information(Command)
    }

    /// The long name, without the leading `--`.
    let name: String
    let short: Character?
    let action: Action
    /// Whether the configuration file may set it under `name`.
    let configurable: Bool
    let section: HelpSection
    /// One line for `--help`.
    let summary: String
    /// The default as `--help` shows it; nil when there is none to show.
    let defaultValue: String?
}

/// A key the configuration file accepts.
struct ConfigurationKey: Sendable {
    let name: String
    let accepted: AcceptedValues
    let read: @Sendable (String) -> Setting?
}

/// The groups `--help` lists the options in.
enum HelpSection: String, CaseIterable, Sendable {
    case input = "Input"
    case model = "Model"
    case output = "Output"
    case invalidRows = "Invalid rows"
    case performance = "Performance"
    case general = "General"
}

/// Every option and configuration key, in the order `--help` lists them.
enum OptionTable {
    static let options: [OptionSpec] =
        inputOptions + modelOptions + outputOptions
        + invalidRowOptions + performanceOptions + generalOptions

    /// The keys a configuration file may set: the configurable valued options, and a
    /// `true`/`false` key for each pair of flags.
    static let configurationKeys: [ConfigurationKey] = valuedKeys + booleanKeys

    /// Names the configuration file rejects because only the command line may give them:
    /// file names, `config`, `help` and `version`.
    static let commandLineOnlyNames: Set<String> = Set(
        options.filter { option in
            switch option.action {
            case .value, .information: return !option.configurable
            case .flag: return false
            }
        }.map(\.name)
    )

    /// The option with this long name.
    static func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    /// The option with this one-letter name.
    static func option(short letter: Character) -> OptionSpec? {
        options.first { $0.short == letter }
    }

    /// The configuration key with this name.
    static func configurationKey(named name: String) -> ConfigurationKey? {
        configurationKeys.first { $0.name == name }
    }

    private static let valuedKeys: [ConfigurationKey] = options.compactMap { option in
        guard option.configurable, case .value(_, let accepted, let read) = option.action else {
            return nil
        }
        return ConfigurationKey(name: option.name, accepted: accepted, read: read)
    }

    private static let booleanKeys: [ConfigurationKey] = [
        ConfigurationKey(name: "header", accepted: .oneOf(["true", "false", "auto"])) { text in
            if text == "auto" { return .header(.detect) }
            return OptionValue.boolean(text).map { .header($0 ? .present : .absent) }
        },
        ConfigurationKey(name: "per-sample-header", accepted: .oneOf(["true", "false"])) {
            OptionValue.boolean($0).map { .perSampleHeader($0) }
        },
        ConfigurationKey(name: "verbose", accepted: .oneOf(["true", "false"])) {
            OptionValue.boolean($0).map { .verbosity($0 ? .verbose : .normal) }
        },
        ConfigurationKey(name: "quiet", accepted: .oneOf(["true", "false"])) {
            OptionValue.boolean($0).map { .verbosity($0 ? .quiet : .normal) }
        },
    ]

    // MARK: - The options, by section

    private static let inputOptions: [OptionSpec] = [
        valued(
            "predictions", "FILE", accepting: .inputFileName, read: OptionValue.fileName,
            into: Setting.predictionsFile, in: .input,
            help: "predictions, one number per line (two-file mode)"),
        valued(
            "targets", "FILE", accepting: .inputFileName, read: OptionValue.fileName,
            into: Setting.targetsFile, in: .input,
            help: "targets, one number per line, paired by line"),
        valued(
            "prediction-column", "COL", accepting: .column, read: OptionValue.column,
            into: Setting.predictionColumn, configurable: true, in: .input,
            help: "header name or 1-based index of the predictions",
            default: "by name, else 1"),
        valued(
            "target-column", "COL", accepting: .column, read: OptionValue.column,
            into: Setting.targetColumn, configurable: true, in: .input,
            help: "header name or 1-based index of the targets", default: "by name, else 2"),
        flag(
            "header", setting: .header(.present), in: .input,
            help: "the first row is a header", default: "detected"),
        flag(
            "no-header", setting: .header(.absent), in: .input,
            help: "the first row is data", default: "detected"),
        valued(
            "delimiter", "CHAR", accepting: .delimiter, read: OptionValue.delimiter,
            into: Setting.delimiter, configurable: true, in: .input,
            help: "one character, 'tab' or '\\t'", default: "sniffed from , tab ; |"),
    ]

    private static let modelOptions: [OptionSpec] = [
        choice(
            "activation", "NAME", of: Activation.self, into: Setting.activation, in: .model,
            help: "linear, sigmoid, tanh or relu", default: "sigmoid"),
        choice(
            "loss", "NAME", of: Loss.self, into: Setting.loss, in: .model,
            help: "mse or bce (binary cross-entropy)", default: "mse"),
        choice(
            "reduction", "NAME", of: Reduction.self, into: Setting.reduction, in: .model,
            help: "mean or sum over the batch", default: "mean"),
        choice(
            "input", "KIND", of: InputKind.self, into: Setting.inputKind, in: .model,
            help: "predictions are activated outputs or logits", default: "activated"),
        valued(
            "epsilon", "E", accepting: .positiveFiniteNumber,
            read: OptionValue.positiveFiniteNumber, into: Setting.epsilon, configurable: true,
            in: .model, help: "bce floor of y_hat*(1-y_hat) for non-sigmoid", default: "1e-12"),
    ]

    private static let outputOptions: [OptionSpec] = [
        valued(
            "output", short: "o", "FILE", accepting: .outputFileName,
            read: OptionValue.fileName, into: Setting.output, in: .output,
            help: "the summary's file; '-' is stdout", default: "stdout"),
        choice(
            "format", "NAME", of: SummaryFormat.self, into: Setting.format, in: .output,
            help: "summary format: json or csv", default: "json"),
        valued(
            "per-sample", "FILE", accepting: .outputFileName, read: OptionValue.fileName,
            into: Setting.perSample, in: .output,
            help: "one record per sample to FILE; '-' is stdout", default: "none"),
        choice(
            "per-sample-format", "NAME", of: PerSampleFormat.self,
            into: Setting.perSampleFormat, in: .output, help: "csv or jsonl", default: "csv"),
        flag(
            "per-sample-header", setting: .perSampleHeader(true), in: .output,
            help: "write per-sample CSV's header row", default: "on"),
        flag(
            "no-per-sample-header", setting: .perSampleHeader(false), in: .output,
            help: "leave out that header row", default: "on"),
    ]

    private static let invalidRowOptions: [OptionSpec] = [
        choice(
            "on-invalid", "POLICY", of: InvalidRowPolicy.self, into: Setting.onInvalid,
            in: .invalidRows, help: "stop at the first invalid row, or skip and count",
            default: "stop"),
        valued(
            "rejects", "FILE", accepting: .fileNameOtherThanDash,
            read: OptionValue.fileNameOtherThanDash, into: Setting.rejects, in: .invalidRows,
            help: "write skipped rows and reasons (needs skip)", default: "none"),
    ]

    private static let performanceOptions: [OptionSpec] = [
        valued(
            "workers", short: "j", "N", accepting: .workerCount, read: OptionValue.workerCount,
            into: Setting.workers, configurable: true, in: .performance,
            help: "parallel workers: 1 to \(OptionValue.maximumWorkers), or auto",
            default: "auto, one per processor"),
        valued(
            "chunk-bytes", "N", accepting: .byteCount, read: OptionValue.byteCount,
            into: Setting.chunkBytes, configurable: true, in: .performance,
            help: "bytes per chunk; K, M, G suffixes (2^10, 2^20, 2^30)", default: "2M"),
    ]

    private static let generalOptions: [OptionSpec] = [
        valued(
            "config", "FILE", accepting: .fileNameOtherThanDash,
            read: OptionValue.fileNameOtherThanDash, into: Setting.configurationFile,
            in: .general, help: "read settings from FILE (see Configuration)",
            default: "$BIASGRAD_CONFIG"),
        flag(
            "verbose", short: "v", setting: .verbosity(.verbose), in: .general,
            help: "also report choices made (delimiter, header, columns)", default: "off"),
        flag(
            "quiet", short: "q", setting: .verbosity(.quiet), in: .general,
            help: "errors only, no warnings", default: "off"),
        OptionSpec(
            name: "help", short: "h", action: .information(.help), configurable: false,
            section: .general, summary: "show this help", defaultValue: nil),
        OptionSpec(
            name: "version", short: "V", action: .information(.version), configurable: false,
            section: .general, summary: "show the version", defaultValue: nil),
    ]

    // MARK: - Builders

    private static func flag(
        _ name: String, short: Character? = nil, setting: Setting, in section: HelpSection,
        help summary: String, default defaultValue: String
    ) -> OptionSpec {
        OptionSpec(
            name: name, short: short, action: .flag(setting), configurable: false,
            section: section, summary: summary, defaultValue: defaultValue)
    }

    private static func valued<Value>(
        _ name: String, short: Character? = nil, _ placeholder: String,
        accepting accepted: AcceptedValues, read: @escaping @Sendable (String) -> Value?,
        into setting: @escaping @Sendable (Value) -> Setting, configurable: Bool = false,
        in section: HelpSection, help summary: String, default defaultValue: String? = nil
    ) -> OptionSpec {
        let action = OptionSpec.Action.value(placeholder: placeholder, accepted: accepted) {
            read($0).map(setting)
        }
        return OptionSpec(
            name: name, short: short, action: action, configurable: configurable,
            section: section, summary: summary, defaultValue: defaultValue)
    }

    /// An option whose value is one of an enumeration's raw values; always configurable.
    private static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ placeholder: String, of type: Value.Type,
        into setting: @escaping @Sendable (Value) -> Setting, in section: HelpSection,
        help summary: String, default defaultValue: String
    ) -> OptionSpec where Value.RawValue == String {
        valued(
            name, placeholder, accepting: OptionValue.choices(of: type),
            read: { OptionValue.choice($0, of: type) }, into: setting, configurable: true,
            in: section, help: summary, default: defaultValue)
    }
}
