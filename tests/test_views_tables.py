"""Overview tables: chapters, who appears where, themes, places."""
from macros import tables
from sample_data import CHAPTERS, FOX, PLACE, THEMES, THEMES_BY_ID, cells


def test_overview_has_a_row_per_chapter_with_line_time_and_themes():
    lines = tables.render_overview(CHAPTERS, THEMES_BY_ID, {"start": 4, "end": 2}, "index.md").splitlines()
    assert lines[0] == "| # | Chapter | In one line | Reading time | Themes |"
    assert len(lines) == 4
    first, second = cells(lines[2]), cells(lines[3])
    assert first[0] == "1" and first[1].startswith("[Start](chapters/01-start.md")
    assert first[2] == "The opening." and first[3] == "4 min" and first[4].startswith("[Migration](reference/themes.md#migration")
    assert second[0] == "2" and second[3] == "2 min" and second[4] == ""


def test_matrix_ticks_only_chapters_that_name_the_entry_and_counts_them():
    out = tables.render_matrix([FOX], "people", {"fox": {"end"}}, CHAPTERS, "reference/x.md", "Person")
    header, _, row = out.splitlines()
    assert cells(header)[0] == "Person" and cells(header)[-1] == "Chapters"
    assert "[1](../chapters/01-start.md" in header and "[2](../chapters/02-end.md" in header
    assert cells(row) == ["[Vicente Fox](people.md#fox)", "", tables.CHECK, "1"]


def test_theme_tracker_ticks_and_counts_chapters_per_theme():
    out = tables.render_theme_tracker(THEMES, CHAPTERS, "reference/themes.md").splitlines()
    migration, drugs = cells(out[2]), cells(out[3])
    assert migration[0].startswith("[Migration](themes.md#migration") and migration[1:] == [tables.CHECK, "", "1"]
    assert drugs[0].startswith("[Drugs](themes.md#drugs") and drugs[1:] == ["", "", "0"]


def test_theme_sections_give_heading_description_and_each_chapters_treatment():
    out = tables.render_theme_sections(THEMES, CHAPTERS, "reference/themes.md")
    assert "## Migration { #migration }\n\nPeople moving." in out
    assert "- [Chapter 1: Start](../chapters/01-start.md): Talks begin." in out
    assert "## Drugs { #drugs }" in out and "_No chapter takes up this theme yet._" in out
    assert out.index("Migration") < out.index("Drugs")


def test_places_table_anchors_each_place_and_links_its_chapters():
    out = tables.render_places([PLACE], {"iraq": {"start", "end"}}, CHAPTERS, "reference/places.md")
    row = cells(out.splitlines()[2])
    assert row[0] == '<span id="iraq"></span>**Iraq**'
    assert row[1] == "Country" and row[2] == "Bombed in February 2001."
    assert row[3] == "[1](../chapters/01-start.md), [2](../chapters/02-end.md)"


def test_a_place_no_chapter_names_shows_a_dash():
    out = tables.render_places([PLACE], {"iraq": set()}, CHAPTERS, "reference/places.md")
    assert cells(out.splitlines()[2])[3] == "—"
