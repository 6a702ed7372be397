#!/usr/bin/env python3
"""Build data/cameo/events.tsv and data/plover/cameo_to_plover.tsv from the codebooks in ../shared.

Usage: scripts/cameo/build-tables.py [--shared ../shared] [--out .]

Inputs (read-only, see their READMEs): shared/data/cameo/CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt,
gdelt-2013/*, quadclass.tsv; shared/data/plover/CAMEO2PLOVER-2021.txt, plover-modes.tsv, plover-contexts.tsv.
The known defects listed in shared/data/cameo/README.md are repaired here (each repair is listed in the
output header). Stdlib only; deterministic output.
"""
import argparse
import os
import re
import sys

# Label repairs for defects documented in shared/data/cameo/README.md ("Known defects").
# (code, wrong text, right text)
LABEL_FIXES = [
    ("044", "\u00d2hird\u00d3location", '"third" location'),  # defect 2: Mac-Roman quotes read as Latin-1
    ("033", "matyerial", "material"),  # defect 3: typo
    ("2041", "radiologicalweapons", "radiological weapons"),  # defect 3: missing blank
]
# Codes whose GDELT label means something else than the CAMEO 1.1b3 label used by CAMEO2PLOVER (defect 6).
SEMANTIC_MISMATCH = {"101", "105", "106", "107", "108"}


def read_tsv2(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for i, line in enumerate(f):
            line = line.rstrip("\n").rstrip("\r")
            if i == 0 or not line:
                continue
            code, value = line.split("\t", 1)
            rows.append((code.strip(), value))
    return rows


def clean(label):
    return re.sub(r"\s+", " ", label).strip()


def build_events(shared):
    cdir = os.path.join(shared, "data", "cameo")
    events = read_tsv2(os.path.join(cdir, "CAMEO.eventcodes.txt"))
    gold = dict(read_tsv2(os.path.join(cdir, "CAMEO.goldsteinscale.txt")))
    gold2013 = dict(read_tsv2(os.path.join(cdir, "gdelt-2013", "CAMEO.goldsteinscale.txt")))
    ev2013 = dict(read_tsv2(os.path.join(cdir, "gdelt-2013", "CAMEO.eventcodes.txt")))
    quad = {}
    with open(os.path.join(cdir, "quadclass.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            cells = line.rstrip("\n").split("\t")
            if i and len(cells) >= 3:
                quad[cells[0]] = cells[2]
    out = []
    repairs = []
    for code, label in events:
        m = re.fullmatch(r"(.*?)(\d{3,4}):\[(-?\d+\.\d)\] (.*)", label)
        if m:  # defect 1: the 106 line merged into the 1056 line
            out.append([code, clean(m.group(1))])
            out.append([m.group(2), clean(m.group(4)), m.group(3)])
            repairs.append(f"{code}: split the merged '{m.group(2)}' line off its label")
            continue
        for fcode, wrong, right in LABEL_FIXES:
            if fcode == code:
                if wrong not in label:
                    sys.exit(f"expected defect not found in {code}: {label!r}")
                label = label.replace(wrong, right)
                repairs.append(f"{code}: '{wrong}' -> '{right}'")
        out.append([code, clean(label)])
    rows = []
    for item in out:
        code, label = item[0], item[1]
        g = item[2] if len(item) > 2 else gold.get(code)
        if g is None:
            g = gold2013.get(code)
            if code in ev2013 and clean(ev2013[code]) != label:
                sys.exit(f"label mismatch for {code}")
        if g is None:
            sys.exit(f"no Goldstein value for {code}")
        root = code[:2]
        base = code[:3] if len(code) >= 3 else code
        rows.append([code, label, base, root, quad[root], f"{float(g):.1f}"])
    return rows, repairs


def parse_plover(shared):
    path = os.path.join(shared, "data", "plover", "CAMEO2PLOVER-2021.txt")
    maps = []
    block = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") or line.startswith("~"):
                continue
            m = re.fullmatch(r"(\d{2}): ([A-Z]+)\s*", line)
            if m:
                block = (m.group(1), m.group(2))
                continue
            m = re.fullmatch(r"(\d{3,4}):([^#]*)(?:#\s*(.*))?", line)
            if not m:
                sys.exit(f"{path}:{n}: cannot parse {line!r}")
            fields = [x.strip() for x in m.group(2).split(",")]
            if len(fields) != 3:
                sys.exit(f"{path}:{n}: expected 3 fields")
            contexts = [c.strip() for c in fields[2].split(";") if c.strip()]
            maps.append((m.group(1), fields[0], fields[1], contexts, (m.group(3) or "").strip(), block, n))
    return maps


def build_plover(shared, events):
    pdir = os.path.join(shared, "data", "plover")
    modes = set()
    with open(os.path.join(pdir, "plover-modes.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            c = line.rstrip("\n").split("\t")
            if i:
                modes.add((c[0], c[1]))
    contexts = set()
    with open(os.path.join(pdir, "plover-contexts.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i:
                contexts.add(line.split("\t")[0])
    gdelt_label = {r[0]: r[1] for r in events}
    rows = []
    seen = {}
    for code, event, mode, ctx, label, block, n in parse_plover(shared):
        key = (code, event, mode, tuple(ctx))
        if code in seen:
            if seen[code] != key:
                sys.exit(f"conflicting duplicate mapping for {code}")
            continue  # 175 is listed twice with the same mapping
        seen[code] = key
        notes = [f"CAMEO 1.1b3: {clean(label)}"] if label else []
        if code in SEMANTIC_MISMATCH:
            notes.append(f"GDELT labels {code} '{gdelt_label.get(code, '?')}' (different meaning)")
        if code not in gdelt_label:
            notes.append("not in GDELT's CAMEO table")
        if block and not code.startswith(block[0]):
            notes.append(f"listed in the {block[0]}: {block[1]} block of the source")
        if mode and (event, mode) not in modes:
            notes.append(f"mode '{mode}' is not in the Draft 2.0 manual's {event} list")
        for c in ctx:
            if c not in contexts:
                notes.append(f"context '{c}' is not in the manual's list")
        rows.append([code, event, mode, " | ".join(ctx), "; ".join(notes)])
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    ap.add_argument("--shared", default=os.environ.get("ANNALS_SHARED", os.path.join(root, "..", "shared")))
    ap.add_argument("--out", default=root)
    args = ap.parse_args()
    events, repairs = build_events(args.shared)
    with open(os.path.join(args.out, "data", "cameo", "events.tsv"), "w", encoding="utf-8") as w:
        w.write("# CAMEO event codes with GDELT quad class and Goldstein scale.\n")
        w.write("# Source: GDELT's CAMEO lookups (https://www.gdeltproject.org/, cite GDELT) as staged in\n")
        w.write("# shared/data/cameo (CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt, gdelt-2013/, quadclass.tsv);\n")
        w.write("# CAMEO by Schrodt, Gerner et al.; Goldstein (1992) as adapted to CAMEO. Generated by\n")
        w.write("# scripts/cameo/build-tables.py. Labels follow GDELT's meanings (101, 105-108 differ from CAMEO\n")
        w.write("# 1.1b3: see data/plover/cameo_to_plover.tsv notes). Codes are strings: keep leading zeros.\n")
        w.write("# base: the 3-digit base code (the root itself for 2-digit root rows); root: 2-digit root;\n")
        w.write("# quad_class: GDELT QuadClass 1-4 by root (see quad_class.md); goldstein: GDELT Goldstein value.\n")
        w.write("# Repairs of the README's known defects:\n")
        for r in repairs:
            w.write(f"#   {r}\n")
        w.write("#   106: Goldstein -5.0 from gdelt-2013/CAMEO.goldsteinscale.txt (missing in the current file)\n")
        w.write("#   all labels: trimmed, runs of blanks collapsed (031, 1454, 25 trailing-blank lines)\n")
        w.write("# Not included: 1213 and 1214 (only in CAMEO2PLOVER), 155, 176, 1834, 1951, 1952 (CAMEO 1.1b3 only):\n")
        w.write("# their labels are not in GDELT's table; consumers fall back to the 3-digit base code.\n")
        w.write("code\tname\tbase\troot\tquad_class\tgoldstein\n")
        for r in events:
            w.write("\t".join(r) + "\n")
    rows = build_plover(args.shared, events)
    with open(os.path.join(args.out, "data", "plover", "cameo_to_plover.tsv"), "w", encoding="utf-8") as w:
        w.write("# CAMEO -> PLOVER mapping, from CAMEO2PLOVER-2021.txt (PLOVER manual Draft 0.8, 2021-09-17,\n")
        w.write("# ed. Philip Schrodt) in https://github.com/openeventdata/PLOVER commit 5e0c24fb, as staged in\n")
        w.write("# shared/data/plover. Licence: CC BY-SA 4.0 (Open Event Data Alliance); this derived file is\n")
        w.write("# under the same licence. Generated by scripts/cameo/build-tables.py.\n")
        w.write("# Columns: cameo (code string), event (PLOVER event type), mode (empty = none), context (\" | \"-\n")
        w.write("# separated, empty = none), note (the CAMEO 1.1b3 label the mapping was written for, and where the\n")
        w.write("# mapping disagrees with GDELT's labels or with the Draft 2.0 manual's mode/context lists).\n")
        w.write("# Roots 01 and 02 have no PLOVER event; 175 appears twice in the source with one mapping (kept once).\n")
        w.write("cameo\tevent\tmode\tcontext\tnote\n")
        for r in rows:
            w.write("\t".join(r) + "\n")
    print(f"events.tsv: {len(events)} codes; cameo_to_plover.tsv: {len(rows)} mappings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
