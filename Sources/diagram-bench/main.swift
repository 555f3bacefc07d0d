// Times the diagram stage for bench/diagrams.sh: Graphviz layout plus SVG drawing per attack path.
// Usage: diagram-bench [COUNT]   (default 10000)
@_spi(Benchmark) import SecretAtlas

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
// One warm-up diagram: the first layout loads Graphviz's plugins, a once-per-process cost.
_ = DiagramBenchmark.run(count: 1)
let clock = ContinuousClock()
var result: DiagramBenchmark.Result?
let elapsed = clock.measure { result = DiagramBenchmark.run(count: count) }
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let perPath = seconds * 1000 / Double(max(count, 1))
print("diagrams: \(result?.diagrams ?? 0) (failed: \(result?.failed ?? 0))")
print("total: \((seconds * 1000).rounded() / 1000) s")
print("per path (layout + SVG): \((perPath * 1000).rounded() / 1000) ms")
print(
    "average SVG: \((result?.totalBytes ?? 0) / max(count, 1)) bytes; largest: \(result?.largestBytes ?? 0) bytes"
)
print(perPath < 2 ? "target < 2 ms per path: met" : "target < 2 ms per path: MISSED")
