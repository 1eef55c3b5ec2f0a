"""The run report: one self-contained HTML page (no script, no CDN, inline SVG).

:func:`render_report` turns a plain dict (built by the report extension) into
the page; :func:`month_chart` draws articles per month as an SVG bar chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from kcn_crawler.catalog.report_coverage import coverage_section

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1100px;
       padding: 0 1em; color: #1d232a; }
h1 { font-size: 1.5em; margin-bottom: .2em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #d0d7de; padding: .25em .6em; text-align: left;
         vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-weight: bold; padding: .3em .8em; display: inline-block; border-radius: 4px; }
.ok { background: #dafbe1; color: #116329; } .fail { background: #ffebe9; color: #a40e26; }
.muted { color: #57606a; } td.url { word-break: break-all; max-width: 700px; }
svg text { font: 11px system-ui, sans-serif; fill: #444; }
"""

COUNT_LABELS = (
    ("requests", "Requests sent"),
    ("responses", "Responses (final)"),
    ("items", "Articles emitted"),
    ("new", "… new"),
    ("changed", "… changed (new revision)"),
    ("unchanged", "Unchanged (emitted in a full crawl, or dropped)"),
    ("skipped", "Known articles not fetched again"),
    ("incomplete", "Unreadable articles (no title, date or text; not emitted)"),
    ("dropped", "Articles dropped: unreadable, or refused by a pipeline (the dropped_items check)"),
    ("set_aside", "Duplicates and articles out of the date range (not counted as dropped)"),
    ("http_errors", "HTTP errors and failed downloads"),
    ("failures", "Failed URLs listed below"),
)


KINDS = {
    "full": "full crawl",
    "incremental": "incremental (compared with incremental runs)",
    "resumed": "resumed job (judged on all of its runs)",
}


def month_range(months: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """Every month from the first to the last given (``YYYY-MM``), zero where none."""
    counts = {str(m): int(c) for m, c in months if m and len(str(m)) >= 7}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    result = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        result.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def month_chart(months: Iterable[tuple[str, int]], *, height: int = 180) -> str:
    """Articles per month (``[("2018-01", 5), ...]``) as an inline SVG bar chart."""
    data = month_range(months)
    if not data:
        return '<p class="muted" id="chart-empty">No dated articles.</p>'
    top = max(count for _, count in data) or 1
    step = max(3.0, min(17.0, 960 / len(data)))
    bar = max(2.0, step - 2)
    left, bottom, head = 36, 34, 14
    width = round(left + len(data) * step + 10)
    plot = height - bottom - head
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="month-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>Articles per month, {escape(data[0][0])} to {escape(data[-1][0])}</title>",
        f'<line x1="{left - 2}" y1="{head}" x2="{left - 2}" y2="{head + plot}" stroke="#999"/>',
        f'<text x="{left - 6}" y="{head + 4}" text-anchor="end">{top}</text>',
        f'<text x="{left - 6}" y="{head + plot}" text-anchor="end">0</text>',
    ]
    years_every = 1 if step * 12 >= 34 else 2
    for index, (month, count) in enumerate(data):
        x = round(left + index * step, 1)
        h = round(plot * count / top, 1)
        parts.append(
            f'<rect class="bar" x="{x}" y="{head + plot - h}" width="{bar:g}" height="{h}" '
            f'fill="#0969da" data-month="{escape(month)}" data-count="{count}">'
            f"<title>{escape(month)}: {count}</title></rect>"
        )
        if index == 0 or month.endswith("-01"):
            parts.append(
                f'<line x1="{x}" y1="{head + plot}" x2="{x}" y2="{head + plot + 5}" stroke="#999"/>'
            )
            room = (13 - int(month[5:7])) * step if index == 0 else 99.0
            if room >= 34 and (int(month[:4]) % years_every == 0 or index == 0):
                parts.append(f'<text x="{x}" y="{head + plot + 17}">{escape(month[:4])}</text>')
        if step >= 15:
            parts.append(f'<text x="{x}" y="{head + plot + 30}">{escape(month[5:7])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _rows(pairs: Iterable[tuple[str, Any]]) -> str:
    return "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in pairs)


def _counts(counts: Mapping[str, int]) -> str:
    rows = []
    for key, label in COUNT_LABELS:
        value = int(counts.get(key, 0) or 0)
        rows.append(
            f'<tr><th>{escape(label)}</th><td class="num" id="count-{key}">{value}</td></tr>'
        )
    return "<table>" + "".join(rows) + "</table>"


def _checks(checks: list[Mapping[str, Any]]) -> str:
    if not checks:
        return '<p class="muted">Monitoring was off (KCN_MONITOR=0).</p>'
    rows = []
    for check in checks:
        ok = bool(check.get("passed"))
        rows.append(
            f'<tr class="check {"ok" if ok else "fail"}" data-check="{escape(check["name"])}">'
            f"<td>{'passed' if ok else 'FAILED'}</td><td>{escape(check['name'])}</td>"
            f"<td>{escape(str(check.get('detail', '')))}</td></tr>"
        )
    head = "<tr><th>result</th><th>check</th><th>detail</th></tr>"
    return f'<table id="checks">{head}{"".join(rows)}</table>'


def _failures(failures: list[Mapping[str, Any]]) -> str:
    if not failures:
        return '<p class="muted" id="no-failures">No failed URLs.</p>'
    rows = "".join(
        f'<tr><td class="url"><a href="{escape(str(f.get("url", "")))}">'
        f"{escape(str(f.get('url', '')))}</a></td><td>{escape(str(f.get('reason', '')))}</td></tr>"
        for f in failures
    )
    return f'<table id="failures"><tr><th>URL</th><th>reason</th></tr>{rows}</table>'


def render_report(report: Mapping[str, Any]) -> str:
    """The HTML page of one run; ``report`` holds the keys the extension fills."""
    failed = [c for c in report.get("checks", []) if not c.get("passed")]
    exit_code = int(report.get("exit_code", 0) or 0)
    if failed or exit_code:
        names = ", ".join(c["name"] for c in failed) or f"exit code {exit_code}"
        status = f'<p class="status fail" id="status">FAILED: {escape(names)}</p>'
    else:
        status = '<p class="status ok" id="status">OK: all checks passed</p>'
    kind = str(report.get("kind") or ("incremental" if report.get("incremental") else "full"))
    title = f"kcn_crawler {report.get('spider')} — {report.get('site')} — {report.get('start')}"
    about = _rows(
        [
            ("Spider", report.get("spider")),
            ("Site", report.get("site")),
            ("Arguments", report.get("args") or "none"),
            ("Kind of run", KINDS.get(kind, kind)),
            ("Job", report.get("job") or "none"),
            ("Started (UTC)", report.get("start")),
            ("Finished (UTC)", report.get("end")),
            ("Duration", f"{float(report.get('duration', 0) or 0):.1f} s"),
            ("Finish reason", report.get("finish_reason")),
            ("Exit code", exit_code),
            ("Catalog run", report.get("run_id") or "catalog off"),
            ("Exports", ", ".join(report.get("exports", [])) or "none"),
        ]
    )
    failures = list(report.get("failures", []))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>{status}"
        f'<h2>Run</h2><table id="about">{about}</table>'
        f"<h2>Counts</h2>{_counts(report.get('counts', {}))}"
        f"<h2>Checks</h2>{_checks(list(report.get('checks', [])))}"
        f"{coverage_section(report.get('coverage', {}))}"
        f"<h2>{escape(str(report.get('chart_title', 'Articles per month')))}</h2>"
        f"{month_chart(report.get('months', []))}"
        f"<h2>Failures ({len(failures)})</h2>{_failures(failures)}"
        "</body></html>\n"
    )
