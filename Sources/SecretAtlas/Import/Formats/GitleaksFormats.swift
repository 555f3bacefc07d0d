/// gitleaks v8 `--report-format json` (and the v7 layout): one array of findings.
enum GitleaksJSONFormat: JSONDocumentFormat {
    static let name = "gitleaks"
    static let summary = "gitleaks JSON report (gitleaks dir|git --report-format json), v8 or v7"

    static func recognizes(_ document: JSONValue) -> Bool {
        guard case .array(let elements) = document else { return false }
        guard let first = elements.first else { return true }
        let node = ReportNode(first)
        return node["RuleID"].exists || (node["offender"].exists && node["rule"].exists)
    }

    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        // Only a forced format gets here with something else; it is not an empty report.
        guard let elements = ReportNode(document).array else {
            input.diagnostics.append(
                .report(
                    context.file, .path("$"),
                    "expected gitleaks' array of findings, found \(document.summary)."))
            return input
        }
        for (index, element) in elements.enumerated() {
            let path = "[\(index)]"
            guard element.isObject else {
                input.diagnostics.append(
                    .report(context.file, .path(path), "expected a gitleaks finding object."))
                continue
            }
            if element["offender"].exists {
                readV7(element, path: path, context: context, into: &input)
                continue
            }
            guard let rule = element["RuleID"].text else {
                input.diagnostics.append(
                    .report(
                        context.file, .path(path + ".RuleID"), "expected the gitleaks rule id (a string)."))
                continue
            }
            guard let file = element["SymlinkFile"].text ?? element["File"].text else {
                input.diagnostics.append(
                    .report(context.file, .path(path + ".File"), "expected the path of the file (a string)."))
                continue
            }
            let link = element["Link"].string ?? ""
            context.add(
                ScannerFinding(
                    scanner: "gitleaks", secretType: SecretTypes.type(for: rule, in: SecretTypes.gitleaks),
                    path: file, line: element["StartLine"].int, location: .path(path),
                    rawValues: [element["Secret"].string ?? ""], hostContext: [element["Match"].string ?? ""],
                    repository: link.range(of: "/blob/").map { String(link[..<$0.lowerBound]) },
                    commit: element["Commit"].text),
                to: &input)
        }
        return input
    }

    /// v7: `{line, lineNumber, offender, rule, file, commit, repo, …}`.
    private static func readV7(
        _ element: ReportNode, path: String, context: ImportContext, into input: inout ScanInput
    ) {
        guard let rule = element["rule"].text, let file = element["file"].text else {
            input.diagnostics.append(
                .report(
                    context.file, .path(path), "expected a gitleaks v7 finding with \"rule\" and \"file\"."))
            return
        }
        context.add(
            ScannerFinding(
                scanner: "gitleaks", secretType: SecretTypes.typeByKeywords(rule: rule, description: nil),
                path: file, line: element["lineNumber"].int, location: .path(path),
                rawValues: [element["offender"].string ?? ""], hostContext: [element["line"].string ?? ""],
                repository: element["repoURL"].text ?? element["repo"].text, commit: element["commit"].text),
            to: &input)
    }
}

/// gitleaks `--report-format csv`.
enum GitleaksCSVFormat: TextFormat {
    static let name = "gitleaks-csv"
    static let summary = "gitleaks CSV report (gitleaks … --report-format csv)"

    static func recognizes(prefix: String, fileName: String) -> Bool {
        prefix.hasPrefix("RuleID,") && prefix.prefix(while: { $0 != "\n" }).contains("File")
    }

    static func read(_ text: String, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        var (rows, unclosedQuoteLine) = CSVParser.parse(text)
        if let line = unclosedQuoteLine {
            // The open field ran to the end of the file: its row is not a finding, and the rows the
            // field swallowed are named by where they start.
            input.diagnostics.append(
                .report(
                    context.file, .line(line, path: nil),
                    "a quoted field opens here and is never closed; expected a closing \" (the rest of "
                        + "the file was read as this one field)."))
            rows.removeLast()
        }
        guard !rows.isEmpty else { return input }
        let header = rows.removeFirst().fields
        let column = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for required in ["RuleID", "File"] where column[required] == nil {
            input.diagnostics.append(
                .report(
                    context.file, .line(1, path: nil),
                    "expected a \"\(required)\" column in the gitleaks CSV header."))
            return input
        }
        for row in rows {
            func field(_ name: String) -> String {
                guard let index = column[name], index < row.fields.count else { return "" }
                return row.fields[index]
            }
            let location = Diagnostic.Location.line(row.line, path: nil)
            guard row.fields.count == header.count else {
                input.diagnostics.append(
                    .report(
                        context.file, location,
                        "expected \(header.count) fields as in the header, found \(row.fields.count)."))
                continue
            }
            let rule = field("RuleID")
            let file = field("SymlinkFile").isEmpty ? field("File") : field("SymlinkFile")
            guard !rule.isEmpty, !file.isEmpty else {
                input.diagnostics.append(.report(context.file, location, "expected a RuleID and a File."))
                continue
            }
            let line = field("StartLine")
            guard line.isEmpty || Int(line) != nil else {
                input.diagnostics.append(
                    .report(context.file, location, "expected StartLine to be a whole number."))
                continue
            }
            let commit = field("Commit")
            context.add(
                ScannerFinding(
                    scanner: "gitleaks", secretType: SecretTypes.type(for: rule, in: SecretTypes.gitleaks),
                    path: file, line: Int(line), location: location, rawValues: [field("Secret")],
                    hostContext: [field("Match")], commit: commit.isEmpty ? nil : commit),
                to: &input)
        }
        return input
    }
}
