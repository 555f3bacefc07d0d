/* SecretAtlas progressive enhancement. Every page is complete without it: lists are paginated
   tables and resource tabs are :target links. With it, tables marked data-filter gain a text search,
   a filter per column marked data-facet and sortable columns, and tabs follow the ARIA tabs pattern
   (arrow keys, Home, End). No data is fetched and nothing leaves the page. */
(function () {
  "use strict";

  const severityRank = { critical: 0, high: 1, medium: 2, low: 3 };

  function cellKey(cell, numeric) {
    if (!cell) return "";
    const badge = cell.querySelector(".badge");
    if (badge) {
      for (const name of Object.keys(severityRank)) if (badge.classList.contains("badge--" + name)) return severityRank[name];
    }
    const text = cell.textContent.trim();
    return numeric ? parseFloat(text) || 0 : text.toLowerCase();
  }

  // Scripts added by src (fetch fails under file://), each loaded once.
  const scripts = new Map();
  function loadData(src, key) {
    if (!scripts.has(src)) {
      scripts.set(src, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.onload = () => resolve(window.SecretAtlasData[key]);
        script.onerror = () => reject(new Error("could not load " + src));
        document.head.appendChild(script);
      }));
    }
    return scripts.get(src);
  }

  // Hidden characters are shown as the pages show them (Sources/SecretAtlas/Render/HTMLEscaping.swift):
  // C0 controls, DEL, bidi controls, zero-width characters and the byte-order mark as <U+XXXX>, so a
  // name cannot reorder or hide what is around it.
  const hiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
  function shown(text) {
    return String(text).replace(hiddenCharacters,
      (c) => "<U+" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") + ">");
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = shown(text);
    return el;
  }
  function link(text, href) {
    const a = element("a", "", text);
    a.href = href;
    return a;
  }
  const verificationText = { verified: "Verified", unverified: "Unverified", unknown: "Not checked" };

  // Rows rebuilt from list data, cell for cell as the pages render them (partials/*-row.mustache).
  const listRows = {
    secrets(group, r, root) {
      const tr = element("tr");
      const th = element("th"); th.scope = "row";
      th.appendChild(link(group.value, root + "secrets/" + (r[0].indexOf("-") >= 0 ? r[0] : group.pagePrefix + "-" + r[0]) + ".html"));
      const badge = element("span", "badge badge--" + group.severity);
      const dot = element("span", "badge__dot"); dot.setAttribute("aria-hidden", "true");
      badge.append(dot, group.severityText);
      const severity = element("td"); severity.appendChild(badge);
      const fingerprint = element("td"); fingerprint.appendChild(element("code", "", r[2]));
      const verification = element("td");
      verification.appendChild(element("span", "verification verification--" + r[3], verificationText[r[3]] || r[3]));
      const target = element("td");
      if (r[6] > 0) target.textContent = r[6] + " identified"; else target.appendChild(element("span", "muted", "No identified target"));
      tr.append(th, element("td", "", group.category), severity, element("td", "found-on", r[1]), fingerprint,
        verification, element("td", "num", String(r[4])), element("td", "num", String(r[5])), target);
      return tr;
    },
    inventory(group, r, root) {
      const tr = element("tr");
      const th = element("th"); th.scope = "row";
      const node = element("span", "node");
      const icon = element("img", "icon");
      icon.src = root + "assets/icons/" + group.icon + ".svg"; icon.alt = ""; icon.width = 16; icon.height = 16;
      const text = element("span", "node__text");
      text.appendChild(link(r[0], root + "inventory/" + r[1] + ".html"));
      node.append(icon, text);
      th.appendChild(node);
      const exposure = element("td");
      exposure.appendChild(r[5] ? element("span", "chip chip--exposed", "Internet exposed") : element("span", "muted", "None reported"));
      tr.append(th, element("td", "", group.value), element("td", "", r[2]), element("td", "wrap", r[3]),
        element("td", "", r[4]), exposure, element("td", "num", String(r[6])), element("td", "num", String(r[7])));
      return tr;
    },
  };
  listRows["without-target"] = listRows.secrets;

  function enhanceTable(wrap, number) {
    const table = wrap.querySelector("table");
    if (!table || !table.tHead || !table.tBodies.length) return;
    const body = table.tBodies[0];
    // A table grouped into several row groups (attack paths by scenario) keeps its groups: each
    // group's heading row stays first in its group and hides when none of its rows match, and
    // sorting orders rows within their group.
    const groups = table.tBodies.length > 1
      ? Array.from(table.tBodies).map((group) => ({
        body: group,
        head: Array.from(group.rows).find((row) => row.querySelector('th[scope="rowgroup"]')) || null,
        rows: new Set(),
      }))
      : null;
    const pageRows = groups
      ? groups.flatMap((g) => Array.from(g.body.rows).filter((row) => row !== g.head).map((row) => { g.rows.add(row); return row; }))
      : Array.from(body.rows);
    const headers = Array.from(table.tHead.rows[0].cells);
    const label = wrap.dataset.filter;
    const id = "filter-" + number;

    const bar = document.createElement("div");
    bar.className = "filter-bar";
    bar.setAttribute("role", "search");
    bar.setAttribute("aria-label", "Filter " + label);
    const search = document.createElement("input");
    search.type = "search";
    search.id = id + "-text";
    search.autocomplete = "off";
    const searchLabel = document.createElement("label");
    searchLabel.htmlFor = search.id;
    searchLabel.textContent = "Search " + label;
    const searchField = document.createElement("div");
    searchField.className = "filter-bar__field";
    searchField.append(searchLabel, search);
    bar.appendChild(searchField);

    function fillOptions(select, values) {
      const chosen = select.value;
      const all = element("option", "", "All");
      all.value = "";
      const ordered = Array.from(values);
      ordered.sort((a, b) => {
        const ra = severityRank[a.toLowerCase()], rb = severityRank[b.toLowerCase()];
        if (ra !== undefined && rb !== undefined) return ra - rb;
        return a.localeCompare(b);
      });
      select.replaceChildren(all, ...ordered.map((value) => {
        const option = element("option", "", value || "(none)");
        option.value = value;
        return option;
      }));
      select.value = chosen;
    }

    const facets = [];
    headers.forEach((th, column) => {
      if (!th.hasAttribute("data-facet")) return;
      const values = new Set(pageRows.map((row) => (row.cells[column] ? row.cells[column].textContent.trim() : "")));
      if (values.size < 2 && !wrap.dataset.listIndex) return;
      const select = document.createElement("select");
      select.id = `${id}-facet-${column}`;
      fillOptions(select, values);
      const selectLabel = document.createElement("label");
      selectLabel.htmlFor = select.id;
      selectLabel.textContent = th.textContent.trim();
      const field = document.createElement("div");
      field.className = "filter-bar__field";
      field.append(selectLabel, select);
      bar.appendChild(field);
      facets.push({ column, select, label: th.textContent.trim() });
    });

    const count = document.createElement("p");
    count.className = "filter-bar__count";
    count.setAttribute("role", "status");
    const paginated = !!wrap.closest("section, main").querySelector(".pagination");
    bar.appendChild(count);
    wrap.parentNode.insertBefore(bar, wrap);

    // A list longer than a page may ship its rows as data: the main facet then lists every value,
    // and a search covers every page when the data it needs is within the page's data limit.
    let whole = null;
    const dataRows = new Map();
    const listSrc = wrap.dataset.listIndex;
    if (listSrc && paginated) {
      const list = listSrc.match(/data\/lists\/([^/]+)\/index\.js$/);
      if (list && listRows[list[1]]) {
        const root = listSrc.slice(0, list.index);
        const folder = listSrc.slice(0, listSrc.length - "index.js".length);
        loadData(listSrc, "list/" + list[1]).then((index) => {
          const primary = facets.find((f) => f.column === (list[1] === "inventory" ? 1 : 0));
          if (!index || !primary) return;
          whole = { index, primary, root, folder, name: list[1] };
          fillOptions(primary.select, index.groups.map((g) => g.value));
          apply();
        }, () => {});
      }
    }

    async function candidates(needle) {
      if (!whole || (!needle && !whole.primary.select.value)) return { rows: pageRows, scope: "page" };
      const groups = whole.index.groups.filter((g) => !whole.primary.select.value || g.value === whole.primary.select.value);
      const shards = groups.flatMap((group) => group.shards.map((shard) => ({ group, shard })));
      const bytes = shards.reduce((sum, { shard }) => sum + shard.bytes, 0);
      if (bytes > whole.index.byteLimit) return { rows: pageRows, scope: "too-large" };
      const rows = [];
      for (const { group, shard } of shards) {
        if (!dataRows.has(shard.file)) {
          const data = await loadData(whole.folder + shard.file + ".js", `list/${whole.name}/${shard.file}`);
          dataRows.set(shard.file, data.map((r) => listRows[whole.name](group, r, whole.root)));
        }
        rows.push(...dataRows.get(shard.file));
      }
      if (sortState) sortRows(rows, sortState.column, sortState.ascending);
      return { rows, scope: "all" };
    }

    const shownLimit = 500;
    let sequence = 0;
    async function apply() {
      const ticket = ++sequence;
      const needle = search.value.trim().toLowerCase();
      let found;
      try {
        found = await candidates(needle);
      } catch (error) {
        found = { rows: pageRows, scope: "error" };
      }
      if (ticket !== sequence) return;
      const matching = [];
      for (const row of found.rows) {
        let visible = !needle || row.textContent.toLowerCase().indexOf(needle) >= 0;
        for (const { column, select } of facets) {
          if (visible && select.value && (row.cells[column] ? row.cells[column].textContent.trim() : "") !== select.value) visible = false;
        }
        if (found.scope === "all") { if (visible) matching.push(row); } else { row.hidden = !visible; if (visible) matching.push(row); }
      }
      if (found.scope === "all") {
        matching.forEach((row) => { row.hidden = false; });
        body.replaceChildren(...matching.slice(0, shownLimit));
        const more = matching.length > shownLimit ? `; showing the first ${shownLimit}` : "";
        count.textContent = `${matching.length} of ${whole.index.total} rows, all pages${more}`;
      } else {
        if (groups) {
          for (const g of groups) {
            const rows = pageRows.filter((row) => g.rows.has(row));
            g.body.replaceChildren(...(g.head ? [g.head] : []), ...rows);
            if (g.head) g.head.hidden = !rows.some((row) => !row.hidden);
          }
        } else {
          body.replaceChildren(...pageRows);
        }
        let text = matching.length === pageRows.length ? `${pageRows.length} rows` : `${matching.length} of ${pageRows.length} rows`;
        if (paginated) text += " on this page";
        if (found.scope === "too-large") text += ` (to search every page, choose a ${whole.primary.label.toLowerCase()})`;
        if (found.scope === "error") text += " (the data for other pages could not be loaded)";
        count.textContent = text;
      }
      wrap.dataset.shown = String(matching.length);
      wrap.dataset.scope = found.scope;
    }
    search.addEventListener("input", apply);
    facets.forEach(({ select }) => select.addEventListener("change", apply));

    let sortState = null;
    function sortRows(rows, column, ascending) {
      const numeric = headers[column].classList.contains("num");
      const keyed = rows.map((row, position) => ({ row, position, key: cellKey(row.cells[column], numeric) }));
      keyed.sort((a, b) => {
        const order = a.key < b.key ? -1 : a.key > b.key ? 1 : a.position - b.position;
        return ascending ? order : -order;
      });
      keyed.forEach((k, i) => { rows[i] = k.row; });
    }
    headers.forEach((th, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.append(...Array.from(th.childNodes));
      th.appendChild(button);
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach((h) => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        sortState = { column, ascending };
        sortRows(pageRows, column, ascending);
        for (const rows of dataRows.values()) sortRows(rows, column, ascending);
        apply();
      });
    });
    apply();
  }

  function enhanceTabs(tabs) {
    const list = tabs.querySelector(".tabs__list");
    const links = Array.from(list.querySelectorAll(".tabs__tab"));
    const panels = links.map((a) => document.getElementById(a.getAttribute("href").slice(1)));
    if (panels.some((p) => !p)) return;
    tabs.classList.add("tabs--scripted");
    list.setAttribute("role", "tablist");
    links.forEach((a, i) => {
      a.setAttribute("role", "tab");
      a.id = a.id || "tab-" + panels[i].id;
      a.setAttribute("aria-controls", panels[i].id);
      panels[i].setAttribute("role", "tabpanel");
      panels[i].setAttribute("aria-labelledby", a.id);
      panels[i].tabIndex = 0;
    });
    function select(index, focus) {
      links.forEach((a, i) => {
        const on = i === index;
        a.setAttribute("aria-selected", on ? "true" : "false");
        a.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) links[index].focus();
    }
    function fromHash() {
      const i = panels.findIndex((p) => "#" + p.id === location.hash);
      select(i >= 0 ? i : 0, false);
    }
    links.forEach((a, i) => {
      a.addEventListener("click", (event) => {
        event.preventDefault();
        history.replaceState(null, "", "#" + panels[i].id);
        select(i, true);
      });
      a.addEventListener("keydown", (event) => {
        let next = null;
        if (event.key === "ArrowRight") next = (i + 1) % links.length;
        else if (event.key === "ArrowLeft") next = (i - 1 + links.length) % links.length;
        else if (event.key === "Home") next = 0;
        else if (event.key === "End") next = links.length - 1;
        else if (event.key === " ") next = i;
        if (next === null) return;
        event.preventDefault();
        history.replaceState(null, "", "#" + panels[next].id);
        select(next, true);
      });
    });
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  document.querySelectorAll(".tabs").forEach(enhanceTabs);
  document.querySelectorAll("[data-filter]").forEach(enhanceTable);
})();
