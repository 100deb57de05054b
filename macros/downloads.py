"""Files generated at build time: glossary CSV, an Anki deck, questions CSV and all data as JSON.

hooks.py adds them to the site in `on_files`, so `mkdocs serve` serves them and MkDocs
checks the links to them like any other page's links.
"""
from __future__ import annotations

import csv
import io
import json

from .links import md_link, relative
from .model import OPTION_LETTERS, WHOLE_ESSAY
from .text import plain

FOLDER = "downloads"
DOWNLOADS = {
    "glossary.csv": "The glossary as a spreadsheet (CSV)",
    "glossary-anki.txt": "The glossary as Anki flashcards (tab-separated; File > Import in Anki)",
    "questions.csv": "All discussion questions with notes on strong answers (CSV)",
    "quizzes.csv": "All multiple-choice quiz items with options, answers and feedback (CSV)",
    "guide-data.json": "Every data file of the guide, with computed appearances (JSON)",
}


BYTE_ORDER_MARK = "\ufeff"  # tells Excel the file is UTF-8, so accents open intact


def to_csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV text starting with a byte order mark; read it back with encoding="utf-8-sig"."""
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def glossary_csv(glossary) -> str:
    """The term comes first: it is what a reader looks for in column A."""
    rows = [[plain(e["term"]), e["id"], "; ".join(e.get("aliases") or []), plain(e["short"]),
             plain(e["explanation"]), "; ".join(e.get("see_also") or [])] for e in glossary]
    return to_csv(["term", "id", "aliases", "short_definition", "explanation", "see_also"], rows)


def glossary_anki(glossary) -> str:
    """Anki's plain-text import: header lines, then front<TAB>back<TAB>tags."""
    def clean(text):
        return plain(text).replace("\t", " ")
    lines = ["#separator:tab", "#html:false", "#columns:Front\tBack\tTags"]
    lines += [f"{clean(e['term'])}\t{clean(e['short'])}\tfox-guide" for e in glossary]
    return "\n".join(lines) + "\n"


def questions_csv(questions, chapters_by_id) -> str:
    def where(q):
        c = chapters_by_id.get(q["chapter"])
        return f"{c['number']}. {plain(c['title'])}" if c else "Whole essay"
    rows = [[where(q), q["level"], plain(q["prompt"]), plain(q["strong_answer"])] for q in questions
            if q["chapter"] in chapters_by_id or q["chapter"] == WHOLE_ESSAY]
    return to_csv(["chapter", "level", "prompt", "strong_answer"], rows)


def quizzes_csv(quizzes, chapters_by_id) -> str:
    """One row per quiz item: its chapter and number there, options A-E, the answer, feedback per option."""
    letters = [letter.lower() for letter in OPTION_LETTERS]
    header = ["chapter", "number", "question", *[f"option_{x}" for x in letters], "correct",
              *[f"feedback_{x}" for x in letters]]
    numbers: dict[str, int] = {}
    rows = []
    for item in quizzes:
        chapter = chapters_by_id[item["chapter"]]
        numbers[chapter["id"]] = numbers.get(chapter["id"], 0) + 1
        options = item["options"] + [None] * (len(OPTION_LETTERS) - len(item["options"]))
        correct = next(OPTION_LETTERS[i] for i, o in enumerate(item["options"]) if o["correct"])
        rows.append([f"{chapter['number']}. {plain(chapter['title'])}", str(numbers[chapter["id"]]),
                     plain(item["question"]), *[plain(o["text"]) if o else "" for o in options], correct,
                     *[plain(o["feedback"]) if o else "" for o in options]])
    return to_csv(header, rows)


def guide_json(collections, appearances) -> str:
    data = {name: entries for name, entries in collections.items()}
    data["appearances"] = {key: sorted(value) for key, value in appearances.items()}
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


def download_files(collections, appearances) -> dict[str, str]:
    """docs-relative path -> text, for every download."""
    chapters_by_id = {c["id"]: c for c in collections["chapters"]}
    contents = {
        "glossary.csv": glossary_csv(collections["glossary"]),
        "glossary-anki.txt": glossary_anki(collections["glossary"]),
        "questions.csv": questions_csv(collections["questions"], chapters_by_id),
        "quizzes.csv": quizzes_csv(collections.get("quizzes", []), chapters_by_id),
        "guide-data.json": guide_json(collections, appearances),
    }
    return {f"{FOLDER}/{name}": contents[name] for name in DOWNLOADS}


def render_download_list(from_page: str) -> str:
    """Markdown links MkDocs checks; each file is added to the site by hooks.py."""
    return "\n".join(f"- {md_link(name, relative(from_page, f'{FOLDER}/{name}'))}: {label}"
                     for name, label in DOWNLOADS.items())
