import Foundation

/// Locations shared by the test targets.
public enum Fixtures {
    /// The package's top folder, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
}
