/// One file of the site: its path relative to the site root and its bytes.
struct OutputFile: Sendable, Equatable {
    let path: String
    let bytes: [UInt8]
}
