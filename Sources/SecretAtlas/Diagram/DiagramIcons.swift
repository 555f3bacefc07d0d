/// The icon shapes of `Assets/icons/*.svg`, for drawing inside diagrams.
///
/// A diagram cannot load the icon files (an SVG `<use>` of another file is blocked under `file://`),
/// and the files carry their own `<style>`, which would restyle the whole page if inlined; so the
/// shapes alone are kept here, drawn in a 24×24 box and coloured by the stylesheet. A test checks
/// that they match the files.
enum DiagramIcons {
    /// Shape markup by icon name.
    static let shapes: [String: String] = [
        "cluster": #"<path d="M12 2l8.5 5v10L12 22l-8.5-5V7z"/><circle cx="12" cy="12" r="3"/>"#,
        "database":
            #"<ellipse cx="12" cy="5" rx="7" ry="2.5"/><path d="M5 5v14c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V5"/><path d="M5 10c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5M5 15c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5"/>"#,
        "deployment": #"<path d="M4 4h10l6 6v10H4z"/><path d="M14 4v6h6M8 14h8M8 17h5"/>"#,
        "identity": #"<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>"#,
        "internet":
            #"<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/>"#,
        "key": #"<circle cx="8" cy="15" r="4"/><path d="M11 12l9-9M16 7l3 3M14 9l2 2"/>"#,
        "resource": #"<rect x="4" y="4" width="16" height="16" rx="3"/><path d="M9 12h6"/>"#,
        "shield": #"<path d="M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5z"/><path d="M9 12l2 2 4-4"/>"#,
        "storage":
            #"<ellipse cx="12" cy="6" rx="8" ry="3"/><path d="M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6"/><path d="M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3"/>"#,
        "vm": #"<rect x="3" y="4" width="18" height="12" rx="2"/><path d="M8 20h8M12 16v4"/>"#,
    ]
}
