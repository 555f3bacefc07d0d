#!/usr/bin/env python3
"""Builds every broken input with the debug binary and checks each error path.

Usage: python3 Tests/hostile/check_broken.py [--binary .build/debug/secret-atlas] [--only NAME]...

The small inputs are checked in under Tests/Fixtures/hostile/broken/; the large or odd ones
(200,000-deep nesting, 20 MB strings and keys, a 50 MB line, symbolic link loops, a FIFO, an
unreadable file, 100,000 tiny files, a file name with terminal escapes) are made here in a
temporary folder, so the repository holds no 20 MB file. docs/hostile-input.md lists the cases.

For every case `secret-atlas build INPUT -o OUT` must:
  - exit with the expected code: 65 for invalid input, 1 for another failure, 0 only where a case
    says why the input is acceptable; never a signal;
  - print no Swift `Fatal error`, no backtrace;
  - on failure name the file and a place (`file:line:col:`, `file:line:`, `file at path:`) and what
    was expected, on lines that each start with `error: ` or `warning: ` (no forged line), with no
    control, bidi or zero-width character from the input (escaped as \\u{1B});
  - finish within the case's time bound (killed and failed otherwise, so a hang fails, not hangs);
  - stay under the case's peak memory bound (max RSS of the child, from wait4);
  - leave no site in -o after a failure, the previous site byte for byte when there was one, and
    no `.NAME.building-PID` staging folder.
Prints one line per case and a summary; exits 1 if any case failed.
"""

import argparse
import hashlib
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "Tests", "Fixtures", "hostile", "broken")

SECONDS = 60  # default time bound per build
MEMORY_MB = 1024  # default peak RSS bound per build

# A place after the file name, as Diagnostic.description prints it.
PLACE = r"(?::\d+(?::\d+)?(?: at [^\n]+?)?| at [^\n]+?): "
# Characters that must never reach the terminal raw: C0 (but newline), DEL, C1, bidi, zero-width.
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]")


# Checked-in reports whose types check_broken.py swaps, and the format each is forced as.
FLIPPED = [
    ("Tests/Fixtures/defender/arg-attackpaths.json", "azure-resource-graph"),
    ("Tests/Fixtures/defender/arg-inventory.json", "azure-resource-graph"),
    ("Tests/Fixtures/defender/arg-secrets.json", "azure-resource-graph"),
    ("Tests/Fixtures/defender/la-attackpaths.json", "log-analytics-attack-paths"),
    ("Tests/Fixtures/defender/la-attackpaths-api.json", "log-analytics-attack-paths"),
    ("Tests/Fixtures/aws/describe-instances.json", "aws-ec2-instances"),
    ("Tests/Fixtures/gcp/instances.json", "gcp-compute-instances"),
    ("Tests/SecretAtlasTests/Fixtures/scanners/checkov.json", "checkov"),
    ("Tests/SecretAtlasTests/Fixtures/scanners/detect-secrets.json", "detect-secrets"),
    ("Tests/SecretAtlasTests/Fixtures/scanners/trufflehog2.jsonl", "trufflehog-legacy"),
    ("site-sample/input/findings.json", "native"),
    ("site-sample/input/graph.json", "native"),
    ("site-sample/input/inventory.json", "native"),
]

class Case:
    """One build of broken input and what it must give."""

    def __init__(self, name, inputs, code=65, expect=r"expected", place=True, seconds=SECONDS,
                 memory_mb=MEMORY_MB, why=None, user=None, stderr_max=None, extra=None,
                 absent=None, previous_site=False, command="build", stdout=None):
        self.name = name
        # The file the message must name; with more, then the build's arguments (a folder, options).
        self.inputs = inputs
        self.code = code
        self.expect = expect  # regex: what was expected, in the first error
        self.place = place
        self.seconds = seconds
        self.memory_mb = memory_mb
        self.why = why  # for code 0: why the input is acceptable
        self.user = user  # run as this user (an unreadable file is readable by root)
        self.stderr_max = stderr_max  # bytes
        self.extra = extra or []  # more regexes stderr must match
        self.absent = absent or []  # regexes stderr must not match
        self.previous_site = previous_site
        self.command = command  # build, validate, or verify FOLDER
        self.stdout = stdout  # regex standard output must match; then stderr may be empty


def corpus(name, **options):
    return Case(name, [os.path.join(CORPUS, name)], **options)


def checked_in_cases():
    """A case for every file in the corpus; the defaults are exit 65 with a place and 'expected'."""
    accepted = {
        "bom-utf8.json": "a UTF-8 byte-order mark is skipped (RFC 8259 allows it; Windows tools write one)",
        "bom-utf8.jsonl": "a UTF-8 byte-order mark before the first line is skipped, as in a document",
        "empty.jsonl": "JSON Lines of no records: TruffleHog writes an empty file when it finds nothing",
        "whitespace-only.jsonl": "blank lines are skipped in JSON Lines, so this is no records",
        "empty-array.json": "gitleaks' report of no findings is []",
        "two-documents.json": "two objects on two lines are JSON Lines of two native records",
    }
    what = {
        "deep": r"nesting deeper",
        "binary-random.jsonl": r"expected a JSON value",
    }
    cases = []
    for name in sorted(os.listdir(CORPUS)):
        if name in accepted:
            cases.append(corpus(name, code=0, why=accepted[name]))
        elif name in what:
            cases.append(corpus(name, expect=what[name]))
        elif name == "native-wrong-types.json":
            # Every member of every record is named: all problems at once, not the first only.
            members = {
                "scan": ["time", "source"],
                "resources[0]": ["id", "name", "kind", "cloud", "subscription", "resourceGroup", "region",
                                 "os", "tags", "internetExposed", "criticality", "hostnames",
                                 "authorizedKeys"],
                "findings[0]": ["resource", "secretType", "fingerprint", "filePath", "line", "lastAccess",
                                "expiry", "scanner", "firstSeen", "lastSeen", "verification",
                                "publicKeyFingerprint", "targetHosts"],
                "edges[0]": ["type", "from", "to", "source"],
                "attackPaths[0]": ["id", "name", "riskLevel", "entryPoint", "target", "steps",
                                   "riskFactors", "description", "potentialImpact", "attackStory", "mitre",
                                   "source"],
            }
            extra = [re.escape(f" at {record}.{member}") + r"[.\[:]"
                     for record, names in members.items() for member in names]
            cases.append(corpus(name, extra=extra))
        elif name.startswith("terminal-"):
            cases.append(corpus(name, expect=r"expected|duplicate member name \"\\u\{1B\}"))
        else:
            cases.append(corpus(name))
    return cases


def generated_cases(work, binary):
    """The large and odd inputs, made in `work`."""
    cases = []

    def path(*parts):
        return os.path.join(work, *parts)

    def write(name, data):
        with open(path(name), "wb") as f:
            f.write(data)
        return path(name)

    native = b'{"format":"secret-atlas/v1",'
    deep = 200_000
    cases.append(Case("deep-array-200k.json", [write("deep-array-200k.json", b"[" * deep + b"]" * deep)],
                      expect=r"nesting deeper than 256 levels is not accepted; expected at most 256"))
    cases.append(Case("deep-object-200k.json",
                      [write("deep-object-200k.json", b'{"a":' * deep + b"1" + b"}" * deep)],
                      expect=r"nesting deeper"))
    cases.append(Case("deep-native-200k.json",
                      [write("deep-native-200k.json", native + b'"resources":' + b"[" * deep + b"]" * deep
                             + b"}")], expect=r"nesting deeper"))
    cases.append(Case("deep-array-200k.jsonl",
                      [write("deep-array-200k.jsonl", b"[" * deep + b"]" * deep + b"\n")],
                      expect=r"nesting deeper"))
    mb20 = 20 << 20
    big = b"x" * mb20
    cases.append(Case("string-20mb.json", [write("string-20mb.json", native + b'"resources":[{"id":"vm-'
                                                 + big + b'","name":"n","kind":"virtualMachine",'
                                                 b'"cloud":"azure"}]}')],
                      code=0, why="a 20 MB id is valid JSON and a valid id; it is built within the bounds"))
    cases.append(Case("string-20mb-bad.json", [write("string-20mb-bad.json", native + b'"resources":[{"id":"'
                                                     + big + b'","name":"n","kind":"bogus","cloud":"azure"}]}')],
                      expect=r"at resources\[0\]\.kind: expected one of", stderr_max=8192))
    cases.append(Case("key-20mb.json", [write("key-20mb.json", native + b'"' + big + b'":1}')],
                      code=0, why="an unknown member is a warning; its 20 MB name is cut in the message",
                      stderr_max=8192, extra=[r"warning: .* at x+…\[\d+ characters\]…x+: unknown member"]))
    # A secret value of 20 MB is refused without being echoed (no run of its characters on stderr).
    cases.append(Case("secret-value-20mb.json",
                      [write("secret-value-20mb.json", native + b'"resources":[],"password":"s'
                             + b"z" * mb20 + b'"}')],
                      expect=r"never carries secret values", stderr_max=8192, absent=[r"zzzzzzzzzzzz"]))
    cases.append(Case("string-20mb-unterminated.json",
                      [write("string-20mb-unterminated.json", native + b'"resources":[{"id":"' + big)],
                      expect=r"unterminated string; expected a closing"))
    cases.append(Case("oneline-50mb.jsonl", [write("oneline-50mb.jsonl", b'{"resource":{"id":"'
                                                   + b"y" * (50 << 20) + b'"}}')],
                      expect=r"at resource\.name: missing required member; expected"))
    cases.append(Case("oneline-50mb.json", [write("oneline-50mb.json", native + b'"resources":[' + b",".join(
        [b'{"id":"vm-%d","name":"n","kind":"virtualMachine","cloud":"azure","tags":{"k":"%s"}}'
         % (i, b"v" * 1000) for i in range(50_000)]) + b"]")], expect=r"expected ',' or '}'"))

    # Folders: symbolic link loops, a FIFO, an unreadable file, 100,000 tiny files.
    loops = path("loops")
    os.makedirs(os.path.join(loops, "a"))
    os.makedirs(os.path.join(loops, "b"))
    os.symlink("../b", os.path.join(loops, "a", "to-b"))
    os.symlink("../a", os.path.join(loops, "b", "to-a"))
    os.symlink("..", os.path.join(loops, "a", "parent"))
    os.symlink(".", os.path.join(loops, "self-folder"))
    os.symlink("self.json", os.path.join(loops, "self.json"))
    os.symlink("x2.json", os.path.join(loops, "x1.json"))
    os.symlink("x1.json", os.path.join(loops, "x2.json"))
    shutil.copy(os.path.join(ROOT, "site-sample", "input", "inventory.json"), loops)
    cases.append(Case("symlink-loops/", [loops + "/self.json", loops], expect=r"loop of symbolic links",
                      extra=[r"x1\.json: cannot read: it is a loop of symbolic links",
                             r"a/to-b: a symbolic link to a folder is not followed",
                             r"a/parent: a symbolic link to a folder is not followed"], place=False))
    cases.append(Case("symlink-loop-named", [loops + "/self.json"], expect=r"loop of symbolic links",
                      place=False))

    fifo = path("fifo")
    os.makedirs(fifo)
    os.mkfifo(os.path.join(fifo, "pipe.json"))
    os.symlink("pipe.json", os.path.join(fifo, "link-to-pipe.json"))
    shutil.copy(os.path.join(ROOT, "site-sample", "input", "inventory.json"), fifo)
    cases.append(Case("fifo-in-folder/", [fifo + "/pipe.json", fifo], expect=r"FIFO \(named pipe\)",
                      seconds=30, place=False, extra=[r"link-to-pipe\.json: cannot read: it is a FIFO"]))
    cases.append(Case("fifo-named", [os.path.join(fifo, "pipe.json")], expect=r"FIFO", seconds=30,
                      place=False))
    cases.append(Case("dev-zero-named", ["/dev/zero"], expect=r"a device, not a regular file", seconds=30,
                      place=False))

    unreadable = path("unreadable")
    os.makedirs(unreadable)
    shutil.copy(os.path.join(ROOT, "site-sample", "input", "inventory.json"), unreadable)
    with open(os.path.join(unreadable, "locked.json"), "w") as f:
        f.write('{"format":"secret-atlas/v1"}')
    os.chmod(os.path.join(unreadable, "locked.json"), 0)
    # Root reads a chmod 000 file, so as root the build runs as `nobody`, who cannot.
    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("nobody").pw_name
        except KeyError:
            user = "skip"
    cases.append(Case("unreadable-file/", [os.path.join(unreadable, "locked.json"), unreadable],
                      expect=r"Permission denied", place=False, user=user))
    cases.append(Case("unreadable-file-named", [os.path.join(unreadable, "locked.json")],
                      expect=r"Permission denied", place=False, user=user))
    locked = path("unreadable-folder")
    os.makedirs(os.path.join(locked, "locked"))
    shutil.copy(os.path.join(ROOT, "site-sample", "input", "inventory.json"), locked)
    with open(os.path.join(locked, "locked", "x.json"), "w") as f:
        f.write("{}")
    os.chmod(os.path.join(locked, "locked"), 0)
    cases.append(Case("unreadable-folder/", [os.path.join(locked, "locked"), locked],
                      expect=r"cannot read: Permission denied\.$", place=False, user=user))

    many = path("many")
    os.makedirs(many)
    resource = ('{"format":"secret-atlas/v1","resources":[{"id":"vm-%d","name":"vm-%d",'
                '"kind":"virtualMachine","cloud":"azure"}]}')
    for i in range(100_000):
        with open(os.path.join(many, "r%06d.json" % i), "w") as f:
            # One file in a thousand is cut short: the loader reads them all and names each.
            f.write(resource % (i, i) if i % 1000 != 999 else '{"format":"secret-atlas/v1","resources":[')
    cases.append(Case("100k-tiny-files/", [os.path.join(many, "r000999.json"), many], seconds=300,
                      expect=r"expected a JSON value, found the end of the file",
                      extra=[r"r099999\.json:1:42: malformed JSON"]))

    evil = path("evil\x1b]0;pwned\x07\x1b[2J\u202egnp\nerror: forged.json")
    with open(evil, "w") as f:
        f.write("[1, 2")
    cases.append(Case("terminal-escape-in-file-name", [evil], expect=r"expected ',' or '\]'",
                      extra=[r"evil\\u\{1B\}\]0;pwned\\u\{7\}\\u\{1B\}\[2J\\u\{202E\}gnp\\u\{A\}error: forged"]))

    # A failed build into a folder that holds a site leaves that site as it was.
    cases.append(Case("previous-site-kept", [os.path.join(CORPUS, "truncated-at-150.json")],
                      previous_site=True))

    # --previous names a site someone handed over: its findings.json broken, a FIFO, /dev/zero.
    base = path("previous-base")
    code, _, _ = run(binary, ["build", "-o", base, "--quiet"], 300, None, path("previous-base.err"))
    if code != 0:
        sys.exit(f"the sample site did not build for the --previous cases (exit {code})")
    sample = os.path.join(ROOT, "site-sample", "input")

    def previous(name, expect, damage):
        folder = path("previous-" + name)
        shutil.copytree(base, folder, symlinks=True)
        findings = os.path.join(folder, "findings.json")
        damage(findings)
        cases.append(Case("previous-" + name, [findings, sample, "--previous", folder], expect=expect,
                          place=False))

    def truncate(findings):
        with open(findings, "rb") as f:
            data = f.read(500)
        with open(findings, "wb") as f:
            f.write(data)

    def replace(findings, make):
        os.remove(findings)
        make(findings)

    previous("truncated", r"malformed JSON at \d+:\d+: unterminated string; expected", truncate)
    previous("deep", r"malformed JSON at 1:257: nesting deeper",
             lambda f: open(f, "w").write("[" * deep))
    previous("fifo", r"it is a FIFO", lambda f: replace(f, os.mkfifo))
    previous("dev-zero", r"it is a device", lambda f: replace(f, lambda p: os.symlink("/dev/zero", p)))
    previous("wrong-type", r"missing member 'format' at \$; expected a findings\.json",
             lambda f: open(f, "w").write('{"findings": 1}'))

    # Wrong types everywhere in real reports: every scalar of each checked-in fixture swapped for
    # another type (string for number, number for string…), found by content and forced by name.
    def flip(value):
        if isinstance(value, bool):
            return "yes"
        if isinstance(value, (int, float)):
            return "seven"
        if isinstance(value, str):
            return 7
        if value is None:
            return {"x": 1}
        if isinstance(value, list):
            return [flip(element) for element in value]
        return {key: flip(element) for key, element in value.items()}

    for source, forced in FLIPPED:
        name = "flipped-" + os.path.basename(source)
        with open(os.path.join(ROOT, source)) as f:
            if source.endswith(".jsonl"):
                text = "".join(json.dumps(flip(json.loads(line))) + "\n" for line in f if line.strip())
            else:
                text = json.dumps(flip(json.load(f)), indent=1)
        flipped = write(name, text.encode())
        cases.append(Case(name, [flipped]))
        cases.append(Case(name + " as " + forced, [flipped, f"{forced}:{flipped}"]))

    # Every format forced on shapes it does not read: an object, an array of scalars, JSON Lines.
    listing = subprocess.run([binary, "formats"], capture_output=True, text=True, check=True).stdout
    formats = [line.split()[0] for line in listing.splitlines() if line.strip()]
    shapes = {"object.json": b'{"x": 1}', "array.json": b'[1, "a", null, {"x": []}]',
              "lines.jsonl": b'1\n"a"\n{"x": []}\n'}
    for shape, data in shapes.items():
        shaped = write("shape-" + shape, data)
        for forced in formats:
            cases.append(Case(f"forced {forced}:{shape}", [shaped, f"{forced}:{shaped}"]))

    # A remediation override with hostile front matter: Yams would overflow the stack on deep
    # nesting (a crash, signal 11) and expand aliases to gigabytes (killed after 60 s at 5 GB).
    remediation = os.path.join(ROOT, "Templates", "remediation", "aws-access-key.md")
    with open(remediation) as f:
        body = f.read().split("---", 2)[2]
    head = "---\ntitle: x\ncategory: y\nseverity: high\ndescription: d\nimpact: i\n"
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{name}: &{name} [" + ", ".join(["*" + previous] * 10) + "]\n"
        for previous, name in zip("abcdefgh", "bcdefghi"))
    for name, extra, expect in [
            ("deep-flow", "extra: " + "[" * deep + "]" * deep + "\n", r"expected at most 65536"),
            ("deep-flow-small", "extra: " + "[" * 30_000 + "]" * 30_000 + "\n", r"nests deeper than 32"),
            ("deep-block", "extra:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 300)),
             r"nests deeper than 32"),
            ("aliases", laughs, r"aliases are not accepted"),
            ("body-20mb", "", r"the file is \d+ bytes; expected at most 1048576")]:
        templates = path("templates-" + name)
        shutil.copytree(os.path.join(ROOT, "Templates"), templates)
        target = os.path.join(templates, "remediation", "aws-access-key.md")
        with open(target, "w") as f:
            f.write(head + extra + "---" + (body if name != "body-20mb" else "word " * 4_000_000))
        cases.append(Case("front-matter-" + name, [target, sample, "--templates", templates], code=1,
                          expect=expect, place=False))

    # validate reads as build does and exits the same way.
    for name in ["truncated-at-150.json", "binary-png.json", "jsonl-bad-line-middle.jsonl",
                 "gitleaks-unbalanced-quote.csv", "terminal-escape-in-key.json"]:
        cases.append(Case("validate " + name, [os.path.join(CORPUS, name)], command="validate"))
    cases.append(Case("validate fifo", [os.path.join(fifo, "pipe.json")], command="validate", expect=r"FIFO",
                      place=False, seconds=30))

    # verify on a site someone handed over: a FIFO or /dev/zero as the manifest or as a listed file.
    def verify(name, file, make, **options):
        folder = path("verify-" + name)
        shutil.copytree(base, folder, symlinks=True)
        target = os.path.join(folder, file)
        replace(target, make)
        cases.append(Case("verify-" + name, [target, folder], command="verify", code=1, place=False,
                          seconds=30, **options))

    verify("fifo-manifest", "SHA256SUMS", os.mkfifo, expect=r"it is a FIFO")
    verify("dev-zero-manifest", "SHA256SUMS", lambda p: os.symlink("/dev/zero", p), expect=r"it is a device")
    verify("fifo-file", "findings.csv", os.mkfifo, stdout=r"changed: findings\.csv")
    verify("dev-zero-file", "findings.csv", lambda p: os.symlink("/dev/zero", p),
           stdout=r"changed: findings\.csv")
    return cases


def tree_digest(folder):
    """Every file's path and SHA-256 under `folder`, sorted."""
    result = []
    for base, _, files in os.walk(folder):
        for name in files:
            full = os.path.join(base, name)
            with open(full, "rb") as f:
                result.append((os.path.relpath(full, folder), hashlib.sha256(f.read()).hexdigest()))
    return sorted(result)


def run(binary, arguments, seconds, user, stderr_path, stdout_path=os.devnull):
    """Runs the binary; returns (exit code or -signal or None on timeout, seconds, max RSS in MB)."""
    start = time.monotonic()
    with open(stderr_path, "wb") as stderr, open(stdout_path, "wb") as devnull:
        pid = os.fork()
        if pid == 0:
            try:
                os.chdir(ROOT)
                os.setpgid(0, 0)
                if user:
                    entry = pwd.getpwnam(user)
                    os.setgroups([])
                    os.setgid(entry.pw_gid)
                    os.setuid(entry.pw_uid)
                os.dup2(devnull.fileno(), 1)
                os.dup2(stderr.fileno(), 2)
                os.execv(binary, [binary] + arguments)
            finally:
                os._exit(127)
        while True:
            waited, status, usage = os.wait4(pid, os.WNOHANG)
            if waited == pid:
                break
            if time.monotonic() - start > seconds:
                os.killpg(pid, signal.SIGKILL)
                os.wait4(pid, 0)
                return None, time.monotonic() - start, 0.0
            time.sleep(0.02)
    elapsed = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    return code, elapsed, usage.ru_maxrss / 1024.0


def check(case, binary, work, index):
    """Runs one case; returns (passed, line, figures)."""
    if case.user == "skip":
        return True, f"SKIP  {case.name}: running as root and no 'nobody' user to drop to", None
    out_parent = os.path.join(work, f"out-{index}")
    os.makedirs(out_parent)
    if case.user:
        os.chmod(out_parent, 0o777)
    output = os.path.join(out_parent, "site")
    before = None
    if case.previous_site:
        code, _, _ = run(binary, ["build", "-o", output, "--quiet"], 300, None,
                         os.path.join(work, f"previous-{index}.err"))
        if code != 0:
            return False, f"FAIL  {case.name}: the sample site did not build (exit {code})", None
        before = tree_digest(output)
    stderr_path = os.path.join(work, f"stderr-{index}")
    # A case of more than one names the file the message must name first, then the arguments.
    arguments = case.inputs[1:] if len(case.inputs) > 1 else case.inputs
    stdout_path = os.path.join(work, f"stdout-{index}")
    if case.command in ("verify", "validate"):
        command = [case.command, *arguments]
    else:
        command = ["build", *arguments, "-o", output, "--quiet", "--force"]
    code, elapsed, rss = run(binary, command, case.seconds, case.user, stderr_path, stdout_path)
    with open(stderr_path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8", errors="replace")
    problems = []
    if code is None:
        problems.append(f"no exit within {case.seconds} s (killed)")
    elif code < 0:
        problems.append(f"killed by signal {-code}")
    elif code != case.code:
        problems.append(f"exit {code}, expected {case.code}")
    if re.search(r"Fatal error|Stack dump|Current stack trace|backtrace|Segmentation fault|Illegal instruction",
                 text):
        problems.append("a crash report on stderr")
    if rss > case.memory_mb:
        problems.append(f"peak RSS {rss:.0f} MB > {case.memory_mb} MB")
    if case.stderr_max is not None and len(raw) > case.stderr_max:
        problems.append(f"{len(raw)} bytes of stderr > {case.stderr_max}")
    if UNSAFE.search(text):
        problems.append(f"a raw control/bidi character on stderr: {UNSAFE.search(text).group()!r}")
    for line in text.splitlines():
        if not (line.startswith("error: ") or line.startswith("warning: ")):
            problems.append(f"a line that is not a diagnostic: {line[:120]!r}")
            break
    if case.stdout:
        with open(stdout_path, "rb") as f:
            if not re.search(case.stdout, f.read().decode("utf-8", errors="replace")):
                problems.append(f"{case.stdout!r} not on standard output")
    elif code is not None and code != 0:
        errors = [line for line in text.splitlines() if line.startswith("error: ")]
        named = case.inputs[0]
        # The file as printed: escaped the way Diagnostic.description does.
        shown = "".join(f"\\u{{{ord(c):X}}}" if UNSAFE.match(c) or c == "\n" else c for c in named)
        first = next((line for line in errors if shown in line), None)
        if first is None:
            problems.append(f"no error names {shown[-60:]!r}")
        else:
            if case.place and not re.search(re.escape(shown) + PLACE, first):
                problems.append(f"no place (line:col or path) in {first[:160]!r}")
            if not re.search(case.expect, first):
                problems.append(f"{case.expect!r} not in {first[:200]!r}")
        if case.previous_site:
            if tree_digest(output) != before:
                problems.append("the previous site changed")
        elif os.path.exists(output):
            problems.append("a site was left in -o after a failed build")
    elif code == 0:
        if not os.path.exists(os.path.join(output, "index.html")):
            problems.append("exit 0 but no index.html")
    for pattern in case.extra:
        if not re.search(pattern, text):
            problems.append(f"{pattern[:80]!r} not on stderr")
    for pattern in case.absent:
        if re.search(pattern, text):
            problems.append(f"{pattern[:80]!r} is on stderr")
    staging = [name for name in os.listdir(out_parent) if ".building-" in name]
    if staging:
        problems.append(f"staging folder left: {staging}")
    figures = f"exit {code}, {elapsed:6.2f} s, {rss:6.0f} MB"
    summary = (text.splitlines() or [""])[0][:150]
    shutil.rmtree(out_parent, ignore_errors=True)
    if problems:
        return False, f"FAIL  {case.name}: {figures}: " + "; ".join(problems) + f"\n      {summary}", figures
    note = f"  ({case.why})" if case.why else ""
    return True, f"ok    {case.name:36} {figures}  {summary[:110]}{note}", figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "secret-atlas"))
    parser.add_argument("--only", action="append", help="run only cases whose name contains this")
    parser.add_argument("--checked-in-only", action="store_true", help="skip the generated inputs")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary} is not built: swift build --product secret-atlas")
    work = tempfile.mkdtemp(prefix="secret-atlas-broken-")
    os.chmod(work, 0o755)
    try:
        cases = checked_in_cases()
        if not options.checked_in_only:
            start = time.monotonic()
            cases += generated_cases(work, binary)
            print(f"made the generated inputs in {time.monotonic() - start:.0f} s", flush=True)
        if options.only:
            cases = [case for case in cases if any(name in case.name for name in options.only)]
        failed = 0
        start = time.monotonic()
        for index, case in enumerate(cases):
            passed, line, _ = check(case, binary, work, index)
            print(line, flush=True)
            failed += not passed
        print(f"{len(cases) - failed} of {len(cases)} broken-input cases passed "
              f"in {time.monotonic() - start:.0f} s")
        sys.exit(1 if failed else 0)
    finally:
        start = time.monotonic()
        for base, folders, _ in os.walk(work):
            for name in folders:
                os.chmod(os.path.join(base, name), 0o755)
        shutil.rmtree(work, ignore_errors=True)
        print(f"removed them in {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
