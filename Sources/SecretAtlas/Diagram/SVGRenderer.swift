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
        var out = ""
        out.reserveCapacity(1500 + graph.nodes.count * 900)
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        out += " width=\"\(n(width))\" height=\"\(n(height))\""
        out += " aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\">"
        out += "<title id=\"\(id)-title\">\(escape(graph.title))</title>"
        out += "<desc id=\"\(id)-desc\">\(escape(graph.summary))</desc>"
        out +=
            "<defs><marker id=\"\(id)-arrow\" class=\"diagram__arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\""
        out += " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\"/></marker>"
        for icon in Set(graph.nodes.map(\.icon)).sorted() {
            out +=
                "<symbol id=\"\(id)-icon-\(icon)\" viewBox=\"0 0 24 24\"><g fill=\"none\" stroke=\"currentColor\""
            out += " stroke-width=\"1.8\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
            out += DiagramIcons.shapes[icon] ?? DiagramIcons.shapes["resource"] ?? ""
            out += "</g></symbol>"
        }
        out += "</defs><g transform=\"translate(\(n(margin)),\(n(topMargin)))\">"
        out += "<g class=\"diagram__edges\">"
        for (index, edge) in graph.edges.enumerated() where index < positions.edges.count {
            out += edgeMarkup(edge, spline: positions.edges[index], id: id)
        }
        out += "</g><g class=\"diagram__nodes\">"
        for node in graph.nodes {
            guard let centre = positions.nodes[node.id] else { continue }
            out += nodeMarkup(node, centre: centre, id: id)
        }
        out += "</g></g></svg>"
        return out
    }

    private func edgeMarkup(
        _ edge: DiagramGraph.Edge, spline: (points: [DiagramLayout.Point], tip: DiagramLayout.Point?),
        id: String
    ) -> String {
        let points = spline.points
        guard let first = points.first else { return "" }
        var path = "M\(n(first.x)) \(n(first.y))"
        var index = 1
        while index + 2 < points.count {
            let (a, b, c) = (points[index], points[index + 1], points[index + 2])
            path += "C\(n(a.x)) \(n(a.y)) \(n(b.x)) \(n(b.y)) \(n(c.x)) \(n(c.y))"
            index += 3
        }
        if let tip = spline.tip { path += "L\(n(tip.x)) \(n(tip.y))" }
        var out = "<g class=\"diagram__edge\"><path d=\"\(path)\" marker-end=\"url(#\(id)-arrow)\"/>"
        if !edge.label.isEmpty {
            let middle = Self.midpoint(points)
            let plate = Double(edge.label.count) * 5.6 + 8
            out +=
                "<rect class=\"diagram__edge-plate\" x=\"\(n(middle.x - plate / 2))\" y=\"\(n(middle.y - 8))\""
            out += " width=\"\(n(plate))\" height=\"16\" rx=\"4\"/>"
            out +=
                "<text x=\"\(n(middle.x))\" y=\"\(n(middle.y + 4))\" text-anchor=\"middle\">\(escape(edge.label))</text>"
        }
        return out + "</g>"
    }

    private func nodeMarkup(_ node: DiagramGraph.Node, centre: DiagramLayout.Point, id: String) -> String {
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
        var out = ""
        let linked = !node.href.isEmpty
        if linked { out += "<a href=\"\(escape(node.href))\" aria-label=\"\(escape(label))\">" }
        out +=
            "<g class=\"diagram__node diagram__node--\(node.role.rawValue)\" transform=\"translate(\(n(x)),\(n(y)))\""
        if !linked { out += " role=\"img\" aria-label=\"\(escape(label))\"" }
        out += "><title>\(escape(label))</title>"
        out += "<rect width=\"\(n(nodeWidth))\" height=\"\(n(nodeHeight))\" rx=\"8\"/>"
        out +=
            "<use class=\"diagram__icon\" href=\"#\(id)-icon-\(node.icon)\" x=\"10\" y=\"\(n((nodeHeight - 24) / 2))\""
        out += " width=\"24\" height=\"24\"/>"
        let textWidth = nodeWidth - 50
        out += "<text class=\"diagram__name\" x=\"42\" y=\"\(n(nodeHeight / 2 - 3))\">"
        out += escape(Self.fit(node.title, characters: Int(textWidth / 7.0))) + "</text>"
        out += "<text class=\"diagram__kind\" x=\"42\" y=\"\(n(nodeHeight / 2 + 13))\">"
        out += escape(Self.fit(node.subtitle, characters: Int(textWidth / 6.8))) + "</text>"
        var badgeX = 6.0
        var badges = node.badges
        if !roleWord.isEmpty { badges.insert(roleWord == "target" ? "Target" : "Entry point", at: 0) }
        for (offset, badge) in badges.enumerated() {
            let badgeWidth = Double(badge.count) * 5.8 + 10
            // Badges stay within the card's width, so none is cut off at the diagram's edge.
            guard badgeX + badgeWidth <= nodeWidth - 4 else { break }
            let kind = offset == 0 && !roleWord.isEmpty ? "diagram__badge--\(node.role.rawValue)" : ""
            out +=
                "<g class=\"diagram__badge \(kind)\"><rect x=\"\(n(badgeX))\" y=\"-9\" width=\"\(n(badgeWidth))\""
            out +=
                " height=\"16\" rx=\"8\"/><text x=\"\(n(badgeX + badgeWidth / 2))\" y=\"3\" text-anchor=\"middle\">"
            out += escape(badge) + "</text></g>"
            badgeX += badgeWidth + 4
        }
        out += "</g>"
        if linked { out += "</a>" }
        return out
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

    /// A number with at most one decimal, the same on every machine ("12", "12.5", "-3.2").
    func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Escapes text for XML content and attribute values.
    func escape(_ text: String) -> String {
        // Most names need nothing escaped: then the text itself is returned, with no copy.
        guard
            text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        HTMLEscaping.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
