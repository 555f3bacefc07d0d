import Foundation

/// The raw secret values seen during import, kept only as hashes of their 12-byte pieces, so the
/// writer can prove no value (nor any 12-character piece of one) reaches the output
/// (``LeakCheckingWriter``).
///
/// Values are hashed with a key drawn per process, so the set holds nothing that outlives the build
/// or could be matched offline. A class shared by every importer of one build; safe across threads.
final class SensitiveValues: @unchecked Sendable {
    /// The length of the pieces searched for.
    static let windowLength = 12
    /// The shortest value searched for whole.
    ///
    /// Values from 6 to 11 characters are searched for whole when they look like a secret rather than
    /// words (``looksSecret(_:)``): a 4-character value, or `a secret`, would match the pages' own text.
    static let minimumShortLength = 6

    private let lock = NSLock()
    /// Window hash → index into ``owners``.
    private var windows: [UInt64: Int32] = [:]
    /// Hashes of whole values shorter than ``windowLength``, by length.
    private var shortValues: [Int: [UInt64: Int32]] = [:]
    /// What each value was: "file at place (type)", never the value.
    private var owners: [String] = []
    /// A bit per low hash bits, checked before the dictionaries so most output bytes cost no lookup.
    private var filter = [UInt64](repeating: 0, count: SensitiveValues.filterWords)
    static let filterWords = 1 << 16
    let seed: UInt64

    init(seed: UInt64 = UInt64.random(in: 1...UInt64.max)) {
        self.seed = seed | 1
    }

    /// Records a raw value; `owner` names the finding (file and place), never the value.
    func add(_ value: String, owner: String) {
        for piece in Self.pieces(of: value) {
            let bytes = Array(piece.utf8)
            guard
                bytes.count >= Self.windowLength
                    || (bytes.count >= Self.minimumShortLength && Self.looksSecret(piece))
            else { continue }
            lock.lock()
            let index = Int32(owners.count)
            owners.append(owner)
            if bytes.count < Self.windowLength {
                let hash = RollingHash.hash(bytes[...], seed: seed)
                shortValues[bytes.count, default: [:]][hash] = index
                setFilter(hash)
            } else {
                for start in 0...(bytes.count - Self.windowLength) {
                    let hash = RollingHash.hash(bytes[start..<(start + Self.windowLength)], seed: seed)
                    if windows[hash] == nil { windows[hash] = index }
                    setFilter(hash)
                }
            }
            lock.unlock()
        }
    }

    /// The parts of a value searched for: PEM armour lines (`-----BEGIN RSA PRIVATE KEY-----`) are the
    /// same in every key and in our own remediation text, so only the body is a secret.
    static func pieces(of value: String) -> [String] {
        guard value.contains("-----BEGIN ") else { return [value] }
        let body = value.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.contains(":") }
        return [body.joined(separator: "\n")] + body
    }

    /// No whitespace, and at least two of: lower case, upper case, digits, other characters.
    static func looksSecret(_ value: String) -> Bool {
        guard !value.contains(where: \.isWhitespace) else { return false }
        let classes = [
            value.contains(where: \.isLowercase), value.contains(where: \.isUppercase),
            value.contains(where: \.isNumber),
            value.contains { !$0.isLetter && !$0.isNumber },
        ]
        return classes.filter { $0 }.count >= 2
    }

    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return owners.isEmpty
    }

    private func setFilter(_ hash: UInt64) {
        let bit = Int(hash & UInt64(Self.filterWords * 64 - 1))
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// The owner of the first sensitive piece found in `bytes`, or nil.
    func firstLeak(in bytes: [UInt8]) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard !owners.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            if let hit = scan(buffer, length: Self.windowLength, table: windows) { return hit }
            for (length, table) in shortValues {
                if let hit = scan(buffer, length: length, table: table) { return hit }
            }
            return nil
        }
    }

    private func scan(_ buffer: UnsafeBufferPointer<UInt8>, length: Int, table: [UInt64: Int32]) -> String? {
        guard buffer.count >= length, !table.isEmpty else { return nil }
        var rolling = RollingHash(seed: seed, length: length)
        let mask = UInt64(Self.filterWords * 64 - 1)
        for index in 0..<buffer.count {
            rolling.push(buffer[index], dropping: index >= length ? buffer[index - length] : nil)
            guard index >= length - 1 else { continue }
            let hash = rolling.value
            let bit = Int(hash & mask)
            guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
            if let owner = table[hash] { return owners[Int(owner)] }
        }
        return nil
    }
}

/// A polynomial rolling hash over a fixed-length window (Rabin–Karp, modulo 2^64), with an odd
/// multiplier drawn per process.
struct RollingHash {
    private let multiplier: UInt64
    /// multiplier^(length-1), to remove the byte leaving the window.
    private let leadingPower: UInt64
    private(set) var value: UInt64 = 0

    init(seed: UInt64, length: Int) {
        multiplier = seed
        var power: UInt64 = 1
        for _ in 0..<(length - 1) { power = power &* seed }
        leadingPower = power
    }

    mutating func push(_ byte: UInt8, dropping old: UInt8?) {
        if let old { value = value &- (UInt64(old) &+ 1) &* leadingPower }
        value = value &* multiplier &+ (UInt64(byte) &+ 1)
    }

    static func hash(_ bytes: ArraySlice<UInt8>, seed: UInt64) -> UInt64 {
        var hash = RollingHash(seed: seed, length: bytes.count)
        for byte in bytes { hash.push(byte, dropping: nil) }
        return hash.value
    }
}
