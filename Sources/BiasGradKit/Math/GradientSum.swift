#if BIASGRAD_PLAIN_SUM
    /// A measurement build's stand-in for `ExactSum`: an ordinary float64 running sum,
    /// rounded at every add, so that the cost of exactness can be measured against it
    /// (`Scripts/bench --exactness-cost` builds with `-D BIASGRAD_PLAIN_SUM`). Its results
    /// depend on the order of the adds; it is never part of a release.
    typealias GradientSum = PlainFloatSum

    struct PlainFloatSum: Sendable {
        private var total = 0.0

        mutating func add(_ value: Double) {
            total += value
        }

        mutating func add(_ other: PlainFloatSum) {
            total += other.total
        }

        func sum() -> Double? {
            total.isFinite ? total : nil
        }

        func quotient(dividingBy count: Int) -> Double? {
            let mean = total / Double(count)
            return mean.isFinite ? mean : nil
        }
    }
#else
    /// The sum of per-sample gradients the pipeline keeps: exact, rounded once when read.
    typealias GradientSum = ExactSum
#endif
