#!/usr/bin/env python3
"""Writes the XSS part of issue 8's hostile corpus into xss/ beside this script (the output is checked in).

    python3 Tests/Fixtures/hostile/make-hostile.py

xss/<format>/   one input folder per input format, with a payload from PAYLOADS in every string field
                the format has that SecretAtlas reads: names, ids, paths, tags, descriptions, rule names,
                SARIF rule help, attack stories.
xss/templates/  a copy of the repository's Templates/ whose remediation and recommendation Markdown
                carries the payloads (a `--templates` override, as a team would write one).

Every payload, if it ever ran, would set window.__xss or call alert(); Tests/browser/hostile_tests.py
builds each folder and proves that none runs, none reaches the HTML as markup, and the layout holds.

Cloud inventories, Defender exports and detect-secrets/checkov/truffleHog 2 outputs start from the
repository's own fixtures (Tests/Fixtures, Tests/SecretAtlasTests/Fixtures/scanners); every string
leaf gets a payload appended, except the members in KEEP, whose values the importer must be able to
recognise (a resource type, a time, a key fingerprint): with a payload there they would be refused
as invalid, which a build test proves elsewhere, and the payloads in their neighbours would never
reach a page. The remaining formats are written here record by record.

The files are deterministic: the same script writes the same bytes.
"""
import csv
import io
import json
import pathlib
import shutil
import zlib

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
OUT = HERE / "xss"

# Each payload would run script, load something, restyle the page or break out of its context if it
# reached a page unescaped. The comments say which context each one attacks.
PAYLOADS = [
    '<script>window.__xss=1</script>',  # element content
    '"><img src=x onerror="window.__xss=1">',  # a double-quoted attribute
    "'><svg onload=alert(1)>",  # a single-quoted attribute
    'javascript:window.__xss=1',  # an href or src built from input
    'data:text/html,<script>window.__xss=1</script>',  # a data: link
    '<svg><script>window.__xss=1</script><text onclick="window.__xss=1">x</text></svg>',  # SVG
    '<style>*{display:none!important}</style><link rel=stylesheet href=//evil.example/x.css>',  # CSS
    'x" style="position:fixed;inset:0;background:url(javascript:window.__xss=1)',  # a style attribute
    '</title></textarea></script><script>window.__xss=1</script>',  # closing raw-text elements
    '{{#x}}{{{payload}}}{{/x}}{{> layout}}{{=<% %>=}}',  # Mustache syntax, which must stay text
    '\u202eexe.txt\u202c and \u2067isolated\u2069 and \u200bzero\u200dwidth\ufeff',  # bidi, zero-width
    "';window.__xss=1;//\u2028\"",  # a JavaScript string, with a line separator
    '<!--',  # an unclosed comment
    ']]><![CDATA[<script>window.__xss=1</script>',  # CDATA in SVG
    '&lt;script&gt;window.__xss=1&lt;/script&gt; &amp;amp;',  # entities that must not be decoded
    '<a href="javascript:alert(1)">l</a> [md](javascript:alert(1)) ![i](data:image/svg+xml,<svg onload=alert(1)>)',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe><base href="//evil.example/">',  # frames, base
    '\u001b]0;pwned\u0007\u001b[2J\u001b[31mred',  # terminal escapes, for diagnostics printed to a terminal
    'A' * 1000,  # a 1,000-character name without a break
    ('long-name-' * 100)[:1000],  # the same with hyphens
]

# Markdown-only payloads for remediation overrides and SARIF rule help: raw HTML blocks and inline
# HTML (cmark-gfm must drop them), link and image destinations with dangerous schemes, autolinks.
MARKDOWN_PAYLOADS = """
<script>window.__xss=1</script>

<div onmouseover="window.__xss=1">raw HTML block</div>

Inline <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">a link</a>.

[javascript link](javascript:window.__xss=1) [data link](data:text/html,<script>alert(1)</script>)
[vbscript link](vbscript:msgbox(1)) [spaced](  JaVaScRiPt:alert(1) ) [encoded](jav&#x09;ascript:alert(1))
![image](javascript:alert(1)) ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
<javascript:alert(1)> <https://example.com/"onmouseover="alert(1)>

<style>body{display:none}</style>
<iframe src="javascript:alert(1)"></iframe>

{{{payload}}} {{> layout}} {{=<% %>=}}

| table <b onclick=alert(1)>cell</b> | `code <script>` |
| --- | --- |
| \u202eexe.txt | x |
"""


def payload(index):
    return PAYLOADS[index % len(PAYLOADS)]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_json(path, value):
    write(path, json.dumps(value, indent=1, ensure_ascii=False) + "\n")


def write_jsonl(path, records):
    write(path, "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records))


class Infector:
    """Appends a payload to every string leaf (and every tag or label key).

    The payload is chosen by the original string, so an id that links two records (a finding's
    resource and the resource itself, in two files) gets the same payload in both and still links.
    """

    def __init__(self, keep=()):
        self.keep = set(keep)

    @staticmethod
    def payload_for(text):
        return payload(zlib.crc32(text.encode("utf-8")))

    def __call__(self, value, key=None):
        if isinstance(value, dict):
            bag = key in ("tags", "labels", "Tags", "ExtraData")
            return {
                (k + self.payload_for(k) if bag and k not in self.keep else k): self(v, k) for k, v in value.items()
            }
        if isinstance(value, list):
            return [self(item, key) for item in value]
        if isinstance(value, str) and key not in self.keep:
            return value + self.payload_for(value)
        return value


def from_fixture(source, target, keep):
    value = json.loads((REPO / source).read_text(encoding="utf-8"))
    write_json(OUT / target, Infector(keep)(value))


# Members whose values name a type, kind, state, time or key the importer must recognise.
TIMES = {"time", "TimeGenerated", "timeGenerated", "firstEvaluationDate", "creationTimestamp", "date",
         "lastAccess", "lastAccessTime", "expiry", "expirationDate", "expirationTime", "LaunchTime", "firstSeen", "lastSeen"}
AZURE_KEEP = TIMES | {"type", "kind", "location", "osType", "code", "severity", "source", "secretType",
                      "assessedResourceType", "keyData", "fingerprint", "sshPublicKeyFingerprint",
                      "publicKeyFingerprint", "isVerified", "verificationStatus", "riskLevel", "RiskLevel",
                      "status", "subscriptionId", "tenantId", "entityType", "edgeLabel", "connectionType",
                      "AwsResourceId", "ResourceType", "Source"}


def cloud_and_defender():
    from_fixture("Tests/Fixtures/defender/arg-inventory.json", "azure-resource-graph/inventory.json", AZURE_KEEP)
    from_fixture("Tests/Fixtures/defender/arg-secrets.json", "azure-resource-graph/secrets.json", AZURE_KEEP)
    from_fixture("Tests/Fixtures/defender/arg-attackpaths.json", "azure-resource-graph/attackpaths.json",
                 AZURE_KEEP)
    from_fixture("Tests/Fixtures/defender/la-attackpaths.json", "log-analytics-attack-paths/attackpaths.json",
                 AZURE_KEEP | {"RiskFactors", "AttackStory", "Mitre", "Path", "Assessments", "Type"})
    from_fixture("Tests/Fixtures/defender/arg-inventory.json", "log-analytics-attack-paths/inventory.json",
                 AZURE_KEEP)
    aws_keep = TIMES | {"Platform", "PlatformDetails", "Code", "Key", "OwnerId", "State", "Name", "InstanceId",
                        "AvailabilityZone"}
    from_fixture("Tests/Fixtures/aws/describe-instances.json", "aws-ec2-instances/describe-instances.json", aws_keep)
    # Defender's secrets on an AWS machine name it by its instance, which this inventory holds.
    from_fixture("Tests/Fixtures/aws/describe-instances.json", "azure-resource-graph/aws-instances.json", aws_keep)
    from_fixture("Tests/Fixtures/gcp/instances.json", "gcp-compute-instances/instances.json",
                 TIMES | {"kind", "status", "zone", "selfLink", "key", "licenses", "machineType", "type"})


def native():
    """The native format: every string field of resources, findings, edges, attack paths and scan."""
    resources, findings, edges, paths = [], [], [], []
    for index, text in enumerate(PAYLOADS):
        vm = f"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm{index}{text}"
        resources.append({
            "id": vm, "name": text, "kind": "virtualMachine", "cloud": "azure", "subscription": payload(index + 1),
            "resourceGroup": payload(index + 2), "region": payload(index + 3), "os": payload(index + 4),
            "tags": {payload(index + 5): payload(index + 6), "plain": payload(index + 7)},
            "internetExposed": index % 2 == 0, "criticality": "high",
            "hostnames": [f"host{index}.example", payload(index + 8)],
            "authorizedKeys": [f"SHA256:hostileAuthorizedKey{index:04d}AAAAAAAAAAAAAAAA"],
        })
        storage = f"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st{index}{text}"
        resources.append({"id": storage, "name": payload(index + 8), "kind": "storageAccount", "cloud": "azure",
                          "hostnames": [f"st{index}.blob.core.windows.net"]})
        fingerprint = f"hmac-sha256:{index:064x}"
        findings.append({
            "resource": vm, "secretType": "azure-storage-account-key" if index % 3 else payload(index),
            "fingerprint": fingerprint, "filePath": f"/home/{text}/app/{payload(index + 9)}", "line": index + 1,
            "scanner": payload(index + 10), "verification": "unknown",
            "targetHosts": [f"st{index}.blob.core.windows.net", payload(index + 11)],
        })
        edges.append({"type": "canAuthenticateTo", "from": f"secret:{fingerprint}", "to": storage,
                      "source": payload(index + 13)})
        edges.append({"type": "exposedTo", "from": vm, "to": "internet", "source": payload(index + 14)})
        paths.append({
            "id": f"ap-{index}-{text}", "name": payload(index + 15), "riskLevel": "high",
            "entryPoint": vm, "target": storage, "steps": [vm, f"secret:{fingerprint}", storage],
            "riskFactors": [payload(index + 16), payload(index + 17)], "description": payload(index + 1),
            "potentialImpact": payload(index + 2), "attackStory": [payload(index + 3), payload(index + 4)],
            "mitre": [payload(index + 5)], "source": payload(index + 6),
        })
    # Path tricks in ids and names: climbing out, absolute paths, NUL, device names, length.
    for index, trick in enumerate(["../../../../tmp/secret-atlas-pwned", "/etc/shadow", "a\u0000b", "CON",
                                   "NUL.txt", "..\\..\\windows\\system32", "x" * 1000, "./.", "%2e%2e%2f",
                                   "COM1", ".secret-atlas", "index.html", "-rf"]):
        resources.append({"id": trick, "name": trick, "kind": "virtualMachine", "cloud": "aws"})
        findings.append({"resource": trick, "secretType": "generic-password",
                         "fingerprint": f"hmac-sha256:{1000 + index:064x}", "filePath": trick})
    document = {
        "format": "secret-atlas/v1",
        "scan": {"time": "2026-11-20T06:00:00Z", "source": payload(3)},
        "resources": resources, "findings": findings, "edges": edges, "attackPaths": paths,
    }
    write_json(OUT / "native/input.json", document)
    # The same records as JSON Lines, one record a line.
    lines = [{"scan": document["scan"]}]
    lines += [{"resource": r} for r in resources] + [{"finding": f} for f in findings]
    lines += [{"edge": e} for e in edges] + [{"attackPath": p} for p in paths]
    write_jsonl(OUT / "native-jsonl/input.jsonl", lines)


def fleet_path(index, tail):
    """A scanned path `<machine>/<folders>/<file>`: the default pattern {resource}/** puts it on <machine>."""
    return f"vm{index}{payload(index)}/srv/{payload(index + 1)}/{tail}"


def secret_value(index):
    """A raw secret value with markup in it, distinct from every payload and from each other in every
    12 characters (the leak check refuses a site holding any 12-character piece of a value)."""
    digest = zlib.crc32(f"value{index}".encode()) * 7919
    return f"<b>{digest:x}{index:04d}</b>{digest * 31:x}"


def gitleaks():
    records = []
    for index in range(len(PAYLOADS)):
        records.append({
            "RuleID": payload(index) if index % 2 else "aws-access-token", "Description": payload(index + 1),
            "StartLine": index + 1, "EndLine": index + 1, "StartColumn": 1, "EndColumn": 20,
            # Every fourth value is also in the file's path and the commit message: the report must
            # still be written, with those characters masked (SecretRedactor).
            "Match": f"password={secret_value(index)}",
            "Secret": payload(index) if index % 4 == 3 else secret_value(index),
            "File": fleet_path(index, ".env"), "SymlinkFile": fleet_path(index + 2, ".env") if index % 3 else "", "Commit": payload(index + 3),
            "Entropy": 3.5, "Author": payload(index + 4), "Email": payload(index + 5), "Date": payload(index + 6),
            "Message": payload(index + 7), "Tags": [payload(index + 8)], "Fingerprint": payload(index + 9),
        })
    write_json(OUT / "gitleaks/gitleaks.json", records)
    columns = ["RuleID", "Commit", "File", "SymlinkFile", "Secret", "Match", "StartLine", "EndLine",
               "StartColumn", "EndColumn", "Author", "Message", "Date", "Email", "Fingerprint", "Tags"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([" ".join(record[c]) if c == "Tags" else record[c] for c in columns])
    write(OUT / "gitleaks-csv/gitleaks.csv", buffer.getvalue())


def sarif():
    rules, results = [], []
    for index in range(len(PAYLOADS)):
        rule_id = payload(index) if index % 2 else "generic-api-key"
        rules.append({
            "id": rule_id, "name": payload(index + 1),
            "shortDescription": {"text": payload(index + 2)}, "fullDescription": {"text": payload(index + 3)},
            "help": {"text": payload(index + 4), "markdown": MARKDOWN_PAYLOADS},
            "helpUri": "javascript:window.__xss=1",
        })
        results.append({
            "ruleId": rule_id, "ruleIndex": index, "level": "error",
            "message": {"text": payload(index + 5), "markdown": MARKDOWN_PAYLOADS},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": fleet_path(index, "config.yaml")},
                "region": {"startLine": index + 1, "snippet": {"text": f"token={secret_value(100 + index)}"}},
            }}],
            "partialFingerprints": {"commitSha": payload(index + 6), "author": payload(index + 7)},
        })
    write_json(OUT / "sarif/scan.sarif", {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": payload(8), "informationUri": "javascript:alert(1)",
                                      "semanticVersion": payload(9), "rules": rules}},
                  "results": results}],
    })


def trufflehog():
    records = [{"level": "info-0", "msg": payload(0), "logger": payload(1)}]
    for index in range(len(PAYLOADS)):
        records.append({
            "SourceMetadata": {"Data": {"Filesystem": {"file": fleet_path(index, "app.conf"), "line": index + 1}}},
            "SourceID": 1, "SourceType": 15, "SourceName": payload(index + 2), "DetectorType": 1000 + index,
            "DetectorName": payload(index + 3) if index % 2 else "AWS", "DecoderName": payload(index + 4),
            "Verified": index % 3 == 0, "VerificationError": payload(index + 5),
            "Raw": secret_value(200 + index), "Redacted": payload(index + 6),
            "ExtraData": {payload(index + 7): payload(index + 8)}, "StructuredData": None,
        })
    write_jsonl(OUT / "trufflehog/trufflehog.jsonl", records)
    legacy = [json.loads(line) for line in
              (REPO / "Tests/SecretAtlasTests/Fixtures/scanners/trufflehog2.jsonl").read_text().splitlines()]
    legacy = Infector(keep={"diff", "printDiff", "stringsFound", "date", "commitHash"})(legacy)
    write_jsonl(OUT / "trufflehog-legacy/trufflehog2.jsonl", legacy)


def detect_secrets_and_checkov():
    scanners = REPO / "Tests/SecretAtlasTests/Fixtures/scanners"
    baseline = json.loads((scanners / "detect-secrets.json").read_text())
    infect = Infector(keep={"hashed_secret", "version", "name", "generated_at", "filename"})
    results = {}
    for index, (path, entries) in enumerate(sorted(baseline["results"].items())):
        hostile = fleet_path(index, pathlib.PurePosixPath(path).name)
        results[hostile] = [dict(infect(entry), filename=hostile) for entry in entries]
    baseline["results"] = results
    write_json(OUT / "detect-secrets/secrets-baseline.json", baseline)
    report = json.loads((scanners / "checkov.json").read_text())
    infect = Infector(keep={"check_id", "resource", "check_type", "result", "file_line_range",
                            "validation_status", "check_class"})
    report = infect(report)
    for index, check in enumerate(report["results"]["failed_checks"]):
        check["file_path"] = "/" + fleet_path(index, "id_rsa")
    write_json(OUT / "checkov/checkov.json", report)


def openssh():
    """authorized_keys with payloads in options and comments, on a machine whose name is a payload."""
    keys = [
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBR0iCVMGdVcOulz58TxVWi8sEm4VQPJNkaeyIVcGmhe",
    ]
    lines = [f'command="{payload(0)}",from="{payload(3)}" {keys[0]} {payload(0)}', f"{keys[1]} {payload(1)}"]
    write(OUT / f"openssh-keys/vm-ssh{payload(1)}/home/admin/.ssh/authorized_keys", "\n".join(lines) + "\n")


def file_names():
    """Input files whose own names are payloads (the report names its inputs in every footer)."""
    source = (OUT / "gitleaks/gitleaks.json").read_text(encoding="utf-8")
    for name in ['"><img src=x onerror=window.__xss=1>.json', "<svg onload=alert(1)>{{x}}\u202e.json"]:
        write(OUT / "file-names" / name, source)


def templates():
    """A --templates override: Templates/ with a payload in every remediation and recommendation file."""
    target = OUT / "templates"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(REPO / "Templates", target)
    for folder in ("remediation", "recommendations"):
        for markdown in sorted((target / folder).glob("*.md")):
            markdown.write_text(markdown.read_text(encoding="utf-8") + "\n" + MARKDOWN_PAYLOADS, encoding="utf-8")


if __name__ == "__main__":
    if OUT.exists():
        shutil.rmtree(OUT)
    native()
    cloud_and_defender()
    gitleaks()
    sarif()
    trufflehog()
    detect_secrets_and_checkov()
    openssh()
    file_names()
    templates()
