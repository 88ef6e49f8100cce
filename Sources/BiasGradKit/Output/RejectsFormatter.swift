/// Formats the rejects file: one CSV row per invalid record, so that no input is lost unseen.
///
/// The columns are `file`, `line`, `column`, `reason`, `record`. `line` is the 1-based line
/// where the record starts, `column` the 1-based field that broke a rule, empty when the
/// fault is not in one field. `record` holds the record's raw bytes, without its line
/// terminator, always quoted the RFC 4180 way: a CSV reader gets them back byte for byte,
/// embedded quotes, delimiters and line breaks included. `file` and `reason` are quoted only
/// when they need it.
public enum RejectsFormatter {
    /// The header line with its newline.
    public static let header = "file,line,column,reason,record\n"

    /// Appends the header line.
    public static func appendHeader(to buffer: ByteBuffer) {
        buffer.append(header)
    }

    /// Appends one row for an invalid record.
    public static func appendRecord(
        file: String, line: Int, column: Int?, reason: String, raw: UnsafeRawBufferPointer,
        to buffer: ByteBuffer
    ) {
        CSVField.append(file, to: buffer)
        buffer.append(UInt8(ascii: ","))
        buffer.appendDecimal(line)
        buffer.append(UInt8(ascii: ","))
        if let column { buffer.appendDecimal(column) }
        buffer.append(UInt8(ascii: ","))
        CSVField.append(reason, to: buffer)
        buffer.append(UInt8(ascii: ","))
        CSVField.appendQuoted(raw, to: buffer)
        buffer.append(UInt8(ascii: "\n"))
    }
}
