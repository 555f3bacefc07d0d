import Dispatch
import Foundation
import Synchronization
import Testing

@testable import SecretAtlas

#if canImport(FoundationXML)
    import FoundationXML
#endif

struct DiagramTests {
    /// Internet → exposed VM → SSH key → VM: the smallest real attack path.
    static let smallPath = DiagramGraph(
        title:
            "Attack path: Internet exposed VM has an insecure SSH private key that is used to authenticate to a VM",
        summary:
            "VM 'vm-a' is reachable from the Internet and holds an SSH key that can authenticate to VM 'vm-b'.",
        nodes: [
            .init(
                id: "n0", title: "Internet", subtitle: "Public network", icon: "internet", href: "",
                role: .internet,
                badges: []),
            .init(
                id: "n1", title: "vm-a", subtitle: "Virtual machine", icon: "vm",
                href: "../inventory/vm-a.html",
                role: .entry, badges: ["Internet exposed"]),
            .init(
                id: "n2", title: "Insecure SSH private key", subtitle: "SHA256:abc…", icon: "key",
                href: "../secrets/ssh.html", role: .secret, badges: ["Verified"]),
            .init(
                id: "n3", title: "vm-b <prod & \"main\">", subtitle: "Virtual machine", icon: "vm",
                href: "../inventory/vm-b.html", role: .target, badges: ["High criticality"]),
        ],
        edges: [
            .init(from: "n0", to: "n1", label: "reaches"), .init(from: "n1", to: "n2", label: "contains"),
            .init(from: "n2", to: "n3", label: "can authenticate to"),
        ])

    @Test func drawsASmallPathAsTheGoldenSVG() {
        let svg = DiagramRenderer().svg(for: Self.smallPath, id: "d")
        assertGolden(svg, named: "small-path.svg", case: "diagram")
    }

    @Test func theSVGIsWellFormedLinkedLabelledAndEscaped() throws {
        let svg = DiagramRenderer().svg(for: Self.smallPath, id: "d")
        let elements = try XMLElements(svg).all
        #expect(elements.first?.name == "svg")
        #expect(elements.filter { $0.name == "title" }.first?.text == Self.smallPath.title)
        #expect(elements.filter { $0.name == "desc" }.count == 1)
        let links = elements.filter { $0.name == "a" }
        #expect(
            links.compactMap { $0.attributes["href"] } == [
                "../inventory/vm-a.html", "../secrets/ssh.html", "../inventory/vm-b.html",
            ])
        #expect(links.allSatisfy { $0.attributes["aria-label"] != nil })
        #expect(svg.contains("Virtual machine vm-b &lt;prod &amp; &quot;main&quot;&gt;, target"))
        for label in [
            "reaches", "contains", "can authenticate to", "Entry point", "Target", "Internet exposed",
        ] {
            #expect(svg.contains(">\(label)<"), "missing \(label)")
        }
        #expect(!svg.contains("style="), "the pages' CSP forbids style attributes")
    }

    @Test func layoutIsDeterministicUnderParallelRendering() {
        let expected = DiagramRenderer().svg(for: Self.smallPath, id: "d")
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let svg = DiagramRenderer().svg(for: Self.smallPath, id: "d")
            results.withLock { $0.append(svg) }
        }
        #expect(results.withLock { $0 }.allSatisfy { $0 == expected })
    }

    @Test func largeGraphsGroupRepeatedNodesAndStayUnder100KB() {
        var nodes: [DiagramGraph.Node] = [
            .init(
                id: "secret", title: "Shared key", subtitle: "SHA256:x", icon: "key", href: "", role: .secret,
                badges: [])
        ]
        var edges: [DiagramGraph.Edge] = []
        for index in 0..<400 {
            var holder = DiagramGraph.Node(
                id: "h\(index)", title: "vm-\(index)-with-a-rather-long-name", subtitle: "Virtual machine",
                icon: "vm",
                href: "../inventory/vm-\(index).html", role: .plain, badges: ["Internet exposed"])
            holder.group = "holders"
            holder.groupHref = "#occurrences"
            nodes.append(holder)
            edges.append(.init(from: holder.id, to: "secret", label: "contains"))
        }
        let graph = DiagramGraph(title: "t", summary: "s", nodes: nodes, edges: edges)
        let grouped = graph.grouped()
        #expect(grouped.nodes.count == 2)
        #expect(grouped.nodes.map(\.title).contains("400 Virtual machines"))
        #expect(grouped.edges.count == 1)
        let svg = DiagramRenderer().svg(for: graph, id: "d")
        #expect(svg.contains("400 Virtual machines"))
        #expect(svg.utf8.count < DiagramRenderer.maximumBytes)
    }

    @Test func longChainsRunTopToBottom() {
        #expect(DiagramRenderer.longestChain(Self.smallPath) == 4)
        let svg = DiagramRenderer().svg(for: Self.smallPath, id: "d")
        let viewBox = svg.split(separator: "\"")[5].split(separator: " ").compactMap { Double($0) }
        #expect(viewBox[2] > viewBox[3], "a four-node path is drawn left to right")
    }

    @Test func iconShapesMatchTheAssetFiles() throws {
        for (name, shapes) in DiagramIcons.shapes {
            let file = try String(contentsOfFile: TestSupport.assets + "/icons/\(name).svg", encoding: .utf8)
            #expect(file.contains(shapes), "Assets/icons/\(name).svg changed; update DiagramIcons")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.assets + "/icons")
        #expect(Set(files.map { String($0.dropLast(4)) }) == Set(DiagramIcons.shapes.keys))
    }
}

/// Every element of an XML document in order, read with `XMLParser`, which also proves it well formed.
private struct XMLElements {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            open.removeLast()
        }
    }

    struct NotWellFormed: Error {}

    let all: [Element]

    init(_ text: String) throws {
        let reader = Reader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw NotWellFormed() }
        all = reader.elements
    }

}
