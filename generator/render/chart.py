"""The bar chart of a report, laid out here so the template only draws.

Each row has its label (wrapped over several lines), a solid bar for today and an
outlined bar for the target, each followed by its value. Every measure is in
`ChartLayout`; the assessment page's script gets the same `LAYOUT` in its JSON data
and lays out its chart with `layoutChart` (site_templates/theme/js/scoring.js), and the
case table tests/assessment/cases/scoring.json holds both to the same results.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.assessment.scoring import round_half_up

__all__ = ["LAYOUT", "Chart", "ChartBar", "ChartLayout", "ChartRow", "bar_chart", "wrap"]


@dataclass(frozen=True)
class ChartLayout:
    """Every measure of a chart, in SVG units (pixels at 100 %)."""

    width: int = 680
    left: int = 8
    """Room left of the bars and the labels."""
    value_room: int = 48
    """Room right of the longest bar for its value."""
    legend_height: int = 24
    axis_height: int = 22
    first_row: int = 8
    """Room between the axis labels and the first row."""
    line_height: int = 18
    baseline: int = 4
    """How far above the bottom of its line a label's text sits."""
    label_space: int = 2
    bar_height: int = 12
    bar_space: int = 3
    row_space: int = 14
    value_gap: int = 6
    """Room between a bar and its value."""
    value_baseline: int = 1
    """How far above the bottom of its bar a value's text sits."""
    tick_gap: int = 6
    """Room between a tick's label and the plot; gridlines stop as far above the bottom."""
    outline_width: int = 2
    """The target bar's outline, drawn inside the bar."""
    grid_width: int = 1
    font_size: int = 14
    value_font_size: int = 13
    wrap: int = 74
    """Characters per label line at the chart's font size."""
    legend_box_y: int = 4
    legend_box_width: int = 18
    legend_box_height: int = 12
    legend_text_x: int = 24
    legend_text_y: int = 15
    legend_target_x: int = 160
    """Where the target's legend starts, right of today's (its box then text as today's)."""

    @property
    def plot(self) -> int:
        """The width of a bar at the top of the scale."""
        return self.width - self.left - self.value_room


LAYOUT = ChartLayout()

_SPACES = re.compile(r"[ \t\r\n]+")


def wrap(text: str, width: int = LAYOUT.wrap) -> tuple[str, ...]:
    """Greedy word wrap (a word longer than a line keeps its own line).

    Words are split at spaces, tabs and line ends only: a no-break space (French
    typography, as in `Santé :`) holds its words together.
    """
    lines: list[str] = []
    current = ""
    for word in _SPACES.split(text.strip(" \t\r\n")):
        if not word:
            continue
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
    height: float
    plot_top: float
    ticks: tuple[tuple[float, str], ...]
    """Each gridline's x and its label."""
    rows: tuple[ChartRow, ...]
    legend: tuple[str, str]
    """The words for today and for the target."""
    layout: ChartLayout = field(default=LAYOUT)


def bar_chart(
    identifier: str,
    title: str,
    description: str,
    rows: Sequence[tuple[str, tuple[float | None, str], tuple[float | None, str]]],
    top: int,
    legend: tuple[str, str],
    layout: ChartLayout = LAYOUT,
) -> Chart:
    """Lay out one chart: rows of (label, (today, shown), (target, shown)) on a 0..top scale."""
    plot_top = layout.legend_height + layout.axis_height
    y = plot_top + layout.first_row
    laid_out: list[ChartRow] = []
    for label, today, target in rows:
        lines = []
        for text in wrap(label, layout.wrap):
            y += layout.line_height
            lines.append((y - layout.baseline, text))
        y += layout.label_space
        bars = []
        for series, (value, shown) in (("today", today), ("target", target)):
            width = round_half_up(layout.plot * (value or 0) / top)
            text_x = round_half_up(layout.left + width + layout.value_gap)
            bars.append(ChartBar(series, y, width, shown, text_x))
            y += layout.bar_height + layout.bar_space
        laid_out.append(ChartRow(tuple(lines), tuple(bars)))
        y += layout.row_space
    ticks = tuple(
        (round_half_up(layout.left + layout.plot * step / top), str(step))
        for step in range(top + 1)
    )
    return Chart(
        id=identifier,
        title=title,
        description=description,
        height=y,
        plot_top=plot_top,
        ticks=ticks,
        rows=tuple(laid_out),
        legend=legend,
        layout=layout,
    )
