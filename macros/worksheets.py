"""Printable worksheets of the discussion questions (issue 12): per chapter, a student sheet
with space to write and no answer notes, and the teacher's key with the notes on a strong
answer. The essay and debate prompts on the whole essay get a sheet and a key of their own.
Each sheet starts a new printed page (guide.css, "Worksheets"). Dicts in, Markdown out."""
from __future__ import annotations

from .model import LEVEL_LABELS, WHOLE_ESSAY
from .text import safe, safe_block

# Ruled lines to write on, by level: a recall answer needs less room than an essay plan.
WRITING_LINES = {"recall": 3, "analysis": 5, "evaluation": 6, "today": 5, "essay": 9}
NO_QUESTIONS = "_No questions yet: add some to data/questions.yml._"
ESSAY_TITLE = "Essay and debate prompts on the whole essay"
SHEET_ANCHOR = "questions"
KEY_ANCHOR = "key"


def write_in() -> str:
    return '<p class="write-in"></p>'


def boxed(css_class: str, parts: list[str]) -> str:
    return "\n\n".join([f'<div class="{css_class}" markdown>', *parts, "</div>"])


def sheet_title(chapter: dict | None) -> str:
    return f"Chapter {chapter['number']}: {safe(chapter['title'])}" if chapter else ESSAY_TITLE


def anchor(prefix: str, chapter: dict | None) -> str:
    return f"{prefix}-{chapter['id'] if chapter else WHOLE_ESSAY}"


def question_line(number: int, question: dict) -> str:
    return f"**{number}. {LEVEL_LABELS[question['level']]}.** {safe(question['prompt'])}"


def render_student_sheet(chapter: dict | None, questions: list[dict]) -> str:
    """Questions with ruled space to answer; never the notes on a strong answer."""
    parts = [f"## {sheet_title(chapter)} {{ #{anchor(SHEET_ANCHOR, chapter)} }}",
             "**Name:** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ **Date:** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_",
             "Answer in full sentences. Point to the section and paragraph of the essay you use."]
    items = [boxed("question-sheet__item", [question_line(n, q), *[write_in() for _ in range(WRITING_LINES[q["level"]])]])
             for n, q in enumerate(questions, start=1)]
    return boxed("question-sheet", parts + (items or [NO_QUESTIONS]))


def render_key(chapter: dict | None, questions: list[dict]) -> str:
    """For the teacher: each question, what a strong answer includes and the standards it practises."""
    parts = [f"## {sheet_title(chapter)}: answer key {{ #{anchor(KEY_ANCHOR, chapter)} }}"]
    for number, question in enumerate(questions, start=1):
        item = [question_line(number, question), "*What a strong answer includes:*", safe_block(question["strong_answer"])]
        if question.get("standards"):
            item.append("*Standards:* " + ", ".join(safe(code) for code in question["standards"]))
        parts.append(boxed("question-key__item", item))
    return boxed("question-key", parts if questions else [*parts, NO_QUESTIONS])


def by_sheet(chapters: list[dict], questions: list[dict]) -> list[tuple[dict | None, list[dict]]]:
    """(chapter, its questions) in chapter order, then (None, the whole-essay prompts); empty ones left out."""
    found: list[tuple[dict | None, list[dict]]] = [
        (c, [q for q in questions if q["chapter"] == c["id"]]) for c in sorted(chapters, key=lambda c: c["number"])]
    found.append((None, [q for q in questions if q["chapter"] == WHOLE_ESSAY]))
    return [(chapter, mine) for chapter, mine in found if mine]


def render_student_sheets(chapters: list[dict], questions: list[dict]) -> str:
    return "\n\n".join(render_student_sheet(c, qs) for c, qs in by_sheet(chapters, questions)) or NO_QUESTIONS


def render_keys(chapters: list[dict], questions: list[dict]) -> str:
    return "\n\n".join(render_key(c, qs) for c, qs in by_sheet(chapters, questions)) or NO_QUESTIONS
