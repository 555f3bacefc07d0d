/// Defender for Cloud secrets findings from Resource Graph → findings on the machine they name.
///
/// Two row kinds carry them: sub-assessments of the grouped "… should have secrets findings
/// resolved" recommendations (deprecated 31 Jul 2026), and the individual `ExposedSecrets`
/// assessments that replace them (defender-views.md §6.1–6.2). Microsoft documents neither's
/// secrets `additionalData`, so the members read are the metadata the portal shows (type, file
/// path, last access, expiry, verification, related public keys) under the names listed in
/// docs/importers-cloud.md, each with its common spellings.
struct DefenderSecretRows {
    static let scanner = "Microsoft Defender for Cloud"

    /// Keys of the grouped recommendations; their own assessment rows only point at sub-assessments.
    static let groupedRecommendationKeys: Set<String> = [
        "17618b1a-ed14-49bb-b37f-9f8ba967be8b", "490d3be5-0abd-485c-bcd7-b8d6c6f443c8",
        "17b615fd-ce09-494b-a3fa-5937a137a571", "774dd8dd-234d-4581-8dcc-376a53e58a5d",
    ]

    private static let identifierNames = [
        "secretId", "secretIdentifier", "sshKeyIdentifier", "keyIdentifier", "secretHash", "fingerprint",
    ]

    /// Reads one `microsoft.security/assessments/subassessments` row.
    mutating func readSubAssessment(
        _ row: JSONObject, path: String, reader: inout CloudRowReader, into input: inout ScanInput
    ) {
        let propertiesPath = CloudRowReader.join(path, "properties")
        guard let properties = CloudRowReader.object(row, "properties") else {
            reader.error(
                propertiesPath, "missing required member; expected the sub-assessment's properties object.")
            return
        }
        readFinding(row, properties: properties, path: path, reader: &reader, into: &input)
    }

    /// Reads one `microsoft.security/assessments` row; false when it is not an `ExposedSecrets`
    /// assessment (other recommendations share the type and are not secrets findings).
    mutating func readAssessment(
        _ row: JSONObject, path: String, reader: inout CloudRowReader, into input: inout ScanInput
    ) -> Bool {
        guard let properties = CloudRowReader.object(row, "properties") else { return false }
        let metadata = CloudRowReader.object(properties, "metadata")
        let category = metadata.flatMap { CloudRowReader.text($0, "recommendationCategory") }
        let categories =
            metadata.flatMap { object -> [String]? in
                guard case .array(let values) = CloudRowReader.member(object, "categories") else {
                    return nil
                }
                return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            } ?? []
        guard
            category?.lowercased() == "exposedsecrets"
                || categories.contains(where: { $0.lowercased() == "exposedsecrets" })
        else { return false }
        let key = CloudRowReader.text(row, "name")?.lowercased() ?? ""
        let additional = CloudRowReader.object(properties, "additionalData")
        if Self.groupedRecommendationKeys.contains(key)
            || additional.map({ CloudRowReader.member($0, "subAssessmentsLink") != nil }) == true
        {
            // The grouped parent: its findings are its sub-assessments, read from their own rows.
            return true
        }
        readFinding(row, properties: properties, path: path, reader: &reader, into: &input)
        return true
    }

    private func readFinding(
        _ row: JSONObject, properties: JSONObject, path: String, reader: inout CloudRowReader,
        into input: inout ScanInput
    ) {
        let propertiesPath = CloudRowReader.join(path, "properties")
        let errorsBefore = reader.errorCount
        if let status = CloudRowReader.object(properties, "status"),
            let code = reader.string(status, ["code"], path: propertiesPath + ".status"),
            code.lowercased() != "unhealthy"
        {
            // Healthy and NotApplicable rows record a secret that is gone or out of scope.
            return
        }
        guard let rowID = reader.string(row, ["id"], path: path, required: true, expected: "the row's ARM id")
        else { return }
        let additionalPath = propertiesPath + ".additionalData"
        let additional = CloudRowReader.object(properties, "additionalData")
        guard let resource = resourceID(properties, rowID: rowID, path: propertiesPath, reader: &reader)
        else {
            reader.error(
                propertiesPath + ".resourceDetails",
                "missing required member; expected resourceDetails.id (or AwsResourceId, GcpResourceId) naming the machine."
            )
            return
        }
        let metadataName = CloudRowReader.object(properties, "metadata").flatMap {
            CloudRowReader.text($0, "displayName")
        }
        let typeName =
            additional.flatMap { reader.string($0, ["secretType", "secretKind"], path: additionalPath) }
            ?? reader.string(properties, ["displayName"], path: propertiesPath) ?? metadataName
        guard let typeName else {
            reader.error(
                additionalPath + ".secretType",
                "missing required member; expected the secret type (or properties.displayName) such as \"Insecure SSH private key\"."
            )
            return
        }
        guard let additional else {
            reader.error(
                additionalPath,
                "missing required member; expected the secret's metadata object with its filePath.")
            return
        }
        let filePath =
            reader.string(additional, ["filePath", "path", "fileFullPath"], path: additionalPath)
            ?? reader.string(
                additional, ["fileName"], path: additionalPath, required: true,
                expected: "the file path of the secret (filePath)")
        guard let filePath else { return }
        let identifier =
            reader.string(additional, Self.identifierNames, path: additionalPath)
            ?? reader.string(row, ["name"], path: path) ?? rowID
        let verification: Verification
        switch reader.bool(additional, ["isVerified", "verified"], path: additionalPath) {
        case true?: verification = .verified
        case false?: verification = .unverified
        case nil:
            let status = reader.string(
                additional, ["verificationStatus", "verification"], path: additionalPath)?.lowercased()
            verification = status == "verified" ? .verified : status == "unverified" ? .unverified : .unknown
        }
        let finding = FindingRecord(
            origin: RecordOrigin(file: reader.file, location: .path(path)), resource: resource,
            secretType: DefenderSecretTypes.typeID(for: typeName) ?? typeName,
            fingerprint: CloudIDs.fingerprint(ofIdentifier: identifier), filePath: filePath,
            line: lineNumber(additional, path: additionalPath, reader: &reader),
            lastAccess: reader.timestamp(
                additional, ["lastAccessTime", "lastAccessed", "lastAccess", "fileLastAccessTime"],
                path: additionalPath),
            expiry: reader.timestamp(
                additional,
                ["expirationTime", "expirationDate", "tokenExpiration", "expiry", "expiresOn"],
                path: additionalPath),
            scanner: Self.scanner,
            firstSeen: CloudRowReader.object(properties, "status").flatMap {
                reader.timestamp($0, ["firstEvaluationDate"], path: propertiesPath + ".status")
            },
            lastSeen: reader.timestamp(properties, ["timeGenerated"], path: propertiesPath),
            verification: verification,
            publicKeyFingerprint: publicKey(additional, path: additionalPath, reader: &reader),
            targetHosts: reader.strings(
                additional, ["targetHosts", "targetHost", "targetResourceHost"], path: additionalPath
            )
            .map { $0.lowercased() })
        if reader.errorCount == errorsBefore { input.findings.append(finding) }
    }

    /// The machine the finding is on: its cloud's own id from `resourceDetails`, else the ARM id
    /// the row hangs under.
    private func resourceID(
        _ properties: JSONObject, rowID: String, path: String, reader: inout CloudRowReader
    ) -> String? {
        if let details = CloudRowReader.object(properties, "resourceDetails") {
            let detailsPath = path + ".resourceDetails"
            let source = reader.string(details, ["source"], path: detailsPath)?.lowercased()
            if source == "aws",
                let arn = reader.string(details, ["AwsResourceId", "nativeResourceId"], path: detailsPath)
            {
                return arn
            }
            if source == "gcp",
                let id = reader.string(details, ["GcpResourceId", "nativeResourceId"], path: detailsPath)
            {
                return CloudIDs.gcp(id)
            }
            if let id = reader.string(details, ["id", "resourceId", "AzureResourceId"], path: detailsPath) {
                return normalize(id)
            }
        }
        return CloudIDs.parentResource(ofSecurityID: rowID).map(normalize)
    }

    private func normalize(_ id: String) -> String {
        CloudIDs.normalized(id)
    }

    private func lineNumber(_ additional: JSONObject, path: String, reader: inout CloudRowReader) -> Int? {
        guard let (value, place) = CloudRowReader.first(additional, ["lineNumber", "line"], path: path) else {
            return nil
        }
        guard case .number(let number, true) = value, number >= 1, number < 1e9 else {
            reader.error(place, "expected a line number ≥ 1, found \(value.summary).")
            return nil
        }
        return Int(number)
    }

    /// The SSH public-key fingerprint of a private key finding, from `publicKeyFingerprint` or the
    /// first of `relatedPublicKeys` (objects with a `fingerprint`, or fingerprints).
    private func publicKey(_ additional: JSONObject, path: String, reader: inout CloudRowReader) -> String? {
        if let direct = reader.string(
            additional, ["publicKeyFingerprint", "sshPublicKeyFingerprint"], path: path)
        {
            return checked(direct, path: path + ".publicKeyFingerprint", reader: &reader)
        }
        guard let (value, place) = CloudRowReader.first(additional, ["relatedPublicKeys"], path: path),
            case .array(let keys) = value
        else { return nil }
        for (offset, key) in keys.enumerated() {
            switch key {
            case .string(let text): return checked(text, path: "\(place)[\(offset)]", reader: &reader)
            case .object(let object):
                if let text = reader.string(
                    object, ["fingerprint", "publicKeyFingerprint"], path: "\(place)[\(offset)]")
                {
                    return checked(text, path: "\(place)[\(offset)].fingerprint", reader: &reader)
                }
            default: continue
            }
        }
        return nil
    }

    private func checked(_ text: String, path: String, reader: inout CloudRowReader) -> String? {
        if RecordReader.isFingerprint(text) { return text }
        reader.warning(path, "expected a public-key fingerprint such as \"SHA256:<base64>\"; it is not used.")
        return nil
    }
}
