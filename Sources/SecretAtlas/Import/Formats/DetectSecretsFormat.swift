/// A Yelp detect-secrets baseline (`detect-secrets scan > .secrets.baseline`).
///
/// It holds no raw value, only `hashed_secret` (an unkeyed SHA-1), which is re-keyed into our own
/// fingerprint; for private keys that hash is of the header line, the same for every key, so the
/// place stands in.
enum DetectSecretsFormat: JSONDocumentFormat {
    static let name = "detect-secrets"
    static let summary = "detect-secrets baseline (detect-secrets scan > .secrets.baseline)"

    static func recognizes(_ document: JSONValue) -> Bool {
        let node = ReportNode(document)
        return node["results"].isObject && (node["plugins_used"].exists || node["version"].exists)
    }

    static func read(_ document: JSONValue, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        // Only a forced format gets here without a "results" object; it is not an empty baseline.
        guard ReportNode(document)["results"].isObject else {
            input.diagnostics.append(
                .report(
                    context.file, .path("results"),
                    "expected a detect-secrets baseline's \"results\" object of files."))
            return input
        }
        for (file, entries) in ReportNode(document)["results"].members {
            guard let list = entries.array else {
                input.diagnostics.append(
                    .report(context.file, .path("results[\"\(file)\"]"), "expected an array of secrets."))
                continue
            }
            for (index, entry) in list.enumerated() {
                let path = "results[\"\(file)\"][\(index)]"
                guard let type = entry["type"].text else {
                    input.diagnostics.append(
                        .report(
                            context.file, .path(path + ".type"),
                            "expected the plugin's secret type (a string)."))
                    continue
                }
                guard let hash = entry["hashed_secret"].text else {
                    input.diagnostics.append(
                        .report(
                            context.file, .path(path + ".hashed_secret"), "expected the secret's SHA-1 (hex)."
                        ))
                    continue
                }
                context.add(
                    ScannerFinding(
                        scanner: "detect-secrets",
                        secretType: SecretTypes.type(for: type, in: SecretTypes.detectSecrets),
                        path: entry["filename"].text ?? file, line: entry["line_number"].int,
                        location: .path(path),
                        sha1: hash, verification: entry["is_verified"].bool == true ? .verified : .unknown),
                    to: &input)
            }
        }
        return input
    }
}
