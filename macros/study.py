"""Discussion questions and self-check quizzes, rendered from data."""
from __future__ import annotations

import html

from .links import link_to_chapter
from .model import WHOLE_ESSAY
from .text import plain, safe, safe_block

LEVEL_LABELS = {
    "recall": "Recall",
    "analysis": "Analysis",
    "evaluation": "Evaluation",
    "today": "Connect to today",
    "essay": "Essay or debate",
}


def indent(text: str, spaces: int = 4) -> str:
    return "\n".join((" " * spaces + line) if line else "" for line in text.split("\n"))


def render_question(number: int, question: dict) -> str:
    level = LEVEL_LABELS[question["level"]]
    return "\n".join([
        f"{number}. **{level}.** {safe(question['prompt'])}",
        "",
        indent('??? note "What a strong answer includes"'),
        "",
        indent(safe_block(question["strong_answer"]), 8),
    ])


def render_questions(questions: list[dict]) -> str:
    if not questions:
        return "_No questions yet: add some to data/questions.yml._"
    return "\n\n".join(render_question(n, q) for n, q in enumerate(questions, start=1))


def render_quiz(quiz_id: str, items: list[dict]) -> str:
    """One quiz as plain HTML: radio groups, a check button, and answers in a
    disclosure so the page works without JavaScript."""
    if not items:
        return "_No quiz yet: add items to data/quizzes.yml._"
    out = [f'<div class="quiz" id="quiz-{quiz_id}" data-quiz>']
    for number, item in enumerate(items, start=1):
        out.append(render_quiz_item(f"{quiz_id}-{number}", number, item))
    out.append(
        '<div class="quiz-controls">'
        '<button type="button" class="md-button md-button--primary quiz-check">Check my answers</button> '
        '<button type="button" class="md-button quiz-retry">Try again</button>'
        '<p class="quiz-score" role="status" aria-live="polite"></p></div>'
    )
    out.append("</div>")
    return "\n".join(out)


def render_quiz_item(item_id: str, number: int, item: dict) -> str:
    esc = lambda s: html.escape(plain(s))
    out = [f'<fieldset class="quiz-item" id="q-{item_id}">',
           f"<legend>{number}. {esc(item['question'])}</legend>"]
    correct_text = ""
    for index, option in enumerate(item["options"]):
        letter = "ABCDE"[index]
        input_id = f"q-{item_id}-{letter.lower()}"
        flag = ' data-correct="true"' if option["correct"] else ""
        out.append(
            f'<div class="quiz-option"><input type="radio" name="q-{item_id}" id="{input_id}" value="{letter}"{flag}>'
            f'<label for="{input_id}">{letter}. {esc(option["text"])}</label>'
            f'<p class="quiz-option-feedback" hidden>{esc(option["feedback"])}</p></div>'
        )
        if option["correct"]:
            correct_text = f"{letter}. {esc(option['text'])}"
    feedback = "".join(f"<li>{'ABCDE'[i]}: {esc(o['feedback'])}</li>" for i, o in enumerate(item["options"]))
    out.append('<p class="quiz-feedback" role="status" aria-live="polite"></p>')
    out.append(f"<details class=\"quiz-answer\"><summary>Show the answer</summary>"
               f"<p>Answer: {correct_text}</p><ul>{feedback}</ul></details>")
    out.append("</fieldset>")
    return "".join(out)


def render_questions_by_chapter(chapters, questions, from_page: str) -> str:
    parts = []
    for chapter in chapters:
        mine = [q for q in questions if q["chapter"] == chapter["id"]]
        parts += [f"## {link_to_chapter(chapter, from_page)}", render_questions(mine)]
    essays = [q for q in questions if q["chapter"] == WHOLE_ESSAY]
    parts += ["## Essay and debate prompts on the whole article", render_questions(essays)]
    return "\n\n".join(parts)
