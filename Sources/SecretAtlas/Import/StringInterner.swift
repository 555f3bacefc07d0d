import Foundation

/// Makes equal strings share one storage while a file is read: a million findings name a thousand
/// resources, a few hundred files and a few hosts, and each read string is otherwise its own
/// allocation (an ARM resource id is 112 bytes a copy).
///
/// Strings of up to 15 bytes are stored inline by Swift and need no sharing. One per input file,
/// dropped with it; locked, so an importer may share it across threads.
final class StringInterner: @unchecked Sendable {
    private let lock = NSLock()
    private var strings = Set<String>()
    private var lists = Set<[String]>()

    /// `text`, or an equal string seen before.
    func callAsFunction(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        lock.lock()
        defer { lock.unlock() }
        return strings.insert(text).memberAfterInsert
    }

    /// `text` interned, or nil.
    func callAsFunction(_ text: String?) -> String? {
        text.map { self($0) }
    }

    /// `list` (host names), or an equal list seen before.
    func callAsFunction(_ list: [String]) -> [String] {
        guard !list.isEmpty else { return list }
        lock.lock()
        defer { lock.unlock() }
        return lists.insert(list).memberAfterInsert
    }
}
