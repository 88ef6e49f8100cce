import Foundation

/// Locations shared by the test targets.
public enum Fixtures {
    /// The package's top folder, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A file in SampleData/.
    public static func sample(_ name: String) -> String {
        packageRoot.appendingPathComponent("SampleData").appendingPathComponent(name).path
    }

    /// The seed example of SPEC section 8: predictions and targets.
    public static let seedPredictions = [0.91, 0.34, 0.77, 0.12, 0.68]
    public static let seedTargets = [1.0, 0.0, 1.0, 0.0, 1.0]
}
