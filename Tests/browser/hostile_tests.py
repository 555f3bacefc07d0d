#!/usr/bin/env python3
"""Builds every input of a hostile corpus into a site and proves, in headless Chromium and in the HTML
itself, that no payload runs, none reaches a page as markup, and the layout holds.

    python3 Tests/browser/hostile_tests.py BINARY [CORPUS] [--keep DIR]

CORPUS (default Tests/Fixtures/hostile/xss) holds one input folder per case; a `templates` folder in
it is a `--templates` override whose Markdown carries payloads, built once with the `native` input (or
the first one). Each case must build (exit 0): a hostile name is data to show, not a reason to refuse.

For every page of every site:
- static, on the bytes: no element or attribute outside what SecretAtlas writes (no on* handlers, no
  style attributes or elements, no frames, bases or objects, no inline scripts), no `javascript:`,
  `vbscript:` or `data:` URL, no stylesheet or script from outside the site; none of the corpus's
  markup payloads appears as written;
- in Chromium, through file://: `alert`, `confirm` and `prompt` are replaced before the page's own
  scripts run, so a payload calling them, or setting `window.__xss`, is caught; any console message
  (a Content-Security-Policy violation is one) fails; the live DOM is checked the same way as the
  bytes; no text shows a raw bidi control or C0 control character (they are shown as visible marks);
  the page has no horizontal overflow at 1280 and at 400 pixels, so long names wrap or are cut;
- list pages get a payload typed into their search box, and the explorer runs every template.

The payloads are also shown: on the `native` site the overview and inventory show the `<script>`
payload as text, so escaping did not turn into dropping. Prints one line per problem and a summary;
exits 1 on any problem.
"""
import argparse
import hashlib
import html.parser
import importlib.util
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, UnexpectedAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO / "Tests/Fixtures/hostile/xss"

# What SecretAtlas's own pages and diagrams are made of; anything else came from input.
ALLOWED_TAGS = {
    "a", "body", "br", "button", "caption", "circle", "code", "dd", "defs", "desc", "details", "div", "dl",
    "dt", "ellipse", "fieldset", "footer", "form", "g", "h1", "h2", "h3", "h4", "head", "header", "html",
    "img", "input", "label", "legend", "li", "link", "main", "marker", "meta", "nav", "ol", "option", "p",
    "path", "pre", "rect", "script", "section", "select", "span", "strong", "summary", "svg", "symbol",
    "table", "tbody", "td", "text", "th", "thead", "title", "tr", "ul", "use", "em", "blockquote", "hr",
    "del", "tspan", "bdi", "small", "time", "abbr", "kbd", "sup", "sub", "polygon", "polyline", "line",
}
URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "poster", "srcset", "background", "data"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript|mocha):", re.I)
INVISIBLE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


class MarkupCheck(html.parser.HTMLParser):
    """Parses a page as a browser would read its tags and collects what input could have injected."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
            elif name in ("style", "srcdoc", "formaction"):
                self.problems.append(f"<{tag} {name}=…> attribute")
            elif name in URL_ATTRIBUTES:
                squeezed = re.sub(r"[\x00-\x20]", "", value)
                if BAD_SCHEME.match(squeezed):
                    self.problems.append(f"<{tag} {name}={value[:60]!r}> URL")
        attributes = dict(attrs)
        if tag == "script":
            source = attributes.get("src") or ""
            if not source or "//" in source or ":" in source:
                self.problems.append(f"<script src={source!r}>, not the site's own script")
            self.in_script = True
        if tag == "link":
            href = attributes.get("href") or ""
            if "stylesheet" in (attributes.get("rel") or "") and ("://" in href or href.startswith("//")):
                self.problems.append(f"stylesheet from {href!r}")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() not in ("", "content-security-policy"):
            self.problems.append(f"<meta http-equiv={attributes.get('http-equiv')!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.problems.append("inline script text")


def corpus_payloads():
    """The markup payloads of our own corpus, to look for as written (empty for another corpus)."""
    spec = importlib.util.spec_from_file_location("make_hostile", REPO / "Tests/Fixtures/hostile/make-hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [p for p in module.PAYLOADS if "<" in p and len(p) > 8 and not p.startswith("&lt;")]


def static_problems(site, payloads):
    problems = []
    for page in sorted(list(site.rglob("*.html")) + list(site.rglob("*.svg"))):
        if page.parent.name == "icons":
            continue  # the site's own icons, copied from Assets/
        text = page.read_text(encoding="utf-8")
        check = MarkupCheck()
        check.feed(text)
        check.close()
        name = page.relative_to(site)
        problems += [f"{name}: {p}" for p in sorted(set(check.problems))]
        problems += [f"{name}: payload written as is: {p[:50]!r}" for p in payloads if p in text]
    return problems


# Runs before any script of the page: a payload that calls these, or sets window.__xss, is recorded.
TRAP = """
window.__xss = undefined;
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = function () { window.__xss = 'called ' + name; };
}
"""

# The live DOM, checked the way MarkupCheck checks the bytes, plus text and layout.
DOM_CHECK = """
const allowed = new Set(arguments[0]);
const problems = [];
for (const el of document.querySelectorAll('*')) {
  const tag = el.localName;
  if (!allowed.has(tag)) problems.push('<' + tag + '> element in the DOM');
  for (const attr of el.attributes) {
    const name = attr.name.toLowerCase();
    if (name.startsWith('on')) problems.push('<' + tag + ' ' + name + '> event handler in the DOM');
    if (name === 'style' && el.closest('svg') === null) problems.push('<' + tag + ' style> in the DOM');
    if (['href', 'src', 'xlink:href', 'action'].includes(name) &&
        /^(javascript|vbscript|data):/i.test(attr.value.replace(/[\\x00-\\x20]/g, '')))
      problems.push('<' + tag + ' ' + name + '=' + attr.value.slice(0, 40) + '> URL in the DOM');
  }
  if (tag === 'script' && !el.src) problems.push('inline <script> in the DOM');
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const invisible = new RegExp(arguments[1]);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (invisible.test(node.data)) {
    const code = node.data.match(invisible)[0].codePointAt(0).toString(16).toUpperCase();
    problems.push('text shows an invisible U+' + code.padStart(4, '0') + ' as is: ' +
                  JSON.stringify(node.data.slice(0, 40)));
  }
}
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > width + 1)
  problems.push('horizontal overflow: ' + document.documentElement.scrollWidth + 'px wide in a ' + width + 'px window');
return problems;
"""


class Browser:
    def __init__(self):
        options = Options()
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                         "--window-size=1280,900", "--disable-dev-shm-usage"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        options.set_capability("unhandledPromptBehavior", "ignore")
        driver_path = next((p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
                            if pathlib.Path(p).exists()), None)
        if driver_path is None:
            sys.exit("chromedriver is not installed (apt-get install chromium-driver)")
        self.driver = webdriver.Chrome(service=Service(driver_path), options=options)
        self.driver.set_page_load_timeout(60)
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})

    def width(self, pixels):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": pixels, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def open(self, url):
        self.driver.get_log("browser")
        self.driver.get(url)
        WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
        time.sleep(0.05)

    def ran(self):
        """What a payload did, or None: an open dialog, a trapped call or window.__xss."""
        try:
            alert = self.driver.switch_to.alert
            text = alert.text
            alert.accept()
            return f"a dialog opened: {text!r}"
        except NoAlertPresentException:
            pass
        try:
            value = self.driver.execute_script("return window.__xss")
        except UnexpectedAlertPresentException:
            return "a dialog opened"
        return None if value is None else f"window.__xss is {value!r}"

    def console(self):
        return [f"console: {e['level']} {e['message'][:200]}" for e in self.driver.get_log("browser")]

    def dom(self):
        return self.driver.execute_script(DOM_CHECK, sorted(ALLOWED_TAGS), INVISIBLE.pattern)


FOOTER = re.compile(r"<footer class=\"site-footer\">.*?</footer>", re.S)


def browser_problems(browser, site, opened):
    """Opens every page of `site` whose content (footer aside, which names the inputs and the
    report fingerprint) is not in `opened`, the hashes of pages already opened for another case:
    `native-jsonl` holds the same records as `native`, so most of its pages are the same page."""
    problems = []
    pages = []
    for page in sorted(site.rglob("*.html")):
        key = hashlib.sha256(FOOTER.sub("", page.read_text(encoding="utf-8")).encode()).hexdigest()
        if key not in opened:
            opened.add(key)
            pages.append(page)
    for page in pages:
        name = page.relative_to(site)
        browser.width(1280)
        browser.open(page.as_uri())
        found = [browser.ran()] + browser.console() + browser.dom()
        browser.width(400)
        found += [f"at 400px: {p}" for p in browser.dom() if p.startswith("horizontal")]
        browser.width(1280)
        search = browser.driver.find_elements(By.CSS_SELECTOR, "input[type=search]")
        if search:
            search[0].send_keys('"><img src=x onerror=window.__xss=1><script>window.__xss=2</script>')
            time.sleep(0.2)
            found += [browser.ran()] + [f"after a search: {p}" for p in browser.console() + browser.dom()]
        problems += [f"{name}: {p}" for p in found if p]
    explorer = site / "explorer/index.html"
    if explorer.exists():
        browser.open(explorer.as_uri())
        links = [a.get_attribute("href") for a in browser.driver.find_elements(By.CSS_SELECTOR, ".template-link")]
        for href in links:
            browser.open(href)
            WebDriverWait(browser.driver, 60).until(lambda d: d.find_element(By.ID, "explorer-results")
                                                    .get_attribute("data-state") in ("done", "too-large", "error"))
            found = [browser.ran()] + browser.console() + browser.dom()
            problems += [f"explorer {href.split('#')[-1][:60]}: {p}" for p in found if p]
    return problems, len(pages)


def shown_as_text(browser, site):
    """The `<script>` payload is on the overview and inventory as text: escaped, not dropped."""
    problems = []
    for page in ("index.html", "inventory/index.html"):
        browser.open((site / page).as_uri())
        if "<script>window.__xss=1</script>" not in browser.driver.execute_script("return document.body.innerText"):
            problems.append(f"{page}: the <script> payload is not shown as text")
    return problems


def self_check(browser, site):
    """Proves the checks can fail: a copy of `site` with an event handler, a `javascript:` link, a
    `<style>`, a bidi override, a 3,000-pixel word and (with the CSP removed) a handler that runs must
    give each of those problems. Returns what was not caught."""
    copy = pathlib.Path(tempfile.mkdtemp(prefix="hostile-self-check-")) / "site"
    shutil.copytree(site / "assets", copy / "assets")
    shutil.copy(site / "index.html", copy / "index.html")
    try:
        page = copy / "index.html"
        text = page.read_text(encoding="utf-8")
        text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
        planted = ('<img src=x onerror="window.__xss=1"><a href=" javascript:alert(1)">x</a><style>p{}</style>'
                   '<p>evil\u202eexe.txt</p><pre>' + "W" * 3000 + "</pre>")
        page.write_text(text.replace("<main", planted + "<main", 1), encoding="utf-8")
        found = static_problems(copy, []) + browser_problems(browser, copy, set())[0]
        expected = ["onerror", "javascript:alert", "<style>", "U+202E", "horizontal overflow", "window.__xss is 1"]
        return [f"self-check: a planted {e!r} was not reported" for e in expected
                if not any(e in problem for problem in found)]
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)


def export_problems(binary, site, source):
    """`export` of one item of each kind, each page opened alone (check_exports.py), from the
    hostile input: an exported page is a page too."""
    result = subprocess.run([sys.executable, str(pathlib.Path(__file__).parent / "check_exports.py"), str(binary),
                             str(site), str(source)], capture_output=True, text=True, timeout=600)
    if result.returncode == 0:
        return []
    return [f"export: {line}" for line in result.stdout.splitlines() if line.startswith(("FAIL", "  "))][:20] or [
        f"export: exit {result.returncode}: {result.stderr[-300:]}"]


def build(binary, source, site, templates=None):
    command = [str(binary), "build", str(source), "-o", str(site), "--quiet",
               "--assets", str(REPO / "Assets"), "--templates", str(templates or REPO / "Templates")]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return "did not finish in 300 s"
    if result.returncode != 0:
        return f"exit {result.returncode}: {result.stderr.strip()[-600:]}"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", type=pathlib.Path)
    parser.add_argument("corpus", type=pathlib.Path, nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--keep", type=pathlib.Path, help="build the sites here and keep them")
    parser.add_argument("--only", help="comma-separated case names to run (default: all)")
    arguments = parser.parse_args()
    work = arguments.keep or pathlib.Path(tempfile.mkdtemp(prefix="hostile-sites-"))
    inputs = sorted(p for p in arguments.corpus.iterdir() if p.is_dir() and p.name != "templates")
    cases = [(p.name, p, None) for p in inputs]
    templates = arguments.corpus / "templates"
    if templates.is_dir() and inputs:
        first = next((p for p in inputs if p.name == "native"), inputs[0])
        cases.append((f"{first.name}+templates", first, templates))
    if arguments.only:
        cases = [case for case in cases if case[0] in arguments.only.split(",")]
    payloads = corpus_payloads() if arguments.corpus.resolve() == DEFAULT_CORPUS.resolve() else []
    browser = Browser()
    failures, total_pages = 0, 0
    opened = set()
    try:
        for name, source, override in cases:
            started = time.monotonic()
            site = work / name
            shutil.rmtree(site, ignore_errors=True)
            failed = build(arguments.binary, source, site, override)
            if failed:
                print(f"FAIL {name}: the build {failed}")
                failures += 1
                continue
            problems = static_problems(site, payloads)
            found, pages = browser_problems(browser, site, opened)
            problems += found
            if name == "native":
                problems += self_check(browser, site)
                problems += shown_as_text(browser, site)
                problems += export_problems(arguments.binary, site, source)
            total_pages += pages
            for problem in problems[:40]:
                print(f"FAIL {name}: {problem}")
            if len(problems) > 40:
                print(f"FAIL {name}: … and {len(problems) - 40} more")
            failures += bool(problems)
            print(f"{'ok  ' if not problems else 'FAIL'} {name}: {pages} pages opened, "
                  f"{len(problems)} problems, {time.monotonic() - started:.1f} s")
    finally:
        browser.driver.quit()
        if arguments.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"hostile: {len(cases) - failures} sites passed, {failures} failed ({total_pages} pages opened)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
