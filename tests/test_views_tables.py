"""Overview tables: chapters, who appears where, themes, places."""
from macros import tables
from sample_data import CHAPTERS, FOX, PLACE, THEMES, THEMES_BY_ID, cells


def table_lines(out: str) -> list[str]:
    """The Markdown table inside a view's wrapper <div>."""
    return [line for line in out.splitlines() if line.startswith("|")]


def label(name: str) -> str:
    return f'<span class="card-label">{name}:</span> '


def test_overview_has_a_row_per_chapter_with_line_time_and_themes():
    out = tables.render_overview(CHAPTERS, THEMES_BY_ID, {"start": 4, "end": 2}, "index.md")
    lines = table_lines(out)
    assert lines[0] == "| # | Chapter | In one line | Reading time | Themes |"
    assert len(lines) == 4
    first, second = cells(lines[2]), cells(lines[3])
    assert first[0] == "1" and first[1].startswith("[Start](chapters/01-start.md")
    assert first[2] == label("In one line") + "The opening." and first[3] == label("Reading time") + "4 min"
    assert first[4].startswith(label("Themes") + "[Migration](reference/themes.md#migration")
    assert second[0] == "2" and second[3] == label("Reading time") + "2 min" and second[4] == ""


def test_overview_becomes_cards_headed_by_number_and_title_on_phones():
    out = tables.render_overview(CHAPTERS, THEMES_BY_ID, {"start": 4, "end": 2}, "index.md")
    assert out.startswith('<div class="table-cards title-2" markdown>\n\n|') and out.endswith("|\n\n</div>")


def test_matrix_ticks_only_chapters_that_name_the_entry_and_counts_them():
    out = tables.render_matrix([FOX], "people", {"fox": {"end"}}, CHAPTERS, "reference/x.md", "Person")
    assert out.startswith('<div class="chapter-grid" markdown>\n\n|') and out.endswith("|\n\n</div>")
    header, _, row = table_lines(out)
    assert cells(header)[0] == "Person" and cells(header)[-1] == "Total"
    assert "[1](../chapters/01-start.md" in header and "[2](../chapters/02-end.md" in header
    assert cells(row) == ["[Vicente Fox](people/fox.md)", "", tables.CHECK, "1"]


def test_theme_tracker_marks_each_chapter_that_takes_up_a_theme_and_counts_them():
    out = tables.render_theme_tracker(THEMES, CHAPTERS, "reference/themes.md")
    assert out.startswith('<div class="chapter-grid theme-grid" markdown>')
    out = table_lines(out)
    assert cells(out[0])[1:] == [tables.chapter_columns(CHAPTERS, "reference/themes.md")[0],
                                 tables.chapter_columns(CHAPTERS, "reference/themes.md")[1], "Total"]
    assert len(out) == 2 + len(THEMES) and all(len(cells(row)) == 2 + len(CHAPTERS) for row in out[2:])
    migration, drugs = cells(out[1 + 1]), cells(out[2 + 1])
    assert "[Migration](themes.md#migration" in migration[0] and 'class="theme-symbol"' in migration[0]
    assert 'aria-label="Migration: present in chapter 1"' in migration[1] and "<path" in migration[1]
    assert migration[2:] == ["", "1"]
    assert "[Drugs](themes.md#drugs" in drugs[0] and drugs[1:] == ["", "", "0"]


def test_theme_sections_give_heading_description_and_each_chapters_treatment():
    out = tables.render_theme_sections(THEMES, CHAPTERS, "reference/themes.md")
    assert "## Migration { #migration }\n\nPeople moving." in out
    assert "- [Chapter 1: Start](../chapters/01-start.md): Talks begin." in out
    assert "## Drugs { #drugs }" in out and "_No chapter takes up this theme yet._" in out
    assert out.index("Migration") < out.index("Drugs")


def test_places_table_anchors_each_place_and_links_its_chapters():
    out = tables.render_places([PLACE], {"iraq": {"start", "end"}}, CHAPTERS, "reference/places.md")
    assert out.startswith('<div class="table-cards title-1" markdown>')
    row = cells(table_lines(out)[2])
    assert row[0] == '<span id="iraq"></span>**Iraq**'
    assert row[1] == label("Kind") + "Country" and row[2] == label("What the article says") + "Bombed in February 2001."
    assert row[3] == label("Chapters") + "[1](../chapters/01-start.md), [2](../chapters/02-end.md)"


def test_a_place_no_chapter_names_shows_a_dash():
    out = tables.render_places([PLACE], {"iraq": set()}, CHAPTERS, "reference/places.md")
    assert cells(table_lines(out)[2])[3] == label("Chapters") + "—"


def test_card_table_labels_every_filled_cell_after_the_title_columns():
    from macros.text import card_table
    out = card_table(["A", "B <i>", "C"], [["a", "b", ""], ["x", "", "z"]], title_columns=1)
    rows = [cells(line) for line in table_lines(out)[2:]]
    assert rows == [["a", label("B &lt;i&gt;") + "b", ""], ["x", "", label("C") + "z"]]
    assert out.startswith('<div class="table-cards title-1" markdown>')
