/// Data that cannot give a result.
public enum DataError: Error, Equatable, Sendable {
    /// Anything else, already phrased as a one-line message.
    case other(String)

    /// The one-line message for this fault.
    public var message: String {
        switch self {
        case .other(let text): return text
        }
    }
}
