import BiasGradKit
import Foundation

/// Nanoseconds per value for the fastest of several passes that append every value's text to
/// one buffer, the way per-sample output does.
func nanosecondsPerValue(_ values: [Double], passes: Int) -> Double {
    let buffer = ByteBuffer(capacity: values.count * 32)
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<passes {
        buffer.removeAll()
        let elapsed = ContinuousClock().measure {
            for value in values {
                ShortestFloat.append(value, to: buffer)
                buffer.append(UInt8(ascii: ","))
            }
        }
        let seconds = Double(elapsed.components.seconds)
            + Double(elapsed.components.attoseconds) * 1e-18
        best = min(best, seconds * 1e9 / Double(values.count))
        checksum &+= buffer.count
    }
    if checksum == 0 { print("nothing written") }
    return best
}

let valueCount = 200_000
let passes = 40
/// The five values of a per-sample row for a sigmoid output and squared error, row after row.
func gradientRows() -> [Double] {
    var generator = SystemRandomNumberGenerator()
    return (0..<valueCount / 5).flatMap { _ -> [Double] in
        let yHat = Double.random(in: 0..<1, using: &generator)
        let y: Double = Bool.random(using: &generator) ? 1 : 0
        let derivative = yHat * (1 - yHat)
        return [yHat, y, yHat - y, derivative, (yHat - y) * derivative]
    }
}

func randomBitPatterns() -> [Double] {
    var generator = SystemRandomNumberGenerator()
    var values: [Double] = []
    while values.count < valueCount {
        let value = Double(bitPattern: generator.next())
        if value.isFinite { values.append(value) }
    }
    return values
}

func repeated(_ examples: [Double]) -> [Double] {
    (0..<valueCount).map { examples[$0 % examples.count] }
}

let cases: [(String, [Double])] = [
    ("per-sample rows (y_hat, y, error, derivative, gradient)", gradientRows()),
    ("-0.007370999999999995, 0.2244, 1.0 in turn", repeated([-0.007370999999999995, 0.2244, 1])),
    ("random bit patterns", randomBitPatterns()),
]

print("ns/value, fastest of \(passes) passes over \(valueCount) values")
for (name, values) in cases {
    let nanoseconds = nanosecondsPerValue(values, passes: passes)
    print("\(name): " + String(format: "%.1f", nanoseconds))
}
