"""Discussion questions and self-check quizzes, rendered from data."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .links import link_to_chapter
from .model import LEVEL_LABELS, OPTION_LETTERS, WHOLE_ESSAY
from .text import indent, plain, safe, safe_block

TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=True, undefined=StrictUndefined, keep_trailing_newline=False)
NO_QUESTIONS = "_No questions yet: add some to data/questions.yml._"
NO_QUIZ = "_No quiz yet: add items to data/quizzes.yml._"
ESSAY_HEADING = "Essay and debate prompts on the whole article"
RETRY_HINT = "Try again keeps the answers you had right and clears the others."
ESSAY_QUIZ_ID = "essay"
FRESH_SET_SIZE = 10


def render_question(number: int, question: dict) -> str:
    return "\n".join([
        f"{number}. **{LEVEL_LABELS[question['level']]}.** {safe(question['prompt'])}",
        "",
        indent('??? note "What a strong answer includes"'),
        "",
        indent(safe_block(question["strong_answer"]), 8),
    ])


def render_questions(questions: list[dict]) -> str:
    if not questions:
        return NO_QUESTIONS
    return "\n\n".join(render_question(n, q) for n, q in enumerate(questions, start=1))


def quiz_item_view(quiz_id: str, number: int, item: dict) -> dict:
    """Plain text for the template, which escapes it."""
    options = [{"letter": OPTION_LETTERS[i], "text": plain(o["text"]), "feedback": plain(o["feedback"]),
                "correct": o["correct"]} for i, o in enumerate(item["options"])]
    answer = next(o for o in options if o["correct"])
    return {"id": f"{quiz_id}-{number}", "number": number, "question": plain(item["question"]),
            "options": options, "answer": answer}


def render_quiz(quiz_id: str, items: list[dict]) -> str:
    """One quiz as plain HTML: radio groups, a check button, and answers in a
    disclosure so the page works without JavaScript."""
    if not items:
        return NO_QUIZ
    views = [quiz_item_view(quiz_id, n, item) for n, item in enumerate(items, start=1)]
    return render_template(quiz_id, [{"id": quiz_id, "heading": None, "items": views}])


def render_essay_quiz(chapters, items: list[dict], draw: int = FRESH_SET_SIZE) -> str:
    """Every quiz item on one page, grouped by chapter and numbered through; readers
    with JavaScript may draw a fresh random set of `draw` items."""
    groups, number = [], 0
    for chapter in chapters:
        views = []
        for item in (i for i in items if i["chapter"] == chapter["id"]):
            number += 1
            views.append(quiz_item_view(ESSAY_QUIZ_ID, number, item))
        if views:
            heading = f"Chapter {chapter['number']}: {plain(chapter['title'])}"
            groups.append({"id": chapter["id"], "heading": heading, "items": views})
    if not groups:
        return NO_QUIZ
    return render_template(ESSAY_QUIZ_ID, groups, draw=draw if number > draw else 0, total=number)


def render_template(quiz_id: str, groups: list[dict], draw: int = 0, total: int = 0) -> str:
    return TEMPLATES.get_template("quiz.html").render(quiz_id=quiz_id, groups=groups, draw=draw, total=total,
                                                      retry_hint=RETRY_HINT)


def render_questions_by_chapter(chapters, questions, from_page: str) -> str:
    parts = []
    for chapter in chapters:
        mine = [q for q in questions if q["chapter"] == chapter["id"]]
        parts += [f"## {link_to_chapter(chapter, from_page)}", render_questions(mine)]
    essays = [q for q in questions if q["chapter"] == WHOLE_ESSAY]
    parts += [f"## {ESSAY_HEADING}", render_questions(essays)]
    return "\n\n".join(parts)
