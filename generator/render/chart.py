"""The bar chart of a report, laid out here so the template only draws.

Each row has its label (wrapped over several lines), a solid bar for today and an
outlined bar for the target, each followed by its value; a legend above shows a box of
each. Every measure and colour is in `ChartLayout`; the assessment page's script gets the
same `LAYOUT` in its JSON data and lays out its chart with `layoutChart`
(site_templates/theme/js/chart.js), and the case table tests/assessment/cases/scoring.json
holds both to the same results. Every coordinate is worked out here: the templates only
write them into the SVG.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.assessment.scoring import round_half_up

__all__ = [
    "LAYOUT",
    "Box",
    "Chart",
    "ChartBar",
    "ChartLayout",
    "ChartRow",
    "LegendEntry",
    "bar_chart",
    "series_box",
    "wrap",
]


@dataclass(frozen=True)
class ChartLayout:
    """Every measure of a chart, in SVG units (pixels at 100 %), and its colours."""

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
    ink: str = "#1b1b1b"
    """The colour of the labels and values."""
    bar_colour: str = "#26374a"
    """Today's bar, and the target's outline."""
    paper_colour: str = "#ffffff"
    """Inside the target's outline."""
    grid_colour: str = "#aab2bb"
    tick_colour: str = "#4a4f55"
    """The scale's numbers above the plot."""

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
class Box:
    """A rectangle as drawn: a bar, or a box of the legend."""

    x: float
    y: float
    width: float
    height: float


def series_box(
    series: str, x: float, y: float, width: float, height: float, layout: ChartLayout
) -> Box:
    """The rectangle drawn for a series' bar or box: today's fills it; the target's is an
    outline, drawn inside it (an SVG stroke straddles the edge, so the box shrinks by it)."""
    if series == "today":
        return Box(x, y, width, height)
    inset = layout.outline_width // 2
    return Box(
        x + inset,
        y + inset,
        max(width - layout.outline_width, 0),
        height - layout.outline_width,
    )


@dataclass(frozen=True)
class ChartBar:
    series: str
    """'today' or 'target'."""
    y: float
    width: float
    value: str
    """The value as shown, or the words for "not rated"."""
    text_x: float
    box: Box
    text_y: float
    """The baseline of the value's text."""


@dataclass(frozen=True)
class LegendEntry:
    series: str
    words: str
    box: Box
    text_x: float
    text_y: float


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
    grid_bottom: float
    """Where the gridlines, from the top of the plot, stop."""
    tick_y: float
    """The baseline of the scale's numbers, above the plot."""
    ticks: tuple[tuple[float, str], ...]
    """Each gridline's x and its number."""
    rows: tuple[ChartRow, ...]
    legend: tuple[LegendEntry, ...]
    """Today's, then the target's."""
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
            box = series_box(series, layout.left, y, width, layout.bar_height, layout)
            text_y = y + layout.bar_height - layout.value_baseline
            bars.append(ChartBar(series, y, width, shown, text_x, box, text_y))
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
        grid_bottom=y - layout.tick_gap,
        tick_y=plot_top - layout.tick_gap,
        ticks=ticks,
        rows=tuple(laid_out),
        legend=_legend(legend, layout),
        layout=layout,
    )


def _legend(words: tuple[str, str], layout: ChartLayout) -> tuple[LegendEntry, ...]:
    """A box and the words for each series, today's at the left, the target's after it."""
    entries = []
    for series, shown, x in zip(
        ("today", "target"), words, (layout.left, layout.left + layout.legend_target_x), strict=True
    ):
        box = series_box(
            series,
            x,
            layout.legend_box_y,
            layout.legend_box_width,
            layout.legend_box_height,
            layout,
        )
        entries.append(
            LegendEntry(series, shown, box, x + layout.legend_text_x, layout.legend_text_y)
        )
    return tuple(entries)
