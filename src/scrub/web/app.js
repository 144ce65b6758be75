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
  // Language: ?lang=xx in the URL, else English. Every word comes from D.words
  // (the same table as the PNG legend), every name from the data.
  const langs = Object.keys(D.words);
  let lang = new URLSearchParams(location.search).get("lang");
  if (!langs.includes(lang)) lang = "en";
  const W = (id) => D.words[lang][id] ?? id;
  const fill = (id, values) => W(id).replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const words = (iso) => fill("date.day", { d: +iso.slice(8, 10), month_of: W("month_of." + +iso.slice(5, 7)), y: iso.slice(0, 4) });
  const polityName = (id) => (D.polities[id] ? D.polities[id].names[lang] : id);

  // ---- map scaffolding
  const svg = $("map");
  svg.setAttribute("viewBox", `0 0 ${D.width} ${D.height}`);
  const defs = el("defs", {}, svg);
  el("path", { d: D.base.countries, fill: S.land, stroke: "none" }, svg);
  el("path", { d: D.base.sea, fill: S.water, "fill-rule": "evenodd" }, svg);
  const piecesG = el("g", {}, svg);
  const over = el("g", { "pointer-events": "none" }, svg);
  el("path", { d: D.base.lakes, fill: S.water, stroke: S.water_line, "stroke-width": 0.3 }, over);
  el("path", { d: D.base.rivers, fill: "none", stroke: S.river, "stroke-width": 0.45 }, over);
  el("path", { d: D.base.uyezd_lines, fill: "none", stroke: S.uyezd_line, "stroke-width": 0.35 }, over);
  el("path", { d: D.base.governorate_lines, fill: "none", stroke: S.governorate_line, "stroke-width": 1.1 }, over);

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
    dots: (p, c) => { size(p, 5.5, 5.5); el("circle", { cx: 2.75, cy: 2.75, r: 0.75, fill: c }, p); },
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
      if (a) el("path", Object.assign({ d }, a), sw);
    }
    return sw;
  }

  const nodes = D.pieces.map((p, i) => {
    const g = el("g", { class: "piece", "data-piece": p.id }, piecesG);
    const fill = el("path", { d: p.path, class: "fill", "fill-rule": "evenodd" }, g);
    const overlays = el("g", {}, g);
    const edge = el("path", { d: p.path, class: "edge", fill: "none", stroke: "none", "fill-rule": "evenodd" }, g);
    g.addEventListener("click", () => select(i));
    const title = el("title", {}, g);
    return { g, fill, overlays, edge, title, state: -1 };
  });

  // ---- state lookup
  function stateAt(piece, iso) {
    const spans = D.pieces[piece].spans;  // [[from iso or null, state index], ...] ascending
    let lo = 0, hi = spans.length - 1;
    while (lo < hi) {  // last span starting on or before iso
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid][0] === null || spans[mid][0] <= iso) lo = mid; else hi = mid - 1;
    }
    return spans[lo][1];
  }

  function paint(i, s) {
    const st = D.states[s], n = nodes[i];
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
  function assertionItem(ai, extra) {
    const a = D.assertions[ai];
    const li = html("li");
    li.dataset.assertion = a.id;
    li.appendChild(html("b", a.id));
    li.appendChild(document.createTextNode(` — ${a.kind}${a.type ? " " + a.type : ""}, ${polityName(a.party)}${a.beneficiary ? " → " + polityName(a.beneficiary) : ""}, ${a.region}, ${a.when[lang]}${extra ? " (" + W(extra) + ")" : ""}: ${a.paraphrase} `));
    li.appendChild(html("span", `[${a.source}, ${a.locator}]`, "loc"));
    return li;
  }

  // ---- the date
  const first = toDay(D.period[0]), last = toDay(D.period[1]);
  const slider = $("slider");
  slider.min = first; slider.max = last; slider.step = 1;
  let current = null, selected = -1;

  function show(day, fromHash) {
    day = Math.max(first, Math.min(last, day));
    const iso = toIso(day), prev = toIso(day - 1);
    current = day;
    slider.value = day;
    $("date").textContent = words(iso);
    const inForce = new Set(), started = new Set(), ended = new Set();
    const shown = new Set();
    for (let i = 0; i < nodes.length; i++) {
      const s = stateAt(i, iso);
      if (nodes[i].state !== s) paint(i, s);
      const st = D.states[s];
      nodes[i].title.textContent = `${D.pieces[i].uyezd_name[lang]}: ${st.summary[lang]}`;
      st.a.forEach((a) => inForce.add(a));
      const before = D.states[stateAt(i, prev)];
      if (before !== st) {
        st.a.filter((a) => !before.a.includes(a)).forEach((a) => started.add(a));
        before.a.filter((a) => !st.a.includes(a)).forEach((a) => ended.add(a));
      }
      st.legend.forEach((k) => shown.add(k));
    }
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
    const events = $("events");
    events.textContent = "";
    started.forEach((a) => events.appendChild(assertionItem(a, "page.begins")));
    ended.forEach((a) => events.appendChild(assertionItem(a, "page.ends")));
    if (!started.size && !ended.size) events.appendChild(html("li", W("page.none")));
    const list = $("assertions");
    list.textContent = "";
    [...inForce].sort((x, y) => (D.assertions[x].from < D.assertions[y].from ? -1 : 1)).forEach((a) => list.appendChild(assertionItem(a)));
    if (selected >= 0) showHistory(selected);
    if (!fromHash && location.hash !== "#" + iso) history_replace("#" + iso);
  }
  function history_replace(h) { try { window.history.replaceState(null, "", h); } catch (e) { location.hash = h; } }

  function showHistory(i) {
    const p = D.pieces[i];
    $("history-title").textContent = fill("page.history_of", { area: p.uyezd_name[lang] });
    const ol = $("history");
    ol.textContent = "";
    p.spans.forEach((sp, k) => {
      const to = k + 1 < p.spans.length ? toIso(toDay(p.spans[k + 1][0]) - 1) : "…";
      const st = D.states[sp[1]];
      const from = sp[0] ? words(sp[0]) : "…", until = to === "…" ? to : words(to);
      const li = html("li", `${from} – ${until}: ${st.summary[lang]}`, st.conflict ? "conflict" : st.uncertain ? "uncertain" : "");
      ol.appendChild(li);
    });
  }
  function select(i) {
    if (selected >= 0) nodes[selected].g.classList.remove("selected");
    selected = i;
    nodes[i].g.classList.add("selected");
    showHistory(i);
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
    if (e.key === "ArrowRight") { show(e.shiftKey ? nextChange(current) : current + 1); e.preventDefault(); }
    else if (e.key === "ArrowLeft") { show(e.shiftKey ? prevChange(current) : current - 1); e.preventDefault(); }
    else if (e.key === " ") { play(); e.preventDefault(); }
  });
  window.addEventListener("hashchange", () => {
    const h = location.hash.slice(1);
    if (/^\d{4}-\d{2}-\d{2}$/.test(h)) show(toDay(h), true);
  });
  // Interface words: elements name their message id in data-w (text) or data-w-title.
  for (const e of document.querySelectorAll("[data-w]")) e.textContent = W(e.dataset.w);
  for (const e of document.querySelectorAll("[data-w-title]")) e.title = W(e.dataset.wTitle);
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
  window.histmap = { show: (iso) => show(toDay(iso)), current: () => toIso(current), stateOf: (id, iso) =>
    D.states[stateAt(D.pieces.findIndex((p) => p.id === id), iso)] };
  const start = /^#\d{4}-\d{2}-\d{2}$/.test(location.hash) ? toDay(location.hash.slice(1)) : toDay(D.start);
  show(start, true);
})();
