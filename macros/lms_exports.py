"""Quiz exports for learning platforms, built from data/quizzes.yml at every build (issue 12).

Per chapter and for the whole guide:
- Moodle XML: multichoice questions, fraction 100 for the correct option and 0 for the others,
  feedback on every option.
- GIFT (Moodle's text format): the same, with GIFT's special characters ~ = # { } : escaped.
- A QTI 1.2 zip that Canvas imports, made by text2qti (pinned in requirements.txt) through its
  Python API from our data: every text is handed over with its punctuation as numeric
  character references, so text2qti's Markdown and LaTeX syntax can never fire on our words.
- Kahoot and Blooket spreadsheets (CSV) in the layout of each one's import template. Neither
  template has a place for feedback. Kahoot allows 120 characters per question and 75 per
  answer: longer texts are cut at a word and end with "…" (see kahoot_fit); Blooket keeps
  the full text.

A quiz item no format can hold (more than four options, no single correct option, two
options that read the same) stops the build with file, entry and field: check_exportable().
Pure functions: dicts in, text or bytes out. hooks.py adds the files (through bindings.py).
"""
from __future__ import annotations

import base64
import csv
import html
import io
import string
import xml.etree.ElementTree as ET
import zipfile

from .errors import GuideError
from .figure_cache import cached_figure
from .links import md_link, relative
from .text import card_table, cell, plain
from .validation import describe_entry

FOLDER = "downloads/quizzes"
# format key -> (file name ending, column label on the downloads page)
FORMATS = {
    "moodle": ("moodle.xml", "Moodle XML"),
    "gift": ("gift.txt", "GIFT (Moodle)"),
    "qti": ("canvas-qti.zip", "Canvas (QTI zip)"),
    "kahoot": ("kahoot.csv", "Kahoot (CSV)"),
    "blooket": ("blooket.csv", "Blooket (CSV)"),
}
GUIDE_TITLE = "With a Friend Like Fox"
GAME_MAX_ANSWERS = 4  # Kahoot's and Blooket's templates have four answer columns
KAHOOT_QUESTION_MAX = 120
KAHOOT_ANSWER_MAX = 75
KAHOOT_TIME_LIMIT = 60  # seconds; Kahoot accepts 5, 10, 20, 30, 60, 90, 120 or 240
BLOOKET_TIME_LIMIT = 60  # seconds; Blooket accepts up to 300
ELLIPSIS = "…"
KAHOOT_HEADER = ["", "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
                 "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                 "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
                 "Correct answer(s) - choose at least one"]
BLOOKET_TITLE_ROW = ["Blooket Import Template", "", "", "", "", "", "", ""]
BLOOKET_HEADER = ["Question #", "Question Text", "Answer 1", "Answer 2", "Answer 3 (Optional)",
                  "Answer 4 (Optional)", "Time Limit (sec) (Max: 300 seconds)",
                  "Correct Answer(s) (Only include Answer #)"]
ZIP_TIME = (2001, 9, 1, 0, 0, 0)  # fixed, so the same data always gives the same zip
BYTE_ORDER_MARK = "\ufeff"


# -- which items, numbered as on the chapter pages and printable quizzes --------------------
def numbered(chapters: list[dict], quizzes: list[dict]) -> list[tuple[dict, int, dict]]:
    """(chapter, number within the chapter, item) for every item, in chapter order."""
    entries = []
    for chapter in sorted(chapters, key=lambda c: c["number"]):
        mine = [item for item in quizzes if item["chapter"] == chapter["id"]]
        entries += [(chapter, number, item) for number, item in enumerate(mine, start=1)]
    return entries


def item_name(chapter: dict, number: int) -> str:
    return f"Chapter {chapter['number']}, question {number}"


def correct_index(item: dict) -> int:
    return next(i for i, option in enumerate(item["options"]) if option["correct"])


# -- the check that stops the build -------------------------------------------------------
def kahoot_fit(text: str, limit: int) -> str:
    """Plain text cut to at most `limit` characters: at the last whole word, ending in "…"."""
    line = plain(text)
    if len(line) <= limit:
        return line
    window = line[:limit - len(ELLIPSIS) + 1]  # if it ends in a space, the word before it is whole
    space = window.rfind(" ")
    kept = window[:space] if space > 0 else window[:limit - len(ELLIPSIS)]
    return kept.rstrip(" ,;:–-") + ELLIPSIS


def check_exportable(quizzes: list[dict]) -> None:
    """Raise a GuideError naming file, entry and field for every item a quiz export cannot hold."""
    problems = []
    seen: dict[tuple[str, str], int] = {}
    for index, item in enumerate(quizzes):
        where = f"data/quizzes.yml, {describe_entry(index, item)}"
        options = item["options"]
        correct = sum(bool(option["correct"]) for option in options)
        if correct != 1:
            problems.append(f"{where}, field 'options': {correct} options are marked correct; the quiz exports "
                            "(Moodle, Canvas, Kahoot, Blooket) need exactly one. Set 'correct: true' on one option.")
        if len(options) > GAME_MAX_ANSWERS:
            problems.append(f"{where}, field 'options': {len(options)} options; Kahoot and Blooket take at most "
                            f"{GAME_MAX_ANSWERS} answers, so the quiz exports cannot hold this item. Cut one option.")
        key = (item["chapter"], plain(item["question"]).casefold())
        if key in seen:
            problems.append(f"{where}, field 'question': the same question as entry {seen[key] + 1} of this chapter; "
                            "Canvas (QTI) refuses repeated questions. Reword or remove one.")
        seen.setdefault(key, index)
        full: dict[str, int] = {}
        short: dict[str, int] = {}
        for number, option in enumerate(options, start=1):
            text = plain(option["text"]).casefold()
            fitted = kahoot_fit(option["text"], KAHOOT_ANSWER_MAX).casefold()
            if text in full:
                problems.append(f"{where}, field 'options', item {number}, 'text': reads the same as option "
                                f"{full[text]}; every option must differ.")
            elif fitted in short:
                problems.append(f"{where}, field 'options', item {number}, 'text': cut to Kahoot's "
                                f"{KAHOOT_ANSWER_MAX} characters it reads the same as option {short[fitted]}; "
                                "make the two differ within their first 70 characters.")
            full.setdefault(text, number)
            short.setdefault(fitted, number)
    if problems:
        raise GuideError("A quiz item cannot be exported:\n  " + "\n  ".join(problems))


# -- Moodle XML -------------------------------------------------------------------------
def html_text(text: str) -> str:
    """Plain text as the HTML of a Moodle or GIFT text field (it is shown as written)."""
    return html.escape(plain(text), quote=False)


def moodle_text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value


def moodle_xml(entries: list[tuple[dict, int, dict]]) -> str:
    """Moodle's question XML: one multichoice question per item, options in our order (A, B, C...)."""
    quiz = ET.Element("quiz")
    for chapter, number, item in entries:
        question = ET.SubElement(quiz, "question", type="multichoice")
        moodle_text(ET.SubElement(question, "name"), item_name(chapter, number))
        moodle_text(ET.SubElement(question, "questiontext", format="html"), html_text(item["question"]))
        moodle_text(ET.SubElement(question, "generalfeedback", format="html"), "")
        for tag, value in (("defaultgrade", "1"), ("penalty", "0.3333333"), ("hidden", "0"), ("single", "true"),
                           ("shuffleanswers", "false"), ("answernumbering", "ABCD")):
            ET.SubElement(question, tag).text = value
        for option in item["options"]:
            answer = ET.SubElement(question, "answer", fraction="100" if option["correct"] else "0", format="html")
            moodle_text(answer, html_text(option["text"]))
            moodle_text(ET.SubElement(answer, "feedback", format="html"), html_text(option["feedback"]))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


# -- GIFT -------------------------------------------------------------------------------
GIFT_SPECIAL = str.maketrans({c: "\\" + c for c in "~=#{}:"})


def gift_escape(text: str) -> str:
    """A backslash before each of GIFT's special characters ~ = # { } : (and before a backslash)."""
    return text.replace("\\", "\\\\").translate(GIFT_SPECIAL)


def gift_field(text: str) -> str:
    return gift_escape(html_text(text))


def gift(entries: list[tuple[dict, int, dict]], title: str) -> str:
    """GIFT: ::name::[html]question{ =right#feedback ~wrong#feedback }, a blank line between questions."""
    lines = [f"// {GUIDE_TITLE}: {plain(title)}. Multiple-choice quiz in GIFT format for Moodle.",
             "// Generated from the study guide's data; one correct answer per question, feedback on every answer.",
             ""]
    for chapter, number, item in entries:
        lines.append(f"::{gift_escape(item_name(chapter, number))}::[html]{gift_field(item['question'])} {{")
        for option in item["options"]:
            mark = "=" if option["correct"] else "~"
            lines.append(f"\t{mark}{gift_field(option['text'])}#{gift_field(option['feedback'])}")
        lines += ["}", ""]
    return "\n".join(lines)


# -- Canvas: QTI 1.2 zip through text2qti -------------------------------------------------
def literal_markdown(text: str) -> str:
    """Plain text that text2qti's Markdown shows as written: punctuation as numeric character
    references, so no *, _, $, <, [ or line-start marker can be read as syntax."""
    return "".join(f"&#{ord(c)};" if c in string.punctuation else c for c in plain(text))


def text2qti_source(entries: list[tuple[dict, int, dict]], title: str, description: str) -> str:
    """Our items in text2qti's plain-text quiz format (one line per field)."""
    lines = [f"Quiz title: {GUIDE_TITLE} - {literal_title(title)}",
             f"Quiz description: {literal_markdown(description)}", ""]
    for chapter, number, item in entries:
        lines += [f"Title: {item_name(chapter, number)}", f"1.  {literal_markdown(item['question'])}"]
        for index, option in enumerate(item["options"]):
            marker = ("*" if option["correct"] else "") + "abcde"[index] + ")"
            lines += [f"{marker} {literal_markdown(option['text'])}", f"... {literal_markdown(option['feedback'])}"]
        lines.append("")
    return "\n".join(lines)


def literal_title(text: str) -> str:
    """Titles are plain text in text2qti (escaped for XML by it): keep letters, digits and a few marks."""
    return "".join(c for c in plain(text) if c.isalnum() or c in " ,.'-").strip()


def qti_zip(entries: list[tuple[dict, int, dict]], title: str, description: str) -> bytes:
    from text2qti.config import Config
    from text2qti.err import Text2qtiError
    from text2qti.qti import QTI
    from text2qti.quiz import Quiz

    try:
        quiz = Quiz(text2qti_source(entries, title, description), config=Config(), source_name=title)
        data = QTI(quiz).zip_bytes()
    except Text2qtiError as error:
        raise GuideError(f"data/quizzes.yml ({title}): text2qti could not build the Canvas quiz: {error}") from None
    return fixed_time_zip(data)


def qti_zip_base64(entries: list, title: str, description: str) -> str:
    return base64.b64encode(qti_zip(entries, title, description)).decode("ascii")


def cached_qti_zip(entries: list[tuple[dict, int, dict]], title: str, description: str) -> bytes:
    """qti_zip(), remembered between `mkdocs serve` rebuilds while the quiz data stays the same."""
    return base64.b64decode(cached_figure(qti_zip_base64, [list(e) for e in entries], title, description))


def fixed_time_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_TIME, so unchanged data gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            copy.external_attr = info.external_attr
            copy.compress_type = zipfile.ZIP_STORED if info.is_dir() else zipfile.ZIP_DEFLATED
            target.writestr(copy, source.read(info.filename))
    return out.getvalue()


# -- Kahoot and Blooket spreadsheets ------------------------------------------------------
def csv_text(rows: list[list[str]], line_end: str = "\n", byte_order_mark: bool = True) -> str:
    buffer = io.StringIO()
    if byte_order_mark:
        buffer.write(BYTE_ORDER_MARK)  # Excel then opens the accents intact
    csv.writer(buffer, lineterminator=line_end).writerows(rows)
    return buffer.getvalue()


def answers(item: dict, fit=None) -> list[str]:
    texts = [fit(o["text"]) if fit else plain(o["text"]) for o in item["options"]]
    return texts + [""] * (GAME_MAX_ANSWERS - len(texts))


def kahoot_csv(entries: list[tuple[dict, int, dict]]) -> str:
    """Kahoot's spreadsheet template: number, question, answers 1-4, time limit, correct answer number."""
    rows = [KAHOOT_HEADER]
    for place, (_, _, item) in enumerate(entries, start=1):
        rows.append([str(place), kahoot_fit(item["question"], KAHOOT_QUESTION_MAX),
                     *answers(item, lambda text: kahoot_fit(text, KAHOOT_ANSWER_MAX)),
                     str(KAHOOT_TIME_LIMIT), str(correct_index(item) + 1)])
    return csv_text(rows)


def blooket_csv(entries: list[tuple[dict, int, dict]]) -> str:
    """Blooket's CSV template: its title row of eight fields, the header, one question per row (CRLF, no BOM)."""
    rows = [BLOOKET_TITLE_ROW, BLOOKET_HEADER]
    for place, (_, _, item) in enumerate(entries, start=1):
        rows.append([str(place), plain(item["question"]), *answers(item), str(BLOOKET_TIME_LIMIT),
                     str(correct_index(item) + 1)])
    return csv_text(rows, line_end="\r\n", byte_order_mark=False)


# -- all files, and the table that links them -----------------------------------------------
def groups(chapters: list[dict], quizzes: list[dict]) -> list[tuple[str, str, list[tuple[dict, int, dict]]]]:
    """(file stem, title, numbered items): the whole guide first, then each chapter with items."""
    found = [("all-chapters", "All chapters", numbered(chapters, quizzes))]
    for chapter in sorted(chapters, key=lambda c: c["number"]):
        entries = numbered([chapter], quizzes)
        if entries:
            found.append((f"chapter-{chapter['number']}", f"Chapter {chapter['number']}: {plain(chapter['title'])}",
                          entries))
    return found


def file_path(stem: str, key: str) -> str:
    return f"{FOLDER}/{stem}-{FORMATS[key][0]}"


def export_files(chapters: list[dict], quizzes: list[dict]) -> dict[str, str | bytes]:
    """docs-relative path -> content, for every format of every group."""
    files: dict[str, str | bytes] = {}
    for stem, title, entries in groups(chapters, quizzes):
        if not entries:
            continue
        description = f"{len(entries)} multiple-choice questions on Robert S. Leiken's essay \"With a Friend Like " \
                      f"Fox\" (Foreign Affairs, 2001): {title}."
        files[file_path(stem, "moodle")] = moodle_xml(entries)
        files[file_path(stem, "gift")] = gift(entries, title)
        files[file_path(stem, "qti")] = cached_qti_zip(entries, title, description)
        files[file_path(stem, "kahoot")] = kahoot_csv(entries)
        files[file_path(stem, "blooket")] = blooket_csv(entries)
    return files


def render_export_table(chapters: list[dict], quizzes: list[dict], from_page: str) -> str:
    """One row per quiz (the whole guide, then each chapter), one link per format; cards on phones."""
    rows = []
    for stem, title, entries in groups(chapters, quizzes):
        if not entries:
            continue
        links = []
        for key in FORMATS:
            path = file_path(stem, key)
            links.append(md_link(path.rsplit("/", 1)[1], relative(from_page, path)))
        rows.append([cell(title), str(len(entries)), *links])
    if not rows:
        return "_No quiz items yet: add some to data/quizzes.yml._"
    return card_table(["Quiz", "Questions", *[label for _, label in FORMATS.values()]], rows,
                      attrs="data-search-exclude")  # file lists: nothing to search for


def kahoot_shortened(quizzes: list[dict]) -> tuple[int, int, int, int]:
    """(questions cut, questions, answers cut, answers) under Kahoot's limits."""
    questions = [plain(item["question"]) for item in quizzes]
    options = [plain(option["text"]) for item in quizzes for option in item["options"]]
    return (sum(len(q) > KAHOOT_QUESTION_MAX for q in questions), len(questions),
            sum(len(o) > KAHOOT_ANSWER_MAX for o in options), len(options))


def render_kahoot_note(quizzes: list[dict]) -> str:
    cut_questions, questions, cut_answers, all_answers = kahoot_shortened(quizzes)
    if not cut_questions and not cut_answers:
        return (f"Every question fits Kahoot's limits ({KAHOOT_QUESTION_MAX} characters per question, "
                f"{KAHOOT_ANSWER_MAX} per answer).")
    return (f"Kahoot allows {KAHOOT_QUESTION_MAX} characters per question and {KAHOOT_ANSWER_MAX} per answer. "
            f"In the Kahoot files, {cut_questions} of {questions} questions and {cut_answers} of {all_answers} "
            f"answers are longer than that, so they are cut after the last whole word that fits and end with "
            f"\"{ELLIPSIS}\". Check those before you play; the Blooket files and all the others keep the full text.")
