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

  function enhanceTable(wrap, number) {
    const table = wrap.querySelector("table");
    if (!table || !table.tHead || !table.tBodies.length) return;
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
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

    const facets = [];
    headers.forEach((th, column) => {
      if (!th.hasAttribute("data-facet")) return;
      const values = new Set(rows.map((row) => (row.cells[column] ? row.cells[column].textContent.trim() : "")));
      if (values.size < 2) return;
      const select = document.createElement("select");
      select.id = `${id}-facet-${column}`;
      const all = document.createElement("option");
      all.value = "";
      all.textContent = "All";
      select.appendChild(all);
      const ordered = Array.from(values);
      ordered.sort((a, b) => {
        const ra = severityRank[a.toLowerCase()], rb = severityRank[b.toLowerCase()];
        if (ra !== undefined && rb !== undefined) return ra - rb;
        return a.localeCompare(b);
      });
      for (const value of ordered) {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = value || "(none)";
        select.appendChild(option);
      }
      const selectLabel = document.createElement("label");
      selectLabel.htmlFor = select.id;
      selectLabel.textContent = th.textContent.trim();
      const field = document.createElement("div");
      field.className = "filter-bar__field";
      field.append(selectLabel, select);
      bar.appendChild(field);
      facets.push({ column, select });
    });

    const count = document.createElement("p");
    count.className = "filter-bar__count";
    count.setAttribute("role", "status");
    const paginated = !!wrap.closest("section, main").querySelector(".pagination");
    bar.appendChild(count);
    wrap.parentNode.insertBefore(bar, wrap);

    function apply() {
      const needle = search.value.trim().toLowerCase();
      let shown = 0;
      for (const row of rows) {
        let visible = !needle || row.textContent.toLowerCase().indexOf(needle) >= 0;
        for (const { column, select } of facets) {
          if (visible && select.value && (row.cells[column] ? row.cells[column].textContent.trim() : "") !== select.value) visible = false;
        }
        row.hidden = !visible;
        if (visible) shown++;
      }
      const scope = paginated ? " on this page" : "";
      count.textContent = shown === rows.length ? `${rows.length} rows${scope}` : `${shown} of ${rows.length} rows${scope}`;
      wrap.dataset.shown = String(shown);
    }
    search.addEventListener("input", apply);
    facets.forEach(({ select }) => select.addEventListener("change", apply));

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
        const numeric = th.classList.contains("num");
        const keyed = rows.map((row, position) => ({ row, position, key: cellKey(row.cells[column], numeric) }));
        keyed.sort((a, b) => {
          const order = a.key < b.key ? -1 : a.key > b.key ? 1 : a.position - b.position;
          return ascending ? order : -order;
        });
        body.append(...keyed.map((k) => k.row));
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
