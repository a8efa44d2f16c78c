"""Build ``analysis/reference/data/factbook_borders.csv`` from a factbook.json snapshot.

Runs at vendor time only (never in tests, never at build time).  It reads
``Geography > Land boundaries`` of every country profile in the public GitHub
repository ``factbook/factbook.json`` (the CIA World Factbook in JSON, public
domain) at one pinned commit and writes one CSV row per border as written on
the country's own page, so each pair appears twice, once from each side::

    # a bare git directory (what the fetch tool brings) ...
    python tools/vendor_factbook.py --git-dir /work/.mirror/factbook+factbook.json/repo
    # ... or a plain checkout of the same commit
    python tools/vendor_factbook.py --checkout ~/src/factbook.json

It prints the pairs whose two sides disagree, the names it could not map to an
ISO 3166-1 alpha-3 code (there should be none), the files it skipped, Russia's
figures and the row count, then regenerates the package's ``SHA256SUMS``
listings.  It exits 1 if a name is left unmapped or a border entry is not
understood, and writes nothing in that case.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

#: The commit read by default: the newest commit of the snapshot that touches a
#: country file (2026-05-17, three profiles moved from middle-east/ to central-asia/;
#: the file contents are those of the last data commit 783ed27f of 2026-01-22).
PINNED_COMMIT = "360ddc1bb5c6633bf6be1a92aff528fc96ccba42"
REPO_URL = "https://github.com/factbook/factbook.json"
CIA_URL = "https://www.cia.gov/the-world-factbook/geos/{code}.json"
COLUMNS = [
    "country_code",
    "neighbor_code",
    "neighbor_name",
    "length_km",
    "country_total_km",
    "factbook_file",
    "commit",
    "commit_date",
    "source",
    "url",
    "note",
]

#: Files that are not countries: skipped and reported.
SKIP = {
    "europe/ee.json": "European Union (not a country; its page lists the EU's outer land borders)",
    "world/xx.json": "World (no border list)",
}

#: Factbook spellings that pycountry does not resolve, with the reason for each code.
#: (A hand-written table because these are the Factbook's own conventions: short forms,
#: abbreviations and entities that ISO 3166-1 does not list.)
NAMES: dict[str, tuple[str, str]] = {
    "Burma": ("MMR", ""),
    "Brunei": ("BRN", ""),
    "Turkey": ("TUR", "ISO 3166-1 name Türkiye"),
    "Russia": ("RUS", ""),
    "Macedonia": ("MKD", "the Factbook's former short name for North Macedonia"),
    "Holy See": ("VAT", ""),
    "Holy See (Vatican City)": ("VAT", ""),
    "Cote d'Ivoire": ("CIV", ""),
    "Côte d'Ivoire": ("CIV", ""),
    "The Gambia": ("GMB", ""),
    "The Dominican": ("DOM", "the Factbook's short form for the Dominican Republic"),
    "DRC": ("COD", ""),
    "Democratic Republic of the Congo": ("COD", ""),
    "Congo (Brazzaville)": ("COG", ""),
    "Republic of the Congo": ("COG", ""),
    "UK": ("GBR", ""),
    "US": ("USA", ""),
    "UAE": ("ARE", ""),
    "Kosovo": ("XKX", "Kosovo: XKX is a user-assigned code (ISO 3166-1 lists no Kosovo)"),
    "Gaza Strip": ("PSE", "Gaza Strip: coded PSE (State of Palestine in ISO 3166-1)"),
    "Gaza, Gaza Strip": ("PSE", "Gaza Strip: coded PSE (State of Palestine in ISO 3166-1)"),
    "West Bank": ("PSE", "West Bank: coded PSE (State of Palestine in ISO 3166-1)"),
    "Macau": ("MAC", "ISO 3166-1 name Macao"),
    "French Guiana": (
        "GUF",
        "French Guiana: part of France; France's page counts it in its total "
        "('French Guiana - total') but lists no border countries for it",
    ),
    "Sint Maarten": ("SXM", ""),
    "Saint Martin": ("MAF", ""),
    "Akrotiri": ("GBR", "Akrotiri: UK Sovereign Base Area on Cyprus; ISO 3166 gives it no code"),
    "Dhekelia": ("GBR", "Dhekelia: UK Sovereign Base Area on Cyprus; ISO 3166 gives it no code"),
    "US Naval Base at Guantanamo Bay": (
        "USA",
        "leased by the US; the Factbook notes it remains part of Cuba",
    ),
}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: One border entry: optional "label:" (e.g. "metropolitan France:"), a name, a length
#: in km and an optional trailing "(…)" remark.  Entries are separated by ';', ',' or 'and'.
_ENTRY = re.compile(
    r"(?:^|;|,|\band\b)\s*"
    r"(?:(?P<label>[A-Za-z][A-Za-z .'-]*?):\s*)?"
    r"(?P<name>[^;,:\d]+?)\s+"
    rf"(?P<km>{_NUMBER})\s*km\b"
    r"(?:\s*\((?P<remark>[^)]*)\))?"
)
_TAG = re.compile(r"<[^>]+>")
_QUALIFIER = re.compile(r"^(?P<base>.+?)\s*\((?P<qualifier>[^)]*)\)$")


class FactbookError(Exception):
    """A profile that cannot be read or a border entry that is not understood."""


@dataclass(frozen=True)
class Entry:
    """One border as written on a country's page."""

    name: str
    km: str
    label: str = ""
    remark: str = ""


@dataclass
class Report:
    """What a run found: rows, unmapped names, unparsed text and skipped files."""

    rows: list[dict[str, str]] = field(default_factory=list)
    unmapped: list[tuple[str, str]] = field(default_factory=list)
    unparsed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def clean(text: str) -> str:
    """Return Factbook text without HTML tags or entities, whitespace collapsed.

    Examples
    --------
    >>> clean("C&ocirc;te d'Ivoire <strong>x</strong>")
    "Côte d'Ivoire x"
    """
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def number(text: str) -> str:
    """Return a Factbook length ("1,309 km", "0.15") as a plain decimal string.

    Examples
    --------
    >>> number("22,407 km"), number("4,347.15 km"), number("1975")
    ('22407', '4347.15', '1975')
    """
    match = re.search(_NUMBER, text)
    if not match:
        raise FactbookError(f"no length in {text!r}")
    return match.group(0).replace(",", "")


def parse_borders(text: str) -> tuple[list[Entry], str]:
    """Split a "border countries" text into entries; return them and any text left over.

    Examples
    --------
    >>> entries, rest = parse_borders(
    ...     "China (southeast) 4,133 km and China (south) 46 km; Estonia 324 km, "
    ...     "Angola 2,646 km (of which 225 km is the boundary of Cabinda)"
    ... )
    >>> [(e.name, e.km, e.remark) for e in entries]  # doctest: +NORMALIZE_WHITESPACE
    [('China (southeast)', '4133', ''), ('China (south)', '46', ''), ('Estonia', '324', ''),
     ('Angola', '2646', 'of which 225 km is the boundary of Cabinda')]
    >>> rest
    ''
    >>> entries, _ = parse_borders("metropolitan France: Andorra 55 km; Belgium 556 km")
    >>> [(e.label, e.name) for e in entries]
    [('metropolitan France', 'Andorra'), ('', 'Belgium')]
    """
    text = clean(text)
    entries: list[Entry] = []
    leftover: list[str] = []
    pos = 0
    for match in _ENTRY.finditer(text):
        leftover.append(text[pos : match.start()])
        pos = match.end()
        entries.append(
            Entry(
                name=match.group("name").strip(),
                km=match.group("km").replace(",", ""),
                label=(match.group("label") or "").strip(),
                remark=(match.group("remark") or "").strip(),
            )
        )
    leftover.append(text[pos:])
    rest = re.sub(r"[\s;,.]+", " ", "".join(leftover)).strip()
    return entries, rest


def _pycountry(name: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


def resolve(name: str) -> tuple[str, str] | None:
    """Return (ISO 3166-1 alpha-3, note) for a Factbook country name, or ``None``.

    The explicit table :data:`NAMES` is tried first, then pycountry; a bracketed
    qualifier ("Russia (Kaliningrad Oblast)", "Spain (Ceuta)") is then dropped and
    the base name tried again, the qualifier kept in the note.

    Examples
    --------
    >>> resolve("Russia (Kaliningrad Oblast)")
    ('RUS', 'segment: Kaliningrad Oblast')
    >>> resolve("Kosovo")[0], resolve("Estonia"), resolve("Atlantis")
    ('XKX', ('EST', ''), None)
    """
    name = clean(name)
    for candidate, qualifier in _candidates(name):
        if candidate in NAMES:
            code, note = NAMES[candidate]
        else:
            found = _pycountry(candidate)
            if found is None:
                continue
            code, note = found, ""
        if qualifier:
            note = "; ".join(p for p in (f"segment: {qualifier}", note) if p)
        return code, note
    return None


def _candidates(name: str) -> Iterator[tuple[str, str]]:
    yield name, ""
    match = _QUALIFIER.match(name)
    if match:
        yield match.group("base"), match.group("qualifier")


class Source:
    """Read files of the factbook.json repository at one commit (git dir or checkout)."""

    def __init__(self, commit: str, git_dir: Path | None, checkout: Path | None) -> None:
        self.commit = commit
        self.git_dir = git_dir
        self.checkout = checkout
        if checkout is not None:
            head = self._git("rev-parse", "HEAD").strip()
            if head != commit:
                raise FactbookError(f"checkout is at {head}, not the requested commit {commit}")

    def _git(self, *args: str) -> str:
        where = ["--git-dir", str(self.git_dir)] if self.git_dir else ["-C", str(self.checkout)]
        done = subprocess.run(["git", *where, *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise FactbookError(f"git {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def commit_date(self) -> str:
        """Committer date of the commit, YYYY-MM-DD."""
        return self._git("show", "-s", "--format=%cs", self.commit).strip()

    def profiles(self) -> list[str]:
        """Paths of the country profiles (``region/xx.json``) at the commit, sorted."""
        names = self._git("ls-tree", "-r", "--name-only", self.commit).splitlines()
        return sorted(p for p in names if re.fullmatch(r"[a-z-]+/[a-z]{2}\.json", p))

    def read(self, path: str) -> dict[str, object]:
        """The parsed JSON of one profile."""
        if self.checkout is not None:
            text = (self.checkout / path).read_text(encoding="utf-8")
        else:
            text = self._git("show", f"{self.commit}:{path}")
        data = json.loads(text)
        if not isinstance(data, dict):
            raise FactbookError(f"{path}: not a JSON object")
        return data


def _text(node: object) -> str:
    if isinstance(node, dict):
        value = node.get("text", "")
        return value if isinstance(value, str) else ""
    return ""


def _country_names(profile: dict[str, object]) -> list[str]:
    government = profile.get("Government")
    names = government.get("Country name", {}) if isinstance(government, dict) else {}
    if not isinstance(names, dict):
        return []
    out = []
    for key in ("conventional short form", "conventional long form"):
        value = clean(_text(names.get(key)))
        if value and value.lower() != "none":
            out.append(value)
    return out


def _border_fields(boundaries: dict[str, object]) -> Iterable[tuple[str, str]]:
    """The fields of "Land boundaries" that list neighbours, e.g. "border countries"."""
    for key, node in boundaries.items():
        if key == "total" or key == "note" or key.endswith("- total"):
            continue
        if key.startswith("border") or key == "regional borders":
            yield key, _text(node)


def build(source: Source) -> Report:
    """Read every profile at the source's commit and return the rows and findings."""
    report = Report()
    commit_date = source.commit_date()
    for path in source.profiles():
        if path in SKIP:
            report.skipped.append((path, SKIP[path]))
            continue
        profile = source.read(path)
        geography = profile.get("Geography")
        boundaries = geography.get("Land boundaries") if isinstance(geography, dict) else None
        if not isinstance(boundaries, dict):
            continue
        fields = list(_border_fields(boundaries))
        if not fields:
            continue
        country = None
        for candidate in _country_names(profile):
            country = resolve(candidate)
            if country:
                break
        if country is None:
            report.unmapped.append((path, " / ".join(_country_names(profile)) or "(no name)"))
            continue
        country_code, country_note = country
        total = number(_text(boundaries.get("total")))
        page_note = clean(_text(boundaries.get("note"))).removeprefix("note: ")
        code = Path(path).stem
        url = f"{REPO_URL}/raw/{source.commit}/{path} ; {CIA_URL.format(code=code)}"
        for key, text in fields:
            entries, rest = parse_borders(text)
            if rest:
                report.unparsed.append((path, rest))
            for entry in entries:
                neighbor = resolve(entry.name)
                if neighbor is None:
                    report.unmapped.append((path, entry.name))
                    continue
                short = float(entry.km) > float(total)
                notes = [
                    country_note and f"country: {country_note}",
                    short
                    and f"the page's total ({total} km) is less than this border (as printed)",
                    neighbor[1],
                    entry.label and f"listed under '{entry.label}'",
                    entry.remark and f"Factbook: {entry.remark}",
                    key != "border countries" and f"listed as '{key}'",
                    page_note and f"page note: {page_note}",
                ]
                report.rows.append(
                    {
                        "country_code": country_code,
                        "neighbor_code": neighbor[0],
                        "neighbor_name": entry.name,
                        "length_km": entry.km,
                        "country_total_km": total,
                        "factbook_file": path,
                        "commit": source.commit,
                        "commit_date": commit_date,
                        "source": (
                            "CIA World Factbook (public domain), Geography > Land boundaries > "
                            f"{key}, as mirrored by factbook.json"
                        ),
                        "url": url,
                        "note": "; ".join(n for n in notes if n),
                    }
                )
    return report


def disagreements(rows: list[dict[str, str]]) -> list[tuple[str, str, float | None, float | None]]:
    """Pairs whose two sides give different totals (``None``: that side lists nothing).

    Lengths of the same pair on one side are summed (Russia lists China in two
    segments; Israel lists the Gaza Strip and the West Bank, both PSE).

    Examples
    --------
    >>> rows = [
    ...     {"country_code": "A", "neighbor_code": "B", "length_km": "10"},
    ...     {"country_code": "B", "neighbor_code": "A", "length_km": "12"},
    ...     {"country_code": "A", "neighbor_code": "C", "length_km": "5"},
    ... ]
    >>> disagreements(rows)
    [('A', 'B', 10.0, 12.0), ('A', 'C', 5.0, None)]
    """
    sums: dict[tuple[str, str], float] = defaultdict(float)
    for row in rows:
        sums[(row["country_code"], row["neighbor_code"])] += float(row["length_km"])
    out = []
    for a, b in sorted({tuple(sorted(pair)) for pair in sums}):
        ab, ba = sums.get((a, b)), sums.get((b, a))
        if ab is None or ba is None or abs(ab - ba) > 1e-9:
            out.append((a, b, ab, ba))
    return out


def write(rows: list[dict[str, str]], target: Path) -> None:
    """Write the rows as CSV (LF line ends, minimal quoting)."""
    with open(target, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    """Read the snapshot, print the report, write the CSV and regenerate the checksums."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--git-dir", type=Path, help="bare git directory of factbook.json")
    where.add_argument("--checkout", type=Path, help="a checkout of factbook.json at --commit")
    parser.add_argument("--commit", default=PINNED_COMMIT, help="commit to read (default: pinned)")
    parser.add_argument("--out", type=Path, default=None, help="CSV to write (default: package)")
    args = parser.parse_args(argv)
    try:
        source = Source(args.commit, args.git_dir, args.checkout)
        report = build(source)
    except FactbookError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    print(f"factbook.json commit {source.commit} ({source.commit_date()})")
    for path, why in report.skipped:
        print(f"skipped {path}: {why}")
    pairs = disagreements(report.rows)
    print(f"pairs whose two sides disagree: {len(pairs)}")
    for a, b, ab, ba in pairs:
        left = "not listed" if ab is None else f"{ab:g} km"
        right = "not listed" if ba is None else f"{ba:g} km"
        print(f"  {a} page lists {b}: {left}; {b} page lists {a}: {right}")
    print(f"names not mapped: {len(report.unmapped)}")
    for path, name in report.unmapped:
        print(f"  {path}: {name}")
    print(f"border text not understood: {len(report.unparsed)}")
    for path, rest in report.unparsed:
        print(f"  {path}: {rest!r}")
    short = [r for r in report.rows if float(r["length_km"]) > float(r["country_total_km"])]
    print(f"borders longer than their page's total: {len(short)}")
    for r in short:
        print(
            f"  {r['factbook_file']}: {r['neighbor_name']} {r['length_km']}"
            f" > {r['country_total_km']}"
        )
    russia = [r for r in report.rows if r["country_code"] == "RUS"]
    if russia:
        print(
            f"Russia total {russia[0]['country_total_km']} km; "
            + ", ".join(f"{r['neighbor_code']} {r['length_km']}" for r in russia)
        )
    print(f"rows: {len(report.rows)}")
    if report.unmapped or report.unparsed:
        print("not written: fix the names or the parser first", file=sys.stderr)
        return 1

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from analysis._data import package_file, write_checksums

    target = args.out or package_file("reference", "data", "factbook_borders.csv")
    write(report.rows, target)
    print(f"wrote {target}")
    if args.out is None:
        write_checksums(target.parent)
        print(f"regenerated {target.parent / 'SHA256SUMS'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
