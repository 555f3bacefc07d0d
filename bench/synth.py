#!/usr/bin/env python3
"""Deterministic synthetic input for benchmarking SecretAtlas.

    python3 bench/synth.py --findings N [--seed S] -o DIR

writes DIR/input.jsonl in the native JSON Lines format (docs/input-format.md): one {"scan": …}
line, then {"resource": …}, {"finding": …} and {"edge": …} lines. The same N and seed always give
the same bytes. Python 3 standard library only.

The mix imitates a Defender for Cloud agentless secrets scan of a mid-sized estate:

- about one machine per 10 findings, spread over Azure, AWS and GCP (virtualMachine, ec2Instance,
  gcpVmInstance), 10 % of them Internet exposed (internetExposed plus an exposedTo edge to internet);
- secret stores that secrets authenticate to (storage accounts, SQL servers and RDS mostly, a few
  PostgreSQL, MySQL, MariaDB and Cosmos DB), about one per 20 machines, with hostnames;
- secret types from the ids in docs/input-format.md, SSH keys, connection strings, SAS tokens and
  AWS keys the most common;
- about 30 % of secrets found on 2 to 4 machines (one fingerprint, several findings);
- SSH private keys whose public key (publicKeyFingerprint) is in other machines' authorizedKeys;
- canAuthenticateTo edges from secret:<fingerprint> to the store of most connection strings and
  SAS tokens.

Every finding names a resource in the file and every edge joins known nodes, so the input builds
without warnings. No secret value appears anywhere: fingerprints are hashes of the seed and an index.
"""

import argparse
import base64
import hashlib
import itertools
import json
import math
import os
import random
import sys
import time

SCAN_TIME = "2026-11-20T06:00:00Z"
SCAN_EPOCH = 1795154400  # SCAN_TIME as seconds since 1970
DAY = 86400

# (secret type id, relative frequency). Order matters for determinism only.
SECRET_TYPES = [
    ("ssh-private-key", 15),
    ("azure-storage-connection-string", 11),
    ("azure-storage-sas-token", 11),
    ("aws-access-key", 11),
    ("azure-sql-connection-string", 8),
    ("general-password", 7),
    ("private-key", 5),
    ("aws-rds-connection-string", 4),
    ("github-pat", 4),
    ("azure-postgresql-connection-string", 3),
    ("aws-s3-presigned-url", 3),
    ("slack-token", 3),
    ("npm-token", 3),
    ("entra-client-secret", 3),
    ("kubernetes-service-account-token", 2),
    ("azure-mysql-connection-string", 1.5),
    ("azure-cosmosdb-connection-string", 1.5),
    ("azure-mariadb-connection-string", 1),
    ("stripe-key", 1),
]

# Which kind of store a secret type authenticates to (a canAuthenticateTo edge is emitted for most).
TARGET_KIND_OF_TYPE = {
    "azure-storage-connection-string": "storageAccount",
    "azure-storage-sas-token": "storageAccount",
    "azure-sql-connection-string": "sqlServer",
    "aws-rds-connection-string": "rdsInstance",
    "azure-postgresql-connection-string": "postgresqlServer",
    "azure-mysql-connection-string": "mysqlServer",
    "azure-mariadb-connection-string": "mariadbServer",
    "azure-cosmosdb-connection-string": "cosmosDbAccount",
}
EDGE_PROBABILITY = 0.9  # Defender resolves most, not all, connection strings to a resource.

# (kind, relative frequency) of secret stores; at least one of each is made.
TARGET_KINDS = [
    ("storageAccount", 40),
    ("sqlServer", 25),
    ("rdsInstance", 15),
    ("postgresqlServer", 8),
    ("cosmosDbAccount", 5),
    ("mysqlServer", 4),
    ("mariadbServer", 3),
]

TYPES_WITH_EXPIRY = {
    "azure-storage-sas-token": (30, 400),
    "aws-s3-presigned-url": (-2, 7),
    "github-pat": (-30, 365),
    "entra-client-secret": (30, 730),
}

CLOUDS = [("azure", 50), ("aws", 35), ("gcp", 15)]
VM_KIND = {"azure": "virtualMachine", "aws": "ec2Instance", "gcp": "gcpVmInstance"}
REGIONS = {
    "azure": ["westeurope", "northeurope", "eastus2", "uksouth", "swedencentral"],
    "aws": ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2"],
    "gcp": ["europe-west1", "europe-west4", "us-central1"],
}
LINUX = {
    "azure": ["Ubuntu 22.04 LTS", "Ubuntu 24.04 LTS", "Red Hat Enterprise Linux 9.4", "Debian 12"],
    "aws": ["Amazon Linux 2023", "Amazon Linux 2", "Ubuntu 22.04 LTS"],
    "gcp": ["Debian 12", "Ubuntu 22.04 LTS", "Container-Optimized OS 117"],
}
WINDOWS = ["Windows Server 2022 Datacenter", "Windows Server 2019 Datacenter"]
WINDOWS_SHARE = {"azure": 0.25, "aws": 0.10, "gcp": 0.05}
TEAMS = [
    ("ops", "platform-ops", "CC-1040"),
    ("app", "tracking-team", "CC-2210"),
    ("web", "web-team", "CC-2300"),
    ("edi", "partner-integrations", "CC-2450"),
    ("data", "data-platform", "CC-3100"),
    ("bi", "finance-bi", "CC-3300"),
    ("route", "routing-team", "CC-2600"),
    ("ml", "data-science", "CC-2650"),
    ("cicd", "devex", "CC-1090"),
    ("sec", "security", "CC-1010"),
]
ROLES = ["app", "web", "api", "worker", "batch", "jump", "build", "db", "etl", "proxy", "cache", "ftp"]
ENVS = [("prod", 55), ("stage", 20), ("dev", 20), ("test", 5)]
CRITICALITY = [(None, 40), ("low", 15), ("medium", 25), ("high", 15), ("critical", 5)]
SCANNERS = [("Defender for Cloud", 85), ("gitleaks 8.21.2", 10), ("trufflehog 3.82.13", 5)]
DOMAIN = "northwind-logistics.example"

# Where each type of secret is typically found. {home} is the user's home folder.
LINUX_PATHS = {
    "ssh-private-key": ["{home}/.ssh/id_rsa", "{home}/.ssh/id_ed25519", "{home}/.ssh/deploy_key",
                        "/var/lib/jenkins/.ssh/id_rsa", "/root/.ssh/id_rsa"],
    "azure-storage-connection-string": ["/opt/{app}/appsettings.json", "/opt/{app}/.env",
                                        "/etc/{app}/config.yaml", "{home}/scripts/backup.sh"],
    "azure-storage-sas-token": ["{home}/scripts/pull-logs.sh", "/etc/fluent-bit/outputs.conf",
                                "/etc/rclone/rclone.conf", "/opt/{app}/upload.py"],
    "aws-access-key": ["{home}/.aws/credentials", "/root/.aws/credentials",
                       "/etc/systemd/system/{app}.service.d/override.conf", "/opt/{app}/.env"],
    "azure-sql-connection-string": ["/opt/{app}/appsettings.json", "/opt/{app}/appsettings.Production.json",
                                    "{home}/reports/.env"],
    "general-password": ["{home}/notes/maintenance.txt", "/opt/{app}/config.ini", "{home}/.bash_history"],
    "private-key": ["/etc/nginx/ssl/{app}.key", "/etc/ssl/private/{app}.key", "/opt/{app}/certs/client.key"],
    "aws-rds-connection-string": ["/opt/{app}/config/database.yml", "/opt/{app}/.env"],
    "github-pat": ["{home}/.git-credentials", "/var/lib/jenkins/.git-credentials", "{home}/.config/gh/hosts.yml"],
    "azure-postgresql-connection-string": ["/opt/{app}/.env", "/opt/{app}/config/database.yml"],
    "aws-s3-presigned-url": ["/var/log/{app}/worker.log", "{home}/reports/send_weekly_report.py"],
    "slack-token": ["/etc/alertmanager/alertmanager.yml", "/opt/{app}/notify.sh"],
    "npm-token": ["{home}/.npmrc", "/root/.npmrc", "/var/lib/jenkins/.npmrc"],
    "entra-client-secret": ["/opt/{app}/appsettings.json", "/etc/{app}/azure.env"],
    "kubernetes-service-account-token": ["{home}/.kube/config", "/etc/{app}/kubeconfig.yaml"],
    "azure-mysql-connection-string": ["/var/www/{app}/config/database.php", "/opt/{app}/.env"],
    "azure-cosmosdb-connection-string": ["/opt/{app}/appsettings.json"],
    "azure-mariadb-connection-string": ["/opt/{app}/config.inc.php"],
    "stripe-key": ["/opt/{app}/payments.env"],
}
WINDOWS_PATHS = {
    "ssh-private-key": ["{home}\\.ssh\\id_rsa", "{home}\\.ssh\\id_ed25519"],
    "azure-storage-connection-string": ["C:\\inetpub\\wwwroot\\{app}\\web.config",
                                        "C:\\ProgramData\\{App}\\appsettings.json"],
    "azure-storage-sas-token": ["C:\\ProgramData\\{App}\\LogShipper\\shipper.json", "{home}\\Scripts\\upload.ps1"],
    "aws-access-key": ["{home}\\.aws\\credentials", "C:\\ProgramData\\{App}\\aws.config"],
    "azure-sql-connection-string": ["C:\\inetpub\\wwwroot\\{app}\\web.config",
                                    "C:\\ProgramData\\{App}\\appsettings.json"],
    "general-password": ["{home}\\Desktop\\handover.txt", "C:\\ProgramData\\{App}\\setup.ini"],
    "private-key": ["C:\\ProgramData\\{App}\\certs\\{app}.key"],
    "aws-rds-connection-string": ["C:\\ProgramData\\{App}\\database.config"],
    "github-pat": ["{home}\\.git-credentials"],
    "azure-postgresql-connection-string": ["C:\\ProgramData\\{App}\\appsettings.json"],
    "aws-s3-presigned-url": ["C:\\ProgramData\\{App}\\logs\\worker.log"],
    "slack-token": ["C:\\ProgramData\\{App}\\notify.ps1"],
    "npm-token": ["{home}\\.npmrc"],
    "entra-client-secret": ["C:\\inetpub\\wwwroot\\{app}\\web.config"],
    "kubernetes-service-account-token": ["{home}\\.kube\\config"],
    "azure-mysql-connection-string": ["C:\\inetpub\\wwwroot\\{app}\\web.config"],
    "azure-cosmosdb-connection-string": ["C:\\ProgramData\\{App}\\appsettings.json"],
    "azure-mariadb-connection-string": ["C:\\inetpub\\wwwroot\\{app}\\web.config"],
    "stripe-key": ["C:\\inetpub\\wwwroot\\App_Data\\payments.config"],
}
APPS = ["tracking-api", "customer-portal", "edi", "billing", "geo-api", "reports", "shipper", "inventory",
        "notifier", "route-optimizer", "docs", "etl"]


class Synth:
    def __init__(self, findings, seed):
        self.total = findings
        self.seed = seed
        self.rng = random.Random(f"secret-atlas-bench:{seed}")
        self.resources = []  # resource records in output order
        self.findings = []
        self.edges = []

    # Deterministic identifiers -------------------------------------------------------------

    def digest(self, label, index):
        return hashlib.sha256(f"secret-atlas-bench:{self.seed}:{label}:{index}".encode()).digest()

    def hmac_fingerprint(self, index):
        return "hmac-sha256:" + self.digest("secret", index).hex()

    def ssh_fingerprint(self, label, index):
        # ssh-keygen -l prints unpadded base64 of the SHA-256 of the public key: 43 characters.
        return "SHA256:" + base64.b64encode(self.digest(label, index)).decode().rstrip("=")

    def hexid(self, label, index, length):
        return self.digest(label, index).hex()[:length]

    def guid(self, label, index):
        h = self.digest(label, index).hex()
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:32]}"

    def pick(self, weighted):
        values = [v for v, _ in weighted]
        weights = [w for _, w in weighted]
        return self.rng.choices(values, weights)[0]

    def timestamp(self, days_before_scan_min, days_before_scan_max):
        seconds = self.rng.randint(int(days_before_scan_min * DAY), int(days_before_scan_max * DAY))
        return rfc3339(SCAN_EPOCH - seconds)

    # Estate --------------------------------------------------------------------------------

    def make_accounts(self):
        self.subscriptions = [self.guid("subscription", i) for i in range(4)]
        self.aws_accounts = [str(100000000000 + int(self.hexid("account", i, 10), 16) % 899999999999)
                             for i in range(3)]
        self.gcp_projects = [f"nwl-{name}" for name in ("routing-prod", "ml-dev", "shared-prod")]

    def make_machines(self, count):
        self.machines = []
        for index in range(count):
            cloud = self.pick(CLOUDS)
            team, owner, cost_center = self.rng.choice(TEAMS)
            env = self.pick(ENVS)
            role = self.rng.choice(ROLES)
            region = self.rng.choice(REGIONS[cloud])
            windows = self.rng.random() < WINDOWS_SHARE[cloud]
            os_name = self.rng.choice(WINDOWS) if windows else self.rng.choice(LINUX[cloud])
            name = f"{'vm-' if cloud == 'azure' else ''}nwl-{team}-{role}-{index + 1:04d}"
            tags = {"env": env, "owner": f"{owner}@{DOMAIN}", "cost-center": cost_center}
            if cloud == "azure":
                subscription = self.rng.choice(self.subscriptions)
                group = f"rg-nwl-{team}-{env}"
                resource_id = (f"/subscriptions/{subscription}/resourceGroups/{group}"
                               f"/providers/Microsoft.Compute/virtualMachines/{name}")
                user = "azureuser" if not windows else "nwladmin"
            elif cloud == "aws":
                subscription = self.rng.choice(self.aws_accounts)
                group = None
                resource_id = f"arn:aws:ec2:{region}:{subscription}:instance/i-{self.hexid('instance', index, 17)}"
                tags["Name"] = name
                user = ("ubuntu" if os_name.startswith("Ubuntu") else "ec2-user") if not windows else "Administrator"
            else:
                subscription = self.rng.choice(self.gcp_projects)
                group = None
                zone = f"{region}-{self.rng.choice('abc')}"
                resource_id = f"https://www.googleapis.com/compute/v1/projects/{subscription}/zones/{zone}/instances/{name}"
                user = "nwl_deploy" if not windows else "nwladmin"
            home = f"C:\\Users\\{user}" if windows else ("/root" if user == "root" else f"/home/{user}")
            resource = {"id": resource_id, "name": name, "kind": VM_KIND[cloud], "cloud": cloud,
                        "subscription": subscription}
            if group:
                resource["resourceGroup"] = group
            resource["region"] = region
            resource["os"] = os_name
            resource["tags"] = tags
            exposed = self.rng.random() < 0.10
            if exposed:
                resource["internetExposed"] = True
            criticality = self.pick(CRITICALITY)
            if criticality:
                resource["criticality"] = criticality
            # Keys of people and tools that legitimately log in; secret keys are added later.
            authorized = [self.ssh_fingerprint("admin-key", self.rng.randrange(max(4, count // 25)))
                          for _ in range(self.rng.choice((0, 1, 1, 2)))]
            self.machines.append({
                "resource": resource, "windows": windows, "home": home, "authorized": authorized,
                "app": self.rng.choice(APPS),
            })
            if exposed:
                self.edges.append({"type": "exposedTo", "from": resource_id, "to": "internet",
                                   "source": "Defender for Cloud"})
        # Some machines hold many more secrets than others (build servers, jump boxes).
        weights = [self.rng.lognormvariate(0, 0.8) for _ in self.machines]
        self.machine_cum_weights = list(itertools.accumulate(weights))

    def make_targets(self, count):
        kinds = [kind for kind, _ in TARGET_KINDS]
        chosen = kinds + [self.pick(TARGET_KINDS) for _ in range(max(0, count - len(kinds)))]
        self.targets = {kind: [] for kind in kinds}
        for index, kind in enumerate(chosen):
            team, owner, cost_center = self.rng.choice(TEAMS)
            env = self.pick(ENVS)
            tags = {"env": env, "owner": f"{owner}@{DOMAIN}", "cost-center": cost_center}
            number = f"{index + 1:03d}"
            if kind == "rdsInstance":
                account = self.rng.choice(self.aws_accounts)
                region = self.rng.choice(REGIONS["aws"])
                name = f"nwl-{team}-{env}-{number}"
                resource = {"id": f"arn:aws:rds:{region}:{account}:db:{name}", "name": name, "kind": kind,
                            "cloud": "aws", "subscription": account, "region": region}
                tags["engine"] = self.rng.choice(("aurora-postgresql", "postgres", "mysql"))
                hostnames = [f"{name}.{self.hexid('rds', index, 12)}.{region}.rds.amazonaws.com"]
            else:
                subscription = self.rng.choice(self.subscriptions)
                region = self.rng.choice(REGIONS["azure"])
                group = f"rg-nwl-{team}-{env}"
                provider, short, suffix = {
                    "storageAccount": ("Microsoft.Storage/storageAccounts", None, None),
                    "sqlServer": ("Microsoft.Sql/servers", "sql", "database.windows.net"),
                    "postgresqlServer": ("Microsoft.DBforPostgreSQL/flexibleServers", "psql",
                                         "postgres.database.azure.com"),
                    "mysqlServer": ("Microsoft.DBforMySQL/flexibleServers", "mysql", "mysql.database.azure.com"),
                    "mariadbServer": ("Microsoft.DBforMariaDB/servers", "maria", "mariadb.database.azure.com"),
                    "cosmosDbAccount": ("Microsoft.DocumentDB/databaseAccounts", "cosmos", "documents.azure.com"),
                }[kind]
                if kind == "storageAccount":
                    name = f"nwl{team}{env}{number}"[:24]
                    hostnames = [f"{name}.blob.core.windows.net", f"{name}.queue.core.windows.net"]
                else:
                    name = f"{short}-nwl-{team}-{env}-{number}"
                    hostnames = [f"{name}.{suffix}"]
                resource = {"id": f"/subscriptions/{subscription}/resourceGroups/{group}/providers/{provider}/{name}",
                            "name": name, "kind": kind, "cloud": "azure", "subscription": subscription,
                            "resourceGroup": group, "region": region}
            resource["tags"] = tags
            resource["criticality"] = "critical" if env == "prod" and self.rng.random() < 0.5 else "high"
            resource["hostnames"] = hostnames
            self.targets[kind].append(resource)
            self.resources.append(resource)
        # A few stores (the main production database) are used by far more secrets than the rest.
        self.target_weights = {kind: [1.0 / (rank + 1) for rank in range(len(items))]
                               for kind, items in self.targets.items()}

    # Secrets -------------------------------------------------------------------------------

    def pick_machines(self, count):
        count = min(count, len(self.machines))
        chosen = []
        seen = set()
        while len(chosen) < count:
            index = self.rng.choices(range(len(self.machines)), cum_weights=self.machine_cum_weights)[0]
            if index not in seen:
                seen.add(index)
                chosen.append(index)
        return chosen

    def file_path(self, machine, secret_type, variant):
        templates = (WINDOWS_PATHS if machine["windows"] else LINUX_PATHS)[secret_type]
        app = machine["app"]
        return templates[variant % len(templates)].format(
            home=machine["home"], app=app, App="".join(part.title() for part in app.split("-")))

    def make_secrets(self):
        types = [t for t, _ in SECRET_TYPES]
        weights = [w for _, w in SECRET_TYPES]
        produced = 0
        index = 0
        while produced < self.total:
            secret_type = self.rng.choices(types, weights)[0]
            copies = self.rng.randint(2, 4) if self.rng.random() < 0.30 else 1
            copies = min(copies, self.total - produced, len(self.machines))
            machine_indexes = self.pick_machines(copies)
            ssh = secret_type == "ssh-private-key"
            fingerprint = self.ssh_fingerprint("ssh-key", index) if ssh else self.hmac_fingerprint(index)
            verification = "unknown"
            if ssh:
                # Most leaked keys open other machines: put the public key in their authorizedKeys.
                trusting = []
                if self.rng.random() < 0.6:
                    candidates = [i for i in self.pick_machines(min(len(self.machines),
                                                                    copies + self.rng.randint(1, 3)))
                                  if i not in machine_indexes]
                    trusting = candidates[:3]
                for i in trusting:
                    self.machines[i]["authorized"].append(fingerprint)
                verification = "verified" if trusting else "unverified"
            variant = self.rng.randrange(8)
            line = 1 if ssh or secret_type == "private-key" else self.rng.randint(1, 240)
            first_seen_days = self.rng.uniform(3, 300)
            expiry = None
            if secret_type in TYPES_WITH_EXPIRY:
                low, high = TYPES_WITH_EXPIRY[secret_type]
                expiry = rfc3339(SCAN_EPOCH + self.rng.randint(low * DAY, high * DAY))
            for machine_index in machine_indexes:
                machine = self.machines[machine_index]
                scanner = self.pick(SCANNERS)
                finding = {
                    "resource": machine["resource"]["id"],
                    "secretType": secret_type,
                    "fingerprint": fingerprint,
                    "filePath": self.file_path(machine, secret_type, variant + self.rng.randrange(2)),
                    "line": line,
                    "lastAccess": self.timestamp(0.1, 120),
                }
                if expiry:
                    finding["expiry"] = expiry
                finding["scanner"] = scanner
                finding["firstSeen"] = self.timestamp(first_seen_days, first_seen_days + 3)
                finding["lastSeen"] = self.timestamp(0, 1) if scanner == "Defender for Cloud" else self.timestamp(1, 2)
                if scanner == "Defender for Cloud":
                    finding["verification"] = verification
                if ssh:
                    finding["publicKeyFingerprint"] = fingerprint
                self.findings.append(finding)
            kind = TARGET_KIND_OF_TYPE.get(secret_type)
            if kind and self.rng.random() < EDGE_PROBABILITY:
                target = self.rng.choices(self.targets[kind], self.target_weights[kind])[0]
                self.edges.append({"type": "canAuthenticateTo", "from": "secret:" + fingerprint,
                                   "to": target["id"], "source": "Defender for Cloud"})
            produced += len(machine_indexes)
            index += 1
        self.secret_count = index

    def generate(self):
        machine_count = max(1, round(self.total / 10))
        self.make_accounts()
        self.make_machines(machine_count)
        self.make_targets(math.ceil(machine_count / 20))
        self.make_secrets()
        machines = []
        for machine in self.machines:
            resource = machine["resource"]
            if machine["authorized"]:
                resource["authorizedKeys"] = sorted(set(machine["authorized"]))
            machines.append(resource)
        self.resources = machines + self.resources

    def write(self, stream):
        def emit(kind, record):
            stream.write(json.dumps({kind: record}, ensure_ascii=False, separators=(",", ":")))
            stream.write("\n")

        emit("scan", {"time": SCAN_TIME,
                      "source": f"bench/synth.py synthetic scan (seed {self.seed}, {self.total} findings)"})
        for resource in self.resources:
            emit("resource", resource)
        for finding in self.findings:
            emit("finding", finding)
        for edge in self.edges:
            emit("edge", edge)


def rfc3339(epoch_seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch_seconds))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write deterministic synthetic SecretAtlas input (JSON Lines).")
    parser.add_argument("--findings", type=int, required=True, metavar="N", help="number of findings to write")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write input.jsonl into")
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    if args.findings < 1:
        parser.error("--findings must be at least 1")
    synth = Synth(args.findings, args.seed)
    synth.generate()
    os.makedirs(args.output, exist_ok=True)
    path = os.path.join(args.output, "input.jsonl")
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        synth.write(stream)
    if not args.quiet:
        print(f"{path}: {len(synth.findings)} findings of {synth.secret_count} secrets on "
              f"{len(synth.machines)} machines, {len(synth.resources)} resources, {len(synth.edges)} edges",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
