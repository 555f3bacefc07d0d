/// `findings.json` written entry by entry (see ``PrettyJSONWriter``): the bytes `encoded()` gives
/// for ``ReportData/init(context:)``, without the report or its encoding ever whole in memory.
extension ReportData {
    /// Writes the report of a build, with the fingerprint placeholder, flushing between entries.
    static func write(context: RenderContext, to json: inout PrettyJSONWriter) throws {
        let model = context.model
        let changes = context.changes
        json.beginObject()
        json.key("attackPaths")
        json.beginArray()
        for path in model.attackPaths {
            AttackPathEntry(path, changes: changes).write(to: &json)
            try json.output.flushIfFull()
        }
        json.endArray()
        if let changes {
            json.key("comparedWith")
            Comparison(previousScan: changes.previousScanTime, previousReport: changes.previousFingerprint)
                .write(to: &json)
        }
        json.member("format", currentFormat)
        json.key("generator")
        json.beginObject()
        json.member("name", "SecretAtlas")
        json.member("version", context.version)
        json.endObject()
        json.member("reportFingerprint", Manifest.placeholder)
        json.key("resolved")
        json.beginArray()
        for entry in changes?.resolved ?? [] {
            entry.write(to: &json)
            try json.output.flushIfFull()
        }
        json.endArray()
        json.key("resources")
        json.beginArray()
        for resource in model.resources {
            ResourceEntry(resource, model: model, changes: changes).write(to: &json)
            try json.output.flushIfFull()
        }
        json.endArray()
        json.key("scan")
        json.beginObject()
        json.member("sources", strings: model.scanSources)
        json.member("time", model.scanTime?.text)
        json.endObject()
        json.key("secrets")
        json.beginArray()
        for secret in model.secrets {
            SecretEntry(secret, model: model, changes: changes).write(to: &json)
            try json.output.flushIfFull()
        }
        json.endArray()
        json.member("title", model.title)
        json.endObject()
        json.finishDocument()
    }
}

extension ReportData.SecretEntry {
    func write(to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.member("fingerprint", fingerprint)
        json.member("id", id)
        json.key("occurrences")
        json.beginArray()
        for occurrence in occurrences {
            json.beginObject()
            json.member("filePath", occurrence.filePath)
            json.member("firstSeen", occurrence.firstSeen)
            json.member("lastSeen", occurrence.lastSeen)
            json.member("line", occurrence.line)
            json.member("resource", occurrence.resource)
            json.member("resourceName", occurrence.resourceName)
            json.member("scanner", occurrence.scanner)
            json.endObject()
        }
        json.endArray()
        json.member("permalink", permalink)
        json.member("severity", severity)
        json.member("status", status)
        json.member("targets", strings: targets)
        json.member("title", title)
        json.member("type", type)
        json.member("verification", verification)
        json.endObject()
    }
}

extension ReportData.ResourceEntry {
    func write(to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.member("cloudId", cloudId)
        json.member("id", id)
        json.member("kind", kind)
        json.member("name", name)
        json.member("permalink", permalink)
        json.member("secretCount", secretCount)
        json.member("status", status)
        json.endObject()
    }
}

extension ReportData.AttackPathEntry {
    func write(to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.member("id", id)
        json.member("name", name)
        json.member("permalink", permalink)
        json.member("riskLevel", riskLevel)
        json.member("sourceId", sourceId)
        json.member("status", status)
        json.endObject()
    }
}

extension ReportData.ResolvedEntry {
    func write(to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.member("id", id)
        json.member("kind", kind)
        json.member("lastSeenReport", lastSeenReport)
        json.member("lastSeenScan", lastSeenScan)
        json.member("permalink", permalink)
        json.member("title", title)
        json.endObject()
    }
}

extension ReportData.Comparison {
    func write(to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.member("previousReport", previousReport)
        json.member("previousScan", previousScan)
        json.endObject()
    }
}
