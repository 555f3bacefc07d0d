#!/usr/bin/env python3
"""Times the explorer's templates in headless Chromium and measures the data each page loads.

    python3 bench/explorer_bench.py SITE_DIR [--runs N]

For each built-in template: opens explorer/index.html#<query> from file:// in a fresh tab N times
(default 5) and reads the time the page itself measured from starting the query to the rendered
table (shard loading included, data-query-ms), and the bytes of every data/*.js script the page
loaded. Then, for one page of every other kind, the data scripts it loads (none are expected).
Prints one line per template and exits 1 when a query takes 300 ms or more (median) or any page
loads more than 2,000,000 bytes of data. MB means 10^6 bytes.
"""
import argparse
import json
import pathlib
import statistics
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

QUERY_LIMIT_MS = 300
DATA_LIMIT_BYTES = 2_000_000


def data_bytes(driver, root):
    """Bytes of the data/*.js scripts the open page has loaded, read from the files."""
    sources = driver.execute_script("return Array.from(document.scripts, s => s.src)")
    total = 0
    for source in sources:
        if "/data/" in source:
            path = pathlib.Path(source.replace("file://", "").split("#")[0])
            total += path.stat().st_size
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = pathlib.Path(args.site).resolve()
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600",
                     "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failed = False
    largest = 0
    try:
        explorer = (root / "explorer/index.html").as_uri()
        driver.get(explorer)
        templates = [(a.text, a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, ".template-link")]
        for title, href in templates:
            times, loads, rows, loaded = [], [], 0, 0
            for _ in range(args.runs):
                driver.get("about:blank")
                driver.get(href)
                WebDriverWait(driver, 60).until(lambda d: d.find_element(By.ID, "explorer-results")
                                                .get_attribute("data-state") in ("done", "too-large", "error"))
                table = driver.find_element(By.ID, "explorer-results")
                if table.get_attribute("data-state") != "done":
                    print(f"{title}: {table.get_attribute('data-state')}")
                    failed = True
                    break
                times.append(float(table.get_attribute("data-query-ms")))
                loads.append(float(table.get_attribute("data-load-ms")))
                rows = int(table.get_attribute("data-rows"))
                loaded = data_bytes(driver, root)
            if not times:
                continue
            median = statistics.median(times)
            largest = max(largest, loaded)
            print(f"{title}: {rows} rows, median {median:.1f} ms (min {min(times):.1f}, max {max(times):.1f}, "
                  f"{len(times)} runs; loading the data {statistics.median(loads):.1f} ms of it), "
                  f"data loaded {loaded / 1e6:.3f} MB")
            if median >= QUERY_LIMIT_MS or loaded > DATA_LIMIT_BYTES:
                failed = True
        others = ["index.html", "secrets/index.html", "inventory/index.html", "attack-paths/index.html",
                  "recommendations/index.html"]
        for folder in ("secrets", "inventory", "attack-paths", "recommendations"):
            pages = sorted(p for p in (root / folder).glob("*.html") if p.name != "index.html")
            if pages:
                others.append(pages[0].relative_to(root).as_posix())
        for page in others:
            driver.get((root / page).as_uri())
            loaded = data_bytes(driver, root)
            largest = max(largest, loaded)
            if loaded > DATA_LIMIT_BYTES:
                failed = True
                print(f"{page}: loads {loaded / 1e6:.3f} MB of data")
        # List pages load list data only for a search across pages, and only what one facet value
        # (or, when it fits, the whole list) needs; the pages refuse anything over the limit.
        for index in sorted((root / "data/lists").glob("*/index.js")):
            text = index.read_text(encoding="utf-8")
            data = json.loads(text[text.index("]=") + 2:text.rindex(";")])
            sizes = [sum(s["bytes"] for s in g["shards"]) for g in data["groups"]]
            whole = sum(sizes)
            print(f"list {index.parent.name}: {data['total']} rows; largest single-type search "
                  f"{max(sizes) / 1e6:.3f} MB; all-pages search without a type "
                  f"{'loads' if whole <= DATA_LIMIT_BYTES else 'refused, needs'} {whole / 1e6:.3f} MB")
            largest = max(largest, max([s for s in sizes if s <= DATA_LIMIT_BYTES] or [0]))
            if max(sizes) > DATA_LIMIT_BYTES:
                print(f"  a single type of {index.parent.name} exceeds the limit: search stays on the page")
        shard_sizes = [p.stat().st_size for p in (root / "data/explorer").glob("*.js")]
        print(f"largest data loaded by any page checked: {largest / 1e6:.3f} MB "
              f"(limit {DATA_LIMIT_BYTES / 1e6:.0f} MB); largest data file {max(shard_sizes) / 1e6:.3f} MB "
              f"of {len(shard_sizes)}")
    finally:
        driver.quit()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
