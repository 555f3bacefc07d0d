/// How the list and explorer data files store a page id.
///
/// Only the part after `prefix-` when the id has that form, else the whole id. A whole id always
/// contains a dash and a suffix never does, so the page's script can tell them apart and put the
/// prefix back. Both data files use this, so they agree on the form.
enum CompactPageID {
    static func make(_ siteID: String, prefix: String) -> String {
        let suffix = siteID.dropFirst(prefix.count + 1)
        guard siteID.hasPrefix(prefix + "-"), !suffix.isEmpty, !suffix.utf8.contains(UInt8(ascii: "-")) else {
            return siteID
        }
        return String(suffix)
    }
}
