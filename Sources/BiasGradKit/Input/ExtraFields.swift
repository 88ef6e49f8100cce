import Foundation

/// Tells a record whose values were split by a stray delimiter from one that merely ends
/// with empty fields.
///
/// A value written with the delimiter in it and no quotes, such as `1,000` in a
/// comma-separated file, reads as two fields and moves every field after it one place on,
/// so that a selected column would take the wrong value without a word. Such a record has
/// more fields than its file's first record (the header, when there is one), with text in
/// the fields past them. A trailing delimiter, or empty fields at the end, also give more
/// fields, but hold no text, and are allowed.
extension CSVRecord {
    /// Whether a field past the first `count` holds anything but spaces and tabs.
    ///
    /// A record without quotes is looked at from its end, so that a trailing delimiter
    /// costs a byte or two; one with a quote is split into its fields by libcsv.
    func holdsText(pastField count: Int, delimiter: UInt8) -> Bool {
        guard fieldCount > count else { return false }
        if let base = raw.baseAddress, memchr(base, Int32(UInt8(ascii: "\"")), raw.count) != nil {
            return holdsQuotedText(pastField: count, delimiter: delimiter)
        }

        var delimitersLeft = fieldCount - count
        var index = raw.count
        while delimitersLeft > 0 && index > 0 {
            index -= 1
            let byte = raw[index]
            if byte == delimiter {
                delimitersLeft -= 1
            } else if byte != ASCII.space && byte != ASCII.tab {
                return true
            }
        }
        return false
    }

    private func holdsQuotedText(pastField count: Int, delimiter: UInt8) -> Bool {
        let anyFields = SelectedFields(prediction: 0, target: 1)
        let texts = CSVChunkParser(delimiter: delimiter, fields: anyFields).fieldTexts(of: raw)
        return texts.dropFirst(count).contains { text in
            text.unicodeScalars.contains { $0 != " " && $0 != "\t" }
        }
    }
}
