import BiasGradKit
import CFastFloat
import Foundation

/// Fields laid out one after another, newline separated, as a reader would see them.
struct FieldBuffer {
    let bytes: [UInt8]
    let starts: [Int]
    let counts: [Int]

    init(_ fields: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var counts: [Int] = []
        for field in fields {
            starts.append(bytes.count)
            counts.append(field.utf8.count)
            bytes.append(contentsOf: field.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        (self.bytes, self.starts, self.counts) = (bytes, starts, counts)
    }
}

typealias FieldParser = (UnsafePointer<UInt8>, Int) -> Double

/// Nanoseconds per field for the fastest of several passes over all fields.
func nanosecondsPerField(_ buffer: FieldBuffer, passes: Int, parse: FieldParser) -> Double {
    var best = Double.infinity
    var checksum = 0.0
    buffer.bytes.withUnsafeBufferPointer { bytes in
        let base = bytes.baseAddress!
        for _ in 0..<passes {
            let elapsed = ContinuousClock().measure {
                for index in buffer.starts.indices {
                    checksum += parse(base + buffer.starts[index], buffer.counts[index])
                }
            }
            let seconds = Double(elapsed.components.seconds)
                + Double(elapsed.components.attoseconds) * 1e-18
            best = min(best, seconds * 1e9 / Double(buffer.starts.count))
        }
    }
    if checksum.isNaN { print("unexpected NaN") }
    return best
}

func parseWithNumberParser(_ start: UnsafePointer<UInt8>, _ count: Int) -> Double {
    if case .value(let value) = NumberParser.parse(start, count: count) { return value }
    return 0
}

/// fast_float through the C interface, with no grammar check: the conversion's own cost.
/// (Meaningless for padded fields, which it rejects at the first byte.)
func convertWithFastFloat(_ start: UnsafePointer<UInt8>, _ count: Int) -> Double {
    bg_fast_float_parse_double(start, count).value
}

/// The C library's strtod, which stops at the newline after each field; for scale only.
func parseWithStrtod(_ start: UnsafePointer<UInt8>, _ count: Int) -> Double {
    start.withMemoryRebound(to: CChar.self, capacity: count + 1) { strtod($0, nil) }
}

/// Touches one byte per field: the cost of the measuring loop itself.
func touchLastByte(_ start: UnsafePointer<UInt8>, _ count: Int) -> Double {
    Double(start[count - 1])
}

let fieldCount = 100_000
let passes = 50

func fields(_ make: (inout SystemRandomNumberGenerator) -> String) -> [String] {
    var generator = SystemRandomNumberGenerator()
    return (0..<fieldCount).map { _ in make(&generator) }
}

func probability(_ generator: inout SystemRandomNumberGenerator) -> Double {
    Double.random(in: 0..<1, using: &generator)
}

let cases: [(String, [String])] = [
    ("shortest round-trip, uniform [0, 1)", fields { probability(&$0).description }),
    ("%.17g, uniform [0, 1)", fields { String(format: "%.17g", probability(&$0)) }),
    ("%.16g, uniform [0, 1)", fields { String(format: "%.16g", probability(&$0)) }),
    ("labels 0 and 1", fields { Bool.random(using: &$0) ? "1" : "0" }),
    ("signed, padded with blanks", fields { " -" + probability(&$0).description + "\t" }),
    ("exponent form", fields { (probability(&$0) * 1e-6).description }),
]

let parsers: [(String, FieldParser)] = [
    ("NumberParser", parseWithNumberParser),
    ("fast_float alone", convertWithFastFloat),
    ("strtod", parseWithStrtod),
    ("loop alone", touchLastByte),
]

print("ns/field, fastest of \(passes) passes over \(fieldCount) fields")
for (name, fieldTexts) in cases {
    let buffer = FieldBuffer(fieldTexts)
    let figures = parsers.map { label, parse in
        let nanoseconds = nanosecondsPerField(buffer, passes: passes, parse: parse)
        return label + " " + String(format: "%.1f", nanoseconds)
    }
    print("\(name) (e.g. \"\(fieldTexts[0])\"): " + figures.joined(separator: ", "))
}
