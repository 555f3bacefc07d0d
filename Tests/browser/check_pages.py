#!/usr/bin/env python3
"""Open every page of a built site from file:// in headless Chromium and fail on any console message,
and on any stylesheet, image or script the page names that is not in the site.

SecretAtlas pages log nothing themselves, so any console line is a problem: a Content-Security-Policy
violation, a request to another origin, or a script error. Headless Chromium does not report a
missing file:// subresource on the console, so those are checked against the files. Usage:

    python3 Tests/browser/check_pages.py SITE_DIR

Prints one line per failing page and a closing "N passed, M failed" line; exits 1 on any failure.
"""
import concurrent.futures
import html.parser
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

CONSOLE = re.compile(r":INFO:CONSOLE[^\]]*\] (.*)")
LOAD_ERROR = re.compile(r"(Failed to load resource|net::ERR_[A-Z_]+|Not allowed to load local resource)")


class Subresources(html.parser.HTMLParser):
    """Collects what a page loads: stylesheets, images and scripts."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            self.urls.append(attrs.get("href"))
        elif tag in ("img", "script") and attrs.get("src") is not None:
            self.urls.append(attrs.get("src"))


def missing_subresources(page):
    parser = Subresources()
    parser.feed(page.read_text(encoding="utf-8"))
    missing = []
    for url in parser.urls:
        if not url or "://" in url or url.startswith("data:"):
            missing.append(f"loads {url!r}, which is not a file of the site")
        elif not (page.parent / url.split("#")[0].split("?")[0]).is_file():
            missing.append(f"loads {url}, which does not exist")
    return missing


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium is not installed (apt-get install chromium)")


def check(binary, page):
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
             "--dump-dom", page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120)
    problems = missing_subresources(page)
    problems += [m.group(1) for m in CONSOLE.finditer(result.stderr)]
    problems += [line for line in result.stderr.splitlines() if LOAD_ERROR.search(line)]
    if result.returncode != 0:
        problems.append(f"chromium exited with {result.returncode}")
    if "</html>" not in result.stdout:
        problems.append("no document was rendered")
    return page, problems


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = pathlib.Path(sys.argv[1])
    pages = sorted(root.rglob("*.html"))
    if not pages:
        sys.exit(f"no pages under {root}")
    binary = chromium_binary()
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for page, problems in pool.map(lambda p: check(binary, p), pages):
            if problems:
                failed += 1
                print(f"FAIL {page.relative_to(root)}:")
                for problem in problems:
                    print(f"  {problem}")
    print(f"browser: {len(pages) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
