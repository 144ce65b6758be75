// What a reader meets on the page (ux-review section 3), in real headless Chromium: words
// rather than ids or raw dates on every change day, the slider's years and ticks explained,
// distinct glyphs, an area history that reads, swatches that cannot be mistaken, and the day's
// changes grouped by the area they concern, each saying whose account it gives.
// Usage: HISTMAP_BINARY=build/histmap node --test tests/web/reader.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSite } from "./browser.mjs";

const bin = process.env.HISTMAP_BINARY;
const work = mkdtempSync(join(tmpdir(), "histmap-reader-"));
const site = join(work, "site");
const shots = process.env.HISTMAP_SCREENSHOT_DIR ?? work;
let browser, page;

before(async () => { ({ browser, page } = await openSite(bin, site)); });

after(async () => { await browser?.close(); });

const fresh = async (rest) => { await page.goto("about:blank"); await page.goto(`file://${site}/index.html${rest}`); };

test("on every change day no raw id, raw EDTF date, 'lines -' or 'lines 201' reaches the reader", async () => {
  await fresh("#1918-01-01");
  const faults = await page.evaluate(() => {
    const D = window.HISTMAP_DATA;
    const ids = new Set([...D.assertions.map((a) => a.id), ...Object.keys(D.regions).filter((r) => r.includes("_")),
      ...Object.keys(D.polities).filter((p) => p.includes("_")), ...D.pieces.map((p) => p.id)]);
    const bad = [
      [/\b\d{4}-\d{2}(?!-\d)\b/, "a raw EDTF date such as 1921-22"],
      [/\b\d{4}-\d{2}-\d{2}\b/, "an ISO date"],
      [/\[\.\.|\.\.\]|\d\.\.\d/, "an EDTF range"],
      [/\blines? -/, "a locator with no lines"],
      [/\blines \d+[a-z]?(?![\d,\-–])/, "'lines' before one line"],
    ];
    const out = new Set();
    const read = (where) => {
      const text = where.map((id) => document.getElementById(id).innerText).join("\n") +
        [...document.querySelectorAll("#map title, [title]")].map((e) => e.textContent + " " + (e.title || "")).join("\n");
      for (const [re, what] of bad) { const m = text.match(re); if (m) out.add(`${what}: “${m[0]}” on ${window.histmap.current()}`); }
      for (const word of text.split(/[\s\[\](),;:—]+/)) if (ids.has(word)) out.add(`the id ${word} on ${window.histmap.current()}`);
    };
    // The legend in the words of histmap's own legend, not designation types or side framings.
    const rawLegend = /→|self determination|\boccupation\b|\b[a-z]+_[a-z_]+\b/;
    for (const day of D.changes) {
      window.histmap.show(day);
      read(["date", "legend", "events", "assertions"]);
      const m = document.getElementById("legend").innerText.match(rawLegend);
      if (m) out.add(`a raw legend word “${m[0]}” on ${day}`);
    }
    return [...out].slice(0, 12);
  });
  assert.deepEqual(faults, []);
  // The review's example: summer 1921 in words, not "1921-22".
  await fresh("#1921-09-01");
  assert.match(await page.locator("#assertions").innerText(), /summer 1921/);
});

test("the slider names its years under their ticks and explains the red ticks", async () => {
  await fresh("#1920-12-01");
  const years = await page.locator("#years span").evaluateAll((ss) => ss.map((s) => {
    const r = s.getBoundingClientRect();
    return { text: s.textContent, centre: r.x + r.width / 2 };
  }));
  const period = await page.evaluate(() => window.HISTMAP_DATA.period.map((d) => +d.slice(0, 4)));
  assert.deepEqual(years.map((y) => +y.text), Array.from({ length: period[1] - period[0] }, (_, i) => period[0] + 1 + i));
  const slider = await page.locator("#slider").boundingBox();
  // Each year's label sits where the slider shows 1 January of that year (within a thumb's width).
  for (const y of years) {
    const x = await page.evaluate((iso) => {
      const s = document.getElementById("slider"), day = Math.round(Date.parse(iso) / 86400000);
      return (day - +s.min) / (+s.max - +s.min);
    }, `${y.text}-01-01`);
    assert.ok(Math.abs(slider.x + x * slider.width - y.centre) < 16, `${y.text} at ${y.centre}, 1 January at ${slider.x + x * slider.width}`);
  }
  const help = page.locator("#slider-help");
  assert.ok(await help.isVisible());
  assert.match(await help.innerText(), /Red ticks: days on which something changes/);
  const ticks = await page.locator("#ticks line[stroke='#b00']").count();
  assert.equal(ticks, await page.evaluate(() => {
    const D = window.HISTMAP_DATA;
    return D.changes.filter((c) => c >= D.period[0] && c <= D.period[1]).length;
  }));
  // Play and next day are told apart by their glyphs.
  const glyph = (id) => page.locator(id).textContent();
  assert.notEqual(await glyph("#play"), await glyph("#next-day"));
  assert.notEqual(await glyph("#play"), await glyph("#next-change"));
});

test("an area's history: no two neighbouring entries alike, today marked, numbers not clipped, no piece id", async () => {
  await fresh("#1920-12-01");
  const piece = await page.evaluate(() => {  // the Nakhichevan piece with the longest history
    const D = window.HISTMAP_DATA;
    return D.pieces.filter((p) => p.uyezd === "nakhichevan").sort((a, b) => b.spans.length - a.spans.length)[0].id;
  });
  await page.locator(`[data-piece="${piece}"] .fill`).click({ force: true });
  const title = await page.locator("#history-title").textContent();
  assert.match(title, /Nakhichevan/);
  assert.doesNotMatch(title, new RegExp(`piece|${piece}`));
  const entries = await page.locator("#history li").allInnerTexts();
  assert.ok(entries.length >= 10, `a history long enough to number past 9 (${entries.length} entries)`);
  const what = entries.map((e) => e.slice(e.indexOf(": ") + 2));
  for (let i = 1; i < what.length; i++) assert.notEqual(what[i], what[i - 1], `entries ${i} and ${i + 1} read the same`);
  const now = page.locator("#history li.now");
  assert.equal(await now.count(), 1);
  assert.equal(await now.getAttribute("aria-current"), "date");
  assert.notEqual(await now.evaluate((li) => getComputedStyle(li).backgroundColor), "rgba(0, 0, 0, 0)");
  // The widest number ("39.") fits in the list's indent, so the aside's scroll box cuts none.
  const fit = await page.locator("#history").evaluate((ol) => {
    const probe = document.createElement("span");
    probe.style.font = getComputedStyle(ol.children[0]).font;
    probe.style.position = "absolute";
    probe.textContent = `${ol.children.length}. `;
    document.body.appendChild(probe);
    const need = probe.getBoundingClientRect().width;
    probe.remove();
    return { need, room: parseFloat(getComputedStyle(ol).paddingLeft) };
  });
  assert.ok(fit.need <= fit.room, `the number needs ${fit.need} px, the indent is ${fit.room} px`);
});

test("'the date is imprecise' swatches are coloured, and none looks like the swatch of a day no source speaks of", async () => {
  const read = () => page.evaluate(() => {
    const colours = (svg) => [...svg.querySelectorAll("path")].slice(1).flatMap((p) => {
      const f = p.getAttribute("fill") || "", m = f.match(/url\(#(\w+)\)/);
      const own = [f, p.getAttribute("stroke")].filter((c) => c && c.startsWith("#"));
      if (!m) return own;
      const pat = document.getElementById(m[1]);
      return [...own, ...[...pat.children].flatMap((c) => [c.getAttribute("fill"), c.getAttribute("stroke")])
        .filter((c) => c && c.startsWith("#"))];
    });
    return [...document.querySelectorAll("#legend li")].map((li) => ({ label: li.textContent, colours: colours(li.querySelector("svg")) }));
  });
  const chroma = (hex) => { const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)); return Math.max(...c) - Math.min(...c); };
  await fresh("#1920-12-01");
  const dec1920 = await read();
  const controlled = dec1920.filter((s) => /^Controlled by .*imprecise/.test(s.label));
  assert.ok(controlled.length >= 1, "1 December 1920 has areas controlled on an imprecise date");
  for (const s of controlled) assert.ok(s.colours.some((c) => chroma(c) > 40), `${s.label}: ${s.colours.join(" ")}`);
  // The grey "no controller, on imprecise dates" swatch carries a pattern that "no source speaks" has not.
  await fresh("#1918-01-01");
  const noSource = (await read()).find((s) => /No loaded source speaks/.test(s.label));
  assert.ok(noSource, "on 1 January 1918 some area has no source");
  for (const s of dec1920.filter((s) => /imprecise/.test(s.label)))
    assert.notDeepEqual([...new Set(s.colours)].sort(), [...new Set(noSource.colours)].sort(), s.label);
});

test("1 December 1920: the day's changes stand under the area they concern, each saying whose account it gives", async () => {
  await fresh("#1920-12-01");
  const groups = await page.locator("#events > li.area").evaluateAll((ls) => ls.map((l) => ({
    region: l.dataset.region, heading: l.querySelector("b").textContent,
    items: [...l.querySelectorAll("li[data-assertion]")].map((i) => i.dataset.assertion),
  })));
  const D = await page.evaluate(() => ({ assertions: window.HISTMAP_DATA.assertions, regions: window.HISTMAP_DATA.regions,
    sources: window.HISTMAP_DATA.sources }));
  const byId = new Map(D.assertions.map((a) => [a.id, a]));
  assert.equal(new Set(groups.map((g) => g.region)).size, groups.length, "one heading per area");
  for (const g of groups) {
    assert.equal(g.heading, D.regions[g.region].names.en);
    for (const id of g.items) assert.equal(byId.get(id).region, g.region, `${id} under ${g.heading}`);
  }
  // Two sources' accounts of Zangezur on that day share one heading and name their sides.
  const zangezur = groups.find((g) => g.region === "zangezur");
  const sides = new Set(zangezur.items.map((id) => D.sources[byId.get(id).source].set?.en));
  assert.ok(sides.size >= 2, `Zangezur's items give more than one side's account: ${[...sides].join(", ")}`);
  const text = await page.locator('#events li.area[data-region="zangezur"]').innerText();
  for (const side of sides) assert.ok(text.includes(`(${side})`), `the reader sees “${side}”`);
  await page.locator("#events").evaluate((e) => { e.closest("aside").scrollTop = e.offsetTop - e.closest("aside").offsetTop - 30; });
  await page.screenshot({ path: join(shots, "page-changes-1920-12-01.png") });
});
