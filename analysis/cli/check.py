"""``python -m analysis check INPUT...``: check articles' claims and print graded verdicts."""

from __future__ import annotations

import argparse
from typing import Any

from analysis.cli.batch import add_corpus_arguments, run_batch

__all__ = ["register", "run_check"]


def register(sub: Any) -> None:
    """Register the ``check`` command on the top-level sub-parsers.

    Examples
    --------
    >>> from analysis.cli import build_parser
    >>> build_parser().parse_args(["check", "x.txt", "--format", "json"]).format
    'json'
    """
    p = sub.add_parser(
        "check",
        help="check the claims of articles against reference data and geography",
        description=(
            "Extract the claims of each article and grade each one (supported, supported with "
            "caveats, depends on the source, not supported, not checkable) with its evidence. "
            "Takes the same inputs and corpus options as extract."
        ),
    )
    add_corpus_arguments(p)
    p.add_argument(
        "--format", choices=("table", "json"), default=None, help="output format (default: table)"
    )
    p.set_defaults(handler=run_check)


def _table(record: dict[str, Any]) -> str:
    import pandas as pd

    if record.get("error") is not None:
        return f"# {record['id']}: error: {record['error']}\n"
    art = record["article"]
    lines = [f"{art['title']}  (published {art.get('published') or 'unknown'})", ""]
    verdicts = record.get("verdicts", [])
    if not verdicts:
        lines.append("(no check-worthy claims found)")
    for i, v in enumerate(verdicts, 1):
        lines.append(f"[{i}] {v['claim']}")
        summary = (v.get("figures") or {}).get("summary", "")
        lines.append(f"    kind: {v['kind']}   verdict: {str(v['grade']).upper()}   {summary}")
        lines.append(f"    why: {v['reason']}")
        evidence = pd.DataFrame(v.get("evidence") or [])
        cols = ["source", "before_km", "after_km", "ratio", "margin_km"]
        if v["kind"] == "border_change" and not evidence.empty and set(cols) <= set(evidence):
            ev = evidence[cols].copy()
            ev["before_km"] = ev["before_km"].round(1)
            ev["after_km"] = ev["after_km"].round(1)
            ev["ratio"] = ev["ratio"].round(3)
            ev["margin_km"] = ev["margin_km"].round(1)
            lines.extend("      " + row for row in ev.to_string(index=False).splitlines())
        elif v.get("sources"):
            lines.append("    sources: " + "; ".join(v["sources"]))
        lines.append("")
    return "\n".join(lines) + "\n"


def run_check(args: argparse.Namespace) -> int:
    """Handler of ``check``: load, extract, check, print or write."""
    from analysis.cli.output import render

    def show(record: dict[str, Any], single: bool) -> str:
        if args.format in (None, "table"):
            return _table(record)
        return render(record, "json" if single else "jsonl")

    return run_batch(args, check=True, render=show)
