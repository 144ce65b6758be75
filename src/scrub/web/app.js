// histmap offline time slider. Reads window.HISTMAP_DATA (data.js, written by
// `histmap site`) and draws the map for any day in SVG; works from file://.
(function () {
  "use strict";
  const D = window.HISTMAP_DATA;
  const NS = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);
  const DAY = 86400000;
  const toDay = (iso) => Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY);
  const toIso = (n) => new Date(n * DAY).toISOString().slice(0, 10);
  const el = (name, attrs, parent) => {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  };
  const html = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const S = D.style;
  const MIN_MAP_HEIGHT = 360;  // px: below this the map no longer reads; the page scrolls instead
  let dragged = false;  // the pointer moved the map: the click that ends the drag selects nothing
  // Language: ?lang=xx in the URL, else English. Every word comes from D.words
  // (the same table as the PNG legend), every name from the data.
  const langs = Object.keys(D.words);
  let lang = new URLSearchParams(location.search).get("lang");
  if (!langs.includes(lang)) lang = "en";
  const W = (id) => D.words[lang][id] ?? id;
  const fill = (id, values) => W(id).replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const words = (iso) => fill("date.day", { d: +iso.slice(8, 10), month_of: W("month_of." + +iso.slice(5, 7)), y: iso.slice(0, 4) });
  const polityName = (id) => (D.polities[id] ? D.polities[id].names[lang] : id);

  // ---- map scaffolding: the main map and a second one for comparisons (same layers, same view)
  const svg = $("map"), svg2 = $("map2");
  const defs = el("defs", {}, svg);  // patterns, shared by both maps (url(#id) is document-wide)
  function scaffold(target) {
    target.setAttribute("viewBox", `0 0 ${D.width} ${D.height}`);
    el("path", { d: D.base.countries, fill: S.land, stroke: "none" }, target);
    el("path", { d: D.base.sea, fill: S.water, "fill-rule": "evenodd" }, target);
    const piecesG = el("g", {}, target);
    const over = el("g", { "pointer-events": "none" }, target);
    el("path", { d: D.base.lakes, fill: S.water, stroke: S.water_line, "stroke-width": 0.3 }, over);
    el("path", { d: D.base.rivers, fill: "none", stroke: S.river, "stroke-width": 0.45 }, over);
    el("path", { d: D.base.uyezd_lines, fill: "none", stroke: S.uyezd_line, "stroke-width": 0.35 }, over);
    el("path", { d: D.base.governorate_lines, fill: "none", stroke: S.governorate_line, "stroke-width": 1.1 }, over);
    const labelsG = el("g", { class: "labels", "pointer-events": "none" }, target);
    const nodes = D.pieces.map((p, i) => {
      const g = el("g", { class: "piece", "data-piece": p.id }, piecesG);
      const fill = el("path", { d: p.path, class: "fill", "fill-rule": "evenodd" }, g);
      const overlays = el("g", {}, g);
      const edge = el("path", { d: p.path, class: "edge", fill: "none", stroke: "none", "fill-rule": "evenodd" }, g);
      g.addEventListener("click", () => { if (!dragged) select(i); });
      const title = el("title", {}, g);
      return { g, fill, overlays, edge, title, state: -1 };
    });
    return { nodes, labelsG };
  }
  const { nodes, labelsG } = scaffold(svg);
  let second = null;  // built when a comparison first needs it
  const secondMap = () => {
    if (!second) { second = scaffold(svg2); svg2.setAttribute("viewBox", svg.getAttribute("viewBox")); }
    return second;
  };

  // ---- marks (symbology/appearance.hpp): the page draws what data.js gives, nothing more
  const patterns = {};
  function pattern(m, make) {
    const key = JSON.stringify(m);
    if (!patterns[key]) {
      const id = "p" + Object.keys(patterns).length;
      const p = el("pattern", { id, patternUnits: "userSpaceOnUse", width: 8, height: 8 }, defs);
      make(p, m.colours[0]);
      patterns[key] = `url(#${id})`;
    }
    return patterns[key];
  }
  const size = (p, w, h) => { p.setAttribute("width", w); p.setAttribute("height", h); };
  const rotate = (p, a) => p.setAttribute("patternTransform", `rotate(${a})`);
  const PATTERNS = {
    stripes: (p, c, m) => {
      const w = m.width, n = m.colours.length;
      size(p, w * n, 10); rotate(p, m.angle + 90);
      m.colours.forEach((col, i) => el("rect", { x: i * w, y: 0, width: w, height: 10, fill: col }, p));
    },
    hatch: (p, c, m) => {
      size(p, m.spacing, m.spacing); rotate(p, m.angle + 90);
      el("line", { x1: m.spacing / 2, y1: 0, x2: m.spacing / 2, y2: m.spacing, stroke: c, "stroke-width": m.width, "stroke-opacity": m.alpha }, p);
    },
    dots: (p, c, m) => {
      const s = m.spacing || 5.5;
      size(p, s, s); el("circle", { cx: s / 2, cy: s / 2, r: m.width || 0.75, fill: c }, p);
    },
    circles: (p, c) => el("circle", { cx: 4, cy: 4, r: 1.8, fill: "none", stroke: c, "stroke-width": 0.5 }, p),
    crosshatch: (p, c) => { size(p, 6 * Math.SQRT2, 6 * Math.SQRT2); rotate(p, 45); el("path", { d: "M0,0V20M0,0H20", stroke: c, "stroke-width": 0.9 }, p); },
    horizontal: (p, c) => { size(p, 8, 4.5); el("line", { x1: 0, y1: 2, x2: 8, y2: 2, stroke: c, "stroke-width": 0.4 }, p); },
    vertical: (p, c) => { size(p, 5, 8); el("line", { x1: 2.5, y1: 0, x2: 2.5, y2: 8, stroke: c, "stroke-width": 0.35 }, p); },
    sparse: (p, c) => { size(p, 9, 9); rotate(p, 30 + 90); el("line", { x1: 4.5, y1: 0, x2: 4.5, y2: 9, stroke: c, "stroke-width": 0.6 }, p); },
  };
  const blend = (hex, a, under) => {  // a colour at alpha over the page, as one opaque colour
    const c = (h, i) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
    return "#" + [0, 1, 2].map((i) => Math.round(a * c(hex, i) + (1 - a) * c(under, i)).toString(16).padStart(2, "0")).join("");
  };
  // The attributes of one mark on a path, or null for edges (drawn by the caller).
  function markAttrs(m) {
    const c = m.colours[0];
    if (m.pattern === "solid") return m.over_page ? { fill: blend(c, m.alpha, S.page) } : { fill: c, "fill-opacity": m.alpha };
    if (m.pattern === "outline" || m.pattern === "ring")
      return { fill: "none", stroke: c, "stroke-opacity": m.alpha, "stroke-width": m.width * 0.4, "stroke-dasharray": m.dash.join(",") };
    const make = PATTERNS[m.pattern];
    if (!make) return null;
    return { fill: pattern(m, (p, col) => make(p, col, m)), "fill-opacity": m.pattern === "hatch" ? 1 : m.alpha };
  }
  const PASSES = ["fill", "claims", "statuses", "conflict_edge", "uncertain_edge"];
  const byPass = (marks) => [...marks].sort((a, b) => PASSES.indexOf(a.pass) - PASSES.indexOf(b.pass));
  const edgeAttrs = (m) => ({ stroke: m.colours[0], "stroke-width": m.inside ? m.width / 2 : m.width,
    "stroke-dasharray": m.dash.join(","), "stroke-opacity": m.alpha });
  // A legend swatch: the same marks on a small rectangle.
  function swatch(marks) {
    const sw = el("svg", { width: 22, height: 14, viewBox: "0 0 22 14" });
    const d = "M0 0H22V14H0Z";
    el("path", { d, fill: S.page }, sw);
    for (const m of byPass(marks)) {
      const a = m.pattern === "edge" ? Object.assign({ fill: "none" }, edgeAttrs(m)) : markAttrs(m);
      // Rings and outlines at the swatch's scale: the map's thin line would hide their colours here.
      if (a && (m.pattern === "outline" || m.pattern === "ring")) a["stroke-width"] = m.width * 1.6;
      if (a) el("path", Object.assign({ d }, a), sw);
    }
    return sw;
  }

  // ---- state lookup
  const stateAt = (piece, iso) => stateIn(D.pieces[piece].spans, iso);
  function stateIn(spans, iso) {  // spans: [[from iso or null, state index], ...] ascending
    let lo = 0, hi = spans.length - 1;
    while (lo < hi) {  // last span starting on or before iso
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid][0] === null || spans[mid][0] <= iso) lo = mid; else hi = mid - 1;
    }
    return spans[lo][1];
  }

  function paint(n, i, s) {
    const st = D.states[s];
    n.overlays.textContent = "";
    n.edge.setAttribute("stroke", "none");
    n.edge.removeAttribute("stroke-dasharray");
    let filled = false;
    for (const m of byPass(st.look)) {
      if (m.pattern === "edge") {
        for (const [k, v] of Object.entries(edgeAttrs(m))) n.edge.setAttribute(k, v);
        continue;
      }
      const a = markAttrs(m);
      if (!a) continue;
      if (!filled && m.pass === "fill") {
        n.fill.removeAttribute("fill-opacity");
        for (const [k, v] of Object.entries(a)) n.fill.setAttribute(k, v);
        filled = true;
      } else {
        el("path", Object.assign({ d: D.pieces[i].path, "fill-rule": "evenodd" }, a), n.overlays);
      }
    }
    const control = st.legend.map((k) => D.legend[k]).find((c) => c.kind === "control");
    n.g.setAttribute("data-controller", control ? control.party : "");
    n.state = s;
  }

  // ---- text
  const regionName = (id) => (D.regions[id] ? D.regions[id].names[lang] : id);
  // "[key (set name), fn. 75, line 185]": the source's key (the credit line names
  // it in full), whose side its set gives, and where in the text.
  function citation(a) {
    const src = (D.sources || {})[a.source];
    const who = src && src.set ? `${a.source} (${src.set[lang]})` : a.source;
    const loc = html("span", `[${[who, a.locator].filter((x) => x).join(", ")}]`, "loc");
    if (src) loc.title = src.title;
    return loc;
  }
  // One assertion: its dates in words, the area it concerns (unless a heading above names it),
  // its paraphrase and its source.
  function assertionItem(ai, extra, underArea) {
    const a = D.assertions[ai];
    const li = html("li");
    li.dataset.assertion = a.id;  // for those citing the data; readers see the source and locator
    // In the day's changes, whether it starts or stops applying comes first (an assertion
    // whose own end is open can still stop applying: a later source's change replaces it).
    if (extra) li.appendChild(html("i", `${W(extra)}: `));
    li.appendChild(html("b", a.when[lang]));
    li.appendChild(document.createTextNode(underArea ? ` — ${a.paraphrase} ` : ` — ${regionName(a.region)}: ${a.paraphrase} `));
    li.appendChild(citation(a));
    return li;
  }
  // The day's changes under one heading per area they concern, so that two sources' accounts of
  // the same act read as such (each says whose side it gives) rather than as a repeated item.
  function changesList(started, ended) {
    const events = $("events"), byArea = new Map();
    events.textContent = "";
    const add = (ai, word) => {
      const r = D.assertions[ai].region;
      if (!byArea.has(r)) byArea.set(r, []);
      byArea.get(r).push(assertionItem(ai, word, true));
    };
    started.forEach((a) => add(a, "page.begins"));
    ended.forEach((a) => add(a, "page.ends"));
    if (!byArea.size) events.appendChild(html("li", W("page.none")));
    for (const [r, items] of byArea) {
      const li = html("li", undefined, "area");
      li.dataset.region = r;
      li.appendChild(html("b", regionName(r)));
      const ul = html("ul");
      items.forEach((item) => ul.appendChild(item));
      li.appendChild(ul);
      events.appendChild(li);
    }
  }

  // ---- the date
  const first = toDay(D.period[0]), last = toDay(D.period[1]);
  const slider = $("slider");
  slider.min = first; slider.max = last; slider.step = 1;
  let current = null, selected = -1;

  function show(day, fromHash) {
    const clamped = Math.max(first, Math.min(last, day));
    if (clamped !== day) fromHash = false;  // a date outside the period: the URL shows the day drawn
    day = clamped;
    const iso = toIso(day), prev = toIso(day - 1);
    current = day;
    slider.value = day;
    slider.setAttribute("aria-valuetext", words(iso));
    $("date").textContent = words(iso);
    const inForce = new Set(), started = new Set(), ended = new Set();
    const shown = new Set();
    for (let i = 0; i < nodes.length; i++) {
      const s = stateIn(spansA(i), iso);
      if (nodes[i].state !== s) paint(nodes[i], i, s);
      const st = D.states[s];
      nodes[i].title.textContent = `${D.pieces[i].uyezd_name[lang]}: ${st.summary[lang]}`;
      st.a.forEach((a) => inForce.add(a));
      const before = D.states[stateIn(spansA(i), prev)];
      if (before !== st) {
        st.a.filter((a) => !before.a.includes(a)).forEach((a) => started.add(a));
        before.a.filter((a) => !st.a.includes(a)).forEach((a) => ended.add(a));
      }
      st.legend.forEach((k) => shown.add(k));
    }
    showCompare(iso, shown);
    // Legend: only what is on the map now, in the order and words of histmap's legend.
    const legend = $("legend");
    legend.textContent = "";
    [...shown].sort((x, y) => x - y).forEach((k) => {
      const li = html("li");
      li.dataset.kind = D.legend[k].kind;
      li.appendChild(swatch(D.legend[k].swatch));
      li.appendChild(document.createTextNode(D.legend[k].label[lang]));
      legend.appendChild(li);
    });
    // Events and assertions.
    changesList(started, ended);
    const list = $("assertions");
    list.textContent = "";
    [...inForce].sort((x, y) => (D.assertions[x].from < D.assertions[y].from ? -1 : 1)).forEach((a) => list.appendChild(assertionItem(a)));
    if (selected >= 0) showHistory(selected);
    const hash = cmp.on ? compareHash(iso) : "#" + iso;
    if (!fromHash && location.hash !== hash) history_replace(hash);
  }
  function history_replace(h) { try { window.history.replaceState(null, "", h); } catch (e) { location.hash = h; } }

  function showHistory(i) {
    const p = D.pieces[i];
    $("history-title").textContent = fill("page.history_of", { area: p.uyezd_name[lang] });
    const ol = $("history");
    ol.textContent = "";
    // Neighbouring spans that read the same (something not shown changed) are one entry.
    const entries = [];
    p.spans.forEach((sp, k) => {
      const st = D.states[sp[1]];
      const until = k + 1 < p.spans.length ? toIso(toDay(p.spans[k + 1][0]) - 1) : null;
      const prev = entries[entries.length - 1];
      if (prev && prev.text === st.summary[lang]) prev.until = until;
      else entries.push({ from: sp[0], until, text: st.summary[lang], st });
    });
    const today = toIso(current);
    for (const e of entries) {
      const cls = [e.st.conflict ? "conflict" : e.st.uncertain ? "uncertain" : ""];
      if ((!e.from || e.from <= today) && (!e.until || today <= e.until)) cls.push("now");
      const li = html("li", `${e.from ? words(e.from) : "…"} – ${e.until ? words(e.until) : "…"}: ${e.text}`, cls.join(" ").trim());
      if (cls.includes("now")) li.setAttribute("aria-current", "date");
      ol.appendChild(li);
    }
  }
  function select(i) {
    if (selected >= 0) nodes[selected].g.classList.remove("selected");
    selected = i;
    nodes[i].g.classList.add("selected");
    showHistory(i);
  }

  // ---- compare: the slider's day beside a second day, or two source sets on the slider's day.
  // Side A is drawn on the main map, side B on the second one (side by side); the difference
  // view marks, on the main map, the pieces whose state differs and fades the others.
  const sets = D.sets || [];  // [{id, title: {lang}, spans: [per piece: [[from, state], ...]]}]
  let shownLayout = "";  // the compare mode the layout was last fitted to
  const cmp = { on: false, kind: "dates", view: "side", day2: null, x: 0, y: Math.min(1, sets.length - 1) };
  const slider2 = $("slider2");
  slider2.min = first; slider2.max = last; slider2.step = 1;
  const bySets = () => cmp.on && cmp.kind === "sets" && sets.length > 1;
  const spansA = (i) => (bySets() ? sets[cmp.x].spans[i] : D.pieces[i].spans);
  const spansB = (i) => (bySets() ? sets[cmp.y].spans[i] : D.pieces[i].spans);
  const setTitle = (k) => sets[k].title[lang] || sets[k].id;
  function sideLabels(iso) {
    if (bySets()) return [setTitle(cmp.x), setTitle(cmp.y)];
    return [words(iso), words(toIso(cmp.day2))];
  }
  // The pieces whose state differs between the two sides: [[piece, state A, state B], ...].
  function differing(iso) {
    const isoB = bySets() ? iso : toIso(cmp.day2), out = [];
    for (let i = 0; i < D.pieces.length; i++) {
      const a = stateIn(spansA(i), iso), b = stateIn(spansB(i), isoB);
      if (a !== b) out.push([i, a, b]);
    }
    return out;
  }
  // Pieces of one uyezd that differ in the same way are one entry: [{pieces, a, b}, ...].
  function grouped(diff) {
    const groups = new Map();
    for (const [i, a, b] of diff) {
      const key = `${D.pieces[i].uyezd || D.pieces[i].id}|${a}|${b}`;
      if (!groups.has(key)) groups.set(key, { pieces: [], a, b });
      groups.get(key).pieces.push(i);
    }
    return [...groups.values()];
  }
  function compareItem({ pieces, a, b }, labels) {
    const li = html("li");
    li.dataset.pieces = pieces.map((i) => D.pieces[i].id).join(" ");
    const parts = pieces.length > 1 ? ` (${fill("page.compare_parts", { n: pieces.length })})` : "";
    li.appendChild(html("b", D.pieces[pieces[0]].uyezd_name[lang] + parts));
    [a, b].forEach((s, k) => {
      const st = D.states[s];
      const side = html("div", "", "compare-side" + (st.conflict ? " conflict" : ""));
      side.appendChild(html("i", `${labels[k]}: `));
      side.appendChild(document.createTextNode(st.summary[lang]));
      li.appendChild(side);
      const ul = html("ul");
      st.a.forEach((ai) => ul.appendChild(assertionItem(ai)));
      if (st.a.length) li.appendChild(ul);
    });
    return li;
  }
  // Draws the comparison for the slider's day `iso`; adds side B's legend entries to `shown`.
  function showCompare(iso, shown) {
    document.body.classList.toggle("comparing", cmp.on);
    document.body.classList.toggle("compare-difference", cmp.on && cmp.view === "difference");
    $("compare-box").hidden = !cmp.on;
    $("mapframe2").hidden = !(cmp.on && cmp.view === "side");
    const layout = `${cmp.on} ${cmp.view} ${cmp.kind}`;
    if (layout !== shownLayout) { shownLayout = layout; if (window.histmap) fitMap(); }
    $("map-caption").hidden = !cmp.on;
    for (const n of nodes) { n.g.classList.remove("changed", "muted"); n.g.removeAttribute("data-diff"); }
    if (!cmp.on) return;
    const labels = sideLabels(iso), diff = differing(iso), changed = new Set(diff.map((d) => d[0]));
    if (cmp.view === "side") {
      const isoB = bySets() ? iso : toIso(cmp.day2);
      secondMap().nodes.forEach((n, i) => {
        const s = stateIn(spansB(i), isoB);
        if (n.state !== s) paint(n, i, s);
        n.title.textContent = `${D.pieces[i].uyezd_name[lang]}: ${D.states[s].summary[lang]}`;
        D.states[s].legend.forEach((k) => shown.add(k));
      });
      $("map-caption").textContent = labels[0];
      $("map2-caption").textContent = labels[1];
    } else {
      nodes.forEach((n, i) => {
        n.g.dataset.diff = changed.has(i) ? "changed" : "same";
        n.g.classList.add(changed.has(i) ? "changed" : "muted");
      });
      $("map-caption").textContent = `${labels[0]} ↔ ${labels[1]}. ${W("page.compare_diff_note")}`;
    }
    $("date2").textContent = bySets() ? "" : labels[1];
    slider2.value = cmp.day2;
    slider2.setAttribute("aria-valuetext", words(toIso(cmp.day2)));
    const entries = grouped(diff);
    $("compare-count").textContent = diff.length ? fill("page.compare_count", { n: entries.length, pieces: diff.length }) : W("page.compare_none");
    const list = $("compare-list");
    list.textContent = "";
    entries.forEach((e) => list.appendChild(compareItem(e, labels)));
  }
  // The address keeps the mode: #compare=DAY,DAY2 or #sets=X,Y&date=DAY, then &view=difference.
  function compareHash(iso) {
    const view = cmp.view === "difference" ? "&view=difference" : "";
    if (bySets()) return `#sets=${sets[cmp.x].id},${sets[cmp.y].id}&date=${iso}${view}`;
    return `#compare=${iso},${toIso(cmp.day2)}${view}`;
  }
  const isDay = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s || "");
  const clampDay = (d) => Math.max(first, Math.min(last, d));
  // Reads an address; returns the day to show, or null if it names none. Sets the compare mode.
  function readHash(hash) {
    const h = hash.replace(/^#/, "");
    if (isDay(h)) { cmp.on = false; return toDay(h); }
    const p = new URLSearchParams(h);
    const view = p.get("view") === "difference" ? "difference" : "side";
    if (p.has("compare")) {
      const [a, b] = p.get("compare").split(",");
      if (!isDay(a) || !isDay(b)) return null;
      Object.assign(cmp, { on: true, kind: "dates", view, day2: clampDay(toDay(b)) });
      return toDay(a);
    }
    if (p.has("sets")) {
      const [x, y] = p.get("sets").split(",").map((id) => sets.findIndex((s) => s.id === id));
      if (x < 0 || y < 0) return null;
      Object.assign(cmp, { on: true, kind: "sets", view, x, y });
      if (cmp.day2 === null) cmp.day2 = clampDay(toDay(D.start));
      return isDay(p.get("date")) ? toDay(p.get("date")) : toDay(D.start);
    }
    return null;
  }
  // The controls follow cmp (after an address was read, or a control changed it).
  function syncCompareControls() {
    const toggle = $("compare-toggle");
    toggle.setAttribute("aria-pressed", String(cmp.on));
    toggle.setAttribute("aria-expanded", String(cmp.on));
    $("compare").hidden = !cmp.on;
    for (const r of document.querySelectorAll("input[name=compare-kind]")) r.checked = r.value === cmp.kind;
    for (const r of document.querySelectorAll("input[name=compare-view]")) r.checked = r.value === cmp.view;
    $("compare-dates").hidden = cmp.kind !== "dates";
    $("compare-sets").hidden = cmp.kind !== "sets";
    $("set-x").value = String(cmp.x);
    $("set-y").value = String(cmp.y);
  }
  function setupCompare() {
    for (const id of ["set-x", "set-y"])
      sets.forEach((s, k) => { const o = html("option", setTitle(k)); o.value = String(k); $(id).appendChild(o); });
    $("compare-no-sets").hidden = sets.length > 1;
    document.querySelector("input[name=compare-kind][value=sets]").disabled = sets.length < 2;
    for (const id of ["set-x", "set-y"]) $(id).disabled = sets.length < 2;
    $("compare-toggle").addEventListener("click", () => {
      cmp.on = !cmp.on;
      if (cmp.on && cmp.day2 === null) cmp.day2 = changes.find((c) => c > current + 180) ?? last;
      syncCompareControls();
      show(current);
    });
    for (const r of document.querySelectorAll("input[name=compare-kind], input[name=compare-view]"))
      r.addEventListener("change", () => { cmp[r.name === "compare-kind" ? "kind" : "view"] = r.value; syncCompareControls(); show(current); });
    slider2.addEventListener("input", () => { cmp.day2 = +slider2.value; show(current); });
    $("set-x").addEventListener("change", () => { cmp.x = +$("set-x").value; show(current); });
    $("set-y").addEventListener("change", () => { cmp.y = +$("set-y").value; show(current); });
  }

  // ---- controls
  const changes = D.changes.map(toDay);
  const ticks = $("ticks");
  ticks.setAttribute("viewBox", `0 0 1000 14`);
  ticks.setAttribute("preserveAspectRatio", "none");
  for (const c of changes)
    if (c >= first && c <= last) el("line", { x1: (c - first) / (last - first) * 1000, x2: (c - first) / (last - first) * 1000, y1: 0, y2: 14, stroke: "#b00", "stroke-width": 1 }, ticks);
  for (let y = +D.period[0].slice(0, 4) + 1; y <= +D.period[1].slice(0, 4); y++) {
    const x = (toDay(`${y}-01-01`) - first) / (last - first) * 1000;
    el("line", { x1: x, x2: x, y1: 7, y2: 14, stroke: "#000", "stroke-width": 2 }, ticks);
    const year = html("span", String(y));
    year.style.left = `${x / 10}%`;
    $("years").appendChild(year);
  }
  const nextChange = (d) => changes.find((c) => c > d) ?? last;
  const prevChange = (d) => [...changes].reverse().find((c) => c < d) ?? first;
  slider.addEventListener("input", () => show(+slider.value));
  $("prev-day").onclick = () => show(current - 1);
  $("next-day").onclick = () => show(current + 1);
  $("prev-change").onclick = () => show(prevChange(current));
  $("next-change").onclick = () => show(nextChange(current));
  let timer = null;
  const play = () => {
    if (timer) { clearInterval(timer); timer = null; $("play").textContent = "▶"; return; }
    $("play").textContent = "⏸";
    timer = setInterval(() => { if (current >= last) play(); else show(current + +$("speed").value); }, 120);
  };
  $("play").onclick = play;
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (t.matches && t.matches("input[type=search], input[type=radio], select, textarea, #map, #slider2")) return;  // they use their own keys
    if (e.key === "ArrowRight" || e.key === "ArrowUp") { show(e.shiftKey ? nextChange(current) : current + 1); e.preventDefault(); }
    else if (e.key === "ArrowLeft" || e.key === "ArrowDown") { show(e.shiftKey ? prevChange(current) : current - 1); e.preventDefault(); }
    else if (t === slider && (e.key === "PageUp" || e.key === "PageDown")) { show(current + (e.key === "PageUp" ? 30 : -30)); e.preventDefault(); }
    else if (e.key === " " && !(t.matches && t.matches("button"))) { play(); e.preventDefault(); }
  });
  window.addEventListener("hashchange", () => {
    const day = readHash(location.hash);
    if (day !== null) { syncCompareControls(); show(day, true); }
  });
  // Interface words: elements name their message id in data-w (text) or data-w-title.
  for (const e of document.querySelectorAll("[data-w]")) e.textContent = W(e.dataset.w);
  for (const e of document.querySelectorAll("[data-w-title]")) e.title = W(e.dataset.wTitle);
  for (const e of document.querySelectorAll("[data-w-label]")) { e.title = W(e.dataset.wLabel); e.setAttribute("aria-label", W(e.dataset.wLabel)); }
  svg.setAttribute("aria-label", W("page.heading"));
  document.documentElement.lang = lang;
  document.title = W("page.heading");
  const langSelect = $("lang");
  for (const l of langs) {
    const o = html("option", D.words[l].language);
    o.value = l;
    o.selected = l === lang;
    langSelect.appendChild(o);
  }
  langSelect.addEventListener("change", () => {
    const u = new URL(location.href);
    u.searchParams.set("lang", langSelect.value);
    location.href = u.toString();
  });
  $("perspective").textContent = D.perspective[lang];
  $("credit").textContent = D.credit[lang];
  const view = mapView();
  window.histmap = { show: (iso) => show(toDay(iso)), current: () => toIso(current), stateOf: (id, iso) =>
    D.states[stateAt(D.pieces.findIndex((p) => p.id === id), iso)], view, compare: () => ({ ...cmp }) };
  setupCompare();
  const start = readHash(location.hash);
  syncCompareControls();
  show(start ?? toDay(D.start), start !== null);
  fitMap();
  window.addEventListener("resize", fitMap);

  // ---- desktop layout: the map column gets the width at which the map, the date controls and the
  // slider fit the window's height (measured, as words and wrapping differ by language); on a phone
  // (one column) the map takes the full width and the page scrolls.
  function fitMap() {
    const root = document.documentElement.style;
    if (matchMedia("(max-width: 800px)").matches) {
      root.removeProperty("--mapbox-w");
      root.removeProperty("--aside-h");
      return;
    }
    const two = !$("mapframe2").hidden;
    for (let pass = 0; pass < 2; pass++) {  // a narrower column may wrap the controls: measure again
      // Below the map: the date controls and slider, and the compare panel when it is open.
      const maps = $("maps").getBoundingClientRect(), end = $(cmp.on ? "compare" : "years").getBoundingClientRect();
      const height = Math.max(MIN_MAP_HEIGHT, innerHeight - (maps.top + scrollY) - (end.bottom - maps.bottom) - 12);
      const width = height * D.width / D.height;
      root.setProperty("--mapbox-w", `${Math.round(two ? 2 * width + 8 : width)}px`);
    }
    const top = document.querySelector("main").getBoundingClientRect().top + scrollY;
    root.setProperty("--aside-h", `${Math.round(innerHeight - top - 8)}px`);
  }

  // ---- zoom, pan, labels and search: the SVG viewBox is the view
  function mapView() {
    const full = { x: 0, y: 0, w: D.width, h: D.height };
    let vb = { ...full };
    const minW = D.width / 24;
    const pxPerUnit = () => svg.getBoundingClientRect().width / vb.w;
    function set(v) {
      const w = Math.max(minW, Math.min(full.w, v.w)), h = w * full.h / full.w;
      const x = Math.max(full.x - w / 2, Math.min(full.w - w / 2, v.x + (v.w - w) / 2));
      const y = Math.max(full.y - h / 2, Math.min(full.h - h / 2, v.y + (v.h - h) / 2));
      vb = { x, y, w, h };
      for (const s of [svg, svg2]) s.setAttribute("viewBox", `${x.toFixed(2)} ${y.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)}`);
      scheduleLabels();
    }
    // Zoom by `k` (>1 closer) keeping the map point under client (cx, cy) in place.
    function zoomAt(k, cx, cy, target = svg) {
      const r = target.getBoundingClientRect();
      const ux = vb.x + (cx - r.left) / r.width * vb.w, uy = vb.y + (cy - r.top) / r.height * vb.h;
      const w = Math.max(minW, Math.min(full.w, vb.w / k)), h = w * full.h / full.w;
      set({ x: ux - (ux - vb.x) * w / vb.w, y: uy - (uy - vb.y) * h / vb.h, w, h });
    }
    const centre = () => { const r = svg.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
    const pan = (dxPx, dyPx) => { const u = 1 / pxPerUnit(); set({ ...vb, x: vb.x - dxPx * u, y: vb.y - dyPx * u }); };
    // Pointers: one drags, two pinch (distance sets the zoom, their midpoint pans). Either map moves both.
    const down = new Map();
    let startDist = 0, moved = 0;
    for (const target of [svg, svg2]) {
      target.addEventListener("wheel", (e) => { zoomAt(Math.exp(-e.deltaY * 0.002), e.clientX, e.clientY, target); e.preventDefault(); },
        { passive: false });
      target.addEventListener("pointerdown", (e) => {
        down.set(e.pointerId, [e.clientX, e.clientY]);
        moved = 0;
        dragged = false;
        if (down.size === 2) { const [a, b] = [...down.values()]; startDist = Math.hypot(a[0] - b[0], a[1] - b[1]); }
      });
      target.addEventListener("pointermove", (e) => {
        const last = down.get(e.pointerId);
        if (!last) return;
        if (down.size === 1) {
          moved += Math.abs(e.clientX - last[0]) + Math.abs(e.clientY - last[1]);
          if (moved > 6) {
            if (!dragged) { target.setPointerCapture(e.pointerId); target.classList.add("dragging"); }
            dragged = true;
            pan(e.clientX - last[0], e.clientY - last[1]);
          }
        } else if (down.size === 2) {
          const other = [...down.entries()].find(([id]) => id !== e.pointerId)[1];
          const dist = Math.hypot(e.clientX - other[0], e.clientY - other[1]);
          if (startDist > 0) zoomAt(dist / startDist, (e.clientX + other[0]) / 2, (e.clientY + other[1]) / 2, target);
          pan((e.clientX - last[0]) / 2, (e.clientY - last[1]) / 2);
          startDist = dist;
          dragged = true;
        }
        down.set(e.pointerId, [e.clientX, e.clientY]);
      });
      const up = (e) => { down.delete(e.pointerId); target.classList.remove("dragging"); startDist = 0; };
      target.addEventListener("pointerup", up);
      target.addEventListener("pointercancel", up);
    }
    svg.addEventListener("keydown", (e) => {  // the map focused: arrows pan, + and - zoom, 0 shows it whole
      const step = 60, c = centre();
      const act = { ArrowLeft: () => pan(step, 0), ArrowRight: () => pan(-step, 0), ArrowUp: () => pan(0, step),
        ArrowDown: () => pan(0, -step), "+": () => zoomAt(1.5, ...c), "=": () => zoomAt(1.5, ...c),
        "-": () => zoomAt(1 / 1.5, ...c), "0": () => set(full) }[e.key];
      if (act) { act(); e.preventDefault(); }
    });
    $("zoom-in").onclick = () => zoomAt(1.5, ...centre());
    $("zoom-out").onclick = () => zoomAt(1 / 1.5, ...centre());
    $("zoom-reset").onclick = () => set(full);

    // Labels: uyezd names at a point inside each uyezd, seats as dots with their names. They keep
    // their size on screen; those that would overlap a larger one are hidden until zoomed in.
    const labels = [];
    for (const l of D.labels) {
      const t = el("text", { x: l.x, y: l.y, class: "label" }, labelsG);
      t.textContent = D.regions[l.region].names[lang];
      labels.push(t);
    }
    const seats = el("g", {}, labelsG);
    for (const p of D.places.filter((q) => q.seat)) {
      el("circle", { cx: p.x, cy: p.y, r: 1.6, fill: "#222", class: "seat" }, seats);
      const t = el("text", { x: p.x, y: p.y, class: "label place-label", "data-x": p.x }, labelsG);
      t.textContent = p.names[lang];
      labels.push(t);
    }
    let labelFrame = 0;
    function scheduleLabels() { if (!labelFrame) labelFrame = requestAnimationFrame(placeLabels); }
    for (const s of [svg, svg2]) new ResizeObserver(scheduleLabels).observe(s);  // a turned phone or a resized window: same size on screen
    // A scale bar of a round length about 90 px long at the current zoom.
    function placeScaleBar() {
      const kmPerPx = D.km_per_unit / pxPerUnit();
      const box = $("scalebar");
      if (!(kmPerPx > 0) || !isFinite(kmPerPx)) { box.hidden = true; return; }
      const target = 90 * kmPerPx, p10 = Math.pow(10, Math.floor(Math.log10(target)));
      const km = [5, 2, 1].map((f) => f * p10).find((v) => v <= target) || p10;
      box.hidden = false;
      $("scalebar-line").style.width = `${(km / kmPerPx).toFixed(1)}px`;
      $("scalebar-text").textContent = fill("page.km", { n: km.toLocaleString(lang) });
    }
    function placeLabels() {
      labelFrame = 0;
      const u = 1 / pxPerUnit();
      if (!isFinite(u)) return;
      placeScaleBar();
      for (const c of seats.children) c.setAttribute("r", 2.6 * u);
      // Seats first (as the printed map does), then labels at their point, else a line above or below.
      const taken = [...seats.children].map((c) => ({ x: +c.getAttribute("cx") - 2.6 * u, y: +c.getAttribute("cy") - 2.6 * u,
        width: 5.2 * u, height: 5.2 * u }));
      const hits = (b) => taken.some((o) => b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height);
      for (const t of labels) {
        const place = t.classList.contains("place-label");
        t.style.fontSize = `${(place ? 11 : 12) * u}px`;
        t.style.strokeWidth = `${3 * u}px`;
        if (place) t.setAttribute("x", +t.dataset.x + 5 * u);  // right of its dot
        if (!t.dataset.y) t.dataset.y = t.getAttribute("y");
        t.removeAttribute("visibility");
        let placed = false;
        for (const dy of place ? [0] : [0, -1, 1]) {
          t.setAttribute("y", +t.dataset.y + dy * 14 * u);
          const b = t.getBBox();
          if (!hits(b)) { taken.push(b); placed = true; break; }
        }
        if (!placed) t.setAttribute("visibility", "hidden");
      }
      if (second) second.labelsG.innerHTML = labelsG.innerHTML;  // the second map shares the view, so the same labels
    }

    // Search: names of regions and places in the page's language (then any language), exact before partial.
    const norm = (s) => s.toLocaleLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim();
    const entries = [];
    for (const [id, r] of Object.entries(D.regions))
      if (r.pieces.length && r.kind !== "part") entries.push({ kind: "region", id, names: r.names, pieces: r.pieces });
    for (const p of D.places) entries.push({ kind: "place", id: p.id, names: p.names, x: p.x, y: p.y });
    const list = $("search-names");
    for (const name of [...new Set(entries.map((e) => e.names[lang]))].sort((a, b) => a.localeCompare(b, lang)))
      list.appendChild(Object.assign(document.createElement("option"), { value: name }));
    // Best match: the name itself, then a name that begins with the query as a word ("Shusha" finds
    // "Shusha uyezd"), then any beginning, then any part; the page's language first; regions before places.
    function score(e, n) {
      let best = 0;
      for (const [l, name] of Object.entries(e.names)) {
        const x = norm(name);
        const s = x === n ? 4 : x.startsWith(n + " ") ? 3 : x.startsWith(n) ? 2 : x.includes(n) ? 1 : 0;
        if (s) best = Math.max(best, s * 4 + (l === lang ? 2 : 0) + (e.kind === "region" ? 1 : 0));
      }
      return best;
    }
    function find(q) {
      const n = norm(q);
      if (!n) return null;
      let best = null, top = 0;
      for (const e of entries) { const s = score(e, n); if (s > top) { top = s; best = e; } }
      return best;
    }
    let ring = null;
    function showMatch(m) {
      for (const n of nodes) n.g.classList.remove("found");
      if (ring) { ring.remove(); ring = null; }
      let box;
      if (m.kind === "region") {
        const boxes = m.pieces.map((i) => { nodes[i].g.classList.add("found"); return nodes[i].g.getBBox(); });
        const x0 = Math.min(...boxes.map((b) => b.x)), y0 = Math.min(...boxes.map((b) => b.y));
        const x1 = Math.max(...boxes.map((b) => b.x + b.width)), y1 = Math.max(...boxes.map((b) => b.y + b.height));
        box = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
      } else {
        ring = el("circle", { cx: m.x, cy: m.y, r: D.width / 120, class: "found-place" }, labelsG);
        box = { x: m.x - D.width / 16, y: m.y - D.height / 16, w: D.width / 8, h: D.height / 8 };
      }
      const w = Math.max(box.w * 1.4, box.h * 1.4 * full.w / full.h, minW), h = w * full.h / full.w;
      set({ x: box.x + box.w / 2 - w / 2, y: box.y + box.h / 2 - h / 2, w, h });
    }
    $("search-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const q = $("search").value, m = find(q);
      if (m) showMatch(m);
      $("search-status").textContent = m ? fill("page.search_found", { name: m.names[lang] }) : fill("page.search_none", { q });
      if (m && m.kind === "region" && D.regions[m.id].kind === "uyezd") select(m.pieces[0]);
    });
    set(full);
    return { viewBox: () => ({ ...vb }), zoomAt, set, find };
  }
})();
