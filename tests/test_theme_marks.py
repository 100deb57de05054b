"""Theme marks (macros/theme_marks.py): colour and symbol checks, contrast, chips, the grid's marks,
and the markers after each summary heading."""
import re
from pathlib import Path

import pytest
import yaml

from macros import chapter_page, theme_marks
from macros.model import (
    GRAPHIC_CONTRAST,
    PAGE_BACKGROUNDS,
    THEME_COLOURS,
    THEME_SYMBOL_LABELS,
    Theme,
    contrast,
    hex_colour,
)
from macros.validation import check_collection, check_entry
from sample_data import CHAPTERS, THEMES, THEMES_BY_ID

ROOT = Path(__file__).resolve().parent.parent
WHERE = "data/themes.yml, entry 1 (migration)"
GOOD = {"id": "migration", "name": "Migration", "short": "People moving.", "description": "d",
        "colour": "purple", "symbol": "triangle"}
PAGE = """# Chapter

## In brief

### Not a summary heading

## Summary

### Washington takes notice
<!-- covers paragraphs: 1 -->

Text.

### The Iraq test { #iraq }

More text.

## Reading closely

### Washington takes notice
"""


# -- the data check -------------------------------------------------------------------
def test_a_good_theme_passes():
    assert check_entry(GOOD, Theme, WHERE) == []


@pytest.mark.parametrize("field", ["colour", "symbol"])
def test_a_theme_without_colour_or_symbol_is_refused_with_a_fix(field):
    entry = {k: v for k, v in GOOD.items() if k != field}
    [problem] = check_entry(entry, Theme, WHERE)
    assert problem.startswith(f"{WHERE}, field '{field}': missing;")
    assert ("blue, orange" in problem) if field == "colour" else ("circle, square" in problem)


def test_an_unknown_colour_name_suggests_the_palette_name():
    [problem] = check_entry({**GOOD, "colour": "purpel"}, Theme, WHERE)
    assert "field 'colour'" in problem and "did you mean 'purple'?" in problem


def test_a_pale_colour_is_refused_for_its_contrast():
    [problem] = check_entry({**GOOD, "colour": "#ffee00"}, Theme, WHERE)
    assert "field 'colour'" in problem and "contrast on the light page" in problem and "palette name" in problem
    [problem] = check_entry({**GOOD, "colour": "#123"}, Theme, WHERE)
    assert "contrast on the dark page" in problem


def test_an_unknown_symbol_suggests_one():
    [problem] = check_entry({**GOOD, "symbol": "circel"}, Theme, WHERE)
    assert "field 'symbol'" in problem and "did you mean 'circle'?" in problem


def test_two_themes_may_not_share_a_colour_or_a_symbol():
    other = {**GOOD, "id": "drugs", "name": "Drugs", "colour": "#8A5CC8", "symbol": "triangle"}
    problems = theme_marks.check_marks([GOOD, other])
    assert len(problems) == 2
    colour, symbol = problems
    assert colour.startswith("data/themes.yml, entry 2 (drugs), field 'colour': '#8A5CC8' is already the colour "
                             "of 'migration';")
    assert symbol.startswith("data/themes.yml, entry 2 (drugs), field 'symbol'") and "e.g. circle" in symbol
    assert theme_marks.check_marks(THEMES) == []


@pytest.mark.parametrize("name", list(THEME_COLOURS))
def test_every_palette_colour_has_3_to_1_contrast_on_both_schemes(name):
    for background in PAGE_BACKGROUNDS.values():
        assert contrast(THEME_COLOURS[name], background) >= GRAPHIC_CONTRAST


def test_contrast_matches_known_values():
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert hex_colour("blue") == THEME_COLOURS["blue"] and hex_colour("#ABC") == "#aabbcc"


def test_the_guides_themes_have_valid_distinct_marks():
    themes = yaml.safe_load((ROOT / "data" / "themes.yml").read_text(encoding="utf-8"))
    assert check_collection("themes", themes, "data/themes.yml") == []
    assert theme_marks.check_marks(themes) == []


def test_every_symbol_has_a_shape():
    assert set(theme_marks.SYMBOL_SHAPES) == set(THEME_SYMBOL_LABELS)
    assert all(shape.startswith(("<path", "<rect", "<circle")) for shape in theme_marks.SYMBOL_SHAPES.values())


# -- marks, chips, legend -----------------------------------------------------------------
def test_a_mark_is_a_named_image_with_a_tooltip_and_the_themes_colour():
    out = theme_marks.mark(THEMES_BY_ID["drugs"], 'Drugs & "crime"')
    assert out.startswith('<span class="theme-mark" role="img" aria-label="Drugs &amp; &#34;crime&#34;" '
                          'title="Drugs &amp; &#34;crime&#34;">')
    assert 'aria-hidden="true"' in out and "--theme-colour:#d23a4e" in out
    assert theme_marks.SYMBOL_SHAPES["cross"] in out


def test_chips_give_symbol_and_name_linked_to_the_theme():
    out = theme_marks.chips(["drugs", "migration"], THEMES_BY_ID, "chapters/01-start.md")
    assert out.startswith('<span class="theme-chips">[<svg') and out.endswith("</span>")
    assert out.index("Drugs](") < out.index("Migration](")
    assert "Drugs](../reference/themes.md#drugs){ .theme-chip" in out
    assert theme_marks.SYMBOL_SHAPES["triangle"] in out


def test_chip_names_are_escaped():
    theme = {**GOOD, "name": "Trade [and] <b>more</b>"}
    out = theme_marks.chip(theme, "index.md")
    assert "<b>" not in out and "\\[and\\]" in out


def test_the_chapter_header_shows_its_theme_chips():
    out = chapter_page.render_header(CHAPTERS[0], 5, 7, THEMES_BY_ID, "chapters/01-start.md")
    line = next(line for line in out.split("\n\n") if line.startswith("**Themes:**"))
    assert "Migration](../reference/themes.md#migration)" in line and theme_marks.SYMBOL_SHAPES["triangle"] in line


def test_the_legend_names_every_theme_and_its_shape():
    out = theme_marks.legend(THEMES, "reference/themes.md")
    assert out.count("<li") == 0 and out.count("\n- ") == 2  # Markdown list items
    assert "[Migration](themes.md#migration)" in out and "(triangle)" in out and "(cross)" in out


# -- summary sections ----------------------------------------------------------------------
SECTIONS = [{"heading": "Washington takes notice", "themes": ["migration", "drugs"]},
            {"heading": "The Iraq test", "themes": ["drugs"]}]


def test_summary_headings_are_read_only_under_summary():
    assert theme_marks.summary_headings(PAGE) == ["Washington takes notice", "The Iraq test"]


def test_markers_follow_the_right_heading_under_summary_only():
    out = theme_marks.add_section_marks(PAGE, SECTIONS, THEMES_BY_ID)
    blocks = out.split("\n\n")
    first = blocks.index("### Washington takes notice")
    assert blocks[first + 1].startswith('<p class="section-themes"')
    assert 'aria-label="Theme: Migration"' in blocks[first + 1] and 'aria-label="Theme: Drugs"' in blocks[first + 1]
    assert blocks[first + 1].index("Theme: Migration") < blocks[first + 1].index("Theme: Drugs")
    second = blocks.index("### The Iraq test { #iraq }")
    assert 'aria-label="Theme: Drugs"' in blocks[second + 1] and "Migration" not in blocks[second + 1]
    assert out.count('class="section-themes"') == 2  # not under "Reading closely", nor under "In brief"
    assert out.rstrip().endswith("### Washington takes notice")


def test_no_sections_leaves_the_page_alone():
    assert theme_marks.add_section_marks(PAGE, None, THEMES_BY_ID) == PAGE


def chapter_with(sections, themes=("migration", "drugs")):
    return {"id": "start", "number": 1, "themes": {t: "x" for t in themes}, "sections": sections}


def test_tags_must_name_real_headings_and_themes():
    assert theme_marks.check_sections([chapter_with(SECTIONS)], THEMES_BY_ID, {"start": PAGE}) == []
    bad = [{"heading": "Washington takes notise", "themes": ["migration"]},
           {"heading": "The Iraq test", "themes": ["drogs"]}]
    problems = theme_marks.check_sections([chapter_with(bad)], THEMES_BY_ID, {"start": PAGE})
    where = "data/chapters.yml, entry 1 (start), field 'sections'"
    assert any(p.startswith(f"{where}, item 1, 'heading': no '### Washington takes notise'")
               and "did you mean 'Washington takes notice'?" in p for p in problems)
    assert any(p.startswith(f"{where}, item 2, 'themes': unknown theme 'drogs'") and "did you mean 'drugs'?" in p
               for p in problems)
    assert any("'### Washington takes notice' has no entry" in p for p in problems)


def test_a_tag_must_be_one_of_the_chapters_themes():
    first, second = theme_marks.check_sections([chapter_with(SECTIONS, themes=("migration",))], THEMES_BY_ID,
                                               {"start": PAGE})
    assert "item 1, 'themes': 'drugs' is not among the chapter's themes" in first
    assert "item 2, 'themes': 'drugs'" in second and "add it under 'themes:'" in second


def test_every_summary_heading_of_the_guide_is_tagged():
    chapters = yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8"))
    themes = {t["id"]: t for t in yaml.safe_load((ROOT / "data" / "themes.yml").read_text(encoding="utf-8"))}
    pages = {c["id"]: (ROOT / "docs" / "chapters" / f"{c['number']:02d}-{c['id']}.md").read_text(encoding="utf-8")
             for c in chapters}
    assert theme_marks.check_sections(chapters, themes, pages) == []
    assert all(re.search(r"^## Summary", page, re.M) for page in pages.values())
