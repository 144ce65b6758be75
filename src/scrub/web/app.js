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
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  const words = (iso) => `${+iso.slice(8, 10)} ${MONTHS[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`;
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
  const polityName = (id) => (D.polities[id] ? D.polities[id].name : id);
  const colour = (id) => (D.polities[id] ? D.polities[id].colour : "#888888");

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

  const patterns = {};
  function pattern(key, make) {
    if (!patterns[key]) {
      const p = el("pattern", { id: "p-" + key, patternUnits: "userSpaceOnUse", width: 8, height: 8 }, defs);
      make(p);
      patterns[key] = `url(#p-${key})`;
    }
    return patterns[key];
  }
  const ANGLES = [45, -45, 15, -75, 75, -15];
  const hatch = (id) => pattern("claim-" + id, (p) => {
    const i = Object.keys(D.polities).indexOf(id);
    p.setAttribute("patternTransform", `rotate(${ANGLES[(i < 0 ? 0 : i) % 6]})`);
    p.setAttribute("width", 4.5); p.setAttribute("height", 4.5);
    el("line", { x1: 0, y1: 0, x2: 0, y2: 4.5, stroke: colour(id), "stroke-width": 0.9 }, p);
  });
  const stripes = (a, b) => pattern(`conflict-${a}-${b}`, (p) => {
    p.setAttribute("patternTransform", "rotate(60)");
    p.setAttribute("width", 10); p.setAttribute("height", 10);
    el("rect", { x: 0, y: 0, width: 5, height: 10, fill: colour(a) }, p);
    el("rect", { x: 5, y: 0, width: 5, height: 10, fill: colour(b) }, p);
  });
  const designation = (type, col) => pattern(`d-${type}-${col.slice(1)}`, (p) => {
    switch (type) {
      case "disputed": el("circle", { cx: 2.75, cy: 2.75, r: 0.75, fill: col }, p); p.setAttribute("width", 5.5); p.setAttribute("height", 5.5); break;
      case "self_determination": el("circle", { cx: 4, cy: 4, r: 1.8, fill: "none", stroke: col, "stroke-width": 0.5 }, p); break;
      case "troops_present": el("line", { x1: 2.5, y1: 0, x2: 2.5, y2: 8, stroke: col, "stroke-width": 0.35 }, p); p.setAttribute("width", 5); break;
      case "protectorate": el("line", { x1: 0, y1: 2, x2: 8, y2: 2, stroke: col, "stroke-width": 0.4 }, p); p.setAttribute("height", 4.5); break;
      case "neutral_zone":
        el("path", { d: "M0,0 L8,8 M8,0 L0,8", stroke: col, "stroke-width": 0.45 }, p); break;
      default: el("line", { x1: 0, y1: 0, x2: 8, y2: 8, stroke: col, "stroke-width": 0.6 }, p);
    }
  });
  const designationColour = (d) => {
    const rule = (S.designations[d[0]] || {}).colour || "#000000";
    if (rule === "by") return colour(d[1]);
    if (rule === "beneficiary" && d[2]) return colour(d[2]);
    return rule.startsWith("#") ? rule : "#000000";
  };

  const nodes = D.pieces.map((p, i) => {
    const g = el("g", { class: "piece", "data-piece": p.id }, piecesG);
    const fill = el("path", { d: p.path, class: "fill", "fill-rule": "evenodd" }, g);
    const overlays = el("g", {}, g);
    const edge = el("path", { d: p.path, class: "edge", fill: "none", stroke: "none", "fill-rule": "evenodd" }, g);
    g.addEventListener("click", () => select(i));
    el("title", {}, g).textContent = `${p.uyezd_name} (${p.id})`;
    return { g, fill, overlays, edge, state: -1 };
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
    let fill = S.no_assertion, opacity = 1, edge = "none", dash = "";
    const controlConflict = st.k.find((k) => k[0] === "control");
    if (st.a.length === 0) fill = S.no_assertion;
    else if (controlConflict) fill = stripes(controlConflict[1][0], controlConflict[1][1]);
    else if (st.c) { fill = colour(st.c); if (st.cu) { opacity = S.uncertain_alpha; edge = "#404040"; dash = "1,1.5"; } }
    else fill = S.no_controller;
    n.fill.setAttribute("fill", fill);
    n.fill.setAttribute("fill-opacity", opacity);
    n.g.setAttribute("data-controller", st.c || "");
    for (const c of st.cl) el("path", { d: D.pieces[i].path, fill: hatch(c), "fill-rule": "evenodd" }, n.overlays);
    for (const d of st.d) {
      const pat = (S.designations[d[0]] || {}).pattern || "none";
      if (pat === "none") continue;
      if (pat === "ring" || pat === "outline") {
        el("path", { d: D.pieces[i].path, fill: "none", stroke: designationColour(d), "stroke-width": 1.2,
          "stroke-dasharray": pat === "ring" ? "4,2" : "" }, n.overlays);
      } else {
        el("path", { d: D.pieces[i].path, fill: designation(d[0], designationColour(d)), "fill-rule": "evenodd" }, n.overlays);
      }
    }
    if (st.k.length) { edge = S.conflict; dash = "5,2.5"; }
    n.edge.setAttribute("stroke", edge);
    n.edge.setAttribute("stroke-width", st.k.length ? 1.4 : 0.8);
    n.edge.setAttribute("stroke-dasharray", dash);
    n.state = s;
  }

  // ---- text
  function summary(st) {
    if (st.a.length === 0) return "no assertion in the loaded sources";
    const parts = [];
    for (const k of st.k) parts.push(`sources disagree on ${k[0]}: ${k[1].map(polityName).join(" vs ")}`);
    if (st.c) parts.push("controlled by " + polityName(st.c) + (st.cu ? " (imprecise date)" : ""));
    else if (!st.k.length) parts.push("no controller asserted");
    for (const c of st.cl) parts.push("claimed by " + polityName(c));
    for (const d of st.d) parts.push(d[0].replace("_", " ") + " (" + polityName(d[1]) + (d[2] ? " → " + polityName(d[2]) : "") + ")");
    return parts.join("; ");
  }
  function assertionItem(ai, extra) {
    const a = D.assertions[ai];
    const li = html("li");
    li.dataset.assertion = a.id;
    li.appendChild(html("b", a.id));
    li.appendChild(document.createTextNode(` — ${a.kind}${a.type ? " " + a.type : ""}, ${polityName(a.party)}${a.beneficiary ? " → " + polityName(a.beneficiary) : ""}, ${a.region}, ${a.from} … ${a.to}${extra || ""}: ${a.paraphrase} `));
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
    const controllers = new Set(), claimants = new Set(), designations = new Map();
    let anyConflict = false, anyUncertain = false, anyNone = false, anyNoController = false;
    for (let i = 0; i < nodes.length; i++) {
      const s = stateAt(i, iso);
      if (nodes[i].state !== s) paint(i, s);
      const st = D.states[s];
      st.a.forEach((a) => inForce.add(a));
      const before = D.states[stateAt(i, prev)];
      if (before !== st) {
        st.a.filter((a) => !before.a.includes(a)).forEach((a) => started.add(a));
        before.a.filter((a) => !st.a.includes(a)).forEach((a) => ended.add(a));
      }
      if (st.a.length === 0) anyNone = true;
      else if (st.k.find((k) => k[0] === "control")) { anyConflict = true; st.k[0][1].forEach((p) => controllers.add(p)); }
      else if (st.c) { controllers.add(st.c); if (st.cu) anyUncertain = true; }
      else anyNoController = true;
      if (st.k.length) anyConflict = true;
      st.cl.forEach((c) => claimants.add(c));
      st.d.forEach((d) => { if (((S.designations[d[0]] || {}).pattern || "none") !== "none") designations.set(d[0] + ":" + designationColour(d), d); });
    }
    // Legend: only what is on the map now.
    const legend = $("legend");
    legend.textContent = "";
    const item = (label, draw) => {
      const li = html("li");
      const sw = el("svg", { width: 22, height: 14, viewBox: "0 0 22 14" });
      draw(sw);
      li.appendChild(sw);
      li.appendChild(document.createTextNode(label));
      legend.appendChild(li);
    };
    const rect = (sw, fill, extra) => el("rect", Object.assign({ x: 0, y: 0, width: 22, height: 14, fill }, extra || {}), sw);
    [...controllers].sort().forEach((c) => item("Controlled by " + polityName(c), (sw) => rect(sw, colour(c))));
    if (anyConflict) item("Sources disagree (red dashed edge; stripes for control)", (sw) => rect(sw, "#fff", { stroke: S.conflict, "stroke-width": 3, "stroke-dasharray": "4,2" }));
    if (anyUncertain) item("Control rests on an imprecise date (lighter)", (sw) => rect(sw, "#888", { "fill-opacity": S.uncertain_alpha }));
    if (anyNoController) item("Claims or statuses, no controller asserted", (sw) => rect(sw, S.no_controller));
    if (anyNone) item("No assertion in the loaded sources", (sw) => rect(sw, S.no_assertion));
    [...claimants].sort().forEach((c) => item("Claimed by " + polityName(c), (sw) => rect(sw, hatch(c))));
    [...designations.values()].forEach((d) => item(d[0].replace("_", " ") + (d[2] ? " → " + polityName(d[2]) : " (" + polityName(d[1]) + ")"),
      (sw) => rect(sw, ["ring", "outline"].includes(S.designations[d[0]].pattern) ? "#fff" : designation(d[0], designationColour(d)),
        { stroke: designationColour(d), "stroke-width": ["ring", "outline"].includes(S.designations[d[0]].pattern) ? 2 : 0 })));
    // Events and assertions.
    const events = $("events");
    events.textContent = "";
    started.forEach((a) => events.appendChild(assertionItem(a, " (begins)")));
    ended.forEach((a) => events.appendChild(assertionItem(a, " (ends)")));
    if (!started.size && !ended.size) events.appendChild(html("li", "none"));
    const list = $("assertions");
    list.textContent = "";
    [...inForce].sort((x, y) => (D.assertions[x].from < D.assertions[y].from ? -1 : 1)).forEach((a) => list.appendChild(assertionItem(a)));
    if (selected >= 0) showHistory(selected);
    if (!fromHash && location.hash !== "#" + iso) history_replace("#" + iso);
  }
  function history_replace(h) { try { window.history.replaceState(null, "", h); } catch (e) { location.hash = h; } }

  function showHistory(i) {
    const p = D.pieces[i];
    $("history-title").textContent = `History of ${p.uyezd_name} — piece ${p.id}`;
    const ol = $("history");
    ol.textContent = "";
    p.spans.forEach((sp, k) => {
      const to = k + 1 < p.spans.length ? toIso(toDay(p.spans[k + 1][0]) - 1) : "…";
      const st = D.states[sp[1]];
      const li = html("li", `${sp[0] || "…"} – ${to}: ${summary(st)}`, st.k.length ? "conflict" : st.cu ? "uncertain" : "");
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
  $("perspective").textContent = D.perspective;
  $("credit").textContent = D.credit;
  window.histmap = { show: (iso) => show(toDay(iso)), current: () => toIso(current), stateOf: (id, iso) =>
    D.states[stateAt(D.pieces.findIndex((p) => p.id === id), iso)] };
  const start = /^#\d{4}-\d{2}-\d{2}$/.test(location.hash) ? toDay(location.hash.slice(1)) : toDay(D.start);
  show(start, true);
})();
