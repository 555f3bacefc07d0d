import CFuzzerDriver

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer's entry points. One executable holds every target, so the sanitized engine is linked
/// once instead of once per target (each link takes minutes on a shared two-core machine); the
/// target is chosen by the name the executable is run under (`fuzz-sarif`, a symbolic link that
/// Fuzz/run.sh makes) or by `FUZZ_TARGET=sarif`. `FUZZ_TARGET=list` prints every target's name.

/// The target chosen at start-up, before libFuzzer runs any input.
nonisolated(unsafe) private var selected: FuzzTarget?

/// The program's entry.
///
/// SwiftPM links an executable target with `main` defined as this symbol (so
/// tests can link the module); that `main` wins over libFuzzer's, so this picks the target and
/// hands over to libFuzzer's driver, which parses libFuzzer's flags as its own `main` would.
@_cdecl("secret_atlas_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    if let status = select(program: argv.pointee.map { String(cString: $0) } ?? "") { return status }
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}

/// Called by libFuzzer's driver before any input (and the place to choose the target were
/// libFuzzer's own `main` ever the one run).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    if selected == nil, let status = select(program: argv.pointee?.pointee.map { String(cString: $0) } ?? "")
    {
        exit(status)
    }
    return 0
}

/// Runs the chosen target on one input; libFuzzer calls it for every input it makes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selected?.run(bytes)
    return 0
}

/// Chooses the target from `FUZZ_TARGET` or the program's name; a status to exit with when the
/// run should stop here (the list was asked for, or no target is named).
private func select(program: String) -> Int32? {
    let invokedAs = program.split(separator: "/").last.map(String.init) ?? ""
    let name =
        getenv("FUZZ_TARGET").map { String(cString: $0) }
        ?? (invokedAs.hasPrefix("fuzz-") ? String(invokedAs.dropFirst("fuzz-".count)) : "")
    if name == "list" {
        print(FuzzTargets.all.map(\.name).joined(separator: "\n"))
        return 0
    }
    guard let target = FuzzTargets.all.first(where: { $0.name == name }) else {
        printError(
            "secret-atlas-fuzz: choose a target with FUZZ_TARGET=NAME or run it as fuzz-NAME; one of: "
                + FuzzTargets.all.map(\.name).joined(separator: ", "))
        return 2
    }
    selected = target
    return nil
}

/// One fuzz target: a name and what it does with one input.
struct FuzzTarget: Sendable {
    let name: String
    let run: @Sendable ([UInt8]) -> Void
}

enum FuzzTargets {
    /// One target per input format (the format forced, as `FORMAT:PATH` does), one for format
    /// recognition, one for the SSH key readers importers use on raw values, and the Markdown,
    /// template and whole-site stages.
    static let all: [FuzzTarget] =
        ImporterTarget.formats.map { format in
            FuzzTarget(name: format) { ImporterTarget.run($0, format: format) }
        } + [
            FuzzTarget(name: "detect") { ImporterTarget.runDetected($0) },
            FuzzTarget(name: "ssh-key") { SSHKeyTarget.run($0) },
            FuzzTarget(name: "markdown") { MarkdownTarget.run($0) },
            FuzzTarget(name: "template") { TemplateTarget.run($0) },
            FuzzTarget(name: "site") { SiteTarget.run($0) },
        ]
}

/// Stops the run with a message when an invariant does not hold; libFuzzer records the input as a
/// crash (abort is a deadly signal to it), exactly as for a trap in the engine.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    printError("INVARIANT FAILED: \(message())")
    abort()
}

/// Writes a line to standard error.
func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}
