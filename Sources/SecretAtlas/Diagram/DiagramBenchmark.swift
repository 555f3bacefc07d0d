/// The hook `bench/diagrams.sh` times: lays out and draws many attack-path diagrams.
///
/// Exposed as SPI (`@_spi(Benchmark) import SecretAtlas`) so a release-built bench executable can
/// reach the internal diagram stage without it becoming public API.
@_spi(Benchmark) public enum DiagramBenchmark {
    /// What a run produced, to print beside the time and to keep the work from being optimised away.
    public struct Result: Sendable {
        /// How many diagrams were drawn.
        public let diagrams: Int
        /// Their total size in bytes.
        public let totalBytes: Int
        /// The largest one's size in bytes.
        public let largestBytes: Int
        /// How many Graphviz could not lay out (drawn as nothing).
        public let failed: Int
    }

    /// Lays out and draws `count` attack paths of 3 to 9 nodes (Internet, entry point, then
    /// alternating secrets and machines, ending at a data store), each with its own names.
    public static func run(count: Int) -> Result {
        let renderer = DiagramRenderer()
        var total = 0
        var largest = 0
        var failed = 0
        for index in 0..<count {
            let svg = renderer.svg(for: graph(index), id: "d")
            if svg.isEmpty { failed += 1 }
            total += svg.utf8.count
            largest = max(largest, svg.utf8.count)
        }
        return Result(diagrams: count, totalBytes: total, largestBytes: largest, failed: failed)
    }

    /// Path number `index`: 1 to 4 secret hops, so both layout directions are exercised.
    static func graph(_ index: Int) -> DiagramGraph {
        let hops = 1 + index % 4
        var nodes: [DiagramGraph.Node] = [
            .init(
                id: "n0", title: "Internet", subtitle: "Public network", icon: "internet", href: "",
                role: .internet,
                badges: []),
            .init(
                id: "n1", title: "vm-entry-\(index)", subtitle: "Virtual machine", icon: "vm",
                href: "../inventory/vm-entry-\(index).html", role: .entry, badges: ["Internet exposed"]),
        ]
        for hop in 0..<hops {
            let last = hop == hops - 1
            nodes.append(
                .init(
                    id: "n\(nodes.count)", title: "Insecure SSH private key",
                    subtitle: "SHA256:k\(index)x\(hop)…",
                    icon: "key", href: "../secrets/key-\(index)-\(hop).html", role: .secret,
                    badges: ["Verified"]))
            nodes.append(
                .init(
                    id: "n\(nodes.count)", title: last ? "storage\(index)" : "vm-\(index)-\(hop)",
                    subtitle: last ? "Storage account" : "Virtual machine", icon: last ? "storage" : "vm",
                    href: "../inventory/r-\(index)-\(hop).html", role: last ? .target : .plain,
                    badges: last ? ["Sensitive data"] : []))
        }
        let labels = ["reaches", "contains", "can authenticate to"]
        let edges = (1..<nodes.count).map { position in
            DiagramGraph.Edge(
                from: "n\(position - 1)", to: "n\(position)",
                label: position == 1 ? labels[0] : position % 2 == 0 ? labels[1] : labels[2])
        }
        return DiagramGraph(
            title: "Attack path \(index)", summary: "Synthetic path \(index) with \(hops) secret hops.",
            nodes: nodes,
            edges: edges)
    }
}
