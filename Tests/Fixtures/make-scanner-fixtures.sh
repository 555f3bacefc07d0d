#!/usr/bin/env bash
# Builds a small fake fleet (one folder per machine, throwaway secret values, SSH keys from ssh-keygen)
# and runs real scanners over it: detect-secrets, checkov and truffleHog 2, installed from PyPI into a
# throwaway virtualenv. Writes the tree, the scanner outputs and planted.txt (every planted value, one
# per line, for the leak tests) into Tests/SecretAtlasTests/Fixtures/scanners/.
#
#   bash Tests/Fixtures/make-scanner-fixtures.sh [VENV]      (default VENV: /tmp/secret-atlas-scanners)
#
# The values are random and worthless; rerunning replaces every output.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/Tests/SecretAtlasTests/Fixtures/scanners
venv=${1:-/tmp/secret-atlas-scanners}
if [ ! -x "$venv/bin/checkov" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q detect-secrets checkov truffleHog
fi
rm -rf "$out"
mkdir -p "$out"
fleet=$out/fleet
rand() { python3 -c "import secrets,string,sys; a=sys.argv[1]; print(''.join(secrets.choice(a) for _ in range(int(sys.argv[2]))))" "$1" "$2"; }
upper=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567
alnum=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789
b64=$alnum+/

aws_id=AKIA$(rand $upper 16)
aws_secret=$(rand $b64 40)
github=ghp_$(rand $alnum 36)
stripe=sk_live_$(rand $alnum 24)
pg_password=$(rand $alnum 20)
storage_key=$(rand $b64 86)==

mkdir -p "$fleet/vm-web-01/srv/app" "$fleet/vm-web-01/home/deploy/.ssh" "$fleet/vm-db-01/etc/app" \
    "$fleet/vm-db-01/home/admin/.ssh"
cat > "$fleet/vm-web-01/srv/app/.env" <<ENV
APP_ENV=production
AWS_ACCESS_KEY_ID=$aws_id
AWS_SECRET_ACCESS_KEY=$aws_secret
GITHUB_TOKEN=$github
STRIPE_SECRET_KEY=$stripe
DATABASE_URL=postgres://appuser:$pg_password@pg-fleet-prod.postgres.database.azure.com:5432/app
ENV
cat > "$fleet/vm-db-01/etc/app/config.ini" <<INI
[storage]
connection_string = DefaultEndpointsProtocol=https;AccountName=stfleetdata;AccountKey=$storage_key;EndpointSuffix=core.windows.net
INI
ssh-keygen -q -t rsa -b 2048 -m PEM -N "" -C deploy@vm-web-01 -f "$fleet/vm-web-01/home/deploy/.ssh/id_rsa"
cp "$fleet/vm-web-01/home/deploy/.ssh/id_rsa.pub" "$fleet/vm-db-01/home/admin/.ssh/authorized_keys"

{
    printf '%s\n' "$aws_id" "$aws_secret" "$github" "$stripe" "$pg_password" "$storage_key"
    grep -v -- '-----' "$fleet/vm-web-01/home/deploy/.ssh/id_rsa"
} > "$out/planted.txt"

# truffleHog 2 scans git history, so the tree becomes a repository with one commit.
git -C "$fleet" init -q
git -C "$fleet" add -A
git -C "$fleet" -c user.name=fixture -c user.email=fixture@example.invalid commit -q -m "fleet snapshot"

(cd "$fleet" && "$venv/bin/detect-secrets" scan --all-files --exclude-files '^\.git/' .) > "$out/detect-secrets.json"
"$venv/bin/checkov" -d "$fleet" --framework secrets --enable-secret-scan-all-files -o json --quiet \
    --skip-path .git > "$out/checkov.json" || true
"$venv/bin/trufflehog" --json --regex --entropy=False "file://$fleet" > "$out/trufflehog2.jsonl" || true
rm -rf "$fleet/.git"
echo "Wrote $(ls "$out" | tr '\n' ' ')to $out"
