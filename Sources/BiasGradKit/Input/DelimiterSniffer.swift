/// Chooses the field delimiter of a CSV input from its first line.
enum DelimiterSniffer {
    /// The candidates, in the order that breaks ties.
    static let candidates: [UInt8] = [
        UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: "|"),
    ]

    /// The candidate that occurs most often outside quotes in `line`; a comma when none does.
    static func sniff(_ line: [UInt8]) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var insideQuotes = false
        for byte in line {
            if byte == UInt8(ascii: "\"") { insideQuotes.toggle() }
            if insideQuotes { continue }
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return candidates[best]
    }

    /// How a delimiter is named in messages.
    static func name(of delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: "\t"): return "tab"
        case UInt8(ascii: ","): return "comma"
        case UInt8(ascii: ";"): return "semicolon"
        case UInt8(ascii: "|"): return "pipe"
        default: return "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}
