/// Severity of a recommendation or a secret type, and the risk level of an attack path.
///
/// Defender uses the same four words for both, so one type serves; the order is most severe first.
enum Severity: String, Sendable, CaseIterable, Comparable {
    case critical
    case high
    case medium
    case low

    /// The capitalised word shown on pages, always next to the colour so colour is never the only signal.
    var displayName: String {
        rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }

    /// Sort rank: critical first.
    var rank: Int {
        switch self {
        case .critical: 0
        case .high: 1
        case .medium: 2
        case .low: 3
        }
    }

    static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }
}
