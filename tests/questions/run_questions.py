#!/usr/bin/env python3
"""The question suite: questions a historian would ask of the shipped data, each
answered from the texts (with the locator that justifies the answer), run end to
end through `histmap state --format json`.

Rows (tests/data/questions*.csv): region,date,ask,expected,locator,note
  ask controller   expected: polity id, or '-' for no controller named
  ask claimant     expected: polity id that must be among the claimants
  ask status       expected: 'type:party' that must be present (party = who made it
                   or, for assigned/recognised, the beneficiary)
  ask conflict     expected: yes | no | dating | statements (a conflict about that)
  ask none         expected: yes (no loaded source speaks of the region that day) | no
  ask asserted_as  expected: stated | presupposed (how the controller is asserted)
A leading '!' negates expected (e.g. '!am_republic': the controller is not am_republic;
'!troops_present:rsfsr': that status is gone). The answer must hold for every piece
group of the region (state --region gives one group per distinct state).
Which source sets answer: questions-set-<id>.csv is asked of the `azerbaijani` set and set <id>
(--sources azerbaijani,<id>), questions-cross-sets.csv of every shipped set (the disagreements
between sets), and any other file of the `azerbaijani` set alone (the two seed texts).
Usage: run_questions.py HISTMAP CSV... ; prints each failure and a summary line."""
import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict


def extra_args(path):
    name = os.path.basename(path)
    if name == "questions-cross-sets.csv":
        return []
    m = re.match(r"questions-set-(.+)\.csv$", name)
    return ["--sources", "azerbaijani," + m.group(1) if m else "azerbaijani"]


def state(histmap, region, date, extra, cache={}):
    key = (region, date, tuple(extra))
    if key not in cache:
        out = subprocess.run([histmap, "state", "--date", date, "--region", region, "--format", "json"] + extra,
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"histmap state --date {date} --region {region} exited {out.returncode}: {out.stderr.strip()}")
        cache[key] = json.loads(out.stdout)
    return cache[key]


def holds(group, ask, expected):
    if ask == "controller":
        return (group["controller"] or "-") == expected
    if ask == "claimant":
        return expected in group["claimants"]
    if ask == "status":
        typ, _, party = expected.partition(":")
        return any(d["type"] == typ and (not party or party in (d["by"], d["beneficiary"])) for d in group["designations"])
    if ask == "conflict":
        if expected in ("dating", "statements"):
            return any(c["about"] == expected for c in group["conflicts"])
        return group["conflict"] == (expected == "yes")
    if ask == "none":
        silent = not group["assertions"] and not group["set_aside"]
        return silent == (expected == "yes")
    if ask == "asserted_as":
        return group.get("control_asserted_as") == expected
    raise ValueError(f"unknown ask '{ask}'")


def main():
    histmap, files = sys.argv[1], sys.argv[2:]
    failures, total = 0, 0
    by_year, by_region = Counter(), Counter()
    for path in files:
        with open(path, newline="", encoding="utf-8") as f:
            for n, row in enumerate(csv.DictReader(f), start=2):
                if not row.get("region") or row["region"].startswith("#"):
                    continue
                total += 1
                by_year[row["date"][:4]] += 1
                by_region[row["region"]] += 1
                expected, negate = row["expected"].strip(), False
                if expected.startswith("!"):
                    expected, negate = expected[1:], True
                if not row.get("locator", "").strip():
                    print(f"{path}:{n}: no locator: every answer must say where the text gives it")
                    failures += 1
                    continue
                try:
                    groups = state(histmap, row["region"], row["date"], extra_args(path))
                    ok = all(holds(g, row["ask"], expected) != negate for g in groups)
                except (RuntimeError, ValueError) as e:
                    print(f"{path}:{n}: {e}")
                    failures += 1
                    continue
                if not ok:
                    failures += 1
                    got = [{k: g.get(k) for k in ("pieces", "controller", "control_asserted_as", "claimants", "conflict")} |
                           {"designations": [f"{d['type']}:{d['by']}>{d['beneficiary']}" for d in g["designations"]]}
                           for g in groups]
                    print(f"{path}:{n}: {row['region']} on {row['date']}: expected {row['ask']} {row['expected']} "
                          f"({row['locator']}); histmap says {json.dumps(got, ensure_ascii=False)}")
    print("questions per year: " + ", ".join(f"{y} {k}" for y, k in sorted(by_year.items())))
    print("questions per region: " + ", ".join(f"{r} {k}" for r, k in sorted(by_region.items())))
    print(f"questions: {total - failures} passed, {failures} failed")
    sys.exit(1 if failures or total == 0 else 0)


if __name__ == "__main__":
    main()
