import Foundation
import Synchronization

/// The raw secret values seen during import, so the writer can prove no value (nor any 12-character
/// piece of one) reaches the output (``LeakCheckingWriter``).
///
/// The values' bytes are kept here, and only here, in an arena of fixed-size chunks (about one byte
/// per byte of value), and indexed sparsely: every 4th 9-byte *anchor* of a value is hashed, so every
/// 12-byte window of the value holds a whole anchor at a known place. The output is scanned with the
/// same 9-byte rolling hash; an anchor found there is checked against the value's own bytes, and is a
/// leak when the match (extended either way) covers 12 bytes. The check is exact: no false negatives
/// (every 12-byte piece contains an indexed anchor) and no false positives from hashing.
///
/// An index entry is 8 bytes (24 bits of hash and a 40-bit arena offset): about 2 bytes a byte of
/// value, a fifth of keeping a 16-byte hash-and-owner for every 12-byte window. Hashes use a
/// multiplier drawn per process, so crafted input cannot aim at collisions. A class shared by every
/// importer of one build; safe across threads: `lock` guards every stored property; adding takes it
/// for writing, searching for reading once the index is frozen, so pages written on every core
/// search at once.
final class SensitiveValues: @unchecked Sendable {
    /// The length of the pieces searched for.
    static let windowLength = 12
    /// The shortest value searched for whole.
    ///
    /// Values from 6 to 11 characters are searched for whole when they look like a secret rather than
    /// words (``looksSecret(_:)``): a 4-character value, or `a secret`, would match the pages' own text.
    static let minimumShortLength = 6
    /// The length of the anchors indexed, taken at every ``anchorStep``th offset of a value.
    ///
    /// Any window of `anchorLength + anchorStep - 1` (12) bytes holds one whole.
    static let anchorLength = 9
    static let anchorStep = 4

    private let lock = ReadWriteLock()

    // MARK: Arena: the values' bytes, in chunks that never move (no copy while growing).

    private static let chunkBits = 22
    private static let chunkSize = 1 << chunkBits
    /// The longest piece stored in one run; longer values are stored as overlapping runs so every
    /// 12-byte window is whole in one of them.
    private static let maximumRun = 1 << 20
    private var chunks: [[UInt8]] = []

    /// Each stored run: its arena offset (low 40 bits) and length (high 24 bits), in arena order.
    private var runs: [UInt64] = []
    /// The owner of each run (an index in ``owners``).
    private var runOwners: [UInt32] = []

    // MARK: Index: 24-bit hash << 40 | 40-bit arena offset.

    private static let offsetMask: UInt64 = (1 << 40) - 1
    /// Anchor entries not yet sorted.
    private var pending: [UInt64] = []
    /// Full blocks of anchor entries, each sorted from ``sortedBlocks`` on: one growing array would
    /// briefly be held twice.
    private var blocks: [[UInt64]] = []
    private var sortedBlocks = 0
    private static let blockSize = 1 << 20
    private var anchorCount = 0
    /// Whole short values by length: entries as above, pointing at the value's bytes.
    private var shortEntries: [Int: [UInt64]] = [:]
    /// A bit per hash (low bits), checked before any search so most output bytes cost no search.
    private var filter: [UInt64] = []
    private var filterMask: UInt64 = 0
    private var frozen = true

    // MARK: Owners: what each value was, kept in parts and formatted only on a hit.

    private var owners: [OwnerRecord] = []
    private var names: [String] = []
    private var nameIndex: [String: UInt32] = [:]
    private var otherLocations: [Diagnostic.Location] = []

    let seed: UInt64

    init(seed: UInt64 = UInt64.random(in: 1...UInt64.max)) {
        self.seed = seed | 1
    }

    /// Records a raw value; `owner` names the finding (file and place), never the value.
    func add(_ value: String, owner: String) {
        add([value], owner: ValueOwner(file: owner, location: nil, type: nil, resource: nil, line: nil))
    }

    /// Records the raw values of one finding; a value inside another of the same finding (TruffleHog's
    /// `Raw` inside `RawV2`) is stored once.
    func add(_ values: [String], owner: ValueOwner) {
        var parts: [[UInt8]] = []
        for value in values {
            for piece in Self.pieces(of: value) where !piece.isEmpty { parts.append(Array(piece.utf8)) }
        }
        guard !parts.isEmpty else { return }
        // Longest first, so a part inside an earlier one is found there.
        parts.sort { $0.count > $1.count }
        lock.writing { insert(parts, owner: owner) }
    }

    /// ``add(_:owner:)`` under the lock, held for writing.
    private func insert(_ parts: [[UInt8]], owner: ValueOwner) {
        var ownerIndex: UInt32?
        func currentOwner() -> UInt32 {
            if let ownerIndex { return ownerIndex }
            let index = UInt32(owners.count)
            owners.append(record(owner))
            ownerIndex = index
            return index
        }
        /// This finding's stored runs: (arena offset, bytes).
        var stored: [(offset: UInt64, bytes: [UInt8])] = []
        for part in parts {
            let isShort = part.count < Self.windowLength
            if isShort {
                guard part.count >= Self.minimumShortLength,
                    Self.looksSecret(String(decoding: part, as: UTF8.self))
                else { continue }
            }
            // Inside a run already stored: a long part adds nothing; a short one points at those bytes.
            var inside: UInt64?
            for run in stored {
                let found = run.bytes.withUnsafeBufferPointer { haystack in
                    part.withUnsafeBufferPointer { UTF8Search.firstOffset(of: $0, in: haystack) }
                }
                if let found {
                    inside = run.offset + UInt64(found)
                    break
                }
            }
            if inside != nil, !isShort { continue }
            let offset: UInt64
            if let inside {
                offset = inside
            } else {
                offset = store(part, owner: currentOwner())
                // A part stored as several runs is not contiguous in the arena: nothing points into it.
                if part.count <= Self.maximumRun { stored.append((offset, part)) }
            }
            if isShort {
                let hash = part.withUnsafeBufferPointer {
                    Self.hash($0, from: 0, length: part.count, seed: seed)
                }
                shortEntries[part.count, default: []].append(Self.entry(hash, offset))
                frozen = false
            }
        }
    }

    /// Appends a part's bytes (in runs of at most ``maximumRun``) and indexes its anchors; returns the
    /// offset of its first byte.
    private func store(_ part: [UInt8], owner: UInt32) -> UInt64 {
        var first: UInt64?
        var start = 0
        while true {
            let end = min(part.count, start + Self.maximumRun)
            let offset = storeRun(part[start..<end], owner: owner)
            if first == nil { first = offset }
            if end == part.count { break }
            // Runs overlap by 11 bytes: every 12-byte window lies whole in one.
            start = end - (Self.windowLength - 1)
        }
        return first ?? 0
    }

    private func storeRun(_ run: ArraySlice<UInt8>, owner: UInt32) -> UInt64 {
        if chunks.isEmpty || chunks[chunks.count - 1].count + run.count > Self.chunkSize {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        let chunkIndex = chunks.count - 1
        let offset = UInt64(chunkIndex) << UInt64(Self.chunkBits) | UInt64(chunks[chunkIndex].count)
        chunks[chunkIndex].append(contentsOf: run)
        runs.append(offset | UInt64(run.count) << 40)
        runOwners.append(owner)
        if run.count >= Self.windowLength {
            run.withUnsafeBufferPointer { bytes in
                var position = 0
                while position + Self.anchorLength <= bytes.count {
                    let hash = Self.hash(bytes, from: position, length: Self.anchorLength, seed: seed)
                    appendAnchor(Self.entry(hash, offset + UInt64(position)))
                    position += Self.anchorStep
                }
            }
        }
        return offset
    }

    private func appendAnchor(_ entry: UInt64) {
        if pending.isEmpty { pending.reserveCapacity(Self.blockSize) }
        pending.append(entry)
        anchorCount += 1
        frozen = false
        if pending.count == Self.blockSize {
            // Sorted when first searched (``freeze()``): `validate` never searches, so never sorts.
            blocks.append(pending)
            pending = []
        }
    }

    private static func entry(_ hash: UInt64, _ offset: UInt64) -> UInt64 {
        (hash >> 40) << 40 | (offset & offsetMask)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, length: Int, seed: UInt64)
        -> UInt64
    {
        var value: UInt64 = 0
        for index in start..<(start + length) { value = value &* seed &+ (UInt64(bytes[index]) &+ 1) }
        return value
    }

    /// The parts of a value searched for: PEM armour lines (`-----BEGIN RSA PRIVATE KEY-----`) are the
    /// same in every key and in our own remediation text, so only the body is a secret.
    static func pieces(of value: String) -> [String] {
        guard UTF8Search.contains(value, "-----BEGIN ") else { return [value] }
        let body = value.replacingOccurrences(of: "\\n", with: "\n").split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("-----") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.contains(":") }
        return [body.joined(separator: "\n")] + body
    }

    /// No whitespace, and at least two of: lower case, upper case, digits, other characters.
    static func looksSecret(_ value: String) -> Bool {
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, byte by byte: Character properties cost a Unicode lookup each.
            var lower = false
            var upper = false
            var digit = false
            var other = false
            for byte in value.utf8 {
                switch byte {
                case 0x09...0x0D, 0x20: return false
                case 0x61...0x7A: lower = true
                case 0x41...0x5A: upper = true
                case 0x30...0x39: digit = true
                default: other = true
                }
            }
            return [lower, upper, digit, other].filter { $0 }.count >= 2
        }
        guard !value.contains(where: \.isWhitespace) else { return false }
        let classes = [
            value.contains(where: \.isLowercase), value.contains(where: \.isUppercase),
            value.contains(where: \.isNumber),
            value.contains { !$0.isLetter && !$0.isNumber },
        ]
        return classes.filter { $0 }.count >= 2
    }

    var isEmpty: Bool {
        lock.reading { owners.isEmpty }
    }

    /// Sorts the entries and builds the filter; called under the lock, held for writing.
    private func freeze() {
        guard !frozen else { return }
        if !pending.isEmpty {
            blocks.append(pending)
            pending = []
        }
        for index in sortedBlocks..<blocks.count { blocks[index].sort() }
        sortedBlocks = blocks.count
        for length in shortEntries.keys { shortEntries[length]?.sort() }
        let count = anchorCount + shortEntries.values.reduce(0) { $0 + $1.count }
        var bits = 1 << 16
        while bits < count * 16 { bits <<= 1 }
        filter = [UInt64](repeating: 0, count: bits / 64)
        filterMask = UInt64(bits - 1)
        func mark(_ offset: UInt64, _ length: Int) {
            // The filter needs the low bits of the hash, which the entry does not keep: rehash the bytes.
            let hash = withBytes(at: offset, count: length) {
                Self.hash($0, from: 0, length: length, seed: seed)
            }
            let bit = Int(hash & filterMask)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        for block in blocks {
            for entry in block { mark(entry & Self.offsetMask, Self.anchorLength) }
        }
        for (length, entries) in shortEntries {
            for entry in entries { mark(entry & Self.offsetMask, length) }
        }
        frozen = true
    }

    /// Calls `body` with `count` arena bytes from `offset` (always inside one chunk).
    private func withBytes<Result>(
        at offset: UInt64, count: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let chunk = Int(offset >> UInt64(Self.chunkBits))
        let start = Int(offset & UInt64(Self.chunkSize - 1))
        return chunks[chunk].withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[start..<(start + count)]))
        }
    }

    /// The owner of the first sensitive piece found in `bytes`, or nil.
    func firstLeak(in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { firstLeak(in: $0) }
    }

    /// The owner of the first sensitive piece found in `buffer`, or nil.
    ///
    /// Searches under the lock held for reading, so searches run at once; the index is frozen
    /// (sorted, filter built) first, under the lock held for writing, when values were added since.
    func firstLeak(in buffer: UnsafeBufferPointer<UInt8>) -> String? {
        firstHit(in: buffer).map { hit in lock.reading { ownerName(at: hit.offset) } }
    }

    /// The bytes of `buffer` that match a value around the first sensitive piece found, or nil: for
    /// masking values an input repeats in fields a report shows (``SecretRedactor``).
    func firstLeakRange(in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let hit = firstHit(in: buffer) else { return nil }
        guard hit.isAnchor else { return hit.start..<(hit.start + hit.length) }
        return lock.reading { match(buffer, at: hit.start, anchor: hit.offset) }
    }

    /// Where the first sensitive piece in `buffer` starts, the length of what matched there (an anchor
    /// or a whole short value), and the arena offset of the value's bytes it matched.
    ///
    /// A match that is wholly text SecretAtlas itself writes (``publicText``) is passed over: a value
    /// that contains `image/svg+xml` or `Recommendations` is not published by a page that says those
    /// words, and an input must not be able to stop every report by holding such a value.
    private func firstHit(in buffer: UnsafeBufferPointer<UInt8>) -> Hit? {
        var from = 0
        while from < buffer.count {
            guard var hit = firstHitAnywhere(in: UnsafeBufferPointer(rebasing: buffer[from...])) else {
                return nil
            }
            hit.start += from
            guard isPublic(buffer, hit) else { return hit }
            from = hit.start + 1
        }
        return nil
    }

    private struct Hit {
        var start: Int
        let length: Int
        let offset: UInt64
        let isAnchor: Bool
    }

    private func firstHitAnywhere(in buffer: UnsafeBufferPointer<UInt8>) -> Hit? {
        while true {
            let found: Hit?? = lock.reading {
                guard !owners.isEmpty else { return .some(nil) }
                guard frozen else { return nil }
                if let hit = scanAnchors(buffer) {
                    return Hit(
                        start: hit.start, length: Self.anchorLength, offset: hit.offset, isAnchor: true)
                }
                for length in shortEntries.keys.sorted() {
                    if let hit = scanShort(buffer, length: length) {
                        return Hit(start: hit.start, length: length, offset: hit.offset, isAnchor: false)
                    }
                }
                return .some(nil)
            }
            if let found { return found }
            lock.writing { freeze() }
        }
    }

    /// Text the site writes whatever the input: its templates, catalog and assets.
    ///
    /// Set once, before the site is written.
    var publicText: [UInt8] {
        get { lock.reading { publicBytes } }
        set { lock.writing { publicBytes = newValue } }
    }
    private var publicBytes: [UInt8] = []

    /// Whether the bytes a hit matched are all found, together, in ``publicText``.
    private func isPublic(_ buffer: UnsafeBufferPointer<UInt8>, _ hit: Hit) -> Bool {
        let range =
            hit.isAnchor
            ? lock.reading { match(buffer, at: hit.start, anchor: hit.offset) }
            : hit.start..<(hit.start + hit.length)
        let known = publicText
        guard !known.isEmpty else { return false }
        let needle = Array(buffer[range])
        // The same words recur on every page (the icon link, the navigation), so each is searched
        // for once: a value holding them must not cost a scan of the templates per page.
        if knownPublic.withLock({ $0.contains(needle) }) { return true }
        let found = known.withUnsafeBufferPointer { haystack in
            guard let first = needle.first, haystack.count >= needle.count else { return false }
            var index = 0
            while index <= haystack.count - needle.count {
                if haystack[index] == first,
                    (0..<needle.count).allSatisfy({ haystack[index + $0] == needle[$0] })
                {
                    return true
                }
                index += 1
            }
            return false
        }
        if found { knownPublic.withLock { _ = $0.insert(needle) } }
        return found
    }

    /// Matches already found in ``publicText``.
    private let knownPublic = Mutex<Set<[UInt8]>>([])

    /// The whole run of output bytes around an anchor that equals the value's bytes around it.
    ///
    /// The anchor is at `start` in the output and at `offset` in the arena. Called under the lock.
    private func match(_ output: UnsafeBufferPointer<UInt8>, at start: Int, anchor offset: UInt64) -> Range<
        Int
    > {
        let anchor = start..<(start + Self.anchorLength)
        guard let run = run(containing: offset) else { return anchor }
        let runStart = runs[run] & Self.offsetMask
        let runLength = Int(runs[run] >> 40)
        let before = Int(offset - runStart)
        return withBytes(at: runStart, count: runLength) { value in
            var left = 0
            while start - left - 1 >= 0, before - left - 1 >= 0,
                output[start - left - 1] == value[before - left - 1]
            {
                left += 1
            }
            var right = 0
            while anchor.upperBound + right < output.count, before + Self.anchorLength + right < runLength,
                output[anchor.upperBound + right] == value[before + Self.anchorLength + right]
            {
                right += 1
            }
            return (start - left)..<(anchor.upperBound + right)
        }
    }

    /// The start in `buffer` and the arena offset of the first anchor found that is part of a 12-byte
    /// match.
    private func scanAnchors(_ buffer: UnsafeBufferPointer<UInt8>) -> (start: Int, offset: UInt64)? {
        guard anchorCount > 0, buffer.count >= Self.windowLength else { return nil }
        return firstCandidate(in: buffer, length: Self.anchorLength) { start, hash in
            for block in blocks {
                if let offset = Self.firstMatch(
                    hash, in: block, where: { isLeak(buffer, at: start, anchor: $0) })
                {
                    return offset
                }
            }
            return nil
        }
    }

    private func scanShort(_ buffer: UnsafeBufferPointer<UInt8>, length: Int) -> (start: Int, offset: UInt64)?
    {
        guard let entries = shortEntries[length], buffer.count >= length else { return nil }
        return firstCandidate(in: buffer, length: length) { start, hash in
            Self.firstMatch(hash, in: entries) { offset in
                withBytes(at: offset, count: length) { value in
                    (0..<length).allSatisfy { buffer[start + $0] == value[$0] }
                }
            }
        }
    }

    /// Rolls a hash over every `length`-byte window of `buffer` and asks `check` about each window
    /// whose hash passes the filter (start offset, hash); returns the first window's start whose
    /// answer is not nil, with that answer.
    @inline(__always)
    private func firstCandidate(
        in buffer: UnsafeBufferPointer<UInt8>, length: Int, _ check: (Int, UInt64) -> UInt64?
    ) -> (start: Int, offset: UInt64)? {
        var rolling = RollingHash(seed: seed, length: length)
        for index in 0..<buffer.count {
            rolling.push(buffer[index], dropping: index >= length ? buffer[index - length] : nil)
            guard index >= length - 1 else { continue }
            let hash = rolling.value
            let bit = Int(hash & filterMask)
            guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
            if let found = check(index - length + 1, hash) { return (index - length + 1, found) }
        }
        return nil
    }

    /// The offset of the first entry with this hash's top bits for which `check` holds.
    private static func firstMatch(_ hash: UInt64, in entries: [UInt64], where check: (UInt64) -> Bool)
        -> UInt64?
    {
        let key = (hash >> 40) << 40
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] < key { low = middle + 1 } else { high = middle }
        }
        while low < entries.count, entries[low] & ~offsetMask == key {
            let offset = entries[low] & offsetMask
            if check(offset) { return offset }
            low += 1
        }
        return nil
    }

    /// Whether the output's 9 bytes at `start` equal the anchor's, and the match extends (within the
    /// anchor's run) to 12 bytes or more.
    private func isLeak(_ output: UnsafeBufferPointer<UInt8>, at start: Int, anchor offset: UInt64) -> Bool {
        guard let run = run(containing: offset) else { return false }
        let runStart = runs[run] & Self.offsetMask
        let runLength = Int(runs[run] >> 40)
        let before = Int(offset - runStart)
        return withBytes(at: runStart, count: runLength) { value in
            let length = Self.anchorLength
            for index in 0..<length where output[start + index] != value[before + index] { return false }
            let needed = Self.windowLength - length
            var left = 0
            while left < needed, start - left - 1 >= 0, before - left - 1 >= 0,
                output[start - left - 1] == value[before - left - 1]
            {
                left += 1
            }
            var right = 0
            while left + right < needed, start + length + right < output.count,
                before + length + right < runLength,
                output[start + length + right] == value[before + length + right]
            {
                right += 1
            }
            return left + right >= needed
        }
    }

    /// The index of the stored run holding an arena offset.
    private func run(containing offset: UInt64) -> Int? {
        var low = 0
        var high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle] & Self.offsetMask <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    private func ownerName(at offset: UInt64) -> String {
        guard let run = run(containing: offset) else { return "" }
        let owner = owners[Int(runOwners[run])]
        return ValueOwner(
            file: names[Int(owner.file)],
            location: owner.place == Int64.min
                ? nil
                : owner.place >= 0
                    ? .line(Int(owner.place), path: nil) : otherLocations[Int(-owner.place - 1)],
            type: owner.type == UInt32.max ? nil : names[Int(owner.type)],
            resource: owner.resource == UInt32.max ? nil : names[Int(owner.resource)],
            line: owner.line == Int64.min ? nil : Int(owner.line)
        ).description
    }

    /// A ``ValueOwner`` in 32 bytes: names interned, a JSON Lines line kept as a number.
    private struct OwnerRecord {
        let file: UInt32
        let type: UInt32
        let resource: UInt32
        /// The finding's line, or `Int64.min`.
        let line: Int64
        /// A line of JSON Lines (≥ 0), another location (-(index + 1) in ``otherLocations``), or none.
        let place: Int64
    }

    private func record(_ owner: ValueOwner) -> OwnerRecord {
        func intern(_ text: String?) -> UInt32 {
            guard let text else { return UInt32.max }
            if let index = nameIndex[text] { return index }
            let index = UInt32(names.count)
            names.append(text)
            nameIndex[text] = index
            return index
        }
        let place: Int64
        switch owner.location {
        case nil: place = Int64.min
        case .line(let number, nil) where number >= 0: place = Int64(number)
        case .some(let location):
            otherLocations.append(location)
            place = -Int64(otherLocations.count)
        }
        let line = owner.line.map { Int64($0) } ?? Int64.min
        return OwnerRecord(
            file: intern(owner.file), type: intern(owner.type), resource: intern(owner.resource),
            line: line, place: place)
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
