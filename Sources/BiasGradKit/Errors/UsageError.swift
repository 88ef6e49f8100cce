/// A mistake on the command line or in a configuration file.
public enum UsageError: Error, Equatable, Sendable {
    /// Anything else, already phrased as a one-line message.
    case other(String)

    /// The one-line message for this mistake.
    public var message: String {
        switch self {
        case .other(let text): return text
        }
    }
}
