"""The bar chart of a report, laid out here so the template only draws.

Each row has its label (wrapped over several lines), a solid bar for today and an
outlined bar for the target, each followed by its value. The assessment page's
script draws the same chart with the same measures (see `chart` in assessment.js).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Chart", "ChartBar", "ChartRow", "bar_chart", "wrap"]

WIDTH = 680
LEFT = 8
VALUE_ROOM = 48
"""Room right of the longest bar for its value."""
PLOT = WIDTH - LEFT - VALUE_ROOM
LEGEND_HEIGHT = 24
AXIS_HEIGHT = 22
LINE_HEIGHT = 18
BAR_HEIGHT = 12
BAR_SPACE = 3
ROW_SPACE = 14
WRAP = 74
"""Characters per label line at the chart's font size."""


def wrap(text: str, width: int = WRAP) -> tuple[str, ...]:
    """Greedy word wrap (a word longer than a line keeps its own line)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return tuple(lines) or ("",)


@dataclass(frozen=True)
class ChartBar:
    series: str
    """'today' or 'target'."""
    y: float
    width: float
    value: str
    """The value as shown, or the words for "not rated"."""
    text_x: float


@dataclass(frozen=True)
class ChartRow:
    lines: tuple[tuple[float, str], ...]
    """Each label line and its baseline."""
    bars: tuple[ChartBar, ...]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: float
    left: int
    plot_top: float
    ticks: tuple[tuple[float, str], ...]
    """Each gridline's x and its label."""
    rows: tuple[ChartRow, ...]
    bar_height: int
    legend: tuple[str, str]
    """The words for today and for the target."""


def bar_chart(
    identifier: str,
    title: str,
    description: str,
    rows: Sequence[tuple[str, tuple[float | None, str], tuple[float | None, str]]],
    top: int,
    legend: tuple[str, str],
) -> Chart:
    """Lay out one chart: rows of (label, (today, shown), (target, shown)) on a 0..top scale."""
    plot_top = LEGEND_HEIGHT + AXIS_HEIGHT
    y = plot_top + 8
    laid_out: list[ChartRow] = []
    for label, today, target in rows:
        lines = []
        for text in wrap(label):
            y += LINE_HEIGHT
            lines.append((y - 4, text))
        y += 2
        bars = []
        for series, (value, shown) in (("today", today), ("target", target)):
            width = round(PLOT * (value or 0) / top, 1)
            bars.append(ChartBar(series, y, width, shown, round(LEFT + width + 6, 1)))
            y += BAR_HEIGHT + BAR_SPACE
        laid_out.append(ChartRow(tuple(lines), tuple(bars)))
        y += ROW_SPACE
    ticks = tuple((round(LEFT + PLOT * step / top, 1), str(step)) for step in range(top + 1))
    return Chart(
        id=identifier,
        title=title,
        description=description,
        width=WIDTH,
        height=y,
        left=LEFT,
        plot_top=plot_top,
        ticks=ticks,
        rows=tuple(laid_out),
        bar_height=BAR_HEIGHT,
        legend=legend,
    )
