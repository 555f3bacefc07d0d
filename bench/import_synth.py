#!/usr/bin/env python3
"""Writes N scanner findings as JSON Lines for bench/import.sh.

  python3 bench/import_synth.py trufflehog N OUT   TruffleHog v3 --json lines, filesystem source,
                                                   1,000 machines, AWS keys (Raw + RawV2) and
                                                   Postgres URLs; every value distinct
  python3 bench/import_synth.py native N OUT       SecretAtlas native JSON Lines: 1,000 resources,
                                                   then N findings

Values are made from a seeded generator: deterministic and worthless.
"""
import hashlib
import json
import random
import sys


def main():
    kind, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(1)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    with open(out, "w") as stream:
        if kind == "native":
            for machine in range(1000):
                stream.write(json.dumps({"resource": {
                    "id": f"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-{machine:04d}",
                    "name": f"vm-{machine:04d}", "kind": "virtualMachine", "cloud": "azure"}}) + "\n")
        for index in range(count):
            machine = index % 1000
            if kind == "native":
                digest = hashlib.sha256(str(index).encode()).hexdigest()
                stream.write(json.dumps({"finding": {
                    "resource": f"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-{machine:04d}",
                    "secretType": "aws-access-key", "fingerprint": "hmac-sha256:" + digest,
                    "filePath": f"/srv/app{index // 1000}/.env", "line": 1 + index % 50}}) + "\n")
                continue
            key_id = "AKIA" + "".join(rng.choice(alphabet) for _ in range(16))
            if index % 2 == 0:
                secret = "".join(rng.choice(b64) for _ in range(40))
                record = {"DetectorType": 2, "DetectorName": "AWS", "Raw": key_id, "RawV2": key_id + ":" + secret,
                          "Redacted": key_id, "ExtraData": {"account": "123456789012"}}
            else:
                password = "".join(rng.choice(b64[:62]) for _ in range(20))
                record = {"DetectorType": 968, "DetectorName": "Postgres",
                          "Raw": f"postgresql://app:{password}@pg-{machine:04d}.postgres.database.azure.com:5432/app",
                          "Redacted": ""}
            line = {"SourceMetadata": {"Data": {"Filesystem": {"file": f"vm-{machine:04d}/srv/app{index // 1000}/.env",
                                                               "line": 1 + index % 50}}},
                    "SourceID": 1, "SourceType": 15, "SourceName": "trufflehog - filesystem",
                    "DecoderName": "PLAIN", "Verified": False, **record, "StructuredData": None}
            stream.write(json.dumps(line, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
