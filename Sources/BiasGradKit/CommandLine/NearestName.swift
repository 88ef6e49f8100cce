/// Finds the valid name a mistyped one most likely meant, for "did you mean" hints.
///
/// A name that the typed text begins is preferred (the shortest such name, so `--pred`
/// suggests `--predictions`); otherwise the name at the smallest edit distance wins, provided
/// the distance is small for the typed length. The distance is the optimal string alignment
/// distance (Levenshtein's insertions, deletions and substitutions, plus swaps of two
/// neighbouring characters), taken without regard to case.
enum NearestName {
    /// The candidate closest to `typed`, or nil when none is close enough to be a likely typo.
    static func suggestion(for typed: String, among candidates: [String]) -> String? {
        let typedLower = Array(typed.lowercased())
        guard !typedLower.isEmpty else { return nil }

        let extensions = candidates.filter { $0.lowercased().hasPrefix(String(typedLower)) }
        if let shortest = extensions.min(by: { $0.count < $1.count }) { return shortest }

        let limit = max(2, typedLower.count / 3)
        let scored = candidates.map { ($0, distance(typedLower, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit else { return nil }
        return best.0
    }

    /// The optimal string alignment distance between two character sequences.
    static func distance(_ source: [Character], _ target: [Character]) -> Int {
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }

        let width = target.count + 1
        var table = [Int](repeating: 0, count: (source.count + 1) * width)
        for column in 0...target.count { table[column] = column }
        for row in 0...source.count { table[row * width] = row }

        for row in 1...source.count {
            for column in 1...target.count {
                let cost = source[row - 1] == target[column - 1] ? 0 : 1
                var best = min(
                    table[(row - 1) * width + column] + 1,
                    table[row * width + column - 1] + 1,
                    table[(row - 1) * width + column - 1] + cost)
                if row > 1, column > 1, source[row - 1] == target[column - 2],
                    source[row - 2] == target[column - 1]
                {
                    best = min(best, table[(row - 2) * width + column - 2] + 1)
                }
                table[row * width + column] = best
            }
        }
        return table[source.count * width + target.count]
    }
}
