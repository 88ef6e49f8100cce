/// Formats one per-sample record in two parts, so that workers can format the values and
/// the reducer, which alone knows each sample's place in the whole input, the sample number.
///
/// A record is the head (`appendHead`) followed directly by the tail (`appendTail`). The
/// fields are `sample`, `y_hat`, `y`, `error`, `activation_derivative`, `gradient`, then `z`
/// for logits input:
///
///     CSV:   12,0.91,1.0,-0.08999999999999997,...
///     JSONL: {"sample":12,"y_hat":0.91,"y":1.0,"error":-0.08999999999999997,...}
///
/// Floats are written by `ShortestFloat`. JSON has no spelling for infinities and NaN, so a
/// JSONL record writes `null` for them; CSV writes `inf`, `-inf` and `nan`, which `strtod`
/// and Python read back. Formatting allocates nothing per record.
public struct PerSampleFormatter: Sendable {
    public let format: PerSampleFormat

    /// Whether the input holds logits, so that each record also carries `z`.
    public let includesLogit: Bool

    public init(format: PerSampleFormat, includesLogit: Bool) {
        self.format = format
        self.includesLogit = includesLogit
    }

    /// The CSV header line with its newline; nil for JSON Lines, which has none.
    public var header: String? {
        guard format == .csv else { return nil }
        let names = ["sample", "y_hat", "y", "error", "activation_derivative", "gradient"]
        return (names + (includesLogit ? ["z"] : [])).joined(separator: ",") + "\n"
    }

    /// Appends the start of a record: the sample number, `12` or `{"sample":12`.
    @inline(__always)
    public func appendHead(sample: Int, to buffer: ByteBuffer) {
        if format == .jsonl { append("{\"sample\":", to: buffer) }
        buffer.appendDecimal(sample)
    }

    /// Appends the rest of a record after its head, through the closing newline.
    public func appendTail(_ values: SampleGradient, to buffer: ByteBuffer) {
        switch format {
        case .csv:
            appendCSVTail(values, to: buffer)
        case .jsonl:
            appendJSONTail(values, to: buffer)
        }
    }

    private func appendCSVTail(_ values: SampleGradient, to buffer: ByteBuffer) {
        appendCSVValue(values.yHat, to: buffer)
        appendCSVValue(values.y, to: buffer)
        appendCSVValue(values.error, to: buffer)
        appendCSVValue(values.derivative, to: buffer)
        appendCSVValue(values.gradient, to: buffer)
        if includesLogit { appendCSVValue(values.z, to: buffer) }
        buffer.append(UInt8(ascii: "\n"))
    }

    private func appendJSONTail(_ values: SampleGradient, to buffer: ByteBuffer) {
        appendJSONValue(",\"y_hat\":", values.yHat, to: buffer)
        appendJSONValue(",\"y\":", values.y, to: buffer)
        appendJSONValue(",\"error\":", values.error, to: buffer)
        appendJSONValue(",\"activation_derivative\":", values.derivative, to: buffer)
        appendJSONValue(",\"gradient\":", values.gradient, to: buffer)
        if includesLogit { appendJSONValue(",\"z\":", values.z, to: buffer) }
        append("}\n", to: buffer)
    }

    @inline(__always)
    private func appendCSVValue(_ value: Double, to buffer: ByteBuffer) {
        buffer.append(UInt8(ascii: ","))
        ShortestFloat.append(value, to: buffer)
    }

    @inline(__always)
    private func appendJSONValue(_ key: StaticString, _ value: Double, to buffer: ByteBuffer) {
        append(key, to: buffer)
        if value.isFinite {
            ShortestFloat.append(value, to: buffer)
        } else {
            append("null", to: buffer)
        }
    }

    @inline(__always)
    private func append(_ text: StaticString, to buffer: ByteBuffer) {
        buffer.append(text.utf8Start, length: text.utf8CodeUnitCount)
    }
}
