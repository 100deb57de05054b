"""Charts of the essay's numbers (macros/charts.py, data/charts.yml): the spec check and the renderer."""
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from macros import charts, figure_cache
from macros.model import Chart
from macros.validation import check_collection, check_entry
from sample_data import BY_ID, SRC

ROOT = Path(__file__).resolve().parent.parent
WHERE = "data/charts.yml, entry 1 (remittances)"
FIGURES = {
    "remit-2001": {"id": "remit-2001", "value": "as much as $10 billion", "measures": "Money sent home", "year": "2001",
                   "chapter": "end", "in_article": True, "why": "w", "sources": []},
    "remit-2024": {"id": "remit-2024", "value": "$64.7 billion", "measures": "Money <sent> home", "year": "2024",
                   "in_article": False, "why": "w", "sources": [SRC]},
    "rank-1993": {"id": "rank-1993", "value": "26th", "measures": "Rank", "year": "1993", "chapter": "end",
                  "in_article": True, "why": "w", "sources": []},
    "rank-1999": {"id": "rank-1999", "value": "8th", "measures": "Rank", "year": "1999", "chapter": "end",
                  "in_article": True, "why": "w", "sources": []},
    "people": {"id": "people", "value": "35 million", "measures": "People", "year": "2000", "chapter": "end",
               "in_article": True, "why": "w", "sources": []},
}
BAR = {"id": "remittances", "title": "Money & \"more\" sent home", "kind": "bar", "unit": "usd-billion",
       "figures": ["remit-2001", "remit-2024"], "labels": ["2001 est.", "2024"], "values": [10, 64.7],
       "note": "Current dollars."}
RANK = {"id": "exports", "title": "Export rank", "kind": "rank", "unit": "rank", "figures": ["rank-1993", "rank-1999"],
        "labels": ["1993", "1999"], "values": [26, 8], "note": "As the essay gives them."}


# -- the spec ------------------------------------------------------------------------------
def test_a_good_chart_passes():
    assert check_entry(BAR, Chart, WHERE) == [] and check_entry(RANK, Chart, WHERE) == []
    assert charts.check_charts([BAR, RANK], FIGURES) == []


@pytest.mark.parametrize("field", ["labels", "values"])
def test_a_series_with_mismatched_lengths_is_refused_with_a_fix(field):
    [problem] = check_entry({**BAR, field: BAR[field][:1]}, Chart, WHERE)
    assert problem == (f"{WHERE}, field '{field}': 1 {field} for 2 figures; give exactly one per figure, "
                       "in the order of 'figures'.")


def test_a_rank_chart_plots_ranks_only():
    [problem] = check_entry({**RANK, "unit": "usd-billion"}, Chart, WHERE)
    assert "field 'kind'" in problem and "kind: rank with unit: rank" in problem


def test_bars_start_from_zero():
    [problem] = check_entry({**BAR, "values": [-1, 64.7]}, Chart, WHERE)
    assert "field 'values'" in problem and "bars start from zero" in problem


def test_an_unknown_unit_or_a_long_label_is_refused():
    [problem] = check_entry({**BAR, "unit": "usd-bilion"}, Chart, WHERE)
    assert "field 'unit'" in problem and "did you mean 'usd-billion'?" in problem
    [problem] = check_entry({**BAR, "labels": ["2001, Leiken's estimate", "2024"]}, Chart, WHERE)
    assert "field 'labels', item 1" in problem


def test_a_value_not_written_in_its_figure_is_refused():
    [problem] = charts.check_charts([{**BAR, "values": [10, 65]}], FIGURES)
    assert problem.startswith(f"{WHERE}, field 'values', item 2: 65 is not a number written in figure 'remit-2024'")
    assert "copy one of them" in problem


def test_a_figure_in_another_unit_is_refused():
    chart = {**BAR, "figures": ["remit-2001", "people"], "values": [10, 35]}
    [problem] = charts.check_charts([chart], FIGURES)
    assert problem.startswith(f"{WHERE}, field 'figures', item 2: figure 'people' (\"35 million\") is not in US$ billion")
    [problem] = charts.check_charts([{**RANK, "figures": ["rank-1993", "people"], "values": [26, 35]}], FIGURES)
    assert "figure 'people'" in problem and "is not in rank" in problem


def test_the_guides_charts_pass_every_check():
    data = {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
            for name in ("charts", "figures")}
    assert check_collection("charts", data["charts"], "data/charts.yml") == []
    figures = {f["id"]: f for f in data["figures"]}
    assert charts.check_charts(data["charts"], figures) == []
    assert all(f in figures for chart in data["charts"] for f in chart["figures"])


# -- the renderer ----------------------------------------------------------------------------
def svg_of(out: str) -> ET.Element:
    svg = re.search(r"<svg.*</svg>", out, re.S).group()
    return ET.fromstring(svg)


def texts(svg: ET.Element) -> list[str]:
    return [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]


def test_a_bar_chart_has_its_labels_values_name_and_zero_baseline():
    figure_cache.clear()
    out = charts.render_chart(BAR, FIGURES, BY_ID, "reference/figures.md")
    svg = svg_of(out)
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "chart-remittances-title chart-remittances-desc"
    assert svg.find("{http://www.w3.org/2000/svg}title").text == 'Money & "more" sent home'
    assert svg.find("{http://www.w3.org/2000/svg}desc").text == "2001 est.: as much as $10 billion; 2024: $64.7 billion"
    words = texts(svg)
    assert {"2001 est.", "2024", "10", "64.7", "0", "US$ billion"} <= set(words)
    bars = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect")]
    assert len(bars) == 2
    zero = next(g for g in svg.iter("{http://www.w3.org/2000/svg}g")
                if [t.text for t in g.findall("{http://www.w3.org/2000/svg}text")] == ["0"])
    zero_y = float(zero.find("{http://www.w3.org/2000/svg}path").get("d").split()[1])
    for bar in bars:  # every bar stands on the line labelled 0
        assert float(bar.get("y")) + float(bar.get("height")) == pytest.approx(zero_y, abs=0.2)
    heights = [float(r.get("height")) for r in bars]
    assert heights[1] / heights[0] == pytest.approx(6.47, rel=0.02)  # proportional to the values


def test_a_chart_is_static_and_self_contained():
    figure = charts.render_chart(BAR, FIGURES, BY_ID, "reference/figures.md").split("<div id=")[0]
    for forbidden in ("<script", "<style", "pygal", "href=", "<image", "url(", "onclick", "tooltip"):
        assert forbidden not in figure.replace('<a href="#chart-remittances-data">', "")
    assert re.findall(r"https?://[^\s\"]+", figure) == ["http://www.w3.org/2000/svg"]  # the namespace only
    assert not re.search(r"\d\.\d{2,}", figure)  # coordinates rounded
    figure_cache.clear()
    assert figure == charts.render_chart(BAR, FIGURES, BY_ID, "reference/figures.md").split("<div id=")[0]  # no ids


def test_a_chart_sits_with_its_caption_and_a_table_of_numbers_and_sources():
    out = charts.render_chart(BAR, FIGURES, BY_ID, "chapters/02-end.md", id_prefix="ch2-")
    assert '<figure class="guide-figure guide-figure--chart" data-search-exclude>' in out
    assert '<a href="#ch2-chart-remittances-data">Text version</a>' in out
    assert "<strong>Money &amp; &#34;more&#34; sent home.</strong> Current dollars." in out
    table = out[out.index('<div id="ch2-chart-remittances-data"'):]
    assert "| Bar | Figure as given | What it measures | Year | Source |" in table
    assert "as much as $10 billion" in table and "The essay, [ch. 2](02-end.md)" in table
    assert "Money &lt;sent&gt; home" in table and "[Census](https://www.census.gov/)" in table


def test_a_rank_chart_puts_first_place_at_the_top_and_places_dots_by_year():
    out = charts.render_chart(RANK, FIGURES, BY_ID, "reference/figures.md")
    svg = svg_of(out)
    dots = [(float(c.get("cx")), float(c.get("cy"))) for c in svg.iter("{http://www.w3.org/2000/svg}circle")]
    assert len(dots) == 2
    (x1993, y26), (x1999, y8) = dots
    assert x1993 < x1999 and y8 < y26  # 8th drawn above 26th
    assert {"26th", "8th", "1993", "1999", "1st"} <= set(texts(svg))
    assert "| Dot |" in out


def test_charts_show_in_the_chapters_their_figures_come_from():
    assert charts.chapters_of(BAR, FIGURES) == {"end"}
    both = charts.render_charts([BAR, RANK], FIGURES, BY_ID, "reference/figures.md")
    assert "### Money &amp; \"more\" sent home { #remittances }" in both and "### Export rank { #exports }" in both


def test_charts_are_cached_by_their_inputs():
    figure_cache.clear()
    charts.render_chart(BAR, FIGURES, BY_ID, "reference/figures.md")
    charts.render_chart(BAR, FIGURES, BY_ID, "reference/figures.md")
    assert figure_cache.cache_size() == 1
    charts.render_chart({**BAR, "values": [10, 64.7], "labels": ["2001", "2024"]}, FIGURES, BY_ID, "reference/figures.md")
    assert figure_cache.cache_size() == 2
