/// SARIF 2.1.0 from any secret scanner (gitleaks, TruffleHog, checkov, kingfisher, …).
///
/// Rules come from `ruleId`, `rule.id` or `ruleIndex`; the type table is chosen by the tool's name,
/// and tools without one are mapped by keywords in the rule id and description. `snippet.text` holds
/// the secret for gitleaks and kingfisher: it is used as the raw value and never copied.
enum SARIFFormat: JSONDocumentFormat {
    static let name = "sarif"
    static let summary =
        "SARIF 2.1.0 from any secret scanner (gitleaks, trufflehog, checkov --output sarif, …)"

    static func recognizes(_ document: JSONValue) -> Bool {
        let node = ReportNode(document)
        return node["runs"].exists
            && (node["version"].string?.hasPrefix("2.1") == true
                || node["$schema"].string?.lowercased().contains("sarif") == true)
    }

    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        let root = ReportNode(document)
        guard let runs = root["runs"].array else {
            input.diagnostics.append(.report(context.file, .path("runs"), "expected an array of SARIF runs."))
            return input
        }
        for (runIndex, run) in runs.enumerated() {
            readRun(run, path: "runs[\(runIndex)]", context: context, into: &input)
        }
        return input
    }

    private static func readRun(
        _ run: ReportNode, path: String, context: ImportContext, into input: inout ScanInput
    ) {
        let driver = run["tool"]["driver"]
        guard let tool = driver["name"].text else {
            input.diagnostics.append(
                .report(context.file, .path(path + ".tool.driver.name"), "expected the name of the scanner."))
            return
        }
        let rules = driver["rules"].array ?? []
        guard let results = run["results"].array else {
            if run["results"].exists {
                input.diagnostics.append(
                    .report(context.file, .path(path + ".results"), "expected an array of results."))
            }
            return
        }
        for (index, result) in results.enumerated() {
            let resultPath = "\(path).results[\(index)]"
            guard result.isObject else {
                input.diagnostics.append(
                    .report(context.file, .path(resultPath), "expected a result object."))
                continue
            }
            // Suppressed results (checkov's inline skips) are not open findings.
            if let suppressions = result["suppressions"].array, !suppressions.isEmpty { continue }
            if let kind = result["kind"].string, kind != "fail" { continue }
            let ruleIndex = result["ruleIndex"].int ?? result["rule"]["index"].int
            let rule = ruleIndex.flatMap { rules.indices.contains($0) ? rules[$0] : nil }
            guard let ruleID = result["ruleId"].text ?? result["rule"]["id"].text ?? rule?["id"].text else {
                input.diagnostics.append(
                    .report(
                        context.file, .path(resultPath + ".ruleId"),
                        "expected a ruleId, rule.id or ruleIndex."))
                continue
            }
            let descriptor = rule ?? rules.first { $0["id"].string == ruleID }
            let physical = result["locations"][0]["physicalLocation"]
            guard let uri = physical["artifactLocation"]["uri"].text else {
                input.diagnostics.append(
                    .report(
                        context.file,
                        .path(resultPath + ".locations[0].physicalLocation.artifactLocation.uri"),
                        "expected the URI of the file the secret is in."))
                continue
            }
            var filePath = uri
            if let base = physical["artifactLocation"]["uriBaseId"].text,
                let baseURI = run["originalUriBaseIds"][base]["uri"].text, !uri.contains("://"),
                !uri.hasPrefix("/")
            {
                filePath = (baseURI.hasSuffix("/") ? baseURI : baseURI + "/") + uri
            }
            let region = physical["region"]
            let snippets = [
                region["snippet"]["text"].string, physical["contextRegion"]["snippet"]["text"].string,
            ]
            .compactMap { $0 }
            let level = result["level"].string ?? descriptor?["defaultConfiguration"]["level"].string
            context.add(
                ScannerFinding(
                    scanner: tool.lowercased(),
                    secretType: secretType(tool: tool, rule: ruleID, descriptor: descriptor),
                    path: filePath, line: region["startLine"].int, location: .path(resultPath),
                    rawValues: snippets.first.map { [$0] } ?? [], hostContext: snippets,
                    verification: tool.lowercased() == "trufflehog" && level == "error"
                        ? .verified : .unknown,
                    commit: result["partialFingerprints"]["commitSha"].text),
                to: &input)
        }
    }

    private static func secretType(tool: String, rule: String, descriptor: ReportNode?) -> String {
        switch tool.lowercased() {
        case "gitleaks": return SecretTypes.type(for: rule, in: SecretTypes.gitleaks)
        case "trufflehog": return SecretTypes.type(for: rule, in: SecretTypes.truffleHog)
        case "checkov":
            if let type = SecretTypes.checkov[rule] { return type }
            if let name = descriptor?["name"].text, let type = SecretTypes.detectSecrets[name] { return type }
            return rule
        default:
            let description = descriptor?["shortDescription"]["text"].string ?? descriptor?["name"].string
            return SecretTypes.typeByKeywords(rule: rule, description: description)
        }
    }
}
