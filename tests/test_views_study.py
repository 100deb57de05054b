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
    assert '<legend><span class="quiz-number">1.</span> Who?</legend>' in out
    assert '<legend><span class="quiz-number">2.</span> Second?</legend>' in out
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


def test_quiz_says_what_try_again_keeps_and_has_one_live_region():
    out = study.render_quiz("start", [QUIZ_ITEM])
    assert f'<p class="quiz-hint" id="quiz-start-retry-hint">{study.RETRY_HINT}</p>' in out
    assert 'class="md-button quiz-retry" aria-describedby="quiz-start-retry-hint">Try again</button>' in out
    assert out.count("aria-live") == 1 and out.count('role="status"') == 1


def test_a_chapter_quiz_offers_no_fresh_set():
    out = study.render_quiz("start", [QUIZ_ITEM] * 12)
    assert "data-draw" not in out and "quiz-draw" not in out and "<h2" not in out


ITEMS = [QUIZ_ITEM, {**QUIZ_ITEM, "chapter": "end", "question": "Last?"}, {**QUIZ_ITEM, "question": "Next?"}]


def test_essay_quiz_groups_items_by_chapter_and_numbers_them_through():
    out = study.render_essay_quiz(CHAPTERS, ITEMS)
    legends = re.findall(r'<legend><span class="quiz-number">(\d+)\.</span> (\w+\?)</legend>', out)
    assert legends == [("1", "Who?"), ("2", "Next?"), ("3", "Last?")]
    assert out.index('<h2 id="quiz-essay-start">Chapter 1: Start</h2>') < out.index("Who?") < out.index("Next?")
    assert out.index("Next?") < out.index('<h2 id="quiz-essay-end">Chapter 2: End</h2>') < out.index("Last?")
    assert out.count('<section class="quiz-group">') == 2 and out.count("</section>") == 2
    assert out.count("Check my answers") == 1 and out.count("aria-live") == 1
    assert "\n\n" not in out


def test_essay_quiz_ids_are_unique_and_apart_from_chapter_quizzes():
    out = study.render_essay_quiz(CHAPTERS, ITEMS)
    ids = re.findall(r' id="([^"]+)"', out)
    assert len(ids) == len(set(ids))
    assert 'id="quiz-essay"' in out and 'id="q-essay-3-c"' in out and 'id="q-start-' not in out


def test_essay_quiz_leaves_out_chapters_without_items():
    out = study.render_essay_quiz(CHAPTERS, [QUIZ_ITEM])
    assert "Chapter 1: Start" in out and "Chapter 2: End" not in out
    assert study.render_essay_quiz(CHAPTERS, []) == study.NO_QUIZ


def test_essay_quiz_offers_a_fresh_set_hidden_until_javascript_runs():
    out = study.render_essay_quiz(CHAPTERS, ITEMS, draw=2)
    assert 'id="quiz-essay" data-quiz data-draw="2">' in out
    assert '<div class="quiz-draw" hidden>' in out
    assert ">Give me a fresh set of 2</button>" in out and ">Show all 3 questions</button>" in out
    assert out.index("quiz-draw") < out.index("quiz-item")


def test_essay_quiz_with_no_more_items_than_a_set_offers_none():
    out = study.render_essay_quiz(CHAPTERS, ITEMS, draw=3)
    assert "data-draw" not in out and "quiz-draw" not in out
    assert study.FRESH_SET_SIZE == 10


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
