import Foundation
import Synchronization

/// The one place diagnostics are written from: notes for `--verbose`, warnings unless
/// `--quiet`, and errors always, each a line prefixed with the program's name.
///
/// Lines are written whole under a lock, so lines from different threads never interleave.
public final class Diagnostics: Sendable {
    private let verbosity: Verbosity
    private let writeLine: Mutex<@Sendable (String) -> Void>

    /// - Parameter write: receives each finished line, newline included; stderr by default.
    public init(
        verbosity: Verbosity,
        write: @escaping @Sendable (String) -> Void = Diagnostics.toStandardError
    ) {
        self.verbosity = verbosity
        writeLine = Mutex(write)
    }

    /// A detail shown with `--verbose`.
    public func note(_ message: String) {
        if verbosity >= .verbose { emit(message) }
    }

    /// Something the user should know that does not stop the run; hidden by `--quiet`.
    public func warn(_ message: String) {
        if verbosity >= .normal { emit("warning: " + message) }
    }

    /// The error a run ends with.
    public func error(_ message: String) {
        emit(message)
    }

    private func emit(_ message: String) {
        let line = "biasgrad: " + message + "\n"
        writeLine.withLock { $0(line) }
    }

    /// Writes a line to standard error in one call.
    public static let toStandardError: @Sendable (String) -> Void = { line in
        var line = line
        line.withUTF8 { bytes in _ = Foundation.write(2, bytes.baseAddress, bytes.count) }
    }
}
