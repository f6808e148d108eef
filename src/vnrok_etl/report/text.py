"""How values are written on the page: escaped, and numbers as a reader writes them."""

from __future__ import annotations

import html

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_value(kind: str, value: float | None, unit: str | None) -> str:
    """A figure's value as a reader writes it: "USD 150 billion", "200,000", "12.5%", "18×"."""
    if value is None:
        return ""
    if kind == "money":
        return f"{unit or ''} {human(value)}".strip()
    if kind == "percent":
        return f"{number(value)}%"
    if kind == "multiplier":
        return f"{number(value)}×"
    if kind == "rank":
        return f"#{number(value)}"
    if kind == "duration":
        plural = "s" if unit and value != 1 and not unit.endswith("s") else ""
        return f"{number(value)} {unit or ''}{plural}".strip()
    return human(value)


def human(value: float) -> str:
    """150e9 -> "150 billion"; below a million, digits with thousands separators."""
    for size, name in SCALES:
        if abs(value) >= size:
            return f"{number(value / size)} {name}"
    return number(value)


def short(value: float) -> str:
    """An axis label: 150e9 -> "150B", 4.6e6 -> "4.6M", 12000 -> "12K"."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"{number(round(value / size, 1))}{suffix}"
    return number(round(value, 2))


def number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else many or singular + 's'}"


def e(value: object) -> str:
    """HTML-escape anything shown, quotes included (values also land in attributes)."""
    return html.escape(str(value), quote=True)
