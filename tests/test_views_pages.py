"""Chapter header and footer, argument map, citations, handouts, print edition, downloads, corrections."""
import csv
import io
import json

import pytest

from macros import argument, chapter_page, citations, corrections, downloads, print_views
from macros.errors import GuideError
from sample_data import (
    BY_ID,
    CASTANEDA,
    CHAPTERS,
    CORRECTION,
    FOX,
    OTHER_TERM,
    PAN,
    PLACE,
    PREDICTION,
    QUESTIONS,
    TERM,
    THEMES_BY_ID,
)

COLLECTIONS = {"people": [FOX, CASTANEDA], "bodies": [PAN], "places": [PLACE], "glossary": [TERM, OTHER_TERM]}


def test_chapter_header_gives_title_position_length_and_themes():
    out = chapter_page.render_header(CHAPTERS[0], 5, 7, THEMES_BY_ID, "chapters/01-start.md")
    assert out.startswith("# 1. Start\n\n")
    assert "Article section 1 of 7 · 3 paragraphs · about 5 min to read this page" in out
    assert "**Themes:** [Migration](../reference/themes.md#migration)" in out


def test_mentions_list_names_as_text_by_kind_sorted_with_one_link_per_kind():
    mentions = {"people": {"fox", "castaneda"}, "bodies": set(), "places": {"iraq"}, "glossary": {"maquiladora"}}
    out = chapter_page.render_mentions(mentions, COLLECTIONS, "chapters/01-start.md").splitlines()
    assert out[0] == "- **[People](../reference/people.md):** Jorge Castañeda, Vicente Fox"
    assert out[1] == "- **[Places](../reference/places.md):** Iraq"
    assert out[2] == "- **[Terms](../reference/glossary.md):** maquiladora"
    assert len(out) == 3


def test_no_mentions_says_so():
    assert chapter_page.render_mentions({}, COLLECTIONS, "chapters/01-start.md") == chapter_page.NO_MENTIONS


def test_forecasts_link_each_claim_with_its_verdict():
    out = chapter_page.render_forecasts([PREDICTION], "chapters/02-end.md")
    assert out == ("## Forecasts and what became of them\n\n- [Mexico passes Canada.]"
                   "(../reference/predictions.md#overtake-canada) — **Did not happen**")
    assert chapter_page.render_forecasts([], "chapters/02-end.md") == ""


def test_footer_orders_sections_and_leaves_the_quiz_out_of_print():
    web = chapter_page.render_footer("MENTIONS", "FORECASTS", "QUIZ", "QUESTIONS")
    order = ["## Who and what this chapter names", "MENTIONS", "FORECASTS", "## Check your understanding", "QUIZ",
             "## Questions for discussion", "QUESTIONS"]
    assert [web.index(part) for part in order] == sorted(web.index(part) for part in order)
    printed = chapter_page.render_footer("MENTIONS", "", None, "QUESTIONS")
    assert "Check your understanding" not in printed and "QUESTIONS" in printed


def test_argument_map_numbers_claims_links_chapters_and_shows_objections():
    out = argument.render_argument_map(CHAPTERS, "argument.md")
    assert out.startswith("1. **[Start](chapters/01-start.md")
    assert ".** Democracy changed Mexico." in out
    assert "    > *Anticipated objection.* It was always so." in out
    assert "2. **[End](chapters/02-end.md" in out and out.count("Anticipated objection") == 1


ARTICLE = {"author_first": "Robert S.", "author_last": "Leiken", "author_initials": "R. S.", "title": "With a Friend",
           "journal": "Foreign Affairs", "volume": 80, "issue": 5, "season": "September/October", "year": 2001,
           "url": "https://fa.example/x"}


def test_article_citations_follow_each_style():
    out = citations.article_citations(ARTICLE)
    assert out["MLA"] == ('Leiken, Robert S. "With a Friend." *Foreign Affairs*, vol. 80, no. 5, '
                          "September/October 2001. https://fa.example/x.")
    assert out["APA"] == "Leiken, R. S. (2001). With a Friend. *Foreign Affairs, 80*(5). https://fa.example/x"
    assert out["Chicago"].startswith('Robert S. Leiken, "With a Friend," *Foreign Affairs* 80, no. 5 (September/October 2001)')


def test_guide_citations_leave_out_a_missing_address():
    guide = {"authors": "Contributors", "title": "Guide", "url": None}
    out = citations.guide_citations(guide, "2026", "1 December 2026")
    assert out["MLA"] == "Contributors. *Guide*. 2026. Accessed 1 December 2026."
    assert "None" not in "".join(out.values())
    with_url = citations.guide_citations({**guide, "url": "https://g.example/"}, "2026", "1 December 2026")
    assert with_url["APA"] == "Contributors. (2026). *Guide*. https://g.example/"


def test_rendered_citations_label_each_style():
    assert citations.render_citations({"MLA": "a", "APA": "b"}) == "**MLA:** a\n\n**APA:** b"


def test_handout_has_summary_points_terms_and_at_most_four_questions():
    questions = [{"prompt": f"Question {n}?"} for n in range(1, 7)]
    out = print_views.render_handout(CHAPTERS[0], "- A point.", [TERM], questions)
    assert out.startswith('<div class="handout" markdown>')
    assert "## Chapter 1: Start { #handout-start }\n\n*The opening.*" in out
    assert "### Key points\n\n- A point." in out
    assert "### Key terms\n\n- **maquiladora**: A factory assembling goods for export." in out
    assert "4. Question 4?" in out and "Question 5?" not in out


def test_handout_without_content_says_so():
    out = print_views.render_handout(CHAPTERS[0], "", [], [])
    assert "_Key points not written yet._" in out and out.count("_None yet._") == 2


def test_print_edition_nests_chapter_headings_one_level_down():
    out = print_views.render_print_chapter("# 1. Start\n\n## In brief\n\ntext #not-a-heading")
    assert "\n## 1. Start\n\n### In brief\n\ntext #not-a-heading" in out
    assert out.startswith('<div class="print-chapter" markdown>') and out.endswith("</div>")


def test_glossary_csv_has_a_row_per_term_in_plain_text():
    rows = list(csv.reader(io.StringIO(downloads.glossary_csv([TERM, {**OTHER_TERM,
                                                                      "explanation": "See [x](https://a.org/a_(b))."}]))))
    assert rows[0] == ["id", "term", "aliases", "short_definition", "explanation", "see_also"]
    assert rows[1] == ["maquiladora", "maquiladora", "maquiladoras", "A factory assembling goods for export.",
                       "Longer. Second paragraph.", ""]
    assert rows[2][4] == "See x." and rows[2][5] == "maquiladora"


def test_anki_deck_has_headers_and_a_card_per_term():
    lines = downloads.glossary_anki([TERM, OTHER_TERM]).splitlines()
    assert lines[:3] == ["#separator:tab", "#html:false", "#columns:Front\tBack\tTags"]
    assert lines[3] == "maquiladora\tA factory assembling goods for export.\tfox-guide"
    assert len(lines) == 5


def test_questions_csv_names_the_chapter_or_the_whole_essay():
    rows = list(csv.reader(io.StringIO(downloads.questions_csv(QUESTIONS, BY_ID))))
    assert rows[0] == ["chapter", "level", "prompt", "strong_answer"]
    assert rows[1] == ["1. Start", "recall", "Who came?", "Helms."]
    assert rows[3] == ["Whole essay", "essay", "Was he right?", "Argue."]


def test_guide_json_holds_the_data_and_sorted_appearances():
    data = json.loads(downloads.guide_json({"chapters": CHAPTERS}, {"people:fox": {"end", "start"}}))
    assert data["chapters"][0]["id"] == "start" and data["appearances"] == {"people:fox": ["end", "start"]}


def test_download_files_live_in_the_downloads_folder():
    collections = {"chapters": CHAPTERS, "glossary": [TERM], "questions": QUESTIONS}
    files = downloads.download_files(collections, {})
    assert sorted(files) == sorted(f"downloads/{name}" for name in downloads.DOWNLOADS)
    assert files["downloads/glossary.csv"].startswith("id,term,aliases,short_definition")
    assert files["downloads/glossary-anki.txt"].startswith("#separator:tab")
    assert files["downloads/questions.csv"].startswith("chapter,level,prompt,strong_answer")
    assert json.loads(files["downloads/guide-data.json"])["chapters"][0]["id"] == "start"


def test_download_list_links_each_file_relative_to_the_page():
    out = downloads.render_download_list("study/downloads.md").splitlines()
    assert len(out) == len(downloads.DOWNLOADS)
    assert out[0] == "- [glossary.csv](../downloads/glossary.csv): The glossary as a spreadsheet (CSV)"


def test_corrections_show_newest_first_with_page_was_now_and_source():
    older = {**CORRECTION, "date": "2026-11-02", "was": "Older."}
    out = corrections.render_corrections([older, CORRECTION], {"reference/people.md": "People"}, "corrections.md")
    assert out.index("1 December 2026") < out.index("2 November 2026")
    assert "- **1 December 2026, [People](reference/people.md).**" in out
    assert "    - *Was:* Said X.\n    - *Now:* Says Y.\n    - *Source:* [Census](https://www.census.gov/)" in out


def test_no_corrections_says_so():
    assert corrections.render_corrections([], {}, "corrections.md") == corrections.NO_CORRECTIONS


def test_a_correction_naming_an_unknown_page_stops_the_build(tmp_path):
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "people.md").write_text("x")
    corrections.check_pages([CORRECTION], tmp_path)
    with pytest.raises(GuideError) as caught:
        corrections.check_pages([{**CORRECTION, "page": "reference/peple.md"}], tmp_path)
    assert ("data/corrections.yml, entry 1 (2026-12-01), field 'page': unknown page 'reference/peple.md'; "
            "did you mean 'reference/people.md'?") in str(caught.value)
