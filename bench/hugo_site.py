#!/usr/bin/env python3
"""The Hugo side of bench/scale.sh: a Hugo project with one Markdown page per HTML page of ours.

    python3 bench/hugo_site.py LIST REPO DIR

LIST is the file list of a site SecretAtlas built (one line per file: size, a tab, the path relative
to the site, as `find SITE -type f -printf '%s\\t%P\\n'` prints it). REPO is the SecretAtlas
checkout (for Templates/ and Assets/). DIR receives a complete offline Hugo project: config.toml,
layouts/ (baseof with header, nav and footer; single; list), static/site.css and content/.

For each *.html in LIST, in the same folder (secrets/, inventory/, attack-paths/, recommendations/ …):
- index.html becomes that folder's _index.md (the home page or a section's list page);
- any other NAME.html becomes NAME.md, written by Hugo to NAME.html (uglyURLs), like ours;
- a secret page (secrets/TYPE-FINGERPRINT.html) carries the remediation text we show for TYPE:
  the description, the impact and the Markdown body of Templates/remediation/TYPE.md
  (generic.md for a type without one);
- a recommendation page (recommendations/ID.html) carries Templates/recommendations/ID.md;
- every other page carries a catalog recommendation of comparable length, chosen by its name.

Taxonomies, RSS, sitemap, robots.txt and 404 are disabled so Hugo makes only the pages we make
(plus a section page for a top-level folder of ours that has no index.html; none today). Prints the
number of pages written. Python 3 standard library only.
"""

import os
import re
import shutil
import sys
import zlib

CONFIG = """\
baseURL = "https://example.invalid/"
languageCode = "en"
title = "SecretAtlas on Hugo"
uglyURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""

BASEOF = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "site.css" | relURL }}">
</head>
<body>
<header>
<a class="brand" href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer>{{ .Site.Title }} · {{ with .Section }}{{ . }}{{ else }}home{{ end }}</footer>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<nav class="breadcrumb"><a href="{{ "/" | relURL }}">Home</a>{{ with .Parent }} › <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<article>
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range first 100 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
<p>{{ len .Pages }} pages</p>
{{ end }}
"""


def split_front_matter(text):
    """(fields, body) of a Markdown file with a simple `key: value` YAML front matter."""
    fields = {}
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        for line in text[4:end].splitlines():
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip().strip('"')
        text = text[end + 5:]
    return fields, text


def load_markdown(folder):
    return {name[:-3]: split_front_matter(open(os.path.join(folder, name), encoding="utf-8").read())
            for name in sorted(os.listdir(folder)) if name.endswith(".md")}


def toml_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page(title, description, body):
    return f"+++\ntitle = {toml_string(title)}\ndescription = {toml_string(description)}\n+++\n{body}"


def main(argv):
    if len(argv) != 4:
        sys.exit("usage: hugo_site.py LIST REPO DIR")
    list_path, repo, out = argv[1:]
    remediation = load_markdown(os.path.join(repo, "Templates", "remediation"))
    catalog = load_markdown(os.path.join(repo, "Templates", "recommendations"))
    catalog_ids = sorted(catalog)
    # Longest type id first, so azure-storage-sas-token wins over a shorter id it starts with.
    type_ids = sorted(remediation, key=len, reverse=True)

    for folder, name, text in [("", "config.toml", CONFIG), ("layouts/_default", "baseof.html", BASEOF),
                               ("layouts/_default", "single.html", SINGLE), ("layouts/_default", "list.html", LIST)]:
        os.makedirs(os.path.join(out, folder), exist_ok=True)
        with open(os.path.join(out, folder, name), "w", encoding="utf-8") as f:
            f.write(text)
    os.makedirs(os.path.join(out, "static"), exist_ok=True)
    shutil.copy(os.path.join(repo, "Assets", "site.css"), os.path.join(out, "static", "site.css"))

    content = os.path.join(out, "content")
    made = set()
    pages = 0
    with open(list_path, encoding="utf-8") as listing:
        for line in listing:
            _, _, path = line.rstrip("\n").partition("\t")
            if not path.endswith(".html"):
                continue
            folder, _, file_name = path.rpartition("/")
            stem = file_name[:-5]
            section = folder.split("/")[0]
            if stem == "index":
                target = os.path.join(content, folder, "_index.md")
                title = folder.rsplit("/", 1)[-1].replace("-", " ").capitalize() if folder else "Overview"
            else:
                target = os.path.join(content, folder, stem + ".md")
                title = stem.replace("-", " ")
            if section == "secrets":
                kind = next((t for t in type_ids if stem.startswith(t + "-")), "generic")
                fields, body = remediation[kind]
                text = f"{fields.get('description', '')}\n\n{fields.get('impact', '')}\n\n{body}"
                description = fields.get("title", "")
            else:
                kind = stem if section == "recommendations" and stem in catalog else \
                    catalog_ids[zlib.crc32(path.encode()) % len(catalog_ids)]
                fields, text = catalog[kind]
                description = fields.get("description", "")
            parent = os.path.dirname(target)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            with open(target, "w", encoding="utf-8") as f:
                f.write(page(title, description, text))
            pages += 1
    print(pages)


if __name__ == "__main__":
    main(sys.argv)
