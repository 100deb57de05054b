"""Chapter header and footer, argument map, citations, handouts, print edition, downloads, corrections."""
import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from macros import argument, chapter_page, citations, corrections, downloads, print_views, render_parts
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

ROOT = Path(__file__).resolve().parent.parent
COLLECTIONS = {"people": [FOX, CASTANEDA], "bodies": [PAN], "places": [PLACE], "glossary": [TERM, OTHER_TERM]}


def test_chapter_header_gives_title_position_length_and_themes():
    out = chapter_page.render_header(CHAPTERS[0], 5, 7, THEMES_BY_ID, "chapters/01-start.md")
    assert out.startswith("# 1. Start\n\n")
    assert "Article section 1 of 7 · 3 paragraphs · about 5 min to read this page" in out
    assert '**Themes:** <span class="theme-chips">[<svg class="theme-symbol"' in out
    assert "Migration](../reference/themes.md#migration){ .theme-chip" in out


def test_chapter_header_links_to_the_quiz_under_the_title():
    out = chapter_page.render_header(CHAPTERS[0], 5, 7, THEMES_BY_ID, "chapters/01-start.md", quiz_size=7)
    link = ("**[Test yourself](#check-your-understanding)** with this chapter's 7 questions, "
            "or take the [whole-essay quiz](../study/quiz.md).")
    assert out.index("# 1. Start") < out.index("chapter-meta") < out.index(link) < out.index("**Themes:**")
    assert "this chapter's 1 question," in chapter_page.render_header(CHAPTERS[0], 5, 7, THEMES_BY_ID,
                                                                     "chapters/01-start.md", quiz_size=1)


def test_chapter_header_without_a_quiz_has_no_quiz_link():
    out = chapter_page.render_header(CHAPTERS[0], 5, 7, THEMES_BY_ID, "chapters/01-start.md")
    assert "Test yourself" not in out and "quiz" not in out


def test_quiz_heading_carries_the_anchor_the_header_links_to():
    web = chapter_page.render_footer("MENTIONS", "", "QUIZ", "QUESTIONS")
    assert "## Check your understanding { #check-your-understanding }\n\n" in web
    header = chapter_page.render_header(CHAPTERS[0], 5, 7, THEMES_BY_ID, "chapters/01-start.md", quiz_size=2)
    assert f"(#{chapter_page.QUIZ_ANCHOR})" in header and f"{{ #{chapter_page.QUIZ_ANCHOR} }}" in web


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


def test_objections_in_the_data_do_not_repeat_the_label():
    """The map labels each objection; the data's text must not say "Objection:" again."""
    chapters = yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8"))
    objections = [c["objection"] for c in chapters if c.get("objection")]
    assert objections and not [o for o in objections if o.lower().lstrip().startswith("objection")]
    out = argument.render_argument_map(chapters, "argument.md")
    assert "objection" not in out.lower().replace("*anticipated objection.*", "")


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
    assert out.startswith(f'{render_parts.PART_BREAK}\n\n<div class="handout" markdown>'), "each handout renders apart"
    assert "## Chapter 1: Start { #handout-start }\n\n" in out and "\n\n*The opening.*\n\n" in out
    assert "### Key points { #handout-start-points }\n\n- A point." in out
    assert "### Key terms { #handout-start-terms }\n\n- **maquiladora**: A factory assembling goods for export." in out
    assert "### Questions { #handout-start-questions }\n\n1. Question 1?" in out
    assert "4. Question 4?" in out and "Question 5?" not in out


def test_handout_has_a_print_button_for_itself_under_its_title():
    out = print_views.render_handout(CHAPTERS[1], "", [], [])
    title, button = out.split("\n\n")[2:4]
    assert title == "## Chapter 2: End { #handout-end }"
    assert button == ('[Print the chapter 2 handout](#handout-end)'
                      '{ .md-button .handout-print data-print-handout="handout-end" }')


def test_handout_shows_at_most_ten_key_terms_in_the_order_given():
    terms = [{**TERM, "term": f"term {n}"} for n in range(1, 13)]
    out = print_views.render_handout(CHAPTERS[0], "", terms, [])
    assert "**term 10**" in out and "**term 11**" not in out
    assert out.index("- **term 1**:") < out.index("- **term 2**:") < out.index("- **term 10**:")


def test_handout_without_content_says_so():
    out = print_views.render_handout(CHAPTERS[0], "", [], [])
    assert "_Key points not written yet._" in out and out.count("_None yet._") == 2


def test_print_edition_nests_chapter_headings_one_level_down():
    out = print_views.render_print_chapter("# 1. Start\n\n## In brief\n\ntext #not-a-heading", 1)
    assert "\n## 1. Start { #ch1-1-start }\n\n### In brief { #ch1-in-brief }\n\ntext #not-a-heading" in out
    assert out.startswith(f'{render_parts.PART_BREAK}\n\n<div class="print-chapter" markdown>'), "each chapter renders apart"
    assert out.endswith("</div>")


def test_print_edition_headings_get_ids_of_their_chapter_once_each():
    """The chapters render apart, so the toc extension cannot number a second "In brief": each heading
    gets an id of its chapter, numbered as the toc extension would within the chapter."""
    chapter = ("## In brief\n\n## In brief\n\n## Figures { #ch5-figures }\n\n## Key passages { .wide }\n\n"
               "## Figures\n\n## Remittances\n\n#### A chart { #ch5-remittances }\n\n<div id=\"ch5-map\"></div>\n\n## Map")
    assert print_views.demote_headings(chapter, "ch5-").split("\n\n") == [
        "### In brief { #ch5-in-brief }", "### In brief { #ch5-in-brief_1 }", "### Figures { #ch5-figures }",
        "### Key passages { .wide #ch5-key-passages }", "### Figures { #ch5-figures_1 }",
        "### Remittances { #ch5-remittances_1 }", "##### A chart { #ch5-remittances }",  # given further down
        '<div id="ch5-map"></div>', "### Map { #ch5-map_1 }"]


def test_glossary_csv_has_a_row_per_term_in_plain_text():
    text = downloads.glossary_csv([TERM, {**OTHER_TERM, "explanation": "See [x](https://a.org/a_(b))."}])
    rows = list(csv.reader(io.StringIO(text.removeprefix(downloads.BYTE_ORDER_MARK))))
    assert rows[0] == ["term", "id", "aliases", "short_definition", "explanation", "see_also"]
    assert rows[1] == ["maquiladora", "maquiladora", "maquiladoras", "A factory assembling goods for export.",
                       "Longer. Second paragraph.", ""]
    assert rows[2][4] == "See x." and rows[2][5] == "maquiladora"


def test_anki_deck_has_headers_and_a_card_per_term():
    lines = downloads.glossary_anki([TERM, OTHER_TERM]).splitlines()
    assert lines[:3] == ["#separator:tab", "#html:false", "#columns:Front\tBack\tTags"]
    assert lines[3] == "maquiladora\tA factory assembling goods for export.\tfox-guide"
    assert len(lines) == 5


def test_questions_csv_names_the_chapter_or_the_whole_essay():
    rows = list(csv.reader(io.StringIO(downloads.questions_csv(QUESTIONS, BY_ID).removeprefix("\ufeff"))))
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
    assert files["downloads/glossary.csv"].startswith("\ufeffterm,id,aliases,short_definition")
    assert files["downloads/glossary-anki.txt"].startswith("#separator:tab")
    assert files["downloads/questions.csv"].startswith("\ufeffchapter,level,prompt,strong_answer")
    assert json.loads(files["downloads/guide-data.json"])["chapters"][0]["id"] == "start"


@pytest.mark.parametrize("name", ["glossary.csv", "questions.csv"])
def test_csv_downloads_open_in_excel_with_accents_intact(name):
    """UTF-8 with a byte order mark: Excel reads the accents; utf-8-sig gives them back."""
    accented = {**TERM, "term": "Secretaría de Gobernación", "short": "Creel's ministry; Castañeda's peer."}
    collections = {"chapters": CHAPTERS, "glossary": [accented],
                   "questions": [{**QUESTIONS[0], "prompt": "¿Quién vino? Castañeda."}]}
    raw = downloads.download_files(collections, {})[f"downloads/{name}"].encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert next(iter(rows[0])) in ("term", "chapter")  # the mark is not part of the first name
    if name == "glossary.csv":
        assert rows[0]["term"] == "Secretaría de Gobernación" and rows[0]["short_definition"].endswith("Castañeda's peer.")
    else:
        assert rows[0]["prompt"] == "¿Quién vino? Castañeda."


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


def test_several_sources_are_labelled_in_the_plural():
    two = {**CORRECTION, "sources": [CORRECTION["sources"][0], {"title": "UN", "url": "https://un.org/"}]}
    out = corrections.render_corrections([two], {}, "corrections.md")
    assert "    - *Sources:* [Census](https://www.census.gov/), [UN](https://un.org/)" in out


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


def test_chapter_footer_ends_with_a_link_to_the_chapters_handout():
    link = chapter_page.render_handout_link(CHAPTERS[1], "chapters/02-end.md")
    assert link == ("For class: [the one-page handout for chapter 2](../study/handouts.md#handout-end), "
                    "ready to print.")
    web = chapter_page.render_footer("MENTIONS", "", "QUIZ", "QUESTIONS", link)
    assert web.endswith(link) and web.index("QUESTIONS") < web.index(link)
    assert "handout" not in chapter_page.render_footer("MENTIONS", "", None, "QUESTIONS")
