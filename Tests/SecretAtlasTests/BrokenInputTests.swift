import Foundation
import Testing

@testable import SecretAtlas

/// Broken files give one clear error with a place, never a hang, a crash or silence.
///
/// The whole corpus runs through the binary in Tests/hostile/check_broken.py; these pin the loader's
/// decisions.
struct BrokenInputTests {
    private func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func descriptions(_ inputs: [String]) -> [String] {
        InputLoader().load(inputs).diagnostics.map(\.description)
    }

    @Test func aFIFOIsRefusedNotWaitedOn() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe.json").path
        #expect(mkfifo(pipe, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.json").path, withDestinationPath: "pipe.json")
        let reason =
            "cannot read: it is a FIFO (named pipe), not a regular file; save its content to a file first."
        #expect(
            descriptions([folder.path]) == [
                "error: \(folder.path)/link.json: \(reason)", "error: \(folder.path)/pipe.json: \(reason)",
            ])
        #expect(descriptions([pipe]) == ["error: \(pipe): \(reason)"])
        #expect(
            descriptions(["/dev/zero"]) == [
                "error: /dev/zero: cannot read: it is a device, not a regular file."
            ])
    }

    @Test func aLinkLoopIsNamedAsOne() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loop = folder.appendingPathComponent("self.json").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "self.json")
        #expect(descriptions([loop]) == ["error: \(loop): cannot read: it is a loop of symbolic links."])
        #expect(
            descriptions([folder.path]) == ["error: \(loop): cannot read: it is a loop of symbolic links."])
    }

    @Test func emptyBinaryAndUTF16FilesAreNamedAsSuchWithAPlace() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try write([], "empty.json", in: folder)
        let blank = try write(Array(" \n\t\n".utf8), "blank.json", in: folder)
        let utf16 = try write([0xFF, 0xFE] + Array("{".utf8) + [0], "utf16.json", in: folder)
        let binary = try write([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00], "elf.json", in: folder)
        let expected = "expected JSON, JSON Lines, CSV or an OpenSSH public key."
        #expect(descriptions([empty]) == ["error: \(empty):1:1: the file is empty; \(expected)"])
        #expect(
            descriptions([blank]) == ["error: \(blank):1:1: the file holds only white space; \(expected)"])
        #expect(
            descriptions([utf16]) == [
                "error: \(utf16):1:1: the file is UTF-16LE (it starts with that byte-order mark); expected "
                    + "UTF-8 — convert it, for example with iconv -f UTF-16LE -t UTF-8."
            ])
        #expect(
            descriptions([binary]) == [
                "error: \(binary):1:8: NUL byte; expected UTF-8 text (is it a binary or UTF-16 file?)."
            ])
        // In a folder such files are skipped with a warning, as files in no known format are.
        #expect(
            InputLoader().load([folder.path]).diagnostics.map(\.severity)
                == Array(repeating: .warning, count: 4))
        // An empty JSON Lines file is a report of nothing.
        #expect(descriptions([try write([], "empty.jsonl", in: folder)]) == [])
    }

    @Test func aCSVReportWithABadByteOrAnOpenQuoteSaysWhere() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = "RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine\n"
        let invalid = try write(
            Array((header + "r,c,vm-1/a,,s,m,1\nr,c,vm-1/").utf8) + [0xFF] + Array(",,s,m,2\n".utf8),
            "bad.csv",
            in: folder)
        #expect(
            descriptions([invalid]) == [
                "error: \(invalid):3:10: invalid UTF-8 (byte 0xFF); expected UTF-8 text."
            ])
        let nul = try write(
            Array((header + "r,c,vm-1/a").utf8) + [0] + Array(",,s,m,2\n".utf8), "nul.csv", in: folder)
        #expect(
            descriptions([nul]) == [
                "error: \(nul):2:11: NUL byte; expected UTF-8 text (is it a binary or UTF-16 file?)."
            ])
        let open = try write(
            Array((header + "r,c,\"vm-1/a,,s,m,1\nr,c,vm-1/b,,s,m,2\n").utf8), "open.csv", in: folder)
        #expect(
            descriptions([open]).first
                == "error: \(open):2: a quoted field opens here and is never closed; expected a closing \" (the rest "
                + "of the file was read as this one field).")
    }

    @Test func aFileGivesAtMostAHundredProblems() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try write(Array(String(repeating: "x\n", count: 1_000).utf8), "junk.jsonl", in: folder)
        let diagnostics = InputLoader().load([lines]).diagnostics
        #expect(diagnostics.count == InputLoader.maximumDiagnosticsPerFile + 1)
        #expect(
            diagnostics.last?.description
                == "error: \(lines): 900 more problem(s) in this file (900 error(s)) are not shown; fix the ones above first."
        )
    }

    /// The line reader resumes its newline search where it stopped: lines that cross its 1 MiB reads,
    /// a line of several reads and a last line without a newline all come back whole.
    @Test func theLineReaderReturnsLinesAcrossReads() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lengths = [0, 5, (1 << 20) - 7, 3, 3 << 20, 1, (1 << 20) + 1, 11]
        var bytes: [UInt8] = []
        for (index, length) in lengths.enumerated() {
            bytes += Array(repeating: UInt8(ascii: "a") + UInt8(index), count: length)
            if index < lengths.count - 1 { bytes.append(0x0A) }
        }
        let path = try write(bytes, "lines.jsonl", in: folder)
        let descriptor = try FileTree.openRegularFile(path)
        defer { close(descriptor) }
        let lines = Array(LineReader(descriptor: descriptor))
        #expect(lines.map(\.0) == Array(1...lengths.count))
        #expect(lines.map(\.1.count) == lengths)
        #expect(
            lines.enumerated().allSatisfy { index, line in
                line.1.allSatisfy { $0 == UInt8(ascii: "a") + UInt8(index) }
            })
    }
}
