"""Quizzes and discussion questions."""
import re

from macros import study
from sample_data import CHAPTERS, QUESTIONS, QUIZ_ITEM


def test_quiz_marks_exactly_the_correct_option():
    out = study.render_quiz("start", [QUIZ_ITEM])
    assert out.count('data-correct="true"') == 1
    assert re.search(r'id="q-start-1-b" value="B" data-correct="true"><label for="q-start-1-b">B\. Fox</label>', out)


def test_quiz_options_are_lettered_in_order_with_their_feedback():
    out = study.render_quiz("start", [QUIZ_ITEM])
    labels = re.findall(r'<label for="q-start-1-([a-e])">([A-E])\. (\w+)</label>', out)
    assert labels == [("a", "A", "Bush"), ("b", "B", "Fox"), ("c", "C", "Helms")]
    assert out.index("No, he was the host.") < out.index("Yes, the president.") < out.index("No, a senator.")


def test_quiz_answer_is_in_a_disclosure_for_readers_without_javascript():
    out = study.render_quiz("start", [QUIZ_ITEM])
    assert ('<details class="quiz-answer"><summary>Show the answer</summary><p>Answer: B. Fox</p>'
            "<ul><li>A: No, he was the host.</li><li>B: Yes, the president.</li><li>C: No, a senator.</li></ul>") in out


def test_quiz_numbers_items_and_gives_each_its_own_radio_group():
    out = study.render_quiz("start", [QUIZ_ITEM, {**QUIZ_ITEM, "question": "Second?"}])
    assert "<legend>1. Who?</legend>" in out and "<legend>2. Second?</legend>" in out
    assert 'name="q-start-1"' in out and 'name="q-start-2"' in out
    assert out.count('class="quiz-item"') == 2 and out.count("Check my answers") == 1


def test_quiz_has_no_blank_line_that_would_end_the_html_block():
    assert "\n\n" not in study.render_quiz("start", [QUIZ_ITEM, QUIZ_ITEM])


def test_an_empty_quiz_says_so():
    assert study.render_quiz("start", []) == study.NO_QUIZ


def test_quiz_text_is_escaped_by_the_template():
    item = {**QUIZ_ITEM, "question": "<script>x</script>?"}
    out = study.render_quiz("start", [item])
    assert "<script>" not in out and "&lt;script&gt;x&lt;/script&gt;?" in out


def test_questions_are_numbered_labelled_and_fold_the_strong_answer():
    out = study.render_questions(QUESTIONS[:2])
    assert out.startswith("1. **Recall.** Who came?")
    assert "2. **Analysis.** Why?" in out
    assert out.count('??? note "What a strong answer includes"') == 2
    assert "        Because.\n\n        Also this." in out


def test_no_questions_says_so():
    assert study.render_questions([]) == study.NO_QUESTIONS


def test_questions_page_groups_by_chapter_then_essays():
    out = study.render_questions_by_chapter(CHAPTERS, QUESTIONS, "study/questions.md")
    assert out.index("## [Chapter 1: Start]") < out.index("Who came?") < out.index("## [Chapter 2: End]")
    assert out.index("## [Chapter 2: End]") < out.index(study.NO_QUESTIONS) < out.index(f"## {study.ESSAY_HEADING}")
    assert out.index(f"## {study.ESSAY_HEADING}") < out.index("Was he right?")
