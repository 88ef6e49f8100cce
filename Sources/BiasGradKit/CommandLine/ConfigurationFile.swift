#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a configuration file: `key = value` lines whose keys are the long option names.
///
/// The format, line by line:
/// - blank lines, and lines whose first non-blank character is `#`, are skipped;
/// - otherwise the line is `key = value`, with spaces allowed around both;
/// - a `#` after a space or a tab starts a comment that runs to the end of the line;
/// - a value in double quotes is taken as written between them, so it may hold `#` or
///   surrounding spaces (`delimiter = "#"`); there are no escapes.
///
/// A UTF-8 byte-order mark is skipped, and CRLF, LF and CR each end a line. A key given twice
/// takes its last value. Keys that name files are refused: file names come from the command
/// line only.
enum ConfigurationFile {
    /// The largest file read; anything bigger is not a configuration file.
    static let sizeLimit = 1 << 20

    /// The settings of the file at `path`, in file order.
    ///
    /// - Parameter namedBy: What named the file (`--config` or `BIASGRAD_CONFIG`); a file
    ///   that cannot be read says so, since an environment variable is easily forgotten.
    static func load(path: String, namedBy: String) throws(BiasGradError) -> [Setting] {
        let bytes = try contents(of: path, namedBy: namedBy)

        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .usage(.configurationNotText(path: path))
        }
        do throws(UsageError) {
            return try parse(text, path: path)
        } catch {
            throw .usage(error)
        }
    }

    /// The settings in `text`, a configuration file's contents; `path` names it in messages.
    static func parse(_ text: String, path: String) throws(UsageError) -> [Setting] {
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)

        var settings: [Setting] = []
        for (offset, line) in lines.enumerated() {
            let location = ConfigurationLocation(path: path, line: offset + 1)
            if let setting = try setting(in: line, at: location) {
                settings.append(setting)
            }
        }
        return settings
    }

    /// The setting on one line, or nil for a blank or comment line.
    private static func setting(in line: Substring, at location: ConfigurationLocation)
        throws(UsageError) -> Setting?
    {
        let trimmed = line.trimmingBlanks()
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }

        guard let equals = trimmed.firstIndex(of: "=") else {
            throw .malformedLine(text: String(trimmed), at: location)
        }
        let key = String(trimmed[..<equals].trimmingBlanks())
        guard !key.isEmpty, let value = value(in: trimmed[trimmed.index(after: equals)...]) else {
            throw .malformedLine(text: String(trimmed), at: location)
        }

        let configurationKey = try knownKey(key, at: location)
        guard let setting = configurationKey.read(value) else {
            throw .invalidSetting(
                key: key, value: value, accepted: configurationKey.accepted,
                at: location)
        }
        return setting
    }

    /// The value after `=`: unquoted, or between double quotes, with any comment removed.
    /// Nil when a quote is left open or text follows the closing quote.
    private static func value(in text: Substring) -> String? {
        let text = text.trimmingBlanks()
        guard text.hasPrefix("\"") else { return String(withoutComment(text).trimmingBlanks()) }

        let inner = text.dropFirst()
        guard let close = inner.firstIndex(of: "\"") else { return nil }
        let after = inner[inner.index(after: close)...].trimmingBlanks()
        guard after.isEmpty || after.hasPrefix("#") else { return nil }
        return String(inner[..<close])
    }

    private static func withoutComment(_ text: Substring) -> Substring {
        var previous: Character = " "
        for index in text.indices {
            if text[index] == "#", previous == " " || previous == "\t" {
                return text[..<index]
            }
            previous = text[index]
        }
        return text
    }

    private static func knownKey(_ key: String, at location: ConfigurationLocation)
        throws(UsageError) -> ConfigurationKey
    {
        if let known = OptionTable.configurationKey(named: key) { return known }

        if OptionTable.commandLineOnlyNames.contains(key) {
            throw .commandLineOnlyKey(key: key, at: location)
        }
        let bare = String(key.drop { $0 == "-" })
        let names = OptionTable.configurationKeys.map(\.name)
        let suggestion = NearestName.suggestion(for: bare, among: names)
        throw .unknownKey(key: key, suggestion: suggestion, at: location)
    }

    /// The file's bytes, read through POSIX so that failures carry the system's reason.
    private static func contents(of path: String, namedBy: String) throws(BiasGradError)
        -> [UInt8]
    {
        let unavailable = { (reason: String) -> BiasGradError in
            .inputUnavailable(
                path: path, reason: "\(reason) (configuration file named by \(namedBy))")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unavailable(systemReason()) }
        defer { close(descriptor) }

        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw unavailable(systemReason()) }
            if count == 0 { return bytes }

            bytes += buffer[..<count]
            if bytes.count > sizeLimit {
                throw unavailable("larger than 1 MiB")
            }
        }
    }

    private static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}

extension Substring {
    /// The text without spaces and tabs at either end.
    fileprivate func trimmingBlanks() -> Substring {
        let isText: (Character) -> Bool = { $0 != " " && $0 != "\t" }
        guard let first = firstIndex(where: isText), let last = lastIndex(where: isText) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
