import Foundation

/// The raw secret values seen during import, kept only as hashes of their 12-byte pieces, so the
/// writer can prove no value (nor any 12-character piece of one) reaches the output
/// (``LeakCheckingWriter``).
///
/// Values are hashed with a multiplier drawn per process, so the set holds nothing that outlives the
/// build or could be matched offline. Storage is 16 bytes a piece (a hash and its finding's index),
/// sorted once before the first check, so a million findings fit in a few hundred megabytes. A class
/// shared by every importer of one build; safe across threads.
final class SensitiveValues: @unchecked Sendable {
    /// The length of the pieces searched for.
    static let windowLength = 12
    /// The shortest value searched for whole.
    ///
    /// Values from 6 to 11 characters are searched for whole when they look like a secret rather than
    /// words (``looksSecret(_:)``): a 4-character value, or `a secret`, would match the pages' own text.
    static let minimumShortLength = 6

    private let lock = NSLock()
    /// A hash of a 12-byte window or of a whole short value, and the index of its owner.
    private struct Entry {
        let hash: UInt64
        let owner: Int32
    }
    /// Unsorted until ``freeze()``.
    private var entries: [Entry] = []
    /// Full blocks of entries, each sorted: growing one array of tens of millions of entries would
    /// briefly hold it twice at every doubling.
    private var blocks: [[Entry]] = []
    private static let blockSize = 1 << 20
    private var count = 0
    /// Lengths of the short values, each searched with its own rolling window.
    private var shortLengths = Set<Int>()
    /// What each value was: "file at place (type on resource)", never the value.
    private var ownerNames: [ValueOwner] = []
    private var frozen = true
    /// A bit per hash (low bits), checked before the sorted array so most output bytes cost no search.
    private var filter: [UInt64] = []
    private var filterMask: UInt64 = 0
    let seed: UInt64

    init(seed: UInt64 = UInt64.random(in: 1...UInt64.max)) {
        self.seed = seed | 1
    }

    /// Records a raw value; `owner` names the finding (file and place), never the value.
    func add(_ value: String, owner: String) {
        add([value], owner: ValueOwner(file: owner, location: nil, type: nil, resource: nil, line: nil))
    }

    /// Records the raw values of one finding; a piece shared by several (TruffleHog's `Raw` inside
    /// `RawV2`) is stored once.
    func add(_ values: [String], owner: ValueOwner) {
        var pieces = Set<UInt64>()
        var lengths = Set<Int>()
        for piece in values.flatMap(Self.pieces(of:)) {
            let bytes = Array(piece.utf8)
            if bytes.count < Self.windowLength {
                guard bytes.count >= Self.minimumShortLength, Self.looksSecret(piece) else { continue }
                lengths.insert(bytes.count)
                pieces.insert(RollingHash.hash(bytes[...], seed: seed))
                continue
            }
            var rolling = RollingHash(seed: seed, length: Self.windowLength)
            for offset in bytes.indices {
                rolling.push(
                    bytes[offset],
                    dropping: offset >= Self.windowLength ? bytes[offset - Self.windowLength] : nil)
                if offset >= Self.windowLength - 1 { pieces.insert(rolling.value) }
            }
        }
        guard !pieces.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        let index = Int32(ownerNames.count)
        ownerNames.append(owner)
        shortLengths.formUnion(lengths)
        frozen = false
        for hash in pieces {
            if entries.isEmpty { entries.reserveCapacity(Self.blockSize) }
            entries.append(Entry(hash: hash, owner: index))
            count += 1
            if entries.count == Self.blockSize {
                entries.sort { $0.hash < $1.hash }
                blocks.append(entries)
                entries = []
            }
        }
    }

    /// The parts of a value searched for: PEM armour lines (`-----BEGIN RSA PRIVATE KEY-----`) are the
    /// same in every key and in our own remediation text, so only the body is a secret.
    static func pieces(of value: String) -> [String] {
        guard value.contains("-----BEGIN ") else { return [value] }
        let body = value.replacingOccurrences(of: "\\n", with: "\n").split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("-----") }
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
        return ownerNames.isEmpty
    }

    /// Sorts the hashes (with their owners) and builds the filter; called under the lock.
    private func freeze() {
        guard !frozen else { return }
        if !entries.isEmpty {
            entries.sort { $0.hash < $1.hash }
            blocks.append(entries)
            entries = []
        }
        var bits = 1 << 16
        while bits < count * 16 { bits <<= 1 }
        filter = [UInt64](repeating: 0, count: bits / 64)
        filterMask = UInt64(bits - 1)
        for entry in blocks.joined() {
            let bit = Int(entry.hash & filterMask)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        frozen = true
    }

    /// The owner of the first sensitive piece found in `bytes`, or nil.
    func firstLeak(in bytes: [UInt8]) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard !ownerNames.isEmpty else { return nil }
        freeze()
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            for length in [Self.windowLength] + shortLengths.sorted() {
                if let hit = scan(buffer, length: length) { return ownerNames[Int(hit)].description }
            }
            return nil
        }
    }

    private func scan(_ buffer: UnsafeBufferPointer<UInt8>, length: Int) -> Int32? {
        guard buffer.count >= length else { return nil }
        var rolling = RollingHash(seed: seed, length: length)
        for index in 0..<buffer.count {
            rolling.push(buffer[index], dropping: index >= length ? buffer[index - length] : nil)
            guard index >= length - 1 else { continue }
            let hash = rolling.value
            let bit = Int(hash & filterMask)
            guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
            if let owner = lookup(hash) { return owner }
        }
        return nil
    }

    /// Binary search of each sorted block.
    private func lookup(_ hash: UInt64) -> Int32? {
        for block in blocks {
            if let owner = Self.lookup(hash, in: block) { return owner }
        }
        return nil
    }

    private static func lookup(_ hash: UInt64, in entries: [Entry]) -> Int32? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].hash == hash ? entries[low].owner : nil
    }
}

/// The finding a raw value came from, kept in parts (shared with the finding's own strings) and
/// formatted only when a leak is found: a million owners cost no extra text.
struct ValueOwner: Sendable, CustomStringConvertible {
    let file: String
    let location: Diagnostic.Location?
    let type: String?
    let resource: String?
    let line: Int?

    /// "report.json at [3] (aws-access-key on vm-7, line 2)": no path, since a secret may be in a
    /// file's name.
    var description: String {
        let place = Diagnostic(.error, file: file, location: location, message: "").placeText
        guard let type, let resource else { return place }
        return place + " (\(type) on \(resource)\(line.map { ", line \($0)" } ?? ""))"
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
