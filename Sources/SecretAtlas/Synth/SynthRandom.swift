/// The seeded random numbers behind `synth`: xoshiro256** seeded through SplitMix64.
///
/// Written out here rather than taken from the standard library so that the same seed gives the
/// same numbers on every machine and every Swift version: `SystemRandomNumberGenerator` is not
/// seedable, and `Int.random(in:using:)` does not promise its algorithm. Only integer arithmetic and
/// exact IEEE operations (no `log`, `exp`, `cos`, whose last bit may differ between C libraries) are
/// used, so draws are the same everywhere.
struct SynthRandom {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator for one stream: `seed` is the user's seed; `stream` and `index` name what the
    /// numbers are for (the estate, one secret's plan, one secret's findings), so each part of the
    /// output can be drawn again on its own, in any order, and get the same numbers.
    init(seed: UInt64, stream: UInt64, index: UInt64 = 0) {
        var splitMix = SplitMix64(state: seed)
        splitMix = SplitMix64(state: splitMix.next() ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        splitMix = SplitMix64(state: splitMix.next() ^ (index &* 0xD1B5_4A32_D192_ED03))
        state = (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next())
    }

    /// The next 64 random bits (xoshiro256**).
    mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject: no modulo bias).
    mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range` (both ends included).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `0..<1` with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array, uniformly.
    mutating func element<T>(of items: [T]) -> T {
        items[int(below: items.count)]
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}

/// SplitMix64, used only to spread a seed over xoshiro's 256 bits of state.
private struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Choices with relative weights, drawn by binary search over cumulative weights.
struct WeightedTable<Value> {
    let values: [Value]
    private let cumulative: [Double]

    /// A table of `(value, weight)` pairs; weights are relative and need not sum to 1.
    init(_ weighted: [(Value, Double)]) {
        values = weighted.map(\.0)
        var total = 0.0
        cumulative = weighted.map { pair in
            total += pair.1
            return total
        }
    }

    /// Each value's share of the total weight, in table order.
    var shares: [Double] {
        guard let total = cumulative.last, total > 0 else { return [] }
        var previous = 0.0
        return cumulative.map { sum in
            defer { previous = sum }
            return (sum - previous) / total
        }
    }

    /// The position of one value, drawn by weight.
    func index(using random: inout SynthRandom) -> Int {
        let total = cumulative.last ?? 0
        let target = random.unit() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// One value, drawn by weight.
    func pick(using random: inout SynthRandom) -> Value {
        values[index(using: &random)]
    }
}

extension WeightedTable: Sendable where Value: Sendable {}
