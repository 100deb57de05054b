"""The text layer (the one escaping path), the link helpers, and link/tooltip at first mention."""
import re
from pathlib import Path

import pytest
import yaml

from macros import chapters_source, figure_cache, first_mentions, hover_marks, links, text
from macros.errors import GuideError
from macros.links import built_href
from macros.svg import figure_block, svg_element
from sample_data import CASTANEDA, CHAPTERS, FOX, TERM

ROOT = Path(__file__).resolve().parent.parent


def test_safe_shows_html_as_text_and_keeps_markdown():
    assert text.safe("<script>alert(1)</script> & *fine*") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *fine*"


def test_safe_turns_braces_into_entities_so_they_are_never_attributes_or_macros():
    assert text.safe("{{ 7*191 }} { #id }") == "&#123;&#123; 7*191 &#125;&#125; &#123; #id &#125;"


def test_safe_block_keeps_paragraphs_and_joins_lines():
    assert text.safe_block("One\nline.\n\n  Two <b>.") == "One line.\n\nTwo &lt;b&gt;."


def test_cell_escapes_the_column_separator():
    assert text.cell("a | b") == "a \\| b"


def test_link_label_cannot_close_the_link():
    assert text.link_label("[x] <y>") == "\\[x\\] &lt;y&gt;"


def test_plain_renders_markdown_to_text_and_keeps_urls_with_parentheses_whole():
    assert text.plain("See [the WTO](https://example.org/a_(b)) and *this*.") == "See the WTO and this."
    assert text.plain("<b>bold</b> & {{ 7*191 }}") == "<b>bold</b> & {{ 7*191 }}"


def test_hover_text_has_no_double_quotes_or_braces():
    assert text.hover('Talks (the "South") {x}') == "Talks (the 'South') (x)"
    assert text.hover("<script>") == "‹script›"


def test_dates_show_their_precision():
    assert text.display_date("2000-07-02") == "2 July 2000"
    assert text.display_date("2001-02") == "February 2001"
    assert text.display_date("1982") == "1982"


def test_table_has_header_rule_and_rows():
    assert text.table(["A", "B"], [["1", "2"]]) == "| A | B |\n|---|---|\n| 1 | 2 |"


def test_relative_links_climb_out_of_subfolders():
    assert links.relative("chapters/01-start.md", "reference/people.md#fox") == "../reference/people.md#fox"
    assert links.relative("index.md", "reference/people.md") == "reference/people.md"
    assert links.relative("reference/people.md", "#fox") == "#fox"


def test_chapter_path_pads_the_number():
    assert links.chapter_path(CHAPTERS[0]) == "chapters/01-start.md"


def test_profile_link_carries_a_mark_that_fills_in_as_the_short_description():
    link = links.link_to_entry("people", FOX, "chapters/01-start.md")
    assert link == '[Vicente Fox](../reference/people/fox.md){ title="⟦people/fox⟧" }'
    texts = links.hover_texts({"people": {"fox": FOX}})
    assert hover_marks.fill(f'<a title="{hover_marks.mark("people", "fox")}">', texts) == '<a title="Mexico\'s president.">'


def test_hover_texts_are_written_as_markdown_writes_an_attribute():
    entry = {"id": "ft", "term": "T", "short": 'Goods & "services" <duty-free>; &amp; kept.'}
    texts = links.hover_texts({"glossary": {"ft": entry}})
    assert texts == {"⟦glossary/ft⟧": "Goods &amp; 'services' ‹duty-free›; &amp; kept."}


def test_an_entry_without_a_hover_text_gets_no_mark_and_no_title():
    bare = {"id": "x", "name": "X"}
    assert links.hover_texts({"places": {"x": bare}}) == {}
    assert "title" not in links.link_to_entry("places", bare, "index.md")


def test_filling_replaces_every_title_mark_and_leaves_marks_shown_as_text_alone():
    texts = {"⟦glossary/a⟧": "A.", "⟦people/b-c⟧": "B."}
    html = ('<abbr title="⟦glossary/a⟧">a</abbr> ⟦ <a title="⟦people/b-c⟧">b</a> <abbr title="⟦glossary/a⟧">a</abbr>'
            ' <code>⟦glossary/a⟧</code> <code>⟦glossary/gone⟧</code>')
    assert hover_marks.fill(html, texts) == ('<abbr title="A.">a</abbr> ⟦ <a title="B.">b</a> <abbr title="A.">a</abbr>'
                                             ' <code>⟦glossary/a⟧</code> <code>⟦glossary/gone⟧</code>')
    assert hover_marks.fill("<p>no marks</p>", texts) == "<p>no marks</p>"


def test_a_mark_without_a_text_stops_the_build_with_its_name():
    with pytest.raises(GuideError, match="⟦glossary/gone⟧"):
        hover_marks.fill('<abbr title="⟦glossary/gone⟧">x</abbr>', {})


def test_link_without_hover_and_with_own_text():
    assert links.link_to_entry("people", FOX, "index.md", "Fox", hover_text=False) == "[Fox](reference/people/fox.md)"


def test_link_text_from_data_is_escaped():
    assert links.md_link("<i>x</i>", "a.md") == "[&lt;i&gt;x&lt;/i&gt;](a.md)"


def test_chapter_link_defaults_to_number_and_title():
    assert links.link_to_chapter(CHAPTERS[1], "index.md", hover_text=False) == "[Chapter 2: End](chapters/02-end.md)"


def test_source_links_join_titles_and_urls():
    sources = [{"title": "A", "url": "https://a.org"}, {"title": "B", "url": "https://b.org"}]
    assert links.source_links(sources) == "[A](https://a.org), [B](https://b.org)"


def test_unknown_id_suggests_the_near_miss():
    error = links.unknown("people", "foxx", {"fox": FOX}, "chapters/02-x.md")
    assert str(error) == "unknown person or body 'foxx' in docs/chapters/02-x.md; did you mean 'fox'?"


def test_mentions_find_names_aliases_and_macro_calls_but_not_urls():
    markdown = ('{{ chapter_header() }}\nCastaneda spoke. See [a page](https://example.org/Fox).\n'
                '{{ term("maquiladora") }}')
    assert chapters_source.find_mentions(markdown, [FOX, CASTANEDA]) == {"castaneda"}
    collections = {"people": [FOX, CASTANEDA], "bodies": [], "glossary": [TERM], "places": []}
    mentions = chapters_source.compute_mentions(markdown, collections)
    assert mentions["glossary"] == {"maquiladora"} and mentions["people"] == {"castaneda"}


def test_mentions_match_whole_words_and_sentence_case():
    assert chapters_source.find_mentions("Maquiladoras spread south.", [TERM]) == {"maquiladora"}
    assert chapters_source.find_mentions("The Foxglove grew.", [FOX]) == set()


def test_reading_time_rounds_up_and_ignores_macros():
    prose = "word " * 401 + "{{ chapter_footer() }}"
    assert chapters_source.reading_minutes(chapters_source.prose_of(prose)) == 3


def test_key_points_come_from_the_in_brief_list():
    markdown = "# T\n\n## In brief\n\n- One point.\n- Two points.\n\n## Summary\n\n- not this\n"
    assert chapters_source.section_items(markdown, "In brief") == ["One point.", "Two points."]


# -- hover text: one short sentence --------------------------------------------------
def test_hover_text_of_an_entry_without_short_is_the_first_sentence_of_its_description():
    place = {"id": "dc", "name": "Washington", "in_the_article": "The U.S. capital, seat of power. Fox went there."}
    assert links.entry_hover(place) == "The U.S. capital, seat of power."


def test_hover_text_prefers_the_short_line():
    theme = {"id": "t", "name": "T", "short": "One line.", "description": "Long. Longer still."}
    assert links.entry_hover(theme) == "One line."


def test_a_long_first_sentence_is_cut_at_its_colon_then_at_the_word_limit():
    colon = "Main comparison: " + "word " * 40 + "end."
    assert links.one_sentence(colon) == "Main comparison."
    assert links.one_sentence("w " * 40, max_words=5) == "w w w w w…"


def test_every_hover_text_in_the_data_is_one_sentence_of_at_most_30_words():
    for name in ("people", "bodies", "glossary", "places", "themes"):
        entries = yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
        for entry in entries:
            hover_text = links.entry_hover(entry)
            assert hover_text and len(hover_text.split()) <= 30, (name, entry["id"], hover_text)
    themes = yaml.safe_load((ROOT / "data" / "themes.yml").read_text(encoding="utf-8"))
    assert all(len(t["short"].split()) <= 20 and t["short"].count(". ") == 0 for t in themes)


# -- tooltips and links at first mention (applied to page HTML by macros/hooks.py) ----------
FOX_LINK = '<a href="../../reference/people/fox/" title="Mexico\'s president.">Fox</a>'


def test_only_the_first_use_of_a_term_keeps_its_tooltip():
    html = ('<p><abbr title="A plant.">maquiladora</abbr> and <abbr title="A plant.">maquiladoras</abbr>, '
            '<abbr title="Trade.">free trade</abbr></p><p><abbr title="Trade.">free trade</abbr></p>')
    assert first_mentions.first_terms_only(html) == (
        '<p><abbr title="A plant.">maquiladora</abbr> and maquiladoras, '
        '<abbr title="Trade.">free trade</abbr></p><p>free trade</p>')


def test_a_term_inside_a_link_gets_no_tooltip_and_the_next_use_outside_keeps_it():
    html = '<a href="x/"><abbr title="A plant.">maquiladora</abbr></a> then <abbr title="A plant.">maquiladora</abbr>'
    assert first_mentions.first_terms_only(html) == '<a href="x/">maquiladora</a> then <abbr title="A plant.">maquiladora</abbr>'


def test_a_link_to_the_term_itself_is_its_first_use():
    html = ('<a href="g/#m" title="A plant.">the <abbr title="A plant.">maquiladora</abbr></a>, '
            '<abbr title="A plant.">maquiladora</abbr>')
    assert first_mentions.first_terms_only(html) == '<a href="g/#m" title="A plant.">the maquiladora</a>, maquiladora'


def test_repeated_links_to_one_entry_become_text_within_a_section_only():
    html = (f'<h1 id="t">T</h1><p>{FOX_LINK} met {FOX_LINK}.</p>'
            f'<h2 id="a">A</h2><p>{FOX_LINK}</p><h3 id="a1">A1</h3><p>{FOX_LINK}</p>'
            f'<h2 id="b">B</h2><p>{FOX_LINK}</p>')
    out = first_mentions.unlink_repeats(html)
    assert out == (f'<h1 id="t">T</h1><p>{FOX_LINK} met Fox.</p>'
                   f'<h2 id="a">A</h2><p>{FOX_LINK}</p><h3 id="a1">A1</h3><p>Fox</p>'
                   f'<h2 id="b">B</h2><p>{FOX_LINK}</p>')


def test_sources_and_same_page_anchors_are_never_unlinked():
    source = '<a href="https://example.org/a">a source</a>'
    anchor = '<a class="headerlink" href="#a">¶</a>'
    html = f"<h2 id=\"a\">A{anchor}</h2><p>{source}, {source}, {anchor}</p>"
    assert first_mentions.unlink_repeats(html) == html


def test_the_link_kept_is_the_first_one_whatever_its_text():
    html = '<p><a href="g/#x" title="t">X terms</a>, <a href="g/#x">x</a>, <a href="g/#y">y</a></p>'
    assert first_mentions.unlink_repeats(html) == '<p><a href="g/#x" title="t">X terms</a>, x, <a href="g/#y">y</a></p>'


def test_attributes_with_angle_brackets_or_single_quotes_do_not_break_the_tags():
    assert first_mentions.tokens('<a title=\'a>b\' href="p/">x</a>') == ["", "<a title='a>b' href=\"p/\">", "x", "</a>", ""]
    assert first_mentions.attribute("<a title='it'>", "title") == "it"


COMMON_PLACES = ("mexico", "united-states", "washington")


def test_chapter_pages_do_not_link_the_most_common_places():
    call = re.compile(r"place\(\s*[\"'](" + "|".join(COMMON_PLACES) + r")[\"']")
    for page in sorted((ROOT / "docs" / "chapters").glob("*.md")):
        assert not call.search(page.read_text(encoding="utf-8")), f"{page.name}: write the name as plain text"


@pytest.mark.parametrize("from_page, target, expected", [
    ("chapters/02-fox-goes-abroad.md", "reference/places.md#geneva", "../../reference/places/#geneva"),
    ("reference/places.md", "reference/places.md#geneva", "#geneva"),
    ("index.md", "chapters/01-a-new-partnership.md", "chapters/01-a-new-partnership/"),
    ("reference/places.md", "index.md", "../../"),
    ("argument.md", "chapters/01-a-new-partnership.md#claim", "../chapters/01-a-new-partnership/#claim"),
])
def test_built_href_points_from_the_built_page_to_the_built_target(from_page, target, expected):
    assert built_href(from_page, target, directory_urls=True) == expected


@pytest.mark.parametrize("from_page, target, expected", [
    ("chapters/02-fox-goes-abroad.md", "reference/places.md#geneva", "../reference/places.html#geneva"),
    ("index.md", "chapters/01-a-new-partnership.md", "chapters/01-a-new-partnership.html"),
    ("reference/places.md", "index.md", "../index.html"),
    ("argument.md", "study/progress.md", "study/progress.html"),
])
def test_built_href_in_the_offline_edition_points_to_html_files(from_page, target, expected):
    assert built_href(from_page, target, directory_urls=False) == expected


def test_figure_cache_renders_once_per_input_and_again_when_inputs_change():
    calls = []

    def render(points):
        calls.append(points)
        return f"<svg>{len(points)}</svg>"

    figure_cache.clear()
    assert figure_cache.cached_figure(render, [1, 2]) == "<svg>2</svg>"
    assert figure_cache.cached_figure(render, [1, 2]) == "<svg>2</svg>"
    assert figure_cache.cached_figure(render, [1, 2, 3]) == "<svg>3</svg>"
    assert calls == [[1, 2], [1, 2, 3]]


def test_svg_element_is_named_by_its_title_and_escapes_data():
    svg = svg_element("<circle/>", width=100, height=50, title="Places <b>", figure_id="map", description="A & B")
    assert 'aria-labelledby="map-title map-desc"' in svg and 'role="img"' in svg
    assert "<title id=\"map-title\">Places &lt;b&gt;</title>" in svg and "A &amp; B" in svg
    assert 'role="group"' in svg_element("", width=1, height=1, title="t", figure_id="f", interactive=True)
    block = figure_block(svg, caption="Caption", kind="map", text_version_id="places-table")
    assert block.strip().startswith('<figure class="guide-figure guide-figure--map" data-search-exclude>')
    assert 'href="#places-table"' in block


def test_svg_links_are_links_to_checkers_and_survive_instant_navigation():
    from macros.svg import svg_link
    link = svg_link("../places/#geneva", "<circle/>", "Geneva <city>")
    assert link.startswith('<a xlink:href="../places/#geneva" role="link" aria-label="Geneva &lt;city&gt;"')
    assert ' href=' not in link  # Material reassigns every [href] on instant navigation


def test_card_table_carries_extra_attributes_on_its_wrapper():
    out = text.card_table(["A", "B"], [["1", "2"]], attrs='id="t" data-search-exclude')
    assert out.startswith('<div id="t" data-search-exclude class="table-cards title-1" markdown>')
    assert text.card_table(["A"], [["1"]]).startswith('<div class="table-cards title-1" markdown>')


def test_wrap_words_fills_lines_greedily_and_keeps_a_long_word_whole():
    from macros.svg import wrap_words
    assert wrap_words("one two three four", 9) == ["one two", "three", "four"]
    assert wrap_words("extraordinarily long", 5) == ["extraordinarily", "long"]
    assert wrap_words("", 5) == []
