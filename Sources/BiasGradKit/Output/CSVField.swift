/// Writes CSV fields the RFC 4180 way.
///
/// A quoted field is wrapped in double quotes and each double quote inside it is doubled;
/// every other byte, commas, CR and LF included, is copied as it is, so a conforming reader
/// gets the bytes back unchanged.
enum CSVField {
    /// Appends `bytes` as one quoted field.
    static func appendQuoted(_ bytes: UnsafeRawBufferPointer, to buffer: ByteBuffer) {
        buffer.append(quote)

        var runStart = 0
        for (index, byte) in bytes.enumerated() where byte == quote {
            appendSlice(of: bytes, from: runStart, upTo: index + 1, to: buffer)
            buffer.append(quote)
            runStart = index + 1
        }
        appendSlice(of: bytes, from: runStart, upTo: bytes.count, to: buffer)

        buffer.append(quote)
    }

    /// Appends `text` as one field, quoted only when it holds a comma, a quote, CR or LF.
    static func append(_ text: String, to buffer: ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            if bytes.contains(where: needsQuotes) {
                appendQuoted(UnsafeRawBufferPointer(bytes), to: buffer)
            } else if let start = bytes.baseAddress {
                buffer.append(start, length: bytes.count)
            }
        }
    }

    private static let quote = UInt8(ascii: "\"")

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == quote || byte == 0x0D || byte == 0x0A
    }

    private static func appendSlice(
        of bytes: UnsafeRawBufferPointer, from start: Int, upTo end: Int, to buffer: ByteBuffer
    ) {
        guard end > start, let base = bytes.baseAddress else { return }
        let first = (base + start).assumingMemoryBound(to: UInt8.self)
        buffer.append(first, length: end - start)
    }
}
