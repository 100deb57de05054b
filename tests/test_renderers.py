"""Unit tests of the renderers: plain dicts in, Markdown out, no MkDocs needed."""
from macros import chapters_source, glossary, links, study, tables, text

CHAPTERS = [
    {"id": "start", "number": 1, "title": "Start", "summary": "The opening.", "paragraphs": 3,
     "themes": {"migration": "Talks begin."}},
    {"id": "end", "number": 2, "title": "End", "summary": "The close.", "paragraphs": 2,
     "themes": {}},
]
THEMES = {"migration": {"id": "migration", "name": "Migration", "description": "People moving."}}
FOX = {"id": "fox", "name": "Vicente Fox", "aliases": ["Fox"], "short": "Mexico's president.", "kind": "person"}
CASTANEDA = {"id": "castaneda", "name": "Jorge Castañeda", "aliases": ["Castaneda", "Castañeda"],
             "short": "Foreign minister.", "kind": "person"}
TERM = {"id": "maquiladora", "term": "maquiladora", "aliases": ["maquiladoras"],
        "short": "A factory assembling goods for export.", "explanation": "Longer."}


def test_relative_links_climb_out_of_subfolders():
    assert links.relative("chapters/01-start.md", "reference/people.md#fox") == "../reference/people.md#fox"
    assert links.relative("index.md", "reference/people.md") == "reference/people.md"


def test_profile_link_carries_the_short_description_as_hover_text():
    link = links.link_to_entry("people", FOX, "chapters/01-start.md")
    assert link == '[Vicente Fox](../reference/people.md#fox){ title="Mexico\'s president." }'


def test_hover_text_survives_parentheses_and_quotes():
    link = links.md_link("G-77", "glossary.md#g77", 'Talks (the "South") {x}')
    assert link == "[G-77](glossary.md#g77){ title=\"Talks (the 'South') (x)\" }"


def test_data_html_is_shown_as_text_not_markup():
    assert text.safe("<script>alert(1)</script> & *fine*") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *fine*"
    assert "<" not in text.plain('<b>"bold"</b>') and '"' not in text.plain('<b>"bold"</b>')


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


def test_overview_table_has_a_row_per_chapter_with_reading_time():
    out = tables.render_overview(CHAPTERS, THEMES, {"start": 4, "end": 2}, "index.md")
    lines = out.splitlines()
    assert lines[0] == "| # | Chapter | In one line | Reading time | Themes |"
    assert len(lines) == 4
    assert "[Start](chapters/01-start.md" in lines[2] and "4 min" in lines[2] and "Migration" in lines[2]


def test_matrix_ticks_only_chapters_that_name_the_entry():
    out = tables.render_matrix([FOX], "people", {"fox": {"end"}}, CHAPTERS, "reference/x.md", "Person")
    row = out.splitlines()[2]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1:] == ["", tables.CHECK, "1"]


def test_timeline_shows_precision_and_marks_context():
    events = [
        {"date": "2001-02", "event": "Summit.", "in_article": True, "chapter": "start"},
        {"date": "2003-01-10", "event": "Resigns.", "in_article": False,
         "sources": [{"title": "Src", "url": "https://example.org"}]},
    ]
    out = tables.render_timeline(events, {c["id"]: c for c in CHAPTERS}, {}, "reference/timeline.md")
    assert "| February 2001 | Summit. | Article |" in out
    assert "| 10 January 2003 | Resigns. | Context | Context: [Src](https://example.org)" in out


def test_timeline_links_the_people_involved():
    events = [{"date": "2000-07-02", "event": "Election.", "in_article": True, "chapter": "start", "people": ["fox"]}]
    out = tables.render_timeline(events, {c["id"]: c for c in CHAPTERS}, {"fox": FOX}, "reference/timeline.md")
    assert "| 2 July 2000 | Election. ([Vicente Fox](people.md#fox)" in out


def test_glossary_has_jump_bar_anchor_and_see_also():
    other = {**TERM, "id": "free-trade", "term": "free trade", "aliases": [], "see_also": ["maquiladora"]}
    out = glossary.render_glossary([TERM, other], {"maquiladora": {"start"}, "free-trade": set()}, CHAPTERS,
                                   "reference/glossary.md")
    assert "[F](#letter-f)" in out and "[M](#letter-m)" in out
    assert "maquiladora { #maquiladora }" in out
    assert "See also: [maquiladora](glossary.md#maquiladora" in out
    assert "Used in: [Ch. 1]" in out


def test_abbreviations_cover_aliases_and_capitalised_forms():
    found = glossary.abbreviations([TERM])
    assert found["maquiladoras"] == found["Maquiladora"] == "A factory assembling goods for export."


def test_a_page_gets_only_the_abbreviations_it_uses():
    lines = glossary.abbreviations_used(glossary.abbreviations([TERM]), "Maquiladoras spread.")
    assert lines == ["*[Maquiladora]: A factory assembling goods for export.",
                     "*[Maquiladoras]: A factory assembling goods for export."]


def test_quiz_works_without_javascript_and_marks_one_answer():
    item = {"question": "Who?", "options": [
        {"text": "Fox", "correct": True, "feedback": "Yes."},
        {"text": "Bush", "correct": False, "feedback": "No."}]}
    out = study.render_quiz("start", [item])
    assert out.count('data-correct="true"') == 1
    assert "<details class=\"quiz-answer\"><summary>Show the answer</summary><p>Answer: A. Fox</p>" in out
    assert '<label for="q-start-1-b">B. Bush</label>' in out


def test_questions_fold_the_strong_answer():
    out = study.render_questions([{"level": "analysis", "prompt": "Why?", "strong_answer": "Because."}])
    assert out.startswith("1. **Analysis.** Why?")
    assert '??? note "What a strong answer includes"' in out and "        Because." in out


def test_scorecard_rows_link_to_each_forecast_in_full():
    prediction = {"id": "overtake-canada", "chapter": "end", "claim": "Mexico passes Canada.", "by": "Analysts",
                  "verdict": "did-not", "outcome": "It took longer.",
                  "sources": [{"title": "Census", "url": "https://www.census.gov/"}]}
    chapters = {c["id"]: c for c in CHAPTERS}
    row = tables.render_predictions([prediction], chapters, "reference/predictions.md").splitlines()[2]
    assert row.startswith("| [1](#overtake-canada) | Mexico passes Canada. | **Did not happen** |")
    details = tables.render_prediction_details([prediction], chapters, "reference/predictions.md")
    assert "### Forecast 1: did not happen { #overtake-canada }" in details
    assert "**Sources:** [Census](https://www.census.gov/)" in details


def test_timeline_links_people_named_in_the_event_text():
    events = [{"date": "2001-02", "event": "Castaneda and Fox meet Bush.", "in_article": True, "chapter": "start"}]
    out = tables.render_timeline(events, {c["id"]: c for c in CHAPTERS}, {"fox": FOX, "castaneda": CASTANEDA},
                                 "reference/timeline.md")
    assert "([Vicente Fox](people.md#fox), [Jorge Castañeda](people.md#castaneda))" in out


def test_print_edition_nests_chapter_headings_one_level_down():
    from macros import print_views
    out = print_views.render_print_chapter("# 1. Start\n\n## In brief\n\ntext #not-a-heading")
    assert "\n## 1. Start\n\n### In brief\n\ntext #not-a-heading" in out
    assert out.startswith('<div class="print-chapter" markdown>')


def test_handout_has_key_points_terms_and_a_few_questions():
    from macros import print_views
    questions = [{"prompt": f"Question {n}?"} for n in range(1, 7)]
    out = print_views.render_handout(CHAPTERS[0], "- A point.", [TERM], questions)
    assert "## Chapter 1: Start { #handout-start }" in out
    assert "- A point." in out and "- **maquiladora**: A factory assembling goods for export." in out
    assert "4. Question 4?" in out and "Question 5?" not in out


def test_questions_page_groups_by_chapter_then_essays():
    questions = [{"chapter": "end", "level": "recall", "prompt": "Who?", "strong_answer": "Fox."},
                 {"chapter": "whole", "level": "essay", "prompt": "Was he right?", "strong_answer": "Argue."}]
    out = study.render_questions_by_chapter(CHAPTERS, questions, "study/questions.md")
    assert out.index("## [Chapter 2: End]") < out.index("Who?") < out.index("## Essay and debate prompts") < out.index("Was he right?")
    assert "_No questions yet" in out  # chapter 1 has none
