/// checkov's secrets framework, JSON output (`checkov -d DIR --framework secrets -o json`): one
/// object per framework, a list of them, or a bare summary when nothing was found.
///
/// `code_block` is masked by checkov but leaks key material (docs/importers.md); it is never read.
/// `resource` is the SHA-1 of the secret (`commit:sha1` in history mode), re-keyed.
enum CheckovFormat: JSONDocumentFormat {
    static let name = "checkov"
    static let summary = "checkov secrets JSON (checkov -d DIR --framework secrets -o json)"

    static func recognizes(_ document: JSONValue) -> Bool {
        let node = ReportNode(document)
        if let list = node.array {
            return !list.isEmpty && list.allSatisfy { $0["check_type"].exists && $0["results"].exists }
        }
        return (node["check_type"].exists && node["results"].exists)
            || (node["passed"].exists && node["failed"].exists && node["resource_count"].exists)
    }

    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        let node = ReportNode(document)
        // Only a forced format gets here with something else; it is not an empty report.
        guard recognizes(document) else {
            input.diagnostics.append(
                .report(
                    context.file, .path("$"),
                    "expected a checkov report: an object with \"check_type\" and \"results\", a list of "
                        + "them, or checkov's summary; found \(document.summary)."))
            return input
        }
        let reports =
            node.array.map { Array($0.enumerated()).map { ("[\($0.offset)]", $0.element) } } ?? [("", node)]
        var secretsReports = 0
        for (prefix, report) in reports {
            // Other frameworks' reports are skipped, but a check_type that is no name is named.
            guard let checkType = report["check_type"].string else {
                if report["check_type"].exists {
                    input.diagnostics.append(
                        .report(
                            context.file, .path((prefix.isEmpty ? "" : prefix + ".") + "check_type"),
                            "expected the framework's name (a string such as \"secrets\")."))
                }
                continue
            }
            guard checkType == "secrets" else { continue }
            secretsReports += 1
            let failedPath = (prefix.isEmpty ? "" : prefix + ".") + "results.failed_checks"
            guard let failed = report["results"]["failed_checks"].array else {
                input.diagnostics.append(
                    .report(context.file, .path(failedPath), "expected an array of failed checks."))
                continue
            }
            for (index, check) in failed.enumerated() {
                let path = "\(failedPath)[\(index)]"
                guard let id = check["check_id"].text else {
                    input.diagnostics.append(
                        .report(context.file, .path(path + ".check_id"), "expected a check id."))
                    continue
                }
                guard let file = check["file_path"].text ?? check["repo_file_path"].text else {
                    input.diagnostics.append(
                        .report(context.file, .path(path + ".file_path"), "expected the path of the file."))
                    continue
                }
                let type =
                    check["check_name"].text.flatMap { SecretTypes.detectSecrets[$0] }
                    ?? SecretTypes.checkov[id] ?? check["check_name"].text ?? id
                let resource = check["resource"].string ?? ""
                let parts = resource.split(separator: ":")
                let status = check["validation_status"].string
                context.add(
                    ScannerFinding(
                        scanner: "checkov", secretType: type, path: file,
                        line: check["file_line_range"][0].int,
                        location: .path(path), sha1: parts.last.map(String.init),
                        verification: status == "Valid" || status == "Privileged"
                            ? .verified : status == "Invalid" ? .unverified : .unknown,
                        commit: parts.count == 2 ? String(parts[0]) : nil),
                    to: &input)
            }
        }
        // A file of other frameworks only is not silently an empty report.
        if secretsReports == 0, input.diagnostics.isEmpty, !node["resource_count"].exists {
            input.diagnostics.append(
                Diagnostic(
                    .warning, file: context.file, location: .path("check_type"),
                    message: "no report of the secrets framework was found, so nothing is read; expected "
                        + "\"check_type\": \"secrets\" (checkov --framework secrets)."))
        }
        return input
    }
}
