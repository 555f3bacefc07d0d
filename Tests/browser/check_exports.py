#!/usr/bin/env python3
"""Export one item of each kind from a built site's inputs and open each exported page on its own,
copied alone into an empty folder, in headless Chromium: any console message (a CSP violation, a
blocked load) fails, and so does any src, href or url() that names another file.

    python3 Tests/browser/check_exports.py BINARY SITE_DIR [INPUT ...]

SITE_DIR is a site built from the same INPUTs (default: the bundled sample); its findings.json
names the items. Prints one line per failing export and "N passed, M failed"; exits 1 on failure.
"""
import html.parser
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from check_pages import CONSOLE, LOAD_ERROR, chromium_binary  # noqa: E402


class References(html.parser.HTMLParser):
    """Every src and href of the page, and the text of its style elements."""

    def __init__(self):
        super().__init__()
        self.urls = []
        self.styles = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.urls.append(value)
        self._in_style = tag == "style"
        if tag in ("link", "script", "iframe", "object", "embed"):
            self.urls.append(f"<{tag}> element")

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def external_references(text):
    parser = References()
    parser.feed(text)
    problems = [f"refers to {url!r}" for url in parser.urls if not (url.startswith("#") or url.startswith("data:"))]
    for style in parser.styles:
        for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", style):
            if not url.startswith("data:"):
                problems.append(f"style loads {url!r}")
    return problems


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, site, inputs = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3:]
    report = json.loads((site / "findings.json").read_text())
    items = []
    if report["secrets"]:
        items.append(("--secret", report["secrets"][0]["id"]))
    if report["resources"]:
        items.append(("--resource", max(report["resources"], key=lambda r: r["secretCount"])["id"]))
    if report["attackPaths"]:
        items.append(("--attack-path", report["attackPaths"][0]["id"]))
    recommendations = sorted(p.stem for p in (site / "recommendations").glob("*.html") if p.stem != "index")
    if recommendations:
        items.append(("--recommendation", recommendations[0]))
    chromium = chromium_binary()
    failed = 0
    for flag, item in items:
        with tempfile.TemporaryDirectory() as alone:
            page = pathlib.Path(alone) / "export.html"
            result = subprocess.run([binary, "export", flag, item, *inputs, "-o", str(page)],
                                    capture_output=True, text=True)
            problems = [] if result.returncode == 0 else [f"export failed: {result.stderr.strip()}"]
            if page.exists():
                problems += external_references(page.read_text(encoding="utf-8"))
                with tempfile.TemporaryDirectory() as profile:
                    run = subprocess.run(
                        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                         "--dump-dom", page.as_uri()],
                        capture_output=True, text=True, timeout=120)
                problems += [m.group(1) for m in CONSOLE.finditer(run.stderr)]
                problems += [line for line in run.stderr.splitlines() if LOAD_ERROR.search(line)]
                if "</html>" not in run.stdout:
                    problems.append("no document was rendered")
        if problems:
            failed += 1
            print(f"FAIL export {flag} {item}:")
            for problem in problems:
                print(f"  {problem}")
    print(f"exports: {len(items) - failed} passed, {failed} failed")
    sys.exit(1 if failed or not items else 0)


if __name__ == "__main__":
    main()
