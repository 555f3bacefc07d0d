#!/usr/bin/env python3
"""Check that docs/input-format.schema.json is a valid JSON Schema and that it accepts the bundled
sample and every native fixture, and rejects a document that carries a secret value; and that
docs/findings.schema.json accepts the findings.json of the committed sample site and rejects one
that carries a secret value.

Keeps the documented schema and what `secret-atlas` reads from drifting apart. Usage:

    python3 Tests/schema/check_schema.py

Prints a closing "N passed, M failed" line; exits 1 on any failure.
"""
import json
import pathlib
import sys

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    schema = json.loads((ROOT / "docs/input-format.schema.json").read_text())
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    passed = failed = 0

    def expect(name, document, valid):
        nonlocal passed, failed
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if bool(errors) != (not valid):
            failed += 1
            detail = "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:3]) or "accepted"
            print(f"FAIL {name}: expected {'valid' if valid else 'invalid'}, got {detail}")
        else:
            passed += 1

    inputs = sorted((ROOT / "site-sample/input").glob("*.json"))
    # Native fixtures only: Fixtures/scanners/ holds real scanner outputs, which are other formats.
    inputs += sorted(
        path for path in (ROOT / "Tests/SecretAtlasTests/Fixtures").rglob("*.json")
        if "scanners" not in path.relative_to(ROOT / "Tests/SecretAtlasTests/Fixtures").parts)
    for path in inputs:
        expect(str(path.relative_to(ROOT)), json.loads(path.read_text()), valid=True)

    sample = json.loads((ROOT / "site-sample/input/findings.json").read_text())
    leaked = json.loads(json.dumps(sample))
    leaked["findings"][0]["value"] = "a raw secret"
    expect("a finding with a value member", leaked, valid=False)
    nested = json.loads(json.dumps(sample))
    nested["findings"][0]["extra"] = {"deeper": [{"PrivateKey": "x"}]}
    expect("a nested PrivateKey member, in another case", nested, valid=False)
    for name in ("private_key", "RawV2", "Client-Secret"):
        variant = json.loads(json.dumps(sample))
        variant["findings"][0][name] = "x"
        expect(f"a finding with a {name} member", variant, valid=False)
    bad_line = json.loads(json.dumps(sample))
    bad_line["findings"][0]["line"] = 0
    expect("a finding with line 0", bad_line, valid=False)

    findings_schema = json.loads((ROOT / "docs/findings.schema.json").read_text())
    findings_class = jsonschema.validators.validator_for(findings_schema)
    findings_class.check_schema(findings_schema)
    validator = findings_class(findings_schema, format_checker=findings_class.FORMAT_CHECKER)
    report = json.loads((ROOT / "site-sample/site/findings.json").read_text())
    expect("site-sample/site/findings.json", report, valid=True)
    leaked = json.loads(json.dumps(report))
    leaked["secrets"][0]["occurrences"][0]["value"] = "a raw secret"
    expect("findings.json with a value member", leaked, valid=False)

    print(f"schema: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
