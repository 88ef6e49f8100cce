/// What the command line asks the program to do.
public enum Command: Equatable, Sendable {
    /// Compute the gradient with these options.
    case run(RunOptions)

    /// Print `HelpText.full` to stdout and exit 0.
    case help

    /// Print `HelpText.version` to stdout and exit 0.
    case version
}

/// Turns the arguments, the environment and the configuration file into a `Command`.
///
/// The arguments are tokenized, then bound to options; a mistake in either is a usage error,
/// unless `--help` or `--version` is also given, which wins. For a run, the settings are then
/// applied in order of precedence, each later layer overriding the one before:
/// 1. the built-in defaults of `RunOptions`;
/// 2. the configuration file named by `--config FILE`, or else by the `BIASGRAD_CONFIG`
///    environment variable (an empty value names none); no other file is ever read;
/// 3. the command line, where a repeated option's last value wins.
/// Finally the rules that tie options together are checked (see `OptionValidation`). The
/// `BIASGRAD_PARSER` environment variable, a testing aid, chooses the CSV parser.
public enum CommandLineParser {
    /// The environment variable that names a configuration file.
    public static let configurationVariable = "BIASGRAD_CONFIG"

    /// Parses arguments (without the program name).
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - environment: The process environment; only `BIASGRAD_CONFIG` and
    ///     `BIASGRAD_PARSER` are read from it.
    ///   - standardInputIsTerminal: Whether standard input is a terminal; when it is, naming
    ///     no input is a usage error instead of a read from standard input.
    /// - Returns: The command to carry out.
    /// - Throws: `.usage` for a mistake on the command line or in the configuration file,
    ///   `.inputUnavailable` when the configuration file cannot be read.
    public static func parse(
        _ arguments: [String], environment: [String: String], standardInputIsTerminal: Bool
    ) throws(BiasGradError) -> Command {
        let tokens = ArgumentTokenizer.tokenize(arguments)
        let bound = try bindOrAnswer(tokens)
        if let information = bound.information { return information }

        var options = RunOptions()
        if environment[ParserChoice.environmentVariable] != nil {
            options.parser = ParserChoice(environment: environment)
        }
        if let (path, namedBy) = configurationFile(bound, environment) {
            let settings = try ConfigurationFile.load(path: path, namedBy: namedBy)
            for setting in settings { setting.apply(to: &options) }
            options.configurationFile = path
        }
        for setting in bound.settings { setting.apply(to: &options) }

        do throws(UsageError) {
            return .run(
                try OptionValidation.validated(
                    options, standardInputIsTerminal: standardInputIsTerminal))
        } catch {
            throw .usage(error)
        }
    }

    /// The bound arguments; when binding fails but help or the version was asked for, the
    /// answer to that instead of the error.
    private static func bindOrAnswer(_ tokens: [ArgumentToken]) throws(BiasGradError)
        -> BoundArguments
    {
        do throws(UsageError) {
            return try OptionBinder.bind(tokens)
        } catch {
            guard let information = OptionBinder.informationRequest(in: tokens) else {
                throw .usage(error)
            }
            return BoundArguments(information: information)
        }
    }

    /// The configuration file to read and what named it: `--config` before the variable.
    private static func configurationFile(
        _ bound: BoundArguments, _ environment: [String: String]
    ) -> (path: String, namedBy: String)? {
        if let path = bound.configurationFile { return (path, "--config") }

        guard let path = environment[configurationVariable], !path.isEmpty else { return nil }
        return (path, configurationVariable)
    }
}
