#!/usr/bin/env python3
"""Every text a reader meets alone reads on its own: paraphrases (the page's assertion lists,
the animation's caption box, QGIS map tips), end notes and voices (`histmap explain`, the
exported tables) may not lean on another record ("As above, for X", "As <assertion id>",
"Likewise ...", "The same treaty ..."), and the notes of polities, regions and sources may not
name an assertion id. Usage: check_paraphrases_stand_alone.py GEODATA_DIR"""
import glob
import os
import re
import sys

import yaml

# Words that only make sense next to another record. "the same passage" inside a sentence
# that names its passage is fine; a text that opens with "The same ..." is not.
LEANING = [
    (re.compile(r"^\W*as above\b", re.I), "opens with 'As above'"),
    (re.compile(r"\b(likewise|idem|ditto|same as above)\b", re.I), "says 'likewise' (or 'idem', 'ditto')"),
    (re.compile(r"^\W*((by|in|under) )?the same\b", re.I), "opens with 'the same ...'"),
    (re.compile(r"\b(next|previous|preceding|above) (assertion|record|entry)\b", re.I), "points at another record"),
]
# "as s004-…": an id-like word (three or more hyphenated parts) right after an opening "as",
# caught even when it names no assertion (a typo, a record since renamed).
AS_ID = re.compile(r"^\W*as ([a-z0-9]+(?:-[a-z0-9]+){2,})\b", re.I)
ID_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}")
ASSERTION_TEXTS = ("paraphrase", "end_note", "voice")
NOTE_FILES = {"polities.yaml": ("polities", ("note",)),
              "regions.yaml": ("regions", ("note",)),
              "sources.yaml": ("sources", ("title", "description", "perspective"))}


def dataset_dirs(geodata):
    return [geodata] + sorted(glob.glob(os.path.join(geodata, "sets", "*")))


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def leaning(text, ids, source_ids=()):
    why = [w for pattern, w in LEANING if pattern.search(text)]
    # A reader meets the text without the source list beside it: a source is named in words.
    why += [f"names source {w} by its id" for w in sorted(source_ids) if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    m = AS_ID.search(text)
    if m:
        why.append(f"reads 'as {m.group(1)}'")
    why += [f"names assertion {w}" for w in ID_WORD.findall(text) if w in ids and not (m and w == m.group(1))]
    return why


def main():
    geodata = sys.argv[1]
    records = []
    for folder in dataset_dirs(geodata):
        for path in sorted(glob.glob(os.path.join(folder, "assertions", "*.yaml"))):
            records += [(os.path.relpath(path, geodata), a) for a in load(path).get("assertions", [])]
    ids = {str(a.get("id")) for _, a in records}
    source_ids = {str(s.get("id")) for folder in dataset_dirs(geodata)
                  if os.path.exists(os.path.join(folder, "sources.yaml"))
                  for s in load(os.path.join(folder, "sources.yaml")).get("sources", []) or []}
    problems = []
    for path, a in records:
        for field in ASSERTION_TEXTS:
            for w in leaning(str(a.get(field) or ""), ids, source_ids if field == "paraphrase" else ()):
                problems.append(f"{path}: {a.get('id')}: {field} {w}; say in full what the text says for this record")
    notes = 0
    for folder in dataset_dirs(geodata):
        for name, (key, fields) in NOTE_FILES.items():
            path = os.path.join(folder, name)
            if not os.path.exists(path):
                continue
            for entry in load(path).get(key, []) or []:
                for field in fields:
                    notes += 1
                    for w in ID_WORD.findall(str(entry.get(field) or "")):
                        if w in ids:
                            problems.append(f"{os.path.relpath(path, geodata)}: {entry.get('id')}: {field} names assertion {w}; say what it says instead")
    for p in problems:
        print(p)
    print(f"paraphrases, end notes, voices: {len(records)} records and {notes} notes checked, "
          f"{len(problems)} lean on another record")
    sys.exit(1 if problems or not records else 0)


if __name__ == "__main__":
    main()
