/// A prediction or target column that cannot be found in a CSV input's header.
public enum ColumnSelectionError: Error, Equatable, Sendable {
    /// A column chosen by name that the file's header does not have.
    case notInHeader(name: String, file: String, header: [String])

    /// A column chosen by name in a file read without a header.
    case nameWithoutHeader(name: String, file: String)

    /// Only one of the two well-known column names is in the header.
    case onlyOneWellKnownName(found: String, missingRole: String, file: String, header: [String])

    /// The prediction and the target resolve to the same column.
    case sameColumn(column: Int, file: String)

    /// The message, naming the header's columns where that helps.
    public var message: String {
        switch self {
        case .notInHeader(let name, let file, let header):
            return "column \(quoted(name)) is not in \(quotedPath(file)); its header has "
                + Self.list(header)
        case .nameWithoutHeader(let name, let file):
            return "column \(quoted(name)) is chosen by name, but \(quotedPath(file)) is read "
                + "without a header (--no-header); choose it by number instead"
        case .sameColumn(let column, let file):
            return "the prediction and the target are both column \(column) of "
                + "\(quotedPath(file)); choose two columns"
        case .onlyOneWellKnownName(let found, let role, let file, let header):
            return "\(quotedPath(file)) has a column \(quoted(found)) but no \(role) column; "
                + "name it with --\(role)-column; the header has " + Self.list(header)
        }
    }

    /// The header's names for a message: the first 20, then how many more there are.
    private static func list(_ names: [String]) -> String {
        guard !names.isEmpty else { return "no names" }
        let shown = names.prefix(20).map { quoted($0, limit: 40) }.joined(separator: ", ")
        return names.count > 20 ? shown + ", and \(names.count - 20) more" : shown
    }
}
