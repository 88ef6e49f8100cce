import Foundation

/// The whole command-line program, from arguments to exit status; `main.swift` only calls
/// `run`. Everything it prints goes through the two writers it is given, so that tests can
/// run it in-process.
public enum CommandLineTool {
    /// Runs biasgrad and returns the status to exit with.
    ///
    /// - Parameters:
    ///   - arguments: the arguments after the program name.
    ///   - environment: the process environment.
    ///   - standardOutput: receives `--help` and `--version` text.
    ///   - diagnosticsWriter: receives each diagnostics line for stderr.
    public static func run(
        _ arguments: [String], environment: [String: String],
        standardOutput: (String) -> Void,
        diagnosticsWriter: @escaping @Sendable (String) -> Void = Diagnostics.toStandardError
    ) -> Int32 {
        StandardDescriptors.reserve()
        let command: Command
        do throws(BiasGradError) {
            command = try CommandLineParser.parse(
                arguments, environment: environment,
                standardInputIsTerminal: isatty(0) != 0)
        } catch {
            let diagnostics = Diagnostics(verbosity: .normal, write: diagnosticsWriter)
            diagnostics.error(error.message)
            if case .usage = error { diagnostics.error("try 'biasgrad --help'") }
            return error.exitStatus
        }

        switch command {
        case .help:
            standardOutput(HelpText.full)
            return ExitStatus.success
        case .version:
            standardOutput(HelpText.version + "\n")
            return ExitStatus.success
        case .run(let options):
            let diagnostics = Diagnostics(verbosity: options.verbosity, write: diagnosticsWriter)
            return execute(options, diagnostics: diagnostics)
        }
    }

    private static func execute(_ options: RunOptions, diagnostics: Diagnostics) -> Int32 {
        OutputSafety.installSignalCleanup()
        do {
            try BatchRun(options: options, diagnostics: diagnostics).execute()
            return ExitStatus.success
        } catch let error as BiasGradError {
            diagnostics.error(error.message)
            return error.exitStatus
        } catch is OutputReaderClosed {
            return OutputReaderClosed.exitStatus
        } catch {
            diagnostics.error("unexpected failure: \(error)")
            return ExitStatus.ioError
        }
    }
}
