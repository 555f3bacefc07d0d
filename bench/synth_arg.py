#!/usr/bin/env python3
"""Writes a synthetic `az graph query -o json` result for bench/cloud-import.sh.

Usage: synth_arg.py VMS > rows.json

Each VM comes with its NIC, its public IP and two secrets sub-assessments (SSH keys shared by every
500th VM), so VMS=20000 gives 100,000 rows. Values are made up; no secret value appears.
"""
import json
import sys

SUBSCRIPTION = "0b4f7a3e-5c1d-4e8a-9f21-6d3c2b1a0e9f"
GROUPED_KEY = "17618b1a-ed14-49bb-b37f-9f8ba967be8b"


def rows(vms):
    base = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg/providers"
    for i in range(vms):
        vm = f"{base}/Microsoft.Compute/virtualMachines/vm-{i}"
        nic = f"{base}/Microsoft.Network/networkInterfaces/nic-{i}"
        pip = f"{base}/Microsoft.Network/publicIPAddresses/pip-{i}"
        yield {"id": vm, "name": f"vm-{i}", "type": "microsoft.compute/virtualmachines", "location": "westeurope",
               "subscriptionId": SUBSCRIPTION, "resourceGroup": "rg", "tags": {"env": "prod"},
               "properties": {"storageProfile": {"osDisk": {"osType": "Linux"}},
                              "networkProfile": {"networkInterfaces": [{"id": nic}]}}}
        yield {"id": nic, "name": f"nic-{i}", "type": "microsoft.network/networkinterfaces",
               "properties": {"virtualMachine": {"id": vm}, "ipConfigurations": [{"properties": {
                   "privateIPAddress": f"10.{i // 65536}.{i // 256 % 256}.{i % 256}", "publicIPAddress": {"id": pip}}}]}}
        yield {"id": pip, "name": f"pip-{i}", "type": "microsoft.network/publicipaddresses",
               "properties": {"ipAddress": f"20.1.{i // 256 % 256}.{i % 256}"}}
        for k in range(2):
            yield {"id": f"{vm}/providers/Microsoft.Security/assessments/{GROUPED_KEY}/subAssessments/{i}-{k}",
                   "name": f"{i}-{k}", "type": "microsoft.security/assessments/subassessments",
                   "properties": {"displayName": "Insecure SSH private key", "status": {"code": "Unhealthy"},
                                  "timeGenerated": "2026-11-20T05:41:07Z",
                                  "resourceDetails": {"source": "Azure", "id": vm},
                                  "additionalData": {"filePath": f"/home/u{k}/.ssh/id_rsa",
                                                     "lastAccessTime": "2026-11-18T22:03:51Z",
                                                     "sshKeyIdentifier": f"key-{i % 500}"}}}


def main():
    data = list(rows(int(sys.argv[1])))
    json.dump({"count": len(data), "data": data, "skip_token": None, "total_records": len(data)}, sys.stdout)


if __name__ == "__main__":
    main()
