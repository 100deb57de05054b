"""Small charts of the essay's numbers (data/charts.yml), each beside a table of its numbers and sources.

Drawn by pygal (a maintained, pure-Python SVG charting library): it lays out the axes, scales
and bars, and we keep only the drawing. Its script, stylesheet, tooltips and generated ids are
removed, so the chart is static, needs nothing from another host, and takes its colours from
guide.css (currentColor and --guide-chart-* variables) in both schemes and in print.

Honest by construction: every value must be a number written in its figure's entry in
data/figures.yml (check_charts), every figure in a chart shares the chart's unit, bars start
from zero, ranks put 1 at the top and are placed by year, and the sources sit in the table.
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

from .figure_cache import cached_figure
from .links import link_to_chapter, source_links
from .model import CHART_UNIT_LABELS, CHART_UNIT_WORDS, numbers_in
from .svg import esc, figure_block, number, svg_element
from .text import card_table, cell, plain, safe

WIDTH, HEIGHT = 360, 230
SVG_NS = "http://www.w3.org/2000/svg"
NUMBER = re.compile(r"-?\d+\.\d+")
ROUNDED = ("x", "y", "width", "height", "cx", "cy", "r", "d", "transform", "points")
DROPPED = ("rx", "ry", "text-anchor")  # text-anchor: pygal writes "left"; CSS places the text
# Only colours pygal is told about; the CSS in guide.css decides what they look like.
STYLE = dict(background="transparent", plot_background="transparent", foreground="currentColor",
             foreground_strong="currentColor", foreground_subtle="currentColor", colors=("currentColor",),
             font_family="inherit", transition="none", opacity="1", opacity_hover="1",
             label_font_size=12, major_label_font_size=12, value_font_size=12, title_font_size=12)


# -- the data check -------------------------------------------------------------------
def check_charts(charts, figures_by_id) -> list[str]:
    """Each value must be written in its figure's value, and each figure must be in the chart's unit."""
    problems = []
    for index, chart in enumerate(charts):
        where = f"data/charts.yml, entry {index + 1} ({chart['id']})"
        word = CHART_UNIT_WORDS[chart["unit"]]
        for position, (figure_id, value) in enumerate(zip(chart["figures"], chart["values"], strict=False), start=1):
            figure = figures_by_id.get(figure_id)
            if figure is None:
                continue  # the loader reports unknown figure ids
            written = str(figure["value"])
            if float(value) not in numbers_in(written):
                problems.append(f"{where}, field 'values', item {position}: {number(value)} is not a number written "
                                f"in figure '{figure_id}' (\"{written}\"); charts plot only numbers in "
                                "data/figures.yml: copy one of them, or add the figure there first, with its source.")
            if word.lower() not in written.lower() or (chart["unit"] == "rank" and not re.search(r"\d(st|nd|rd|th)", written)):
                problems.append(f"{where}, field 'figures', item {position}: figure '{figure_id}' (\"{written}\") is "
                                f"not in {CHART_UNIT_LABELS[chart['unit']]}; every figure in a chart shares its unit: "
                                "remove it or make another chart for it.")
    return problems


def points_of(chart: dict, figures_by_id) -> list[dict]:
    """The chart's points with what the table needs, as plain JSON-able data."""
    return [{"label": label, "value": float(value), **{k: figures_by_id[fid].get(k) for k in
             ("id", "value", "year", "measures", "chapter", "in_article", "sources")}, "plotted": float(value)}
            for fid, label, value in zip(chart["figures"], chart["labels"], chart["values"], strict=True)]


def chapters_of(chart: dict, figures_by_id) -> set[str]:
    """The chapters whose figures the chart plots (where it is shown besides the Key figures page)."""
    return {figures_by_id[f]["chapter"] for f in chart["figures"] if figures_by_id[f].get("chapter")}


# -- drawing --------------------------------------------------------------------------
def ordinal(value: float) -> str:
    n = int(value)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def amount(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def nice_top(value: float) -> float:
    """A round top for a bar axis, above the highest bar."""
    step = 10 ** math.floor(math.log10(value))
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value * 1.12 <= step * factor:
            return step * factor
    return step * 10


def pygal_chart(chart: dict, points: list[dict]):
    import pygal  # here, not at the top: a build whose charts are all cached never loads it
    from pygal.style import Style

    common = dict(js=[], css=[], style=Style(**STYLE), width=WIDTH, height=HEIGHT, explicit_size=False, show_legend=False,
                  print_values=True, disable_xml_declaration=True, margin=8, spacing=6, tooltip_fancy_mode=False,
                  truncate_label=-1, rounded_bars=None)
    values = [p["plotted"] for p in points]
    if chart["kind"] == "rank":
        years = [int(str(p["year"])[:4]) for p in points]
        worst = max(values)
        plot = pygal.XY(**{**common, "print_values": False}, print_labels=True, stroke=False, dots_size=5,
                        inverse_y_axis=True, range=(1, worst + 4), xrange=(min(years) - 3, max(years) + 3),
                        x_labels=years, y_labels=[1, *range(5, int(worst) + 5, 5)], value_formatter=ordinal,
                        x_value_formatter=lambda x: str(int(x)), y_title="Rank (1 = largest)")
        plot.add(CHART_UNIT_LABELS[chart["unit"]],
                 [{"value": (year, value), "label": ordinal(value)} for year, value in zip(years, values, strict=True)])
    else:
        plot = pygal.Bar(**common, range=(0, nice_top(max(values))), include_x_axis=True, zero=0,
                         print_values_position="top", value_formatter=amount,
                         y_title=CHART_UNIT_LABELS[chart["unit"]])
        plot.x_labels = [p["label"] for p in points]
        plot.add(CHART_UNIT_LABELS[chart["unit"]], values)
    return plot


def drawing_only(svg_text: str) -> str:
    """pygal's SVG without its script, stylesheet, tooltips, generated id and long decimals:
    the inside of the <svg>, to go in svg_element()."""
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(svg_text)
    q = f"{{{SVG_NS}}}"
    for parent in list(root.iter()):
        for child in list(parent):
            classes = (child.get("class") or "").split()
            if child.tag in (f"{q}defs", f"{q}script", f"{q}title", f"{q}desc", f"{q}style") \
                    or "tooltip-overlay" in classes or "background" in classes:
                parent.remove(child)
    for element in root.iter():
        for name in ROUNDED:
            value = element.get(name)
            if value:
                element.set(name, NUMBER.sub(lambda m: number(float(m.group())), value))
        for name in DROPPED:
            element.attrib.pop(name, None)
        classes = [c for c in (element.get("class") or "").split() if c not in ("reactive", "tooltip-trigger")]
        if element.get("class") is not None:
            if classes:
                element.set("class", " ".join(classes))
            else:
                del element.attrib["class"]
    inner = "".join(ET.tostring(child, encoding="unicode", short_empty_elements=True) for child in root)
    return inner.replace(f' xmlns="{SVG_NS}"', "")


def render_chart_svg(chart: dict, points: list[dict], figure_id: str) -> str:
    """The chart as an accessible <svg>: named by its title, described by its values as written."""
    body = drawing_only(pygal_chart(chart, points).render(is_unicode=True))
    description = "; ".join(f"{p['label']}: {p['value']}" for p in points)
    return svg_element(f'<g class="guide-chart guide-chart--{chart["kind"]}">{body}</g>', width=WIDTH,
                       height=HEIGHT, title=chart["title"], figure_id=figure_id, description=description)


# -- on a page ------------------------------------------------------------------------
def source_cell(point: dict, chapters_by_id, from_page: str) -> str:
    """'The essay, ch. 5' for the essay's numbers; the source links for later ones."""
    chapter = chapters_by_id.get(point.get("chapter"))
    if point["in_article"]:
        return "The essay" + (", " + link_to_chapter(chapter, from_page, f"ch. {chapter['number']}", hover_text=False)
                              if chapter else "")
    return source_links(point.get("sources"))


def render_chart(chart: dict, figures_by_id, chapters_by_id, from_page: str, id_prefix: str = "") -> str:
    """The chart, its caption (title, note) and its text version: a table of the numbers and sources."""
    figure_id = f"{id_prefix}chart-{chart['id']}"
    points = points_of(chart, figures_by_id)
    svg = cached_figure(render_chart_svg, chart, points, figure_id)
    caption = f"<strong>{esc(chart['title'])}.</strong> {esc(plain(chart['note']))}"
    rows = [[f"**{cell(p['label'])}**", cell(p["value"]), cell(p["measures"]), cell(p["year"]),
             source_cell(p, chapters_by_id, from_page)] for p in points]
    mark = "Dot" if chart["kind"] == "rank" else "Bar"
    # Left out of search: the Key figures table holds the same numbers.
    table = card_table([mark, "Figure as given", "What it measures", "Year", "Source"], rows,
                       attrs=f'id="{esc(figure_id)}-data" data-search-exclude')
    return figure_block(svg, caption=caption, kind="chart", text_version_id=f"{figure_id}-data") + table


def render_charts(charts, figures_by_id, chapters_by_id, from_page: str, heading: str = "###",
                  id_prefix: str = "") -> str:
    """Several charts, each under its own heading."""
    return "\n\n".join(f"{heading} {safe(c['title'])} {{ #{id_prefix}{c['id']} }}\n\n"
                       + render_chart(c, figures_by_id, chapters_by_id, from_page, id_prefix) for c in charts)
