import Foundation

/// Reads the text of one option or configuration value into the value it stands for.
///
/// Each reader returns nil for text it does not accept; the caller reports that with the
/// matching `AcceptedValues`, so the rule and its description sit side by side here.
enum OptionValue {
    /// The largest `--workers` count.
    static let maximumWorkers = 256

    /// One of an enumeration's raw values, spelled exactly.
    static func choice<Value: RawRepresentable & CaseIterable>(
        _ text: String, of type: Value.Type
    ) -> Value? where Value.RawValue == String {
        Value(rawValue: text)
    }

    /// The words an enumeration accepts, in declaration order.
    static func choices<Value: RawRepresentable & CaseIterable>(
        of type: Value.Type
    ) -> AcceptedValues where Value.RawValue == String {
        .oneOf(Value.allCases.map(\.rawValue))
    }

    /// `true` or `false`.
    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// A 1-based index when the text is all digits, else a header name (trimmed of spaces).
    static func column(_ text: String) -> ColumnSelector? {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }

        guard name.utf8.allSatisfy(isDigit) else { return .name(name) }
        guard let index = Int(name), index >= 1 else { return nil }
        return .index(index)
    }

    /// One ASCII character, `tab` or `\t` for a tab, or `auto` (nil inside) to sniff it.
    ///
    /// A quote or a line end would break the record structure, so neither is accepted.
    static func delimiter(_ text: String) -> UInt8?? {
        switch text {
        case "auto": return .some(nil)
        case "tab", "\\t": return UInt8(ascii: "\t")
        default: break
        }

        let bytes = Array(text.utf8)
        guard bytes.count == 1, let byte = bytes.first, byte < 0x80 else { return nil }
        guard !"\"\r\n".utf8.contains(byte) else { return nil }
        return byte
    }

    /// A finite number greater than zero.
    static func positiveFiniteNumber(_ text: String) -> Double? {
        guard case .value(let number) = NumberParser.parse(text), number > 0 else { return nil }
        return number
    }

    /// An integer from 1 to `maximumWorkers`, or `auto` for the active processor count.
    static func workerCount(_ text: String) -> Int? {
        if text == "auto" { return ProcessInfo.processInfo.activeProcessorCount }

        guard text.utf8.allSatisfy(isDigit), let count = Int(text) else { return nil }
        return (1...maximumWorkers).contains(count) ? count : nil
    }

    /// The largest chunk size: each chunk in flight holds this much memory.
    static let maximumChunkBytes = 1 << 30

    /// A whole number of bytes, from 1 to `maximumChunkBytes`, with an optional binary
    /// suffix: `K` (2^10), `M` (2^20) or `G` (2^30), in either case.
    static func byteCount(_ text: String) -> Int? {
        let shift: Int
        switch text.last {
        case "K", "k": shift = 10
        case "M", "m": shift = 20
        case "G", "g": shift = 30
        default: shift = 0
        }

        let digits = shift == 0 ? Substring(text) : text.dropLast()
        guard !digits.isEmpty, digits.utf8.allSatisfy(isDigit) else { return nil }
        guard let count = Int(digits), count >= 1 else { return nil }
        guard count <= maximumChunkBytes >> shift else { return nil }
        return count << shift
    }

    /// A non-empty file name; `-` passes through for the caller to read as a standard stream.
    static func fileName(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }

    /// A non-empty file name other than `-`.
    static func fileNameOtherThanDash(_ text: String) -> String? {
        text.isEmpty || text == "-" ? nil : text
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
