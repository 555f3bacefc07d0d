/// Counts in words: "1 secret", "3 secrets".
///
/// Pages say numbers in sentences, so English plurals matter.
enum Wording {
    /// `count` followed by the singular or plural noun.
    static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
