/* SecretAtlas cloud security explorer.
   The query lives in the URL fragment (#src=…&types=…&auth=1&tgt=…&exposed=1&path=1&verification=…),
   so templates are plain links and a query can be shared. Data comes from data/explorer/*.js files
   added as <script src> (fetch fails under file://); only the shards a query names are loaded. */
(function () {
  "use strict";
  const form = document.getElementById("explorer-form");
  const data = window.SecretAtlasData || {};
  const index = data.explorer;
  if (!form || !index) return;

  const root = form.dataset.index.replace(/data\/explorer\/index\.js$/, "");
  const results = document.getElementById("results");
  const table = document.getElementById("explorer-results");
  const body = table.tBodies[0];
  const status = document.getElementById("explorer-status");
  const csvLink = document.getElementById("explorer-csv");
  const rowLimit = 200;  // rows drawn, as on a list page; the CSV has every row
  const loaded = new Map();
  let csvURL = null;

  document.querySelectorAll(".js-required").forEach((el) => { el.hidden = true; });
  form.hidden = false;
  results.hidden = false;

  // (group) checkboxes select every type in their fieldset and show a mixed state.
  function syncGroups() {
    form.querySelectorAll("input[data-group]").forEach((group) => {
      const members = Array.from(group.closest("fieldset").querySelectorAll("input[name=types]"));
      const checked = members.filter((m) => m.checked).length;
      group.checked = checked === members.length && checked > 0;
      group.indeterminate = checked > 0 && checked < members.length;
    });
  }
  form.addEventListener("change", (event) => {
    const group = event.target.dataset && event.target.dataset.group;
    if (group) {
      event.target.closest("fieldset").querySelectorAll("input[name=types]").forEach((m) => {
        m.checked = event.target.checked;
      });
    }
    syncGroups();
  });

  function readForm() {
    const values = (name) => Array.from(form.querySelectorAll(`input[name=${name}]:checked`)).map((i) => i.value);
    const params = new URLSearchParams();
    for (const name of ["src", "types", "tgt"]) {
      const chosen = values(name);
      if (chosen.length) params.set(name, chosen.join(","));
    }
    for (const name of ["auth", "exposed", "path"]) {
      if (form.elements[name].checked) params.set(name, "1");
    }
    if (form.elements.verification.value) params.set("verification", form.elements.verification.value);
    if (!Array.from(params.keys()).length) params.set("all", "1");
    return params.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",");
  }

  function parse(fragment) {
    if (fragment.indexOf("=") < 0) return null;
    const params = new URLSearchParams(fragment);
    const list = (name) => (params.has(name) ? params.get(name).split(",").filter(Boolean) : null);
    return {
      src: list("src"), types: list("types"), tgt: list("tgt"),
      auth: params.get("auth") === "1" || params.has("tgt"),
      exposed: params.get("exposed") === "1", path: params.get("path") === "1",
      verification: params.get("verification") || "",
    };
  }

  function fillForm(query) {
    const set = (name, chosen) => form.querySelectorAll(`input[name=${name}]`).forEach((i) => {
      i.checked = !!chosen && chosen.indexOf(i.value) >= 0;
    });
    set("src", query.src); set("types", query.types); set("tgt", query.tgt);
    form.elements.auth.checked = query.auth;
    form.elements.exposed.checked = query.exposed;
    form.elements.path.checked = query.path;
    form.elements.verification.value = query.verification;
    syncGroups();
  }

  function load(file) {
    if (!loaded.has(file)) {
      loaded.set(file, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = root + "data/explorer/" + file + ".js";
        script.onload = () => resolve(window.SecretAtlasData["explorer/" + file]);
        script.onerror = () => reject(new Error("could not load " + script.src));
        document.head.appendChild(script);
      }));
    }
    return loaded.get(file);
  }

  // A list given but empty (a template whose types this report lacks) matches nothing.
  const allows = (list, value) => list === null || list.indexOf(value) >= 0;
  const typeKey = (i) => index.resourceTypes[i].key;

  function shardsFor(query) {
    return index.shards.filter((shard) => {
      if (!allows(query.src, typeKey(shard.source))) return false;
      if (!allows(query.types, index.secretTypes[shard.secretType].id)) return false;
      if (query.auth) {
        if (shard.target < 0) return false;
        if (!allows(query.tgt, typeKey(shard.target))) return false;
      }
      return true;
    });
  }

  // Every file a set of shards needs: the shards and the resource and secret tables they point into.
  function filesFor(shards) {
    const files = new Map();
    for (const shard of shards) {
      files.set(shard.file, shard.bytes);
      for (const type of [shard.source, shard.target]) {
        if (type >= 0) files.set(index.resourceTypes[type].table.file, index.resourceTypes[type].table.bytes);
      }
      const secrets = index.secretTypes[shard.secretType].table;
      files.set(secrets.file, secrets.bytes);
    }
    return files;
  }

  const pageID = (prefix, stored) => (stored.indexOf("-") >= 0 ? stored : prefix + "-" + stored);

  function resourceView(type, entry) {
    const info = index.resourceTypes[type];
    return { name: entry[0], page: "inventory/" + pageID(entry[0], entry[1]) + ".html",
      kind: info.kind, cloud: info.cloud, exposed: (entry[2] & 1) !== 0, onPath: (entry[2] & 2) !== 0 };
  }

  const verificationOf = (flags) => (flags & 3) === 1 ? "verified" : (flags & 3) === 2 ? "unverified" : "unknown";

  function matches(query, shards, tables) {
    const out = [];
    for (const shard of shards) {
      const rows = tables.get(shard.file);
      const sources = tables.get(index.resourceTypes[shard.source].table.file);
      const targets = shard.target >= 0 ? tables.get(index.resourceTypes[shard.target].table.file) : null;
      const secretType = index.secretTypes[shard.secretType];
      const secrets = tables.get(secretType.table.file);
      const grouped = new Map();
      for (let i = 0; i < rows.length; i += 3) {
        const source = sources[rows[i]];
        const secret = secrets[rows[i + 1]];
        if (query.exposed && !(source[2] & 1)) continue;
        if (query.path && !(source[2] & 2) && !(secret[3] & 4)) continue;
        if (query.verification && verificationOf(secret[3]) !== query.verification) continue;
        // With a target step every row is its own result (rows are unique); without, one per pair.
        const key = query.auth ? null : rows[i] + "/" + rows[i + 1];
        let row = key === null ? null : grouped.get(key);
        if (!row) {
          row = { source: resourceView(shard.source, source), secret: {
            title: secretType.title, fingerprint: secret[1] ? secret[1] + ":" + secret[2] : secret[2],
            page: "secrets/" + pageID(secretType.pagePrefix, secret[0]) + ".html",
            verification: verificationOf(secret[3]), onPath: (secret[3] & 4) !== 0 }, targets: [] };
          if (key !== null) grouped.set(key, row);
          out.push(row);
        }
        if (rows[i + 2] >= 0) row.targets.push(resourceView(shard.target, targets[rows[i + 2]]));
      }
    }
    // Without a target step, one row per resource and secret lists every resource the secret opens;
    // those were split over shards by target type, so merge them.
    let merged = out;
    if (!query.auth) {
      const byPair = new Map();
      merged = [];
      for (const row of out) {
        const key = row.source.page + " " + row.secret.page;
        const seen = byPair.get(key);
        if (seen) seen.targets.push(...row.targets); else { byPair.set(key, row); merged.push(row); }
      }
      for (const row of merged) row.targets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    // One key per row, compared as strings: resource, secret type, fingerprint, targets.
    const keyed = merged.map((row) => ({ row, key: [row.source.name, row.secret.title, row.secret.fingerprint,
      row.targets.map((t) => t.name).join(" ")].join("\u0000") }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    merged = keyed.map((k) => k.row);
    return merged;
  }

  const verificationText = { verified: "Verified", unverified: "Unverified", unknown: "Not checked" };

  // Hidden characters are shown as the pages show them (Sources/SecretAtlas/Render/HTMLEscaping.swift):
  // C0 controls, DEL, bidi controls, zero-width characters and the byte-order mark as <U+XXXX>, so a
  // name cannot reorder or hide what is around it.
  const hiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
  function shown(text) {
    return String(text).replace(hiddenCharacters,
      (c) => "<U+" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") + ">");
  }

  function cell(tr, tag, content) {
    const el = document.createElement(tag);
    if (tag === "th") el.scope = "row";
    if (typeof content === "string") el.textContent = shown(content); else if (content) el.appendChild(content);
    tr.appendChild(el);
    return el;
  }
  function link(text, href) {
    const a = document.createElement("a");
    a.href = href; a.textContent = shown(text);
    return a;
  }

  function render(rows) {
    const fragment = document.createDocumentFragment();
    for (const row of rows.slice(0, rowLimit)) {
      const tr = document.createElement("tr");
      cell(tr, "th", link(row.source.name, root + row.source.page));
      cell(tr, "td", row.source.kind);
      cell(tr, "td", row.source.cloud);
      cell(tr, "td", row.source.exposed ? "Internet exposed" : "None reported");
      const secret = cell(tr, "td", link(row.secret.title, root + row.secret.page));
      const code = document.createElement("code");
      code.textContent = shown(row.secret.fingerprint);
      secret.append(" ", code);
      cell(tr, "td", verificationText[row.secret.verification] || row.secret.verification);
      const targets = cell(tr, "td", row.targets.length ? null : "No identified target");
      row.targets.forEach((t, i) => {
        if (i) targets.append(", ");
        targets.append(link(t.name, root + t.page), ` (${t.kind})`);
      });
      cell(tr, "td", row.source.onPath || row.secret.onPath ? "Yes" : "No");
      fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
  }

  function csvCell(value) {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // The CSV is built when the link is activated (its href is set before the browser follows it),
  // so a query never pays for a file nobody downloads.
  let csvRows = [];
  function buildCSV() {
    const base = new URL(root, document.baseURI).href;
    const header = ["Resource", "Resource type", "Cloud", "Internet exposed", "Secret type", "Fingerprint",
      "Verification", "Can authenticate to", "Target type", "On attack path", "Resource page", "Secret page"];
    const lines = [header.map(csvCell).join(",")];
    for (const row of csvRows) {
      const targets = row.targets.length ? row.targets : [null];
      for (const t of targets) {
        lines.push([row.source.name, row.source.kind, row.source.cloud, row.source.exposed ? "yes" : "no",
          row.secret.title, row.secret.fingerprint, verificationText[row.secret.verification] || "",
          t ? t.name : "", t ? t.kind : "", row.source.onPath || row.secret.onPath ? "yes" : "no",
          base + row.source.page, base + row.secret.page].map(csvCell).join(","));
      }
    }
    if (csvURL) URL.revokeObjectURL(csvURL);
    csvURL = URL.createObjectURL(new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" }));
    csvLink.href = csvURL;
  }
  csvLink.addEventListener("click", buildCSV);

  function offerCSV(rows) {
    csvRows = rows;
    if (!csvLink.getAttribute("href")) csvLink.setAttribute("href", "#results");
    csvLink.hidden = rows.length === 0;
  }

  async function run(query) {
    const started = performance.now();
    table.dataset.state = "loading";
    const chosen = shardsFor(query);
    const files = filesFor(chosen);
    const bytes = Array.from(files.values()).reduce((sum, size) => sum + size, 0);
    if (bytes > index.byteLimit) {
      body.replaceChildren();
      csvLink.hidden = true;
      status.textContent = `This query needs ${(bytes / 1e6).toFixed(1)} MB of data, more than the `
        + `${index.byteLimit / 1e6} MB a page loads: choose fewer resource or secret types.`;
      table.dataset.state = "too-large";
      return;
    }
    status.textContent = "Searching…";
    const tables = new Map();
    try {
      await Promise.all(Array.from(files.keys()).map((file) => load(file).then((value) => tables.set(file, value))));
    } catch (error) {
      status.textContent = "The data for this query could not be loaded: " + error.message;
      table.dataset.state = "error";
      return;
    }
    const loadedAt = performance.now();
    const rows = matches(query, chosen, tables);
    render(rows);
    offerCSV(rows);
    const shown = rows.length > rowLimit ? `; showing the first ${rowLimit}, the CSV has all` : "";
    status.textContent = rows.length === 1 ? "1 result" : `${rows.length} results${shown}`;
    table.dataset.rows = String(rows.length);
    table.dataset.bytes = String(bytes);
    table.dataset.queryMs = (performance.now() - started).toFixed(1);
    table.dataset.loadMs = (loadedAt - started).toFixed(1);
    table.dataset.state = "done";
  }

  function fromFragment() {
    const query = parse(location.hash.slice(1));
    if (!query) return false;
    fillForm(query);
    run(query);
    return true;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const fragment = readForm();
    if (location.hash.slice(1) === fragment) fromFragment(); else location.hash = fragment;
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { syncGroups(); }, 0);
  });
  window.addEventListener("hashchange", fromFragment);
  if (!fromFragment()) status.textContent = "Choose a template or build a query, then press Search.";
})();
