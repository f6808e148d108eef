"""Human-readable summaries of a load: for the CLI and for the Prefect artifact."""

from __future__ import annotations

from vnrok_etl.warehouse import LoadCounts

LABELS = {
    "documents_seen": "documents seen",
    "documents_known": "already loaded (hash only)",
    "articles_new": "new articles",
    "near_duplicates_new": "of which near duplicates",
    "sources_new": "new sources",
    "figures_new": "new figures",
    "quotes_new": "new quotes",
    "rejections_new": "new rejections",
}


def summary_rows(counts: LoadCounts, seconds: dict[str, float]) -> list[dict[str, object]]:
    """One row per count, then one per stage's seconds: the run's artifact table."""
    values = counts.as_dict()
    rows: list[dict[str, object]] = [{"measure": label, "value": values[name]} for name, label in LABELS.items()]
    rows += [{"measure": f"seconds: {stage}", "value": value} for stage, value in seconds.items()]
    return rows


def summary_text(counts: LoadCounts, seconds: dict[str, float], warehouse: str) -> str:
    """The CLI's closing lines."""
    values = counts.as_dict()
    width = max(map(len, LABELS.values()))
    lines = [f"load {counts.load_id} into {warehouse}"]
    lines += [f"  {label:<{width}}  {values[name]:>8,}" for name, label in LABELS.items()]
    timing = ", ".join(f"{stage} {value:.2f}" for stage, value in seconds.items())
    lines.append(f"  {'seconds':<{width}}  {timing}")
    if counts.rejections:
        lines.append(f"rejected documents ({len(counts.rejections)}):")
        lines += [f"  {uri}: {reason}" for uri, reason in counts.rejections]
    return "\n".join(lines)


def summary_markdown(counts: LoadCounts) -> str:
    lines = ["| document | reason |", "|---|---|"]
    lines += [f"| `{uri}` | {reason.replace('|', '/')} |" for uri, reason in counts.rejections]
    return f"### Rejected documents in load {counts.load_id}\n\n" + "\n".join(lines)
