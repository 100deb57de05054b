"""Unit tests of the visual timeline (macros/timeline_chart.py), the argument diagram
(macros/argument_diagram.py) and their data checks (data/eras.yml, chapters' evidence)."""
import re

import pytest

from macros import argument, argument_diagram, facts, timeline_chart
from macros.figure_cache import cache_size, cached_figure, clear
from macros.loader import Guide, check_references
from macros.model import COLLECTIONS
from macros.validation import check_entry
from tests.sample_data import BY_ID, CHAPTERS, SRC

PAGE = "reference/timeline.md"
EVENTS = [
    {"date": "1929-03-04", "event": "The party is founded.", "in_article": False, "sources": [SRC]},
    {"date": "1994-01-01", "event": "NAFTA takes effect & rebels rise.", "in_article": True, "chapter": "start"},
    {"date": "2000", "event": "Fox tours <the> hemisphere.", "in_article": True, "chapter": "start"},
    {"date": "2001-02", "event": "Summit at the ranch.", "in_article": True, "chapter": "end"},
    {"date": "2001-02", "event": "Iraq is bombed.", "in_article": True, "chapter": "start"},
    {"date": "2001-09-11", "event": "Attacks on New York.", "in_article": False, "sources": [SRC]},
    {"date": "2020-07-01", "event": "USMCA replaces NAFTA.", "in_article": False, "sources": [SRC]},
]
ERAS = [{"id": "pri-rule", "name": "PRI rule", "start": "1929-03-04", "end": "2000-12-01", "sources": [SRC]},
        {"id": "fox-term", "name": "Fox's term", "start": "2000-12-01", "end": "2006-11-30", "chapter": "start",
         "sources": [SRC]}]
BREAKS = ["1980", "2000", "2002"]


def chart(events=EVENTS, eras=ERAS) -> str:
    marks = timeline_chart.marks_for(events, facts.timeline_anchors(events), BY_ID, PAGE)
    return timeline_chart.render_timeline_chart(marks, timeline_chart.eras_for(eras), BREAKS)


def variants(html: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", html, re.S)


# -- the timeline ------------------------------------------------------------------
def test_one_linked_mark_per_event_in_each_variant():
    wide, narrow = variants(chart())
    for svg in (wide, narrow):
        assert svg.count("<a ") == len(EVENTS)
        assert svg.count('class="tl-essay"') == 4 + 2  # four essay events, plus two in the legend
        assert svg.count('class="tl-context"') == 3 + 1


def test_essay_and_context_marks_differ_in_shape_and_are_named_in_the_legend():
    svg = variants(chart())[0]
    assert re.search(r'<circle class="tl-essay"', svg) and re.search(r'<path class="tl-context"', svg)
    assert "From the essay" in svg and "Context (from outside the essay)" in svg
    assert "date known only to the year or month" in svg


def test_marks_link_to_the_rows_anchors_of_the_table():
    html = chart()
    anchors = facts.timeline_anchors(EVENTS)
    hrefs = re.findall(r'<a xlink:href="([^"]+)"', variants(html)[0])
    assert sorted(hrefs) == sorted(f"#{a}" for a in anchors)
    assert "#event-2001-02-2" in hrefs
    table = facts.render_timeline(EVENTS, BY_ID, [[] for _ in EVENTS], PAGE)
    for anchor in anchors:
        assert f'id="{anchor}"' in table


def test_marks_link_from_another_page_to_the_timeline_page():
    marks = timeline_chart.marks_for(EVENTS, facts.timeline_anchors(EVENTS), BY_ID, "chapters/01-start.md")
    assert marks[0]["href"] == "../../reference/timeline/#event-1929-03-04"


def test_each_mark_has_an_accessible_name_with_date_origin_and_event_escaped():
    svg = variants(chart())[0]
    assert 'aria-label="February 2001 (from the essay, chapter 2): Summit at the ranch."' in svg
    assert 'aria-label="1 January 1994 (from the essay, chapter 1): NAFTA takes effect &amp; rebels rise."' in svg
    assert "&lt;the&gt;" in svg and "<the>" not in svg
    assert 'aria-label="11 September 2001 (context): Attacks on New York."' in svg


def test_figure_has_a_title_role_and_points_to_its_text_version():
    html = chart()
    assert html.count('role="group"') == 2
    assert '<title id="timeline-chart-wide-title">Timeline of 7 events, 2 eras</title>' in html
    assert 'id="timeline-chart-narrow"' in html
    assert '<a href="#timeline-table">Text version</a>' in html
    assert 'class="guide-timeline__wide"' in html and 'class="guide-timeline__narrow"' in html


def test_era_bands_come_from_the_data():
    svg = variants(chart())[0]
    assert svg.count('<g class="tl-band">') == 2
    assert ">PRI rule</text>" in svg and ">Fox&#39;s term</text>" in svg
    # PRI rule crosses the three earlier periods: one rectangle in each
    pri = re.search(r'<g class="tl-band">(.*?)PRI rule', svg, re.S).group(1)
    assert pri.count("<rect") == 3
    assert ">Fox" not in variants(chart(eras=[]))[0]


def test_axis_breaks_into_periods_and_enlarges_the_crowded_one():
    data = timeline_chart.layout(timeline_chart.marks_for(EVENTS, facts.timeline_anchors(EVENTS), BY_ID, PAGE),
                                 [], BREAKS, 776, 14)
    labels = [p["label"] for p in data["periods"]]
    assert labels == ["1920–1979", "1980–1999", "2000–2001 (enlarged)", "2002–2020"]
    sizes = [p["to"] - p["from"] for p in data["periods"]]
    assert sizes[2] == max(sizes)
    svg = variants(chart())[0]
    assert svg.count('class="tl-break"') == 3


def test_marks_on_the_same_date_do_not_overlap():
    data = timeline_chart.layout(timeline_chart.marks_for(EVENTS, facts.timeline_anchors(EVENTS), BY_ID, PAGE),
                                 [], BREAKS, 776, 14)
    same = [m for m in data["marks"] if m["date"] == "2001-02"]
    assert {m["lane"] for m in same} == {0, 1} or len({m["lane"] for m in same}) == 2


def test_span_of_a_date_matches_its_precision():
    assert timeline_chart.span("2001") == (2001, 2002)
    start, end = timeline_chart.span("2001-02")
    assert start == pytest.approx(2001 + 1 / 12) and end == pytest.approx(2001 + 2 / 12)


def test_no_events_draws_nothing():
    assert timeline_chart.render_timeline_chart([], [], BREAKS) == ""


def test_era_table_is_the_bands_text_version():
    text = timeline_chart.render_era_table(ERAS, BY_ID, PAGE)
    assert "| PRI rule | 4 March 1929 | 1 December 2000 |" in text
    assert "[Ch. 1](../chapters/01-start.md)" in text
    assert "[Census](https://www.census.gov/)" in text


def test_figures_are_cached_by_their_inputs():
    clear()
    marks = timeline_chart.marks_for(EVENTS, facts.timeline_anchors(EVENTS), BY_ID, PAGE)
    first = cached_figure(timeline_chart.render_timeline_chart, marks, ERAS, BREAKS)
    again = cached_figure(timeline_chart.render_timeline_chart, marks, ERAS, BREAKS)
    assert first == again and cache_size() == 1


# -- the argument diagram --------------------------------------------------------------
EVIDENCE_CHAPTERS = [{**CHAPTERS[0], "evidence": ["Helms visits & talks.", "Bush goes south."]},
                     {**CHAPTERS[1], "evidence": ["Nixon's <allies>.", "A democratic ally."]}]


def diagram(chapters=EVIDENCE_CHAPTERS, page="argument.md") -> str:
    return argument_diagram.render_argument_diagram(argument_diagram.nodes_for(chapters, page))


def test_one_linked_node_per_chapter():
    html = diagram()
    hrefs = re.findall(r'<a xlink:href="([^"]+)" role="link" aria-label="([^"]+)"', html)
    assert hrefs == [("../chapters/01-start/", "Chapter 1: Start"), ("../chapters/02-end/", "Chapter 2: End")]
    assert html.count('class="arg-node"') == 2
    assert html.count('class="arg-arrow"') == 1


def test_claims_evidence_and_objections_are_drawn_escaped():
    html = diagram()
    assert "Democracy changed Mexico." in html and "Ideals and interests meet." in html
    assert "Helms visits &amp; talks." in html and "Nixon&#39;s &lt;allies&gt;." in html
    assert html.count(">Evidence</text>") == 2
    assert html.count('class="arg-objection-box"') == 1  # only chapter 1 has an objection
    assert "It was always so." in html


def test_diagram_has_a_title_and_points_to_the_list():
    html = diagram()
    assert '<title id="argument-diagram-title">The chain of claims: 2 steps' in html
    assert '<a href="#chain-of-claims">Text version</a>' in html
    assert 'guide-figure--argument' in html


def test_chapters_without_evidence_still_get_a_node():
    html = diagram(CHAPTERS)
    assert html.count('class="arg-node"') == 2 and ">Evidence</text>" not in html


def test_long_text_is_wrapped_inside_the_box():
    lines = argument_diagram.wrap("word " * 60, argument_diagram.WIDTH - 40, argument_diagram.SMALL)
    assert len(lines) > 5
    assert max(len(line) for line in lines) * argument_diagram.SMALL * argument_diagram.CHAR <= argument_diagram.WIDTH - 40


def test_text_version_lists_the_evidence():
    text = argument.render_argument_map(EVIDENCE_CHAPTERS, "argument.md")
    assert text.count("*Evidence:*") == 2
    assert "    - Helms visits &amp; talks." in text and "    - Nixon's &lt;allies&gt;." in text


# -- the data checks ----------------------------------------------------------------------
def test_a_valid_era_passes():
    assert check_entry(ERAS[0], COLLECTIONS["eras"], "data/eras.yml, entry 1 (pri-rule)") == []


def test_an_era_ending_before_it_starts_is_refused_with_file_entry_and_field():
    bad = {**ERAS[0], "start": "2000", "end": "1929-03"}
    [problem] = check_entry(bad, COLLECTIONS["eras"], "data/eras.yml, entry 1 (pri-rule)")
    assert problem.startswith("data/eras.yml, entry 1 (pri-rule), field 'end': 1929-03 is before the start (2000)")
    assert "swap" in problem


def test_an_era_may_start_and_end_in_the_same_year_at_different_precision():
    assert check_entry({**ERAS[0], "start": "2000-12", "end": "2000"}, COLLECTIONS["eras"], "here") == []


def test_an_unknown_era_field_suggests_the_near_miss():
    bad = {**ERAS[0], "strat": "1929"}
    problems = check_entry(bad, COLLECTIONS["eras"], "data/eras.yml, entry 1 (pri-rule)")
    assert any("field 'strat': unknown field; did you mean 'start'?" in p for p in problems)


def test_an_era_needs_a_source_and_real_dates():
    problems = check_entry({**ERAS[0], "sources": [], "end": "Dec 2000"}, COLLECTIONS["eras"], "here")
    assert any("field 'sources': must not be empty" in p for p in problems)
    assert any("field 'end': 'Dec 2000' is not a date" in p for p in problems)


def test_an_era_naming_an_unknown_chapter_is_refused():
    collections = {name: [] for name in COLLECTIONS}
    collections["chapters"] = [dict(c) for c in CHAPTERS]
    collections["themes"] = [{"id": "migration", "name": "Migration", "short": "s", "description": "d"}]
    collections["eras"] = [{**ERAS[1], "chapter": "strat"}]
    problems = check_references(Guide(collections))
    assert any("data/eras.yml" in p and "field 'chapter'" in p and "did you mean 'start'?" in p for p in problems)


@pytest.mark.parametrize("evidence, message", [
    (["Only one."], "1 items; give 2 or 3 short pieces of evidence"),
    (["a", "b", "c", "d"], "4 items; give 2 or 3"),
    (["a", " ".join(["word"] * 21)], "21 words; keep it to at most 20"),
])
def test_chapter_evidence_is_two_or_three_short_items(evidence, message):
    chapter = {**CHAPTERS[0], "evidence": evidence}
    problems = check_entry(chapter, COLLECTIONS["chapters"], "data/chapters.yml, entry 1 (start)")
    assert any(p.startswith("data/chapters.yml, entry 1 (start), field 'evidence'") and message in p
               for p in problems), problems
