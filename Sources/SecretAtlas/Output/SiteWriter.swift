/// Where rendered files go.
///
/// The only seam between the pure stages and the disk.
protocol SiteWriter {
    /// Writes one file; paths are relative to the site root and use `/`.
    func write(_ file: OutputFile) throws
    /// Makes everything written visible at once (for a folder: moves it into place).
    func finish() throws
    /// Throws away everything written, leaving any previous site untouched.
    func discard()
}
