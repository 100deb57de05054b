"""The visual timeline on the Timeline page: every event as a mark, eras as bands, one SVG
drawn twice (horizontal for wide screens, vertical for phones; CSS shows one).

The essay's dates run from 1910 to 2023, with a third of the events packed into 2000-2001,
so the axis is broken into periods (the page's own sections) and each period gets room by
how many events it holds, not by its length in years: 2000-2001 is enlarged. Each period
says so in its label, and a break mark sits between periods.

Essay events are filled circles on one side of the axis; context events are hollow
diamonds on the other; a line through a mark spans a date known only to the year or
month. Every mark links to its row in the table below (the figure's text version).
"""
from __future__ import annotations

import math

from .links import built_href, link_to_chapter, one_sentence, source_links
from .svg import esc, figure_block, number, svg_element, svg_link
from .text import cell, display_date, table

KINDS = {True: "From the essay", False: "Context (from outside the essay)"}
LANE = 14          # distance between stacked marks
RADIUS = 5         # a mark's half-size
BAR = 12           # an era band's thickness
ERA_ROW = 18
FONT = 12
CHAR = 0.58 * FONT  # rough width of one character, to keep labels apart
TICK_SPACING = 44   # at least this far apart
STEPS = (0.25, 0.5, 1, 2, 5, 10, 20, 25, 50)
WIDE = 800          # viewBox width of the horizontal variant
NARROW = 340        # viewBox width of the vertical variant (a 375 px phone)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# -- inputs ---------------------------------------------------------------------
def marks_for(events, anchors, chapters_by_id, page: str, table_page: str = "reference/timeline.md") -> list[dict]:
    """JSON-able marks: date, kind, accessible name and the href of the event's row."""
    marks = []
    for event, anchor in zip(events, anchors, strict=True):
        chapter = chapters_by_id.get(event.get("chapter") or "")
        where = (f"from the essay, chapter {chapter['number']}" if event["in_article"] and chapter
                 else "from the essay" if event["in_article"] else "context")
        label = f"{display_date(event['date'])} ({where}): {one_sentence(event['event'])}"
        marks.append({"date": str(event["date"]), "essay": bool(event["in_article"]), "label": label,
                      "href": built_href(page, f"{table_page}#{anchor}")})
    return marks


def eras_for(eras) -> list[dict]:
    return [{"name": e["name"], "start": str(e["start"]), "end": str(e["end"])} for e in eras]


# -- the scale --------------------------------------------------------------------
def span(date: str) -> tuple[float, float]:
    """The stretch of time a date covers, in fractional years: '2001' is the whole year."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year, year + 1
    month = (parts[1] - 1) / 12
    if len(parts) == 2:
        return year + month, year + month + 1 / 12
    start = year + month + (parts[2] - 1) / 365
    return start, start + 1 / 365


class Scale:
    """Years -> distance along the axis, one linear piece per period, with gaps between."""

    def __init__(self, bounds: list[float], counts: list[int], length: float, gap: float):
        self.bounds, self.gap = bounds, gap
        weights = [0.3 + len(counts) * c / max(sum(counts), 1) for c in counts]
        usable = length - gap * (len(counts) - 1)
        self.sizes = [usable * w / sum(weights) for w in weights]
        self.starts = [sum(self.sizes[:i]) + gap * i for i in range(len(counts))]

    def period(self, year: float) -> int:
        for i in range(len(self.sizes)):
            if year < self.bounds[i + 1]:
                return i
        return len(self.sizes) - 1

    def per_year(self, i: int) -> float:
        return self.sizes[i] / (self.bounds[i + 1] - self.bounds[i])

    def at(self, year: float, period: int | None = None) -> float:
        i = self.period(year) if period is None else period
        year = min(max(year, self.bounds[i]), self.bounds[i + 1])
        return self.starts[i] + (year - self.bounds[i]) * self.per_year(i)

    def extent(self, start: float, end: float) -> list[tuple[float, float]]:
        """A stretch of time as pieces on the axis (one per period it crosses)."""
        pieces = []
        for i in range(len(self.sizes)):
            lo, hi = max(start, self.bounds[i]), min(end, self.bounds[i + 1])
            if lo < hi:
                pieces.append((self.at(lo, i), self.at(hi, i)))
        return pieces

    def ticks(self, i: int) -> list[tuple[float, str]]:
        """(position, label) for round dates in period i, the period's start always first."""
        step = next((s for s in STEPS if s * self.per_year(i) >= TICK_SPACING), STEPS[-1])
        first, last = self.bounds[i], self.bounds[i + 1]
        found = [(self.at(first, i), tick_label(first))]
        year = math.ceil(first / step) * step
        while year < last:
            position = self.at(year, i)
            if position - found[0][0] >= TICK_SPACING * 0.8:
                found.append((position, tick_label(year)))
            year += step
        return found


def tick_label(year: float) -> str:
    whole = math.floor(year + 1e-9)
    month = round((year - whole) * 12)
    return str(whole) if month == 0 else MONTHS[month]


def period_label(start: float, end: float, enlarged: bool) -> str:
    last = math.ceil(end) - 1
    text = f"{int(start)}–{last}" if last > start else f"{int(start)}"
    return text + (" (enlarged)" if enlarged else "")


def layout(marks, eras, breaks, length: float, gap: float) -> dict:
    """Where everything goes along the axis (distance from the axis's start) and in which lane."""
    spans = [span(m["date"]) for m in marks]
    low = math.floor(min(s for s, _ in spans) / 10) * 10
    high = math.ceil(max(e for _, e in spans))
    bounds = [float(low)] + [float(b) for b in breaks if low < int(b) < high] + [float(high)]
    counts = [sum(bounds[i] <= s < bounds[i + 1] for s, _ in spans) for i in range(len(bounds) - 1)]
    scale = Scale(bounds, counts, length, gap)
    placed = []
    for mark, (start, end) in zip(marks, spans, strict=True):
        centre = scale.at((start + end) / 2)
        lo, hi = scale.at(start, scale.period(start)), scale.at(end - 1e-9, scale.period(start))
        placed.append({**mark, "at": centre, "lo": lo, "hi": hi})
    for essay in (True, False):
        assign_lanes([p for p in placed if p["essay"] == essay], lambda p: (min(p["lo"], p["at"] - RADIUS),
                                                                              max(p["hi"], p["at"] + RADIUS)))
    bands = []
    for era in eras:
        start, end = span(era["start"])[0], span(era["end"])[1]
        pieces = scale.extent(max(start, low), min(end, high))
        if pieces:
            bands.append({**era, "pieces": pieces})
    for band in bands:  # the name goes on the longest piece, where it has most room
        band["label_at"] = max(band["pieces"], key=lambda piece: piece[1] - piece[0])[0]
    assign_lanes(bands, lambda b: (b["pieces"][0][0], max(b["pieces"][-1][1], b["label_at"] + label_width(b))))
    densest = max(counts)
    periods = [{"from": scale.starts[i], "to": scale.starts[i] + scale.sizes[i], "ticks": scale.ticks(i),
                "label": period_label(bounds[i], bounds[i + 1],
                                      counts[i] == densest and bounds[i + 1] - bounds[i] <= 5)}
               for i in range(len(counts))]
    return {"marks": placed, "bands": bands, "periods": periods}


def label_width(band: dict) -> float:
    return len(band["name"]) * CHAR + 8


def assign_lanes(items: list[dict], extent) -> None:
    """Greedy interval packing: each item gets the first lane where it overlaps nothing."""
    ends: list[float] = []
    for item in sorted(items, key=lambda i: extent(i)[0]):
        start, end = extent(item)
        lane = next((n for n, last in enumerate(ends) if last + 2 <= start), len(ends))
        if lane == len(ends):
            ends.append(end)
        ends[lane] = end
        item["lane"] = lane


def lanes(items: list[dict]) -> int:
    return max((i["lane"] for i in items), default=-1) + 1


# -- drawing ---------------------------------------------------------------------
def mark_shape(x: float, y: float, essay: bool) -> str:
    if essay:
        return f'<circle class="tl-essay" cx="{number(x)}" cy="{number(y)}" r="{RADIUS}"/>'
    r = RADIUS + 0.5
    return (f'<path class="tl-context" d="M{number(x)} {number(y - r)}l{number(r)} {number(r)}'
            f'l{number(-r)} {number(r)}l{number(-r)} {number(-r)}z"/>')


def draw_mark(mark: dict, x: float, y: float, whisker: str) -> str:
    body = whisker + mark_shape(x, y, mark["essay"])
    return svg_link(mark["href"], body, mark["label"])


def whisker_h(mark: dict, x0: float, y: float) -> str:
    if mark["hi"] - mark["lo"] <= 2 * RADIUS + 2:
        return ""
    return (f'<line class="tl-span" x1="{number(x0 + mark["lo"])}" y1="{number(y)}" '
            f'x2="{number(x0 + mark["hi"])}" y2="{number(y)}"/>')


def whisker_v(mark: dict, x: float, y0: float) -> str:
    if mark["hi"] - mark["lo"] <= 2 * RADIUS + 2:
        return ""
    return (f'<line class="tl-span" x1="{number(x)}" y1="{number(y0 + mark["lo"])}" '
            f'x2="{number(x)}" y2="{number(y0 + mark["hi"])}"/>')


def legend(x: float, y: float, vertical: bool) -> tuple[str, float]:
    """The key: both shapes and the date-span line, each with its words. Returns (svg, height)."""
    items = [(mark_shape(0, 0, True), KINDS[True]), (mark_shape(0, 0, False), KINDS[False]),
             ('<line class="tl-span" x1="-9" y1="0" x2="9" y2="0"/>' + mark_shape(0, 0, True),
              "Line: date known only to the year or month")]
    parts, dx, dy = [], 0.0, 0.0
    for shape, words in items:
        parts.append(f'<g transform="translate({number(x + dx + 10)} {number(y + dy)})">{shape}'
                     f'<text x="16" y="4">{esc(words)}</text></g>')
        if vertical:
            dy += 18
        else:
            dx += 36 + len(words) * CHAR
    height = dy if vertical else 18
    return '<g class="tl-legend">' + "".join(parts) + "</g>", height


def render_horizontal(data: dict, title: str, figure_id: str) -> str:
    x0 = 12
    legend_svg, legend_height = legend(x0, 12, vertical=False)
    essay_lanes = lanes([m for m in data["marks"] if m["essay"]])
    context_lanes = lanes([m for m in data["marks"] if not m["essay"]])
    top = 12 + legend_height + 20                   # the period labels
    axis = top + 14 + essay_lanes * LANE
    eras_top = axis + 6 + context_lanes * LANE + 10
    ticks_y = eras_top + lanes(data["bands"]) * ERA_ROW + 14
    height = ticks_y + 8
    parts = [legend_svg]
    for period in data["periods"]:
        a, b = x0 + period["from"], x0 + period["to"]
        parts.append(f'<text class="tl-period" x="{number(a)}" y="{number(top)}">{esc(period["label"])}</text>')
        parts.append(f'<line class="tl-axis" x1="{number(a)}" y1="{number(axis)}" x2="{number(b)}" y2="{number(axis)}"/>')
        for at, label in period["ticks"]:
            x = x0 + at
            parts.append(f'<line class="tl-grid" x1="{number(x)}" y1="{number(top + 6)}" x2="{number(x)}" '
                         f'y2="{number(ticks_y - 12)}"/>')
            parts.append(f'<text class="tl-tick" x="{number(x)}" y="{number(ticks_y)}">{esc(label)}</text>')
    for period in data["periods"][1:]:
        parts.append(break_mark(x0 + period["from"] - 7, axis, vertical=False))
    for band in data["bands"]:
        y = eras_top + band["lane"] * ERA_ROW
        parts.append(draw_band_h(band, x0, y))
    for mark in data["marks"]:
        side = -1 if mark["essay"] else 1
        y = axis + side * (RADIUS + 4 + mark["lane"] * LANE)
        parts.append(draw_mark(mark, x0 + mark["at"], y, whisker_h(mark, x0, y)))
    body = "".join(parts)
    return svg_element(body, width=WIDE, height=height, title=title, figure_id=figure_id,
                       description=DESCRIPTION, interactive=True)


def draw_band_h(band: dict, x0: float, y: float) -> str:
    rects = "".join(f'<rect class="tl-era" x="{number(x0 + a)}" y="{number(y)}" width="{number(max(b - a, 2))}" '
                    f'height="{BAR}"/>' for a, b in band["pieces"])
    start = x0 + band["label_at"]
    return (f'<g class="tl-band">{rects}<text class="tl-era-label" x="{number(start + 3)}" '
            f'y="{number(y + BAR - 2.5)}">{esc(band["name"])}</text></g>')


def break_mark(x: float, y: float, vertical: bool) -> str:
    """Two short slashes across the axis: time is skipped here and the scale changes."""
    if vertical:
        return (f'<path class="tl-break" d="M{number(x - 6)} {number(y - 2)}l12 -4M{number(x - 6)} {number(y + 4)}'
                f'l12 -4"/>')
    return (f'<path class="tl-break" d="M{number(x - 5)} {number(y + 6)}l4 -12M{number(x + 1)} {number(y + 6)}'
            f'l4 -12"/>')


def render_vertical(data: dict, title: str, figure_id: str) -> str:
    legend_svg, legend_height = legend(4, 12, vertical=True)
    essay_lanes = lanes([m for m in data["marks"] if m["essay"]])
    context_lanes = lanes([m for m in data["marks"] if not m["essay"]])
    era_x = 44
    axis_x = era_x + lanes(data["bands"]) * ERA_ROW + 10 + essay_lanes * LANE + RADIUS
    width = max(NARROW, axis_x + RADIUS + 6 + context_lanes * LANE + 4)
    y0 = 12 + legend_height + 28
    parts = [legend_svg]
    for period in data["periods"]:
        a, b = y0 + period["from"], y0 + period["to"]
        parts.append(f'<text class="tl-period" x="4" y="{number(a - 12)}">{esc(period["label"])}</text>')
        parts.append(f'<line class="tl-axis" x1="{number(axis_x)}" y1="{number(a)}" x2="{number(axis_x)}" y2="{number(b)}"/>')
        for at, label in period["ticks"]:
            y = y0 + at
            parts.append(f'<line class="tl-grid" x1="{number(era_x - 4)}" y1="{number(y)}" x2="{number(width - 4)}" '
                         f'y2="{number(y)}"/>')
            parts.append(f'<text class="tl-tick tl-tick--v" x="{number(era_x - 8)}" y="{number(y + 4)}">{esc(label)}</text>')
    for period in data["periods"][1:]:
        parts.append(break_mark(axis_x, y0 + period["from"] - 14, vertical=True))
    for band in data["bands"]:
        x = era_x + band["lane"] * ERA_ROW
        rects = "".join(f'<rect class="tl-era" x="{number(x)}" y="{number(y0 + a)}" width="{BAR}" '
                        f'height="{number(max(b - a, 2))}"/>' for a, b in band["pieces"])
        start = y0 + band["label_at"]
        parts.append(f'<g class="tl-band">{rects}<text class="tl-era-label" transform="translate('
                     f'{number(x + 3)} {number(start + 3)}) rotate(90)">{esc(band["name"])}</text></g>')
    for mark in data["marks"]:
        side = -1 if mark["essay"] else 1
        x = axis_x + side * (RADIUS + 4 + mark["lane"] * LANE)
        parts.append(draw_mark(mark, x, y0 + mark["at"], whisker_v(mark, x, y0)))
    height = y0 + data["periods"][-1]["to"] + 12
    return svg_element("".join(parts), width=width, height=height, title=title, figure_id=figure_id,
                       description=DESCRIPTION, interactive=True)


DESCRIPTION = ("Filled circles above the axis (left of it on a phone) are events from the essay; hollow "
               "diamonds below it (right) are context. Bands name eras. Periods are drawn at different "
               "scales; 2000 and 2001 are enlarged. Each mark links to its row in the table.")
GAP_WIDE, GAP_NARROW = 14, 30
LENGTH_NARROW = 1100


def render_timeline_chart(marks: list[dict], eras: list[dict], breaks: list[str],
                          text_version_id: str = "timeline-table") -> str:
    """The figure: both variants (CSS shows one), a caption and the 'Text version' link."""
    if not marks:
        return ""
    title = f"Timeline of {len(marks)} events, {len(eras)} eras"
    wide = layout(marks, eras, breaks, WIDE - 24, GAP_WIDE)
    narrow = layout(marks, eras, breaks, LENGTH_NARROW, GAP_NARROW)
    svg = (f'<div class="guide-timeline__wide">{render_horizontal(wide, title, "timeline-chart-wide")}</div>'
           f'<div class="guide-timeline__narrow">{render_vertical(narrow, title, "timeline-chart-narrow")}</div>')
    caption = ("The timeline at a glance: filled circles are events from the essay, hollow diamonds are context "
               "from outside it, bands are eras. Each period has its own scale (the axis breaks between them), "
               "so the crowded years 2000 and 2001 get room. Select a mark to go to its row.")
    return figure_block(svg, caption=caption, kind="timeline", text_version_id=text_version_id)


def render_era_table(eras, chapters_by_id, from_page: str) -> str:
    """The eras' text version: name, dates, chapter and sources (Markdown)."""
    rows = []
    for era in eras:
        chapter = chapters_by_id.get(era.get("chapter") or "")
        where = link_to_chapter(chapter, from_page, f"Ch. {chapter['number']}", hover_text=False) if chapter else ""
        rows.append([cell(era["name"]), display_date(era["start"]), display_date(era["end"]), where,
                     source_links(era["sources"])])
    return table(["Era", "From", "To", "Chapter", "Sources"], rows)
