import BiasGradKit
import FuzzSupport
import Synchronization

/// Everything a run leaves behind that must not depend on how the input was split: its
/// result or its error, the files it wrote, and its warnings.
struct RunOutcome: Equatable, CustomStringConvertible {
    /// The summary's numbers, floats as bit patterns so that -0.0 differs from 0.0.
    var summary: [UInt64]?
    var error: BiasGradError?
    var otherError: String?

    /// The contents of each output file that exists after the run, by name.
    var files: [String: [UInt8]] = [:]

    /// The names in the scratch folder after the run, the input's included.
    var listing: [String] = []
    var warnings: [String] = []

    var description: String {
        var lines = [
            "summary \(summary.map { "\($0)" } ?? "none")",
            "error \(error.map { "\($0.exitStatus) \($0.message)" } ?? otherError ?? "none")",
            "warnings \(warnings)", "folder \(listing)",
        ]
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            lines.append("\(name): \(shown(bytes))")
        }
        return lines.joined(separator: "\n  ")
    }
}

extension RunSummary {
    /// The numbers a summary reports, floats as their bit patterns.
    var bits: [UInt64] {
        [
            UInt64(samples), UInt64(records), UInt64(invalidRows),
            sum.map { $0.bitPattern } ?? UInt64.max, mean.bitPattern,
        ]
    }
}

/// Collects the lines a run writes to its diagnostics.
final class DiagnosticLines: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }
}
