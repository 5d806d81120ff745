// A report's bar chart laid out as generator/render/chart.py lays it out, without page or words:
// every coordinate the assessment page draws, from the measures in the page's JSON data. The
// page imports it the first time it shows its results; Node runs the case table
// tests/assessment/cases/scoring.json against it. It imports nothing, as file-check.js.
const PARTS = ["today", "target"];

// Rounded half up to one decimal, as scoring.js shows scores.
const round = (value) => Math.floor(value * 10 + 0.5) / 10;

// Greedy word wrap at spaces (a word longer than a line keeps its own line).
export function wrap(text, width) {
  const lines = [];
  let current = "";
  text.split(/[ \t\r\n]+/).filter(Boolean).forEach((word) => {
    if (current && current.length + 1 + word.length > width) { lines.push(current); current = word; }
    else current = current ? current + " " + word : word;
  });
  return current ? lines.concat(current) : lines.length ? lines : [""];
}

// The rectangle drawn for a series' bar or legend box, as chart.py's series_box: today's fills
// it; the target's is an outline, drawn inside it.
function seriesBox(series, x, y, width, height, L) {
  if (series === "today") return { x, y, width, height };
  const inset = Math.floor(L.outline_width / 2);
  return { x: x + inset, y: y + inset, width: Math.max(width - L.outline_width, 0), height: height - L.outline_width };
}

// A chart laid out as chart.py does: rows of { label, today, target } on a 0..top scale.
export function layoutChart(rows, top, L) {
  const plot = L.width - L.left - L.value_room, plotTop = L.legend_height + L.axis_height;
  let y = plotTop + L.first_row;
  const laidOut = rows.map((row) => {
    const lines = wrap(row.label, L.wrap).map((text) => ({ y: (y += L.line_height) - L.baseline, text }));
    y += L.label_space;
    const bars = PARTS.map((series) => {
      const width = round(plot * (row[series] || 0) / top);
      const bar = {
        series, y, width, box: seriesBox(series, L.left, y, width, L.bar_height, L),
        textX: round(L.left + width + L.value_gap), textY: y + L.bar_height - L.value_baseline
      };
      y += L.bar_height + L.bar_space;
      return bar;
    });
    y += L.row_space;
    return { lines, bars };
  });
  const ticks = [];
  for (let step = 0; step <= top; step++) ticks.push({ x: round(L.left + plot * step / top), label: String(step) });
  const legend = PARTS.map((series, i) => {
    const x = L.left + (i ? L.legend_target_x : 0);
    const box = seriesBox(series, x, L.legend_box_y, L.legend_box_width, L.legend_box_height, L);
    return { series, box, textX: x + L.legend_text_x, textY: L.legend_text_y };
  });
  return { height: y, plotTop, gridBottom: y - L.tick_gap, tickY: plotTop - L.tick_gap, ticks, legend, rows: laidOut };
}
