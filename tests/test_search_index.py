"""The search index rework (macros/search_index.py): unit tests on small indexes, then the
real index of the built site."""
from __future__ import annotations

import bisect
import copy
import gzip
import json
import re
from pathlib import Path

import pytest
import yaml

from macros import search_index as si
from macros.facts import timeline_anchors
from macros.text import display_date
from sample_data import CASTANEDA, EVENTS, FOX, PAN, PLACE, TERM

SEPARATOR = r'[\s\-–—,:;!?=\[\]()"“”/|·✓]+|\.+(?=[\s\-–—,:;!?=\[\]()"“”/|·✓]|$)'
FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}


def index_of(*docs) -> dict:
    return {"config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": ["stopWordFilter"],
                       "fields": copy.deepcopy(FIELDS)}, "docs": list(docs)}


def doc(location, title, text="") -> dict:
    return {"location": location, "title": title, "text": text}


def url(src: str) -> str:
    return src.removesuffix(".md") + "/"


def by_location(index) -> dict:
    return {d["location"]: d for d in index["docs"]}


# -- accents ---------------------------------------------------------------------------
def test_words_are_split_like_material_does():
    assert si.words("<p>(Chávez) met Castañeda's “envoy”, U.S.-backed.</p>", SEPARATOR) == {
        "chávez", "met", "castañeda", "envoy", "u", "backed"}


def test_fold_drops_accents_only():
    assert si.fold("Castañeda Chávez México Cristóbal Nguyễn Văn") == "Castaneda Chavez Mexico Cristobal Nguyen Van"


def test_accented_words_get_their_plain_form():
    out = si.add_spelling_variants(index_of(doc("people/#castaneda", "Jorge Castañeda", "<p>Chávez, Chávez's ally</p>")))
    only = out["docs"][0]
    assert only["title_variants"] == "castaneda"
    assert only["text_variants"] == "chavez"


def test_plain_words_get_the_accented_form_the_site_uses():
    out = si.add_spelling_variants(index_of(
        doc("a/", "Mexico City", "<p>Mexico's capital.</p>"),
        doc("b/", "Sources", "<p>Ciudad de México.</p>"),
        doc("c/", "Canada", "<p>No accents here.</p>")))
    a, b, c = out["docs"]
    assert a["title_variants"] == "méxico" and a["text_variants"] == "méxico"
    assert b["text_variants"] == "mexico"
    assert "title_variants" not in c and "text_variants" not in c


def test_plain_words_that_start_with_an_accented_word_get_it_too():
    """'america' finds 'American' (typed words match the start of words): so must 'américa'."""
    out = si.add_spelling_variants(index_of(doc("a/", "Latin American leaders", ""), doc("b/", "América Latina", "")))
    assert out["docs"][0]["title_variants"] == "américa"
    assert out["docs"][1]["title_variants"] == "america"


def test_each_variant_appears_once_and_never_repeats_the_doc_own_words():
    out = si.add_spelling_variants(index_of(
        doc("a/", "Castañeda", "<p>Castañeda, castañeda's CASTAÑEDA and Castaneda; Chávez chávez.</p>")))
    variants = out["docs"][0]["text_variants"].split()
    assert variants == ["chavez"]  # castaneda is already in the text
    assert len(variants) == len(set(variants))
    assert out["docs"][0]["title_variants"] == "castaneda"


def test_both_spellings_reach_the_same_docs():
    """A typed word w finds a doc when some indexed word starts with w: check both spellings."""
    out = si.add_extra_fields(si.add_spelling_variants(index_of(
        doc("a/", "Jorge Castañeda", "<p>Mexico</p>"), doc("b/", "Other", "<p>(México)</p>"),
        doc("c/", "Castaneda family", ""), doc("d/", "None", "<p>Canada</p>"))))
    fields = out["config"]["fields"]

    def found(typed):
        return {d["location"] for d in out["docs"]
                if any(w.startswith(typed) for f in fields for w in si.words(d.get(f, ""), SEPARATOR))}

    for accented, plain_form in [("castañeda", "castaneda"), ("méxico", "mexico")]:
        assert found(accented) == found(plain_form) != set()
    assert found("castaneda") == {"a/", "c/"} and found("méxico") == {"a/", "b/"}


def test_extra_fields_are_declared_with_the_weight_of_the_field_they_stand_for():
    fields = si.add_extra_fields(index_of())["config"]["fields"]
    assert fields["title_variants"] == fields["keywords"] == {"boost": 1000.0}
    assert fields["text_variants"] == {"boost": 1.0}
    assert fields["tags"] == {"boost": 1000000.0}


# -- one result per entry -------------------------------------------------------------
def test_glossary_place_and_timeline_entries_get_one_doc_each_at_their_anchor():
    glossary = si.glossary_docs([TERM], "reference/glossary/")
    assert glossary == [{"location": "reference/glossary/#maquiladora", "title": "maquiladora",
                         "text": "<p>A factory assembling goods for export.</p> <p>Longer. Second paragraph.</p>"}]
    places = si.place_docs([PLACE], "reference/places/")
    assert places == [{"location": "reference/places/#iraq", "title": "Iraq",
                       "text": "<p>Country. Bombed in February 2001.</p>"}]
    events = si.timeline_docs(EVENTS, timeline_anchors(EVENTS), "reference/timeline/")
    assert [(e["location"], e["title"], e["text"]) for e in events] == [
        ("reference/timeline/#event-2001-02", "February 2001", "<p>Summit.</p>"),
        ("reference/timeline/#event-2003-01-10", "10 January 2003", "<p>Resigns.</p>")]


def test_entry_text_is_plain_and_escaped():
    term = {**TERM, "term": "a <b>", "short": "See [NAFTA](x.md) & *more*."}
    out = si.glossary_docs([term], "g/")[0]
    assert out["title"] == "a &lt;b&gt;"
    assert out["text"].startswith("<p>See NAFTA &amp; more.</p>")


def test_entry_pages_lose_their_coarse_sections_and_keep_their_introduction():
    index = index_of(
        doc("reference/glossary/", "Glossary", "<p>130 terms.</p> <p>A B C</p>"),
        doc("reference/glossary/#letter-m", "M", "maquiladora <p>A factory.</p>"),
        doc("reference/people/", "People", "<p>Everyone.</p>"),
        doc("reference/people/#fox", "Vicente Fox", "<p>Person.</p>"))
    entries = si.glossary_docs([TERM], "reference/glossary/")
    out = si.replace_sections(index, "reference/glossary/", entries)
    assert [d["location"] for d in out["docs"]] == [
        "reference/glossary/", "reference/glossary/#maquiladora", "reference/people/", "reference/people/#fox"]
    assert out["docs"][0]["text"] == "<p>130 terms.</p>"
    assert index["docs"][1]["location"] == "reference/glossary/#letter-m"  # the input is left as it was


GLOSSARY_HTML = ('<h1 id="glossary">Glossary</h1><p>Terms the essay uses, A to Z.</p>'
                 '<nav class="az-bar"><a href="#letter-a">A</a></nav>'
                 '<h2 id="letter-a">A</h2><dl><dt id="abstention">abstention</dt><dd><p>Not voting.</p></dd></dl>'
                 '<h3 id="more">More</h3><p>Later text.</p>')


def material_docs(content: str) -> list[dict]:
    """The docs Material's search plugin makes of a glossary page with this HTML."""
    from types import SimpleNamespace

    from material.plugins.search.plugin import SearchIndex
    from mkdocs.structure.toc import get_toc

    toc = get_toc([{"level": 1, "id": "glossary", "name": "Glossary", "children": [
        {"level": 2, "id": "letter-a", "name": "A", "children": [{"level": 3, "id": "more", "name": "More", "children": []}]}]}])
    index = SearchIndex(lang=["en"], separator=SEPARATOR, pipeline=[], fields={})
    index.add_entry_from_context(SimpleNamespace(content=content, toc=toc, url="reference/glossary/", title="Glossary",
                                                 meta={}, file=SimpleNamespace(src_uri="reference/glossary.md")))
    return index.entries


def test_entry_pages_give_search_only_their_introduction_and_the_rework_comes_out_the_same():
    trimmed = si.indexed_html("reference/glossary.md", GLOSSARY_HTML)
    assert trimmed.startswith('<h1 id="glossary">') and "<h2" not in trimmed and "az-bar" in trimmed
    entries = {"reference/glossary/": [doc("reference/glossary/#abstention", "abstention", "<p>Not voting.</p>")]}
    whole, part = (si.replace_sections(index_of(*material_docs(html)), "reference/glossary/", entries["reference/glossary/"])
                   for html in (GLOSSARY_HTML, trimmed))
    assert whole == part and len(whole["docs"]) == 2
    assert si.indexed_html("chapters/01-a-new-partnership.md", GLOSSARY_HTML) == GLOSSARY_HTML
    assert si.indexed_html("reference/glossary.md", "<h1>Glossary</h1><p>No sections.</p>") == "<h1>Glossary</h1><p>No sections.</p>"


def test_entry_docs_cover_glossary_places_and_timeline_pages():
    guide = {"glossary": [TERM], "places": [PLACE], "timeline": EVENTS}
    out = si.entry_docs(guide, timeline_anchors(EVENTS), url)
    assert sorted(out) == ["reference/glossary/", "reference/places/", "reference/timeline/"]
    assert [d["location"] for d in out["reference/places/"]] == ["reference/places/#iraq"]
    assert len(out["reference/timeline/"]) == len(EVENTS)


def test_entries_named_by_more_chapters_rank_a_little_higher():
    appearances = {"people": {"castaneda": {"start", "end"}, "fox": {"start"}, "nobody": set()},
                   "bodies": {}, "glossary": {"maquiladora": {"end"}}, "places": {}}
    assert si.entry_boosts(appearances, 2, url) == {
        "reference/people/castaneda/": 1.5, "reference/people/fox/": 1.25, "reference/glossary/#maquiladora": 1.25}
    out = si.add_boosts(index_of(doc("reference/people/fox/", "Vicente Fox"), doc("a/", "A")), {"reference/people/fox/": 1.25})
    assert [d.get("boost") for d in out["docs"]] == [1.25, None]


# -- keywords ------------------------------------------------------------------------------
def test_other_names_of_entries_become_keywords_without_repeating_the_name():
    guide = {"people": [CASTANEDA, FOX], "bodies": [PAN], "glossary": [TERM], "places": [PLACE]}
    assert si.alias_keywords(guide, url, SEPARATOR) == {
        "reference/people/castaneda/": "castaneda",  # "Castañeda" is in the name already
        "reference/bodies/pan/": "pan",
        "reference/glossary/#maquiladora": "maquiladoras"}  # Fox's alias "Fox" is in his name


def test_page_keywords_come_from_front_matter():
    pages = {"study/questions/": ("Discussion questions", {"search": {"keywords": ["answer key", "model answers"]}}),
             "study/teachers/": ("Teacher's guide", {"search": {"keywords": "lesson plan"}}),
             "about/": ("About", {"description": "No keywords."})}
    assert si.page_keywords(pages) == {"study/questions/": "answer key model answers", "study/teachers/": "lesson plan"}


def test_keywords_go_to_their_doc_and_every_quiz_section():
    index = index_of(doc("study/questions/", "Discussion questions"), doc("chapters/01/#check-your-understanding", "Check"),
                     doc("chapters/01/#in-brief", "In brief"))
    out = si.add_keywords(index, {"study/questions/": "answer key"})
    assert [d.get("keywords") for d in out["docs"]] == ["answer key", "quiz", None]


# -- teacher pages, sources --------------------------------------------------------------------
def test_pages_kept_out_of_the_index_get_a_card_with_title_and_description_only():
    pages = {"study/print/": ("Print edition", {"search": {"exclude": True}, "description": "The whole guide\n  to print."}),
             "study/handouts/": ("Chapter handouts", {"search": {"exclude": True}}),
             "study/teachers/": ("Teacher's guide", {"description": "Lesson plans."})}
    cards = si.excluded_page_cards(pages)
    assert cards == [{"location": "study/print/", "title": "Print edition", "text": "<p>The whole guide to print.</p>"},
                     {"location": "study/handouts/", "title": "Chapter handouts", "text": ""}]
    index = si.add_cards(index_of(doc("study/teachers/", "Teacher's guide", "<p>Full text.</p>")), cards)
    assert [d["location"] for d in index["docs"]] == ["study/teachers/", "study/print/", "study/handouts/"]


def test_a_card_never_doubles_a_page_already_indexed():
    card = si.page_card("study/print/", "Print & more", "<Everything>")
    assert card["title"] == "Print &amp; more" and card["text"] == "<p>&lt;Everything&gt;</p>"
    out = si.add_cards(index_of(doc("study/print/", "Print edition", "<p>All of it.</p>")), [card])
    assert len(out["docs"]) == 1


def test_source_lists_are_left_out():
    index = index_of(doc("p/#fox", "Fox", "<p>Person.</p> <p>Sources: A headline naming Chávez, Another</p> <p>After.</p>"))
    assert si.drop_source_lists(index)["docs"][0]["text"] == "<p>Person.</p> <p>After.</p>"
    log = index_of(doc("c/", "Corrections", "<ul><li><em>Now:</em> Fixed.</li><li><em>Sources:</em> <a>A</a></li></ul>"))
    assert si.drop_source_lists(log)["docs"][0]["text"] == "<ul><li><em>Now:</em> Fixed.</li></ul>"


def test_rebuild_does_everything_and_changes_nothing_it_was_given():
    index = index_of(doc("reference/glossary/", "Glossary", "<p>Terms.</p>"),
                     doc("reference/glossary/#letter-m", "M", "<p>maquiladora</p>"),
                     doc("reference/people/#castaneda", "Jorge Castañeda", "<p>Sources: X</p>"))
    before = copy.deepcopy(index)
    out = si.rebuild(index, {"reference/glossary/": si.glossary_docs([TERM], "reference/glossary/")},
                     {"reference/people/#castaneda": 1.5}, [si.page_card("study/print/", "Print edition", "All.")],
                     {"study/print/": "print PDF"})
    assert index == before
    docs = by_location(out)
    assert list(docs) == ["reference/glossary/", "reference/glossary/#maquiladora", "reference/people/#castaneda",
                          "study/print/"]
    assert docs["reference/people/#castaneda"] == {"location": "reference/people/#castaneda", "title": "Jorge Castañeda",
                                                   "text": "", "boost": 1.5, "title_variants": "castaneda"}
    assert docs["study/print/"]["keywords"] == "print PDF"
    assert set(out["config"]["fields"]) == {"title", "text", "tags", "title_variants", "text_variants", "keywords"}


# -- the real index ------------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parent.parent
BUDGET = 200_000  # bytes, gzip -9: Material's own index of this site was 194,655 before this rework


def load(name: str):
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built_index(built_site):
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_every_entry_is_its_own_result_at_its_page_or_an_anchor_its_page_has(built_site, built_index):
    docs = by_location(built_index)
    events = load("timeline")
    for name in ("people", "bodies"):  # a page each, so a result each
        for entry in load(name):
            found = docs.get(f"reference/{name}/{entry['id']}/")
            assert found is not None, f"no search result for {name} entry {entry['id']}'s page"
            assert found["title"] == entry["name"].replace("&", "&amp;")
    expected = {
        "reference/glossary/": [(e["id"], e["term"]) for e in load("glossary")],
        "reference/places/": [(e["id"], e["name"]) for e in load("places")],
        "reference/timeline/": [(a, display_date(e["date"])) for a, e in zip(timeline_anchors(events), events,
                                                                             strict=True)],
    }
    for page, entries in expected.items():
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        for anchor, title in entries:
            found = docs.get(f"{page}#{anchor}")
            assert found is not None, f"no search result for {page}#{anchor}"
            assert found["title"] == title.replace("&", "&amp;")
            assert f'id="{anchor}"' in html, f"{page} has no anchor {anchor}"
    assert not [loc for loc in docs if "#letter-" in loc], "glossary letter blocks are still indexed"


def test_timeline_anchors_are_unique():
    anchors = timeline_anchors(load("timeline"))
    assert len(anchors) == len(set(anchors))


def test_unit_tests_split_words_like_the_site(built_index):
    assert built_index["config"]["separator"] == SEPARATOR


def test_pages_kept_out_of_the_index_are_found_by_title_and_description(built_index):
    docs = by_location(built_index)
    for page, title in [("study/handouts/", "Chapter handouts"), ("study/print/", "Print edition")]:
        assert [loc for loc in docs if loc.startswith(page)] == [page]
        assert docs[page]["title"] == title
        assert 0 < len(docs[page]["text"]) < 300


def test_the_index_stays_small(built_site, built_index):
    size = len(gzip.compress((built_site / "search" / "search_index.json").read_bytes(), 9))
    assert size <= BUDGET, f"search index {size} bytes gzipped, over the {BUDGET} budget"
    assert not [d["location"] for d in built_index["docs"] if "Sources:" in d["text"]]
    assert [d for d in built_index["docs"] if d.get("keywords") == "quiz"], "no quiz section found"


def reach(index):
    """typed word -> the docs whose indexed words start with it, as lunr matches 'word*'."""
    pairs = sorted({(token, d["location"]) for d in index["docs"] for field in index["config"]["fields"]
                    for token in re.split(index["config"]["separator"], si.TAG.sub(" ", str(d.get(field, ""))).lower())
                    if token})
    tokens = [t for t, _ in pairs]

    def found(typed: str) -> set[str]:
        start = bisect.bisect_left(tokens, typed)
        end = bisect.bisect_left(tokens, typed + "\U0010ffff")
        return {location for _, location in pairs[start:end]}
    return found


def test_every_accented_word_of_the_site_finds_the_same_docs_typed_without_its_accents(built_index):
    found = reach(built_index)
    accented = {w for d in built_index["docs"] for w in si.words(d["title"] + " " + d["text"], SEPARATOR)
                if si.fold(w) != w}
    assert len(accented) > 20
    differ = {w: (len(found(w)), len(found(si.fold(w)))) for w in accented if found(w) != found(si.fold(w))}
    assert not differ, f"docs found with / without accents differ: {differ}"
