/// Draws a laid-out ``DiagramGraph`` as an inline SVG in the site's style.
///
/// Every node is a card (icon, name, kind) wrapped in a link to its page, with its insights as badges
/// above it; edges are curves with their label on a plate at the middle. Colours come from classes
/// that `site.css` styles (so the light and dark themes apply), never from `style` attributes, which
/// the pages' Content-Security-Policy forbids. The SVG carries `<title>` and `<desc>`, each link an
/// ARIA label, and all coordinates are printed with one decimal, so the same graph gives the same bytes.
struct SVGRenderer: Sendable {
    let nodeWidth: Double
    let nodeHeight: Double
    private let margin = 12.0
    /// Room above the top row of nodes for their badges.
    private let topMargin = 22.0

    /// The SVG markup.
    /// - Parameters:
    ///   - graph: what to draw.
    ///   - positions: where, from ``DiagramLayout``.
    ///   - id: a prefix for the ids inside the SVG, unique on its page.
    /// - Returns: the `<svg>` element, ready to place in a page.
    func svg(_ graph: DiagramGraph, positions: DiagramLayout.Positions, id: String) -> String {
        let width = positions.width + 2 * margin
        let height = positions.height + margin + topMargin
        // Written as bytes, not by string interpolation: a secret's page draws one of these, and
        // building them as strings was a twentieth of the time of a build.
        var out = SVGBytes(capacity: 1500 + graph.nodes.count * 900)
        out.add("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" viewBox=\"0 0 ")
        out.add(width)
        out.add(" ")
        out.add(height)
        out.add("\" width=\"")
        out.add(width)
        out.add("\" height=\"")
        out.add(height)
        out.add("\" aria-labelledby=\"")
        out.add(raw: id)
        out.add("-title\" aria-describedby=\"")
        out.add(raw: id)
        out.add("-desc\"><title id=\"")
        out.add(raw: id)
        out.add("-title\">")
        out.add(escaping: graph.title)
        out.add("</title><desc id=\"")
        out.add(raw: id)
        out.add("-desc\">")
        out.add(escaping: graph.summary)
        out.add("</desc><defs><marker id=\"")
        out.add(raw: id)
        out.add("-arrow\" class=\"diagram__arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
        out.add(
            " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\"/></marker>")
        for icon in Set(graph.nodes.map(\.icon)).sorted() {
            out.add("<symbol id=\"")
            out.add(raw: id)
            out.add("-icon-")
            out.add(raw: icon)
            out.add("\" viewBox=\"0 0 24 24\"><g fill=\"none\" stroke=\"currentColor\"")
            out.add(" stroke-width=\"1.8\" stroke-linecap=\"round\" stroke-linejoin=\"round\">")
            out.add(raw: DiagramIcons.shapes[icon] ?? DiagramIcons.shapes["resource"] ?? "")
            out.add("</g></symbol>")
        }
        out.add("</defs><g transform=\"translate(")
        out.add(margin)
        out.add(",")
        out.add(topMargin)
        out.add(")\"><g class=\"diagram__edges\">")
        for (index, edge) in graph.edges.enumerated() where index < positions.edges.count {
            edgeMarkup(edge, spline: positions.edges[index], id: id, into: &out)
        }
        out.add("</g><g class=\"diagram__nodes\">")
        for node in graph.nodes {
            guard let centre = positions.nodes[node.id] else { continue }
            nodeMarkup(node, centre: centre, id: id, into: &out)
        }
        out.add("</g></g></svg>")
        return out.string
    }

    private func edgeMarkup(
        _ edge: DiagramGraph.Edge, spline: (points: [DiagramLayout.Point], tip: DiagramLayout.Point?),
        id: String, into out: inout SVGBytes
    ) {
        let points = spline.points
        guard let first = points.first else { return }
        out.add("<g class=\"diagram__edge\"><path d=\"M")
        out.add(first.x)
        out.add(" ")
        out.add(first.y)
        var index = 1
        while index + 2 < points.count {
            out.add("C")
            for (offset, point) in points[index...index + 2].enumerated() {
                if offset > 0 { out.add(" ") }
                out.add(point.x)
                out.add(" ")
                out.add(point.y)
            }
            index += 3
        }
        if let tip = spline.tip {
            out.add("L")
            out.add(tip.x)
            out.add(" ")
            out.add(tip.y)
        }
        out.add("\" marker-end=\"url(#")
        out.add(raw: id)
        out.add("-arrow)\"/>")
        if !edge.label.isEmpty {
            let middle = Self.midpoint(points)
            let plate = Double(edge.label.count) * 5.6 + 8
            out.add("<rect class=\"diagram__edge-plate\" x=\"")
            out.add(middle.x - plate / 2)
            out.add("\" y=\"")
            out.add(middle.y - 8)
            out.add("\" width=\"")
            out.add(plate)
            out.add("\" height=\"16\" rx=\"4\"/><text x=\"")
            out.add(middle.x)
            out.add("\" y=\"")
            out.add(middle.y + 4)
            out.add("\" text-anchor=\"middle\">")
            out.add(escaping: edge.label)
            out.add("</text>")
        }
        out.add("</g>")
    }

    private func nodeMarkup(
        _ node: DiagramGraph.Node, centre: DiagramLayout.Point, id: String, into out: inout SVGBytes
    ) {
        let x = centre.x - nodeWidth / 2
        let y = centre.y - nodeHeight / 2
        let roleWord: String =
            switch node.role {
            case .entry: "entry point"
            case .target: "target"
            default: ""
            }
        var label = node.subtitle + " " + node.title
        if !roleWord.isEmpty { label += ", " + roleWord }
        if !node.badges.isEmpty { label += "; " + node.badges.joined(separator: ", ") }
        let linked = !node.href.isEmpty
        if linked {
            out.add("<a href=\"")
            out.add(escaping: node.href)
            out.add("\" aria-label=\"")
            out.add(escaping: label)
            out.add("\">")
        }
        out.add("<g class=\"diagram__node diagram__node--")
        out.add(raw: node.role.rawValue)
        out.add("\" transform=\"translate(")
        out.add(x)
        out.add(",")
        out.add(y)
        out.add(")\"")
        if !linked {
            out.add(" role=\"img\" aria-label=\"")
            out.add(escaping: label)
            out.add("\"")
        }
        out.add("><title>")
        out.add(escaping: label)
        out.add("</title><rect width=\"")
        out.add(nodeWidth)
        out.add("\" height=\"")
        out.add(nodeHeight)
        out.add("\" rx=\"8\"/><use class=\"diagram__icon\" href=\"#")
        out.add(raw: id)
        out.add("-icon-")
        out.add(raw: node.icon)
        out.add("\" x=\"10\" y=\"")
        out.add((nodeHeight - 24) / 2)
        out.add("\" width=\"24\" height=\"24\"/>")
        let textWidth = nodeWidth - 50
        out.add("<text class=\"diagram__name\" x=\"42\" y=\"")
        out.add(nodeHeight / 2 - 3)
        out.add("\">")
        out.add(escaping: Self.fit(node.title, characters: Int(textWidth / 7.0)))
        out.add("</text><text class=\"diagram__kind\" x=\"42\" y=\"")
        out.add(nodeHeight / 2 + 13)
        out.add("\">")
        out.add(escaping: Self.fit(node.subtitle, characters: Int(textWidth / 6.8)))
        out.add("</text>")
        var badgeX = 6.0
        var badges = node.badges
        if !roleWord.isEmpty { badges.insert(roleWord == "target" ? "Target" : "Entry point", at: 0) }
        for (offset, badge) in badges.enumerated() {
            let badgeWidth = Double(badge.count) * 5.8 + 10
            // Badges stay within the card's width, so none is cut off at the diagram's edge.
            guard badgeX + badgeWidth <= nodeWidth - 4 else { break }
            out.add("<g class=\"diagram__badge ")
            if offset == 0 && !roleWord.isEmpty {
                out.add("diagram__badge--")
                out.add(raw: node.role.rawValue)
            }
            out.add("\"><rect x=\"")
            out.add(badgeX)
            out.add("\" y=\"-9\" width=\"")
            out.add(badgeWidth)
            out.add("\" height=\"16\" rx=\"8\"/><text x=\"")
            out.add(badgeX + badgeWidth / 2)
            out.add("\" y=\"3\" text-anchor=\"middle\">")
            out.add(escaping: badge)
            out.add("</text></g>")
            badgeX += badgeWidth + 4
        }
        out.add("</g>")
        if linked { out.add("</a>") }
    }

    /// The point halfway along the middle Bézier segment of a spline.
    static func midpoint(_ points: [DiagramLayout.Point]) -> DiagramLayout.Point {
        guard points.count >= 4 else { return points.first ?? DiagramLayout.Point(x: 0, y: 0) }
        let segments = (points.count - 1) / 3
        let start = (segments / 2) * 3
        let (p0, p1, p2, p3) = (points[start], points[start + 1], points[start + 2], points[start + 3])
        // B(1/2) = (p0 + 3 p1 + 3 p2 + p3) / 8
        return DiagramLayout.Point(
            x: (p0.x + 3 * p1.x + 3 * p2.x + p3.x) / 8, y: (p0.y + 3 * p1.y + 3 * p2.y + p3.y) / 8)
    }

    /// The text cut to `characters`, with an ellipsis when cut; the full text is in the node's title.
    static func fit(_ text: String, characters: Int) -> String {
        text.count <= characters ? text : String(text.prefix(max(1, characters - 1))) + "…"
    }

}

/// The bytes of an SVG being drawn: markup, escaped text and numbers appended in place.
private struct SVGBytes {
    private var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Markup written in this file.
    mutating func add(_ markup: StaticString) {
        bytes.append(
            contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// Text that needs no escaping: ids, icon names, role names and the icons' own markup.
    mutating func add(raw text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Text for XML content or an attribute value.
    mutating func add(escaping text: String) {
        HTMLEscaping.append(text, to: &bytes)
    }

    /// A number with at most one decimal, the same on every machine ("12", "12.5", "-3.2").
    mutating func add(_ value: Double) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = tenths.magnitude
        appendDigits(magnitude / 10)
        if magnitude % 10 != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    private mutating func appendDigits(_ value: UInt) {
        if value >= 10 { appendDigits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
