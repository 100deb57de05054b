"""macros/figure_stash.py: a figure's markup skips Markdown's reading of raw HTML and comes out as it
went in; anything else takes Markdown's usual way."""
from __future__ import annotations

import hashlib
from pathlib import Path

import markdown
from markdown.preprocessors import Preprocessor

from macros import figure_stash, svg
from macros.figure_stash import FigureStashExtension

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]  # mkdocs.yml's, as far as a figure meets them
FIGURE = svg.figure_block(svg.svg_element('<circle r="1"/><text x="1">Mexico &amp; <tspan>*not* a list</tspan></text>',
                                          width=10, height=10, title="A test map", figure_id="test-map"),
                          caption="A test map.", kind="map", text_version_id="test-map-places").strip()


def converted(text: str, stash: bool = True) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=EXTENSIONS + ([FigureStashExtension()] if stash else []))
    return md.convert(text), md


def test_a_figure_between_blank_lines_is_stored_whole_and_comes_out_unchanged():
    html, md = converted(f"Before *it*.\n\n{FIGURE}\n\nAfter *it*.")
    assert md.htmlStash.rawHtmlBlocks == [FIGURE]
    assert html == f"<p>Before <em>it</em>.</p>\n{FIGURE}\n<p>After <em>it</em>.</p>"


class Reader(Preprocessor):
    """Stands where MkDocs reads a page's raw HTML for anchors (priority 21) and notes what it got."""
    seen = ""

    def run(self, lines):
        Reader.seen = "\n".join(lines)
        return lines


def test_the_html_readers_never_see_the_figure():
    md = markdown.Markdown(extensions=[*EXTENSIONS, FigureStashExtension()])
    md.preprocessors.register(Reader(md), "mkdocs_raw_html", 21)
    md.convert(f"Before.\n\n{FIGURE}\n\nAfter.")
    assert "Before." in Reader.seen and "<svg" not in Reader.seen


def test_mkdocs_still_knows_the_ids_inside_a_stored_figure():
    """MkDocs checks links to anchors against the ids it finds in the page's raw HTML; the stored
    figure's ids are among them, with the others, so a link to a figure passes the strict build."""
    from mkdocs.structure.pages import _RawHTMLPreprocessor

    md = markdown.Markdown(extensions=[*EXTENSIONS, FigureStashExtension()])
    mkdocs_reader = _RawHTMLPreprocessor()
    mkdocs_reader._register(md)  # as Page.render does
    md.convert(f'<p id="intro">Before.</p>\n\n{FIGURE}\n\n[The map](#test-map)')
    assert {"intro", "test-map", "test-map-title"} <= mkdocs_reader.present_anchor_ids


def test_a_figure_inside_a_markdown_block_is_stored_too():
    html, md = converted(f'<div class="print-chapter" markdown>\n\n## A heading\n\n{FIGURE}\n\nText.\n\n</div>')
    assert FIGURE in md.htmlStash.rawHtmlBlocks and FIGURE in html
    assert '<h2 id="a-heading">A heading</h2>' in html and "<p>Text.</p>" in html


def test_figures_not_standing_alone_take_markdowns_usual_way():
    indented = f"- An item\n\n    {FIGURE}\n\n- Another"
    run_on = f"Text right above\n{FIGURE}\n\nText."
    for text in (indented, run_on, "<figure class=\"guide-figured\">x</figure>\n\nText."):
        html, md = converted(text)
        assert FIGURE not in md.htmlStash.rawHtmlBlocks, text
        assert html == converted(text, stash=False)[0]


def test_several_figures_each_keep_their_place():
    other = FIGURE.replace("test-map", "other-map")
    html, md = converted(f"{FIGURE}\n\nBetween.\n\n{other}")
    assert md.htmlStash.rawHtmlBlocks == [FIGURE, other]
    assert html == f"{FIGURE}\n<p>Between.</p>\n{other}"


def test_the_extension_reads_the_same_in_every_process():
    """The render cache's key holds mkdocs.yml's extensions as text: an object's default text
    carries its memory address (no cached page would ever be found again), and a cached page
    rendered by an older figure_stash.py must not be taken."""
    code = hashlib.sha256(Path(figure_stash.__file__).read_bytes()).hexdigest()[:16]
    assert str(FigureStashExtension()) == str(FigureStashExtension()) == f"macros.figure_stash.FigureStashExtension {code}"
