#!/usr/bin/env python3
"""Every paraphrase in the dataset and its source sets reads on its own: a reader meets it
alone (the page's assertion lists, the animation's caption box, QGIS map tips), so it may
not lean on another record ("As above, for X", "As <assertion id>", "Likewise ...",
"The same treaty ..."). Usage: check_paraphrases_stand_alone.py GEODATA_DIR"""
import glob
import os
import re
import sys

import yaml

# Words that only make sense next to another record. "the same passage" inside a sentence
# that names its passage is fine; a paraphrase that opens with "The same ..." is not.
LEANING = [
    (re.compile(r"^\W*as above\b", re.I), "opens with 'As above'"),
    (re.compile(r"\b(likewise|idem|ditto|same as above)\b", re.I), "says 'likewise' (or 'idem', 'ditto')"),
    (re.compile(r"^\W*((by|in|under) )?the same\b", re.I), "opens with 'the same ...'"),
    (re.compile(r"\b(next|previous|preceding|above) (assertion|record|entry)\b", re.I), "points at another record"),
]


def assertion_files(geodata):
    return sorted(glob.glob(os.path.join(geodata, "assertions", "*.yaml"))
                  + glob.glob(os.path.join(geodata, "sets", "*", "assertions", "*.yaml")))


def main():
    geodata = sys.argv[1]
    records = []
    for path in assertion_files(geodata):
        doc = yaml.safe_load(open(path, encoding="utf-8")) or {}
        records += [(os.path.relpath(path, geodata), a) for a in doc.get("assertions", [])]
    ids = {str(a.get("id")) for _, a in records}
    id_word = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}")
    problems = []
    for path, a in records:
        text = str(a.get("paraphrase") or "")
        why = [w for pattern, w in LEANING if pattern.search(text)]
        why += [f"names assertion {m}" for m in id_word.findall(text) if m in ids]
        for w in why:
            problems.append(f"{path}: {a.get('id')}: paraphrase {w}; say what the text says for this region in full")
    for p in problems:
        print(p)
    print(f"paraphrases: {len(records)} checked, {len(problems)} lean on another record")
    sys.exit(1 if problems or not records else 0)


if __name__ == "__main__":
    main()
