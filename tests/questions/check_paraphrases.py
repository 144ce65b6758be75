#!/usr/bin/env python3
"""No paraphrase, end note or name in the dataset repeats 8 or more consecutive
words of a source text. Usage: check_paraphrases.py GEODATA_DIR SEEDS_DIR.
Exits 77 (skipped) when the seed texts are not beside the clone."""
import os
import re
import sys

import yaml

N = 8


def words(text):
    return re.findall(r"\w+", text.lower())


def main():
    geodata, seeds = sys.argv[1], sys.argv[2]
    if not os.path.isdir(seeds):
        print(f"skipped: {seeds} is not here, so paraphrases cannot be compared with the texts")
        sys.exit(77)
    grams = set()
    for name in sorted(os.listdir(seeds)):
        w = words(open(os.path.join(seeds, name), encoding="utf-8", errors="replace").read())
        grams.update(" ".join(w[i:i + N]) for i in range(len(w) - N + 1))
    checked, copies = 0, []
    adir = os.path.join(geodata, "sets", "azerbaijani", "assertions")  # the set drawn from the seed texts
    for name in sorted(os.listdir(adir)):
        doc = yaml.safe_load(open(os.path.join(adir, name), encoding="utf-8"))
        for a in doc.get("assertions", []):
            for field in ("paraphrase", "end_note"):
                text = a.get(field) or ""
                w = words(str(text))
                checked += 1
                hit = next((" ".join(w[i:i + N]) for i in range(len(w) - N + 1) if " ".join(w[i:i + N]) in grams), None)
                if hit:
                    copies.append(f"{name}: {a.get('id')}: {field} repeats '{hit}' from a source text; reword it")
    for c in copies:
        print(c)
    print(f"paraphrases: {checked - len(copies)} passed, {len(copies)} failed")
    sys.exit(1 if copies or checked == 0 else 0)


if __name__ == "__main__":
    main()
