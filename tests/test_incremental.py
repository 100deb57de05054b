"""`make serve` rebuilds only the pages an edit affects: which pages (macros/incremental.py), the
recording of what a page reads (macros/serve_state.py, loader.Guide), the search-index merge."""
from __future__ import annotations

import re
import sys
from types import SimpleNamespace

import pytest

from conftest import ROOT
from macros import serve_state
from macros.bindings import GuideMacros
from macros.glossary import abbreviation_owners, abbreviations
from macros.incremental import (
    BuildRecord,
    changed_tokens,
    merge_search_docs,
    page_source_key,
    pages_to_rebuild,
    shown_elsewhere,
)
from macros.loader import Guide

pytestmark = pytest.mark.unit

PAGES = {"index.md": "h0", "chapters/01.md": "h1", "reference/glossary.md": "h2", "study/print.md": "h3"}
DEPENDS = {"index.md": set(), "chapters/01.md": {"entry:glossary:nafta", "data:chapters"},
           "reference/glossary.md": {"data:glossary"}, "study/print.md": {"chapter:ch1", "data:chapters"}}
MARKS = {"data:glossary": "g0", "entry:glossary:nafta": "n0", "chapter:ch1": "c0", "data:chapters": "d0"}


def record(sources=PAGES, marks=MARKS, site="s0", depends=DEPENDS) -> BuildRecord:
    return BuildRecord(site, dict(sources), dict(marks), {p: set(d) for p, d in depends.items()})


def rebuild(current: BuildRecord, previous: BuildRecord | None = None) -> set[str]:
    return pages_to_rebuild(record() if previous is None else previous, current)[0]


def test_nothing_changed_rebuilds_nothing():
    assert rebuild(record()) == set()


def test_an_edited_page_is_rebuilt_alone():
    assert rebuild(record(sources={**PAGES, "index.md": "new"})) == {"index.md"}


def test_a_changed_token_rebuilds_the_pages_that_read_it():
    assert rebuild(record(marks={**MARKS, "entry:glossary:nafta": "n1", "data:glossary": "g1"})) \
        == {"chapters/01.md", "reference/glossary.md"}
    assert rebuild(record(marks={**MARKS, "chapter:ch1": "c1"})) == {"study/print.md"}


def test_a_token_that_appears_or_disappears_counts_as_changed():
    assert rebuild(record(marks={k: v for k, v in MARKS.items() if k != "entry:glossary:nafta"})) \
        == {"chapters/01.md"}


def test_a_token_that_now_exists_counts_as_changed():
    """An id a page looked up in vain (a misspelt term) that a data edit adds."""
    previous = record(marks={k: v for k, v in MARKS.items() if k != "entry:glossary:nafta"})
    assert rebuild(record(), previous) == {"chapters/01.md"}


def test_first_build_code_change_and_unknown_pages_rebuild():
    assert pages_to_rebuild(None, record())[0] == set(PAGES)
    assert rebuild(record(site="s1")) == set(PAGES)
    previous = record(depends={p: d for p, d in DEPENDS.items() if p != "index.md"})
    assert rebuild(record(), previous) == {"index.md"}


def test_search_merge_keeps_pages_not_rebuilt_and_replaces_the_others_in_page_order():
    old = [{"location": ""}, {"location": "#intro"}, {"location": "a/"}, {"location": "a/#x"}, {"location": "b/"}]
    new = [{"location": "a/", "text": "new"}]
    merged = merge_search_docs(old, new, {"a/", "b/"}, ["", "a/", "b/"])
    assert merged == [{"location": ""}, {"location": "#intro"}, {"location": "a/", "text": "new"}]


def test_search_merge_puts_a_rebuilt_page_where_a_full_build_would():
    old = [{"location": "a/"}, {"location": "b/"}, {"location": "c/"}]
    merged = merge_search_docs(old, [{"location": "b/", "v": 2}], {"b/"}, ["a/", "b/", "c/"])
    assert [d["location"] for d in merged] == ["a/", "b/", "c/"] and merged[1]["v"] == 2


def recorded(read) -> set[str]:
    serve_state.start_recording()
    try:
        read()
    finally:
        found = serve_state.stop_recording()
    return found


def sample_guide() -> Guide:
    return Guide({"glossary": [{"id": "nafta", "term": "NAFTA"}], "people": [{"id": "fox", "name": "Fox"}],
                  "bodies": [{"id": "pan", "name": "PAN"}], "chapters": []})


def test_reading_a_collection_or_an_entry_is_recorded():
    guide = sample_guide()
    assert recorded(lambda: guide["glossary"]) == {"data:glossary"}
    assert recorded(lambda: guide.by_id["glossary"]["nafta"]) == {"entry:glossary:nafta"}
    assert recorded(lambda: guide.by_id["glossary"].get("nope")) == {"entry:glossary:nope"}
    assert recorded(lambda: "fox" in guide.by_id["people"]) == {"entry:people:fox"}
    assert recorded(lambda: list(guide.by_id["glossary"].values())) == {"data:glossary"}
    assert recorded(lambda: guide.profile("pan")) >= {"entry:people:pan", "entry:bodies:pan"}
    assert recorded(lambda: guide.by_id["profiles"]["fox"]) == {"entry:people:fox", "entry:bodies:fox"}
    assert recorded(lambda: dict(guide.collections)) == {"data:glossary", "data:people", "data:bodies",
                                                         "data:chapters"}


def test_a_page_that_counts_entries_reads_the_count_not_the_entries():
    """The home page says how many terms there are: an edit to a term's text leaves it alone, a new term does not."""
    def marks_and_reads(glossary: list[dict]) -> tuple[dict[str, str], set[str]]:
        guide = Guide({**{n: [] for n in ("people", "bodies", "places", "chapters")}, "glossary": glossary},
                      texts={"glossary": repr(glossary)})
        macros = GuideMacros(SimpleNamespace(variables={}, project_dir=str(ROOT)), guide, {})
        return macros.fingerprints(), recorded(lambda: macros.count("glossary"))
    term = {"id": "nafta", "term": "NAFTA", "short": "A trade pact."}
    marks, reads = marks_and_reads([term])
    edited, _ = marks_and_reads([{**term, "short": "A trade agreement."}])
    grown, _ = marks_and_reads([term, {"id": "pri", "term": "PRI", "short": "A party."}])
    assert reads == {"count:glossary"}
    assert changed_tokens(marks, edited) & reads == set()
    assert changed_tokens(marks, grown) & reads == {"count:glossary"}


def test_a_chapters_list_of_names_reads_the_names_not_the_definitions():
    """The chapter's "names in this chapter" list shows labels: a definition edit changes no label."""
    def marks_and_reads(term: dict) -> tuple[dict[str, str], set[str], dict]:
        guide = Guide({**{n: [] for n in ("people", "bodies", "places")}, "glossary": [term],
                       "chapters": [{"id": "ch1", "number": 1}]}, texts={"glossary": repr(term)})
        mentions = {"people": set(), "bodies": set(), "places": set(), "glossary": {"nafta"}}
        macros = GuideMacros(SimpleNamespace(variables={}, project_dir=str(ROOT)), guide,
                             {"ch1": SimpleNamespace(mentions=mentions, reading_minutes=1, markdown="")})
        named: dict = {}
        reads = recorded(lambda: named.update(macros.mentioned({"id": "ch1"})))
        return macros.fingerprints(), reads, named
    term = {"id": "nafta", "term": "NAFTA", "short": "A trade pact."}
    marks, reads, named = marks_and_reads(term)
    assert named["glossary"] == [{"id": "nafta", "name": "NAFTA"}]
    assert "label:glossary:nafta" in reads and not any(t.startswith("entry:") for t in reads)
    redefined, _, _ = marks_and_reads({**term, "short": "A trade agreement."})
    renamed, _, _ = marks_and_reads({**term, "term": "North American Free Trade Agreement"})
    assert changed_tokens(marks, redefined) & reads == set()
    assert changed_tokens(marks, renamed) & reads == {"label:glossary:nafta"}


def test_a_tooltips_token_follows_its_hover_text_not_the_rest_of_the_entry():
    def marks(term: dict) -> dict[str, str]:
        guide = Guide({**{n: [] for n in ("people", "bodies", "places", "chapters")}, "glossary": [term]},
                      texts={"glossary": repr(term)})
        return GuideMacros(SimpleNamespace(variables={}, project_dir=str(ROOT)), guide, {}).fingerprints()
    term = {"id": "nafta", "term": "NAFTA", "short": "A trade pact.", "explanation": "Signed in 1992."}
    before = marks(term)
    assert "hover:glossary:nafta" in before
    assert "hover:glossary:nafta" not in changed_tokens(before, marks({**term, "explanation": "Signed in 1992; in force 1994."}))
    assert "hover:glossary:nafta" in changed_tokens(before, marks({**term, "short": "A trade agreement."}))


def test_a_page_showing_some_ties_reads_the_people_at_their_ends_only():
    """A chapter's or profile's part of the relationship map: an edit to someone else leaves it alone."""
    people = [{"id": i, "name": i.title()} for i in ("fox", "bush", "powell")]
    guide = Guide({"people": people, "bodies": [{"id": "pan", "name": "PAN"}], "glossary": [], "places": [],
                   "chapters": []})
    macros = GuideMacros(SimpleNamespace(variables={}, project_dir=str(ROOT)), guide, {})
    ties = [{"from": "fox", "to": "pan", "kind": "member-of", "chapters": ["ch1"]}]
    ends: dict = {}
    reads = recorded(lambda: ends.update(macros.relation_ends(ties)))
    assert ends == {"fox": ("people", people[0]), "pan": ("bodies", guide.entries("bodies")[0])}
    assert {t for t in reads if t.startswith("entry:people:")} == {"entry:people:fox", "entry:people:pan"}
    assert not any(t.startswith("data:") for t in reads)
    assert set(macros.relation_ends()) == {"fox", "bush", "powell", "pan"}  # the whole map: everyone


def test_only_what_the_navigation_shows_of_a_page_makes_every_page_rebuild():
    """A profile's description comes from its entry's hover text: editing it rebuilds that page, not the site."""
    before = shown_elsewhere("Colin Powell", {"description": "U.S. secretary of state.", "icon": "person"})
    assert shown_elsewhere("Colin Powell", {"description": "Secretary of state (2001-05).", "icon": "person"}) == before
    assert shown_elsewhere("Powell", {"description": "U.S. secretary of state.", "icon": "person"}) != before
    assert shown_elsewhere("Colin Powell", {"description": "U.S. secretary of state.", "icon": "star"}) != before


def test_nothing_is_recorded_outside_a_page():
    guide = sample_guide()
    serve_state.start_recording()
    serve_state.stop_recording()
    guide["glossary"]
    assert serve_state.recording is None
    assert recorded(lambda: guide.entries("glossary")) == set()


def test_each_tooltip_name_has_the_entry_it_shows():
    glossary = [{"id": "nafta", "term": "NAFTA", "short": "A trade pact.", "aliases": ["free trade"]},
                {"id": "pri", "term": "PRI", "short": "A party."}]
    assert set(abbreviation_owners(glossary)) == set(abbreviations(glossary))
    assert abbreviation_owners(glossary)["Free trade"] == "nafta" and abbreviation_owners(glossary)["PRI"] == "pri"


def test_a_page_source_includes_its_snippets(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text('# Page\n\n--8<-- "INCLUDED.md"\n', encoding="utf-8")
    (tmp_path / "INCLUDED.md").write_text("one", encoding="utf-8")
    before = page_source_key(tmp_path / "docs", "page.md", tmp_path)
    (tmp_path / "INCLUDED.md").write_text("two", encoding="utf-8")
    assert page_source_key(tmp_path / "docs", "page.md", tmp_path) != before


def test_make_serve_and_the_benchmark_run_the_same_command():
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\t\$\(PY\) -m mkdocs serve \$\(SERVE_ARGS\)$", makefile, re.M)
    assert bench.serve_args() == ["--dirty"]


def test_a_part_of_a_page_is_reused_only_while_what_it_read_is_unchanged():
    calls = []

    def compute():
        calls.append(1)
        serve_state.record("chapter:ch1")
        return "text"

    serve_state.forget_renders()
    outside = recorded(lambda: serve_state.memo_by_reads("k", compute, {"chapter:ch1": "c0"}))
    assert outside == {"chapter:ch1"} and len(calls) == 1
    again = recorded(lambda: serve_state.memo_by_reads("k", compute, {"chapter:ch1": "c0"}))
    assert again == {"chapter:ch1"} and len(calls) == 1  # reused, and still counted as read
    recorded(lambda: serve_state.memo_by_reads("k", compute, {"chapter:ch1": "c1"}))
    assert len(calls) == 2
    serve_state.forget_renders()
    recorded(lambda: serve_state.memo_by_reads("k", compute, {"chapter:ch1": "c1"}))
    assert len(calls) == 3
    serve_state.memo_by_reads("k", compute, {"chapter:ch1": "c1"})  # not recording (a strict build)
    assert len(calls) == 4


def test_one_part_is_kept_per_slot_so_an_edit_replaces_what_it_made():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    serve_state.forget_renders()
    marks = {"chapter:ch1": "c0"}
    recorded(lambda: serve_state.memo_by_reads(("page", "v1"), compute, marks, slot="page"))
    recorded(lambda: serve_state.memo_by_reads(("page", "v2"), compute, marks, slot="page"))
    assert len(serve_state._renders) == 1
    assert recorded(lambda: serve_state.memo_by_reads(("page", "v1"), compute, marks, slot="page")) == set()
    assert len(calls) == 3  # the first version was replaced, so it is made again


def test_serve_lists_the_installed_themes_templates_once_and_overrides_every_build(tmp_path, monkeypatch):
    from macros import hooks

    installed, overrides = tmp_path / ".venv" / "material", tmp_path / "overrides"  # both in the project
    for folder in (installed, overrides):
        folder.mkdir(parents=True)
        (folder / "base.html").write_text("", encoding="utf-8")
    monkeypatch.setattr(serve_state, "template_lists", {})
    searchpath = [str(overrides), str(installed)]
    assert hooks.theme_templates(searchpath, str(overrides)) == ["base.html"]
    (overrides / "main.html").write_text("", encoding="utf-8")
    (installed / "icon.svg").write_text("", encoding="utf-8")  # an installed theme does not change while serving
    assert hooks.theme_templates(searchpath, str(overrides)) == ["base.html", "main.html"]


def test_serve_looks_for_saved_files_often_and_rebuilds_soon_after(tmp_path):
    from mkdocs.livereload import LiveReloadServer

    from macros import hooks

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    server.watch(str(tmp_path / "docs"))  # as MkDocs does before plugins' on_serve
    assert [e.timeout for e in server.observer.emitters] == [0.5] and server.build_delay == 0.1  # MkDocs' own
    assert hooks.on_serve(server, config=None, builder=None) is server
    server.watch(str(tmp_path / "data"))  # as mkdocs.yml's watch: list, after on_serve
    assert [e.timeout for e in server.observer.emitters] == [hooks.WATCH_INTERVAL] * 2
    assert hooks.WATCH_INTERVAL <= 0.05 and server.build_delay == hooks.BUILD_DELAY <= 0.05
    server.server_close()


def test_mkdocs_macros_asks_git_once_per_process(monkeypatch):
    """mkdocs-macros' `git` variable runs git 13 times per build; under serve, once is enough."""
    import mkdocs_macros.context as context

    from macros import hooks

    asked = []
    monkeypatch.setattr(context, "get_git_info", lambda: asked.append(1) or {"status": True})
    hooks.ask_git_once()
    hooks.ask_git_once()  # a second start (a new config) does not wrap it again
    assert context.get_git_info() == context.get_git_info() == {"status": True}
    assert asked == [1]
