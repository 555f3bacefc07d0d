import Foundation

/// What every command-line suite needs: running a program the way a user would, with the
/// repository's templates and assets, and a scratch folder per test.
protocol CLISuite {}

extension CLISuite {
    /// Runs the built `secret-atlas` with `arguments`, from `directory` (default: the package root).
    func run(_ arguments: [String], in directory: URL? = nil) throws -> CLITests.Result {
        try run(CLITests.binary, arguments, in: directory)
    }

    /// Runs `executable` with stdout and stderr on pipes, and the templates and assets of this
    /// checkout in its environment.
    func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> CLITests.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? CLITests.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["SECRET_ATLAS_TEMPLATES"] = CLITests.packageRoot.appendingPathComponent("Templates").path
        environment["SECRET_ATLAS_ASSETS"] = CLITests.packageRoot.appendingPathComponent("Assets").path
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A new empty folder under the system's temporary folder; the test removes it.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "secret-atlas-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
