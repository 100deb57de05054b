"""What a build after a build takes from .cache/guide/ instead of computing again: compiled
templates (macros/template_cache.py), pages' search entries (macros/search_cache.py), pages'
Markdown after the macros (macros/macro_cache.py) and named results (figure_cache.cached_named).

Each test runs the step twice: the second time must give the same result without doing the
work, and a change to any input must do the work again. The whole-site check (a build from
the disk writes the same site) is in test_render_cache.py.
"""
import logging
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from macros import figure_cache, macro_cache, search_cache, serve_state, template_cache


def counting_compile(env: Environment) -> list:
    """Count the compiles Jinja really does in env (set before the cache wraps env.compile)."""
    calls: list = []
    plain = env.compile

    def compile(source, name=None, filename=None, raw=False, defer_init=False):
        calls.append(name)
        return plain(source, name, filename, raw, defer_init)
    env.compile = compile
    return calls


# -- compiled templates -----------------------------------------------------------------

def test_the_environment_key_follows_the_syntax_and_ignores_memory_addresses():
    assert template_cache.environment_key(Environment()) == template_cache.environment_key(Environment())
    assert template_cache.environment_key(Environment()) != template_cache.environment_key(
        Environment(variable_start_string="[[", variable_end_string="]]"))
    assert template_cache.environment_key(Environment(finalize=lambda v: v)) == template_cache.environment_key(
        Environment(finalize=lambda v: v))  # the same function, made twice


def test_a_page_compiled_once_is_read_from_the_disk_by_the_next_build():
    first = Environment()
    first_calls = counting_compile(first)
    template_cache.keep_page_templates(first)
    assert first.from_string("Hello {{ name }}!").render(name="Fox") == "Hello Fox!"
    second = Environment()  # the next build makes a new environment
    second_calls = counting_compile(second)
    template_cache.keep_page_templates(second)
    assert second.from_string("Hello {{ name }}!").render(name="Bush") == "Hello Bush!"
    assert (len(first_calls), len(second_calls)) == (1, 0)
    assert second.from_string("Bye {{ name }}").render(name="Fox") == "Bye Fox"
    assert len(second_calls) == 1, "a changed page must be compiled again"


def test_named_templates_and_a_cache_turned_off_compile_as_before(monkeypatch):
    env = Environment(loader=DictLoader({"a.html": "A {{ x }}"}))
    calls = counting_compile(env)
    template_cache.keep_page_templates(env)
    env.get_template("a.html")
    assert calls == ["a.html"]
    monkeypatch.setenv("GUIDE_CACHE", "off")
    env.from_string("{{ 1 }}")
    env.from_string("{{ 1 }}")
    assert len(calls) == 3


def test_the_themes_templates_are_compiled_once_across_builds():
    templates = {"base.html": "<title>{{ title }}</title>"}
    first = Environment(loader=DictLoader(templates))
    template_cache.keep_theme_templates(first)
    first_calls = counting_compile(first)
    first.get_template("base.html")
    second = Environment(loader=DictLoader(templates))
    template_cache.keep_theme_templates(second)
    second_calls = counting_compile(second)
    assert second.get_template("base.html").render(title="Fox") == "<title>Fox</title>"
    assert (first_calls, second_calls) == (["base.html"], [])
    third = Environment(loader=DictLoader({"base.html": "<h1>{{ title }}</h1>"}))  # the theme changed
    template_cache.keep_theme_templates(third)
    third_calls = counting_compile(third)
    assert third.get_template("base.html").render(title="Fox") == "<h1>Fox</h1>"
    assert third_calls == ["base.html"]


# -- search entries ---------------------------------------------------------------------

SEARCH_CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": [], "fields": {}}


def search_page(content: str = "<h1 id=\"fox\">Fox</h1><p>Vicente Fox won in 2000.</p>", title: str = "Fox",
                meta: dict | None = None, heading: str = "Fox"):
    toc = get_toc([{"level": 1, "id": "fox", "name": heading, "children": []}])
    return SimpleNamespace(content=content, toc=toc, url="people/fox/", title=title, meta=meta or {},
                           file=SimpleNamespace(src_uri="reference/people/fox.md"))


def indexed(page, counted: list) -> list[dict]:
    """The entries a fresh index (a build) gets for page, through the cache."""
    index = SearchIndex(**SEARCH_CONFIG)
    plain = index.add_entry_from_context

    def add(page):
        counted.append(page.url)
        plain(page)
    index.add_entry_from_context = add
    search_cache.keep_search_entries(index, lambda path, html: html)
    index.add_entry_from_context(page)
    return index.entries


def test_a_pages_search_entries_are_taken_from_the_disk_while_the_page_is_unchanged():
    counted: list = []
    first = indexed(search_page(), counted)
    second = indexed(search_page(), counted)
    assert first == second and first[0]["location"] == "people/fox/" and "2000" in first[0]["text"]
    assert len(counted) == 1


def test_the_plugin_reads_the_part_of_a_page_it_is_given_and_the_page_keeps_its_html():
    html = '<h1 id="fox">Fox</h1><p>Intro.</p><h2 id="later">Later</h2><p>Later text.</p>'
    page = search_page(content=html)
    index = SearchIndex(**SEARCH_CONFIG)
    search_cache.keep_search_entries(index, lambda path, html: html.split("<h2")[0])
    index.add_entry_from_context(page)
    assert "Intro." in index.entries[0]["text"] and "Later" not in repr(index.entries)
    assert page.content == html


@pytest.mark.parametrize("changed", [{"content": "<h1 id=\"fox\">Fox</h1><p>Fox won in 2001.</p>"},
                                     {"title": "Vicente Fox"}, {"heading": "Vicente Fox"},
                                     {"meta": {"search": {"boost": 2}}}])
def test_a_change_to_what_the_plugin_reads_indexes_the_page_again(changed):
    counted: list = []
    indexed(search_page(), counted)
    entries = indexed(search_page(**changed), counted)
    assert len(counted) == 2
    assert entries == indexed(search_page(**changed), [])


TITLED = '<h1 id="fox">Fox</h1><p>Vicente <abbr title="{}">Fox</abbr> won in {}.</p>'


def test_a_page_whose_hover_texts_alone_changed_keeps_its_entries():
    """Material's plugin never reads a title attribute: a glossary entry's `short:` edit, which
    changes only the hover texts of the pages naming it, indexes none of them again."""
    counted: list = []
    first = indexed(search_page(content=TITLED.format("Mexico's president", 2000)), counted)
    again = indexed(search_page(content=TITLED.format("President of Mexico, 2000-2006", 2000)), counted)
    assert again == first and len(counted) == 1


SHOWN_MARKUP = '<p>Write <code>title="{}"</code> on a term.</p>'  # a title="..." in the text, not in a tag


@pytest.mark.parametrize("before, after", [
    (TITLED.format("Mexico's president", 2000), TITLED.format("Mexico's president", 2001)),
    (TITLED.format("Mexico's president", 2000),
     TITLED.format("Mexico's president", 2000).replace("<abbr", "<abbr data-search-exclude")),
    (SHOWN_MARKUP.format("x"), SHOWN_MARKUP.format("y"))], ids=["text", "another attribute", "title= in the text"])
def test_what_the_plugin_reads_beside_a_title_still_indexes_the_page_again(before, after):
    counted: list = []
    indexed(search_page(content=before), counted)
    entries = indexed(search_page(content=after), counted)
    assert len(counted) == 2
    assert entries == indexed(search_page(content=after), [])


# -- Markdown after the macros ----------------------------------------------------------

class Config(dict):
    config_file_path = None


def macros_plugin(fingerprints: dict | None = None, meta: dict | None = None, guide: dict | None = None):
    page = SimpleNamespace(file=SimpleNamespace(src_uri="chapters/01.md"), url="chapters/01/", title="One",
                           meta=meta or {})
    macros = SimpleNamespace(fingerprints=lambda: fingerprints or {"data:people": "1"})
    return SimpleNamespace(variables={"guide_macros": macros, "guide": guide or {"title": "Guide"}},
                           conf=Config(site_url="https://example.org/", nav=["index.md"]), page=page)


def rendering(calls: list, warn: bool = False):
    def render(markdown: str, force_rendering: bool = False) -> str:
        calls.append(markdown)
        if warn:
            logging.getLogger("mkdocs.plugins.macros").warning("a macro warned")
        return markdown.replace("{{ who('fox') }}", "[Vicente Fox](../people/fox.md)")
    return render


def render_through_cache(plugin, markdown: str, calls: list, warn: bool = False) -> str:
    return macro_cache.render_with_cache(plugin, markdown, False, rendering(calls, warn))


def test_the_macros_run_once_for_the_same_page_and_inputs():
    calls: list = []
    first = render_through_cache(macros_plugin(), "See {{ who('fox') }}.", calls)
    second = render_through_cache(macros_plugin(), "See {{ who('fox') }}.", calls)
    assert first == second == "See [Vicente Fox](../people/fox.md)."
    assert len(calls) == 1


@pytest.mark.parametrize("plugin", [macros_plugin(fingerprints={"data:people": "2"}),
                                    macros_plugin(meta={"title": "Another"}),
                                    macros_plugin(guide={"title": "Another guide"})],
                         ids=["a data file changed", "the front matter changed", "a variable changed"])
def test_any_input_of_the_macros_changing_runs_them_again(plugin):
    calls: list = []
    render_through_cache(macros_plugin(), "See {{ who('fox') }}.", calls)
    render_through_cache(plugin, "See {{ who('fox') }}.", calls)
    assert len(calls) == 2


def test_the_site_key_changes_with_the_date_and_the_settings():
    args = {"fingerprints": {"data:people": "1"}, "config": {"site_url": "a"}, "config_text": "site_name: A",
            "variables": {"extra": {}}, "today": "2026-12-01"}
    base = macro_cache.site_key(**args)
    for name, value in [("today", "2026-12-02"), ("config", {"site_url": "b"}), ("config_text", "site_name: B"),
                        ("variables", {"extra": {"a": 1}})]:
        assert macro_cache.site_key(**{**args, name: value}) != base, name
    assert macro_cache.plain_part({"site_url": "a", "plugins": object(), "site_dir": "/tmp/a"}) == {"site_url": "a"}


def test_a_render_that_warned_or_failed_is_not_kept(monkeypatch):
    calls: list = []
    render_through_cache(macros_plugin(), "Warned", calls, warn=True)
    render_through_cache(macros_plugin(), "Warned", calls)
    assert len(calls) == 2

    def fail(markdown, force_rendering=False):
        monkeypatch.setattr(serve_state, "failed", True)  # what a bad macro call does while serving
        return "an error box"
    monkeypatch.setattr(serve_state, "failed", False)
    macro_cache.render_with_cache(macros_plugin(), "Failed", False, fail)
    monkeypatch.setattr(serve_state, "failed", False)
    assert render_through_cache(macros_plugin(), "Failed", calls) == "Failed"


def test_no_guide_no_cache():
    calls: list = []
    plugin = macros_plugin()
    plugin.variables["guide_macros"] = None  # the data has a problem
    render_through_cache(plugin, "Text", calls)
    render_through_cache(plugin, "Text", calls)
    assert len(calls) == 2


def serve_render(monkeypatch, marks: dict, markdown: str, calls: list, reads: str = "data:people",
                 warn: bool = False, plugin=None) -> tuple[str, set[str]]:
    """The page's macros under `mkdocs serve --dirty`, recorded as a page is: (output, tokens read)."""
    monkeypatch.setattr(serve_state, "pending", SimpleNamespace(fingerprints=marks))
    plain = rendering(calls, warn)

    def render(markdown: str, force_rendering: bool = False) -> str:
        serve_state.record(reads)
        return plain(markdown, force_rendering)
    serve_state.start_recording()
    try:
        output = macro_cache.render_while_serving(plugin or macros_plugin(), markdown, False, render)
    finally:
        read = serve_state.stop_recording()
    return output, read


def test_while_serving_a_pages_macros_are_reused_while_what_they_read_is_unchanged(monkeypatch):
    serve_state.forget_renders()
    calls: list = []
    first = serve_render(monkeypatch, {"data:people": "1", "data:glossary": "1"}, "See {{ who('fox') }}.", calls)
    # a glossary edit: the page is rebuilt for its tooltips, but its macros read only people
    again = serve_render(monkeypatch, {"data:people": "1", "data:glossary": "2"}, "See {{ who('fox') }}.", calls)
    assert first == again == ("See [Vicente Fox](../people/fox.md).", {"data:people"})  # still counted as read
    assert len(calls) == 1
    serve_render(monkeypatch, {"data:people": "2", "data:glossary": "2"}, "See {{ who('fox') }}.", calls)
    assert len(calls) == 2  # what they read changed
    serve_render(monkeypatch, {"data:people": "2", "data:glossary": "2"}, "Edited {{ who('fox') }}.", calls)
    serve_render(monkeypatch, {"data:people": "2"}, "Edited {{ who('fox') }}.", calls,
                 plugin=macros_plugin(meta={"title": "Another"}))
    assert len(calls) == 4  # the page's text, then its front matter, changed


def test_while_serving_a_render_that_warned_runs_again(monkeypatch):
    serve_state.forget_renders()
    calls: list = []
    serve_render(monkeypatch, {"data:people": "1"}, "Warned", calls, warn=True)
    serve_render(monkeypatch, {"data:people": "1"}, "Warned", calls)
    serve_render(monkeypatch, {"data:people": "1"}, "Warned", calls)
    assert len(calls) == 2


# -- named results ----------------------------------------------------------------------

def test_a_named_result_is_computed_once_per_inputs_across_builds():
    calls: list = []

    def compute():
        calls.append(1)
        return {"people.csv": "id,name\nfox,Vicente Fox\n"}
    first = figure_cache.cached_named("downloads", ("data:people=1",), compute)
    figure_cache.clear()  # a new build: only the disk remains
    second = figure_cache.cached_named("downloads", ("data:people=1",), compute)
    assert first == second and len(calls) == 1
    figure_cache.cached_named("downloads", ("data:people=2",), compute)
    figure_cache.cached_named("quiz exports", ("data:people=1",), compute)
    assert len(calls) == 3
