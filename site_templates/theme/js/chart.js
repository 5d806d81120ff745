// A report's bar chart laid out as generator/render/chart.py lays it out, without page or words:
// every coordinate the assessment page draws, from the measures in the page's JSON data. The
// page imports it the first time it shows its results; Node runs the case table
// tests/assessment/cases/scoring.json against it. It imports nothing, as file-check.js.
// drawChart (the comparison view's) also writes the SVG itself.
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

// --- drawing (in a page only): the SVG site_templates/pages/_report.html's bar_chart writes

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, children) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  (children || []).forEach((child) => element.append(typeof child === "object" ? child : String(child)));
  return element;
}

// The chart as an accessible SVG (role img, its title and description named) in a figure:
// `rows` of { label, today, target } (the two series: today and target, or baseline and
// follow-up), `words` its { title, description, legend: [first, second] } and `shown(value)`
// a value's text; `id` makes the title's and description's ids.
export function drawChart(id, rows, top, L, words, shown) {
  const laidOut = layoutChart(rows, top, L);
  const box = (series, b) => svg("rect", series === "today" ? { ...b, fill: L.bar_colour }
    : { ...b, fill: L.paper_colour, stroke: L.bar_colour, "stroke-width": L.outline_width });
  const shapes = laidOut.legend.flatMap(({ series, box: b, textX, textY }, i) =>
    [box(series, b), svg("text", { x: textX, y: textY }, [words.legend[i]])]);
  laidOut.ticks.forEach(({ x, label }) => shapes.push(
    svg("line", { x1: x, x2: x, y1: laidOut.plotTop, y2: laidOut.gridBottom, stroke: L.grid_colour, "stroke-width": L.grid_width }),
    svg("text", { x, y: laidOut.tickY, "text-anchor": "middle", fill: L.tick_colour }, [label])));
  laidOut.rows.forEach((row, i) => {
    row.lines.forEach(({ y, text }) => shapes.push(svg("text", { x: L.left, y, "font-weight": "bold" }, [text])));
    row.bars.forEach((bar) => shapes.push(box(bar.series, bar.box),
      svg("text", { x: bar.textX, y: bar.textY, "font-size": L.value_font_size }, [shown(rows[i][bar.series])])));
  });
  const { height } = laidOut;
  const figure = document.createElement("figure");
  figure.className = "chart";
  figure.append(svg("svg", {
    class: "bar-chart", role: "img", "aria-labelledby": `${id}-title ${id}-desc`,
    viewBox: `0 0 ${L.width} ${height}`, width: L.width, height, "font-size": L.font_size, fill: L.ink
  }, [svg("title", { id: id + "-title" }, [words.title]), svg("desc", { id: id + "-desc" }, [words.description]), ...shapes]));
  return figure;
}
