#!/usr/bin/env python3
"""Generate or refresh the skeleton of data/dict/countries.tsv from Debian's iso-codes.

Usage:
  scripts/dict/countries-skeleton.py [--iso PATH] [--merge data/dict/countries.tsv] > out.tsv

One row per ISO 3166-1 entry (iso-codes' iso_3166-1.json). The columns `code`, `iso2` and the ISO-derived
names come from iso-codes; with --merge, every hand-written cell of an existing file (adjectives, demonyms,
capitals, metonyms, historical, note, extra names, a CAMEO code that differs from ISO alpha-3) is kept, and
rows that are not in ISO 3166-1 (e.g. Kosovo) are carried over unchanged. The ISO names are appended to the
hand-written names when missing, so re-running after an iso-codes update only adds facts.

Name rules: `common_name`, then `name`, then `official_name`; inverted ISO forms such as "Korea, Republic of"
become "Republic of Korea"; "Taiwan, Province of China" is not used as a name (it does not occur as such in
news text), nor are the names in NOT_NAMES ("Congo" for CG: news means COD by it). Stdlib only.
"""
import argparse
import json
import re
import sys

COLUMNS = ["code", "iso2", "names", "adjectives", "demonyms", "capitals", "metonyms", "historical", "note"]
SEP = " | "


def natural(name):
    """Turn ISO's inverted 'X, Y of [the]' into 'Y of [the] X'; None if the form is unusable."""
    if name is None:
        return None
    name = name.strip()
    if name == "Taiwan, Province of China":
        return None
    m = re.fullmatch(r"(.+), (.+ of(?: the)?)", name)
    if m:
        return re.sub(r"^[Tt]he ", "", f"{m.group(2)} {m.group(1)}")
    m = re.fullmatch(r"Virgin Islands, (British|U\.S\.)", name)
    if m:
        return None  # handled by official_name
    return re.sub(r"^[Tt]he ", "", name)


# ISO names that news text uses for another country: "Congo" alone is the Democratic Republic of the
# Congo (COD) in international news (Reuters, AP write "Republic of Congo" for CG), so CG does not get it.
NOT_NAMES = {"CG": {"Congo"}}


def iso_names(entry):
    out = []
    for key in ("common_name", "name", "official_name"):
        n = natural(entry.get(key))
        if n and n not in out and n not in NOT_NAMES.get(entry["alpha_2"], ()):
            out.append(n)
    return out


def read_existing(path):
    rows = {}
    order = []
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") or not line:
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
            rows[row["iso2"]] = row
            order.append(row["iso2"])
    return rows, order


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--merge", help="existing countries.tsv whose hand-written cells are kept")
    args = ap.parse_args()
    with open(args.iso, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    existing, order = ({}, [])
    header_comments = []
    if args.merge:
        existing, order = read_existing(args.merge)
        with open(args.merge, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    break
                header_comments.append(line.rstrip("\n"))
    if not header_comments:
        header_comments = ["# countries.tsv: one row per ISO 3166-1 entry (skeleton from iso-codes)."]
    out = []
    seen = set()
    for e in entries:
        iso2 = e["alpha_2"]
        seen.add(iso2)
        row = existing.get(iso2, {c: "" for c in COLUMNS})
        row["iso2"] = iso2
        if not row.get("code"):
            row["code"] = e["alpha_3"]
        names = [n for n in row.get("names", "").split(SEP) if n]
        for n in iso_names(e):
            if n not in names:
                names.append(n)
        row["names"] = SEP.join(names)
        out.append(row)
    for iso2 in order:  # non-ISO rows (Kosovo, ...) are kept as written
        if iso2 not in seen:
            out.append(existing[iso2])
    w = sys.stdout
    for c in header_comments:
        w.write(c + "\n")
    w.write("\t".join(COLUMNS) + "\n")
    for row in out:
        w.write("\t".join(row.get(c, "") for c in COLUMNS) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
