"""Quiz exports (macros/lms_exports.py): each file is parsed back (xml.etree for Moodle and for
the QTI inside the zip, a small GIFT parser, csv) and compared with the data it came from."""
from __future__ import annotations

import csv
import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from macros import lms_exports
from macros.errors import GuideError
from macros.text import plain
from sample_data import CHAPTERS, QUIZ_ITEM, SECOND_QUIZ_ITEM

START, END = CHAPTERS
# Every character GIFT, Markdown, LaTeX, XML and CSV treat specially, in one item.
TRICKY = {"chapter": "start", "question": 'Which ~tilde = equals # hash {brace} colon: and back\\slash "$5" <b>x</b>?',
          "options": [
              {"text": "A & B, C; \"quoted\"", "correct": False, "feedback": "No: ~ = # { } are fine \\n here."},
              {"text": "*stars* _under_ [link](x) 1. `code`", "correct": True, "feedback": "Yes; $x$ stays text."},
              {"text": "Castañeda, Zedillo", "correct": False, "feedback": "No... -- not them."}]}
ITEMS = [QUIZ_ITEM, TRICKY, SECOND_QUIZ_ITEM]
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def entries(items=ITEMS):
    return lms_exports.numbered(CHAPTERS, items)


def in_order(items=ITEMS):
    """The items as the exports list them: chapter order, then data order."""
    return [item for _, _, item in entries(items)]


def html_to_text(value: str) -> str:
    """What a platform shows for an HTML field: tags dropped, entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", value or "")).split())


# -- numbering and names ----------------------------------------------------------------------
def test_items_are_numbered_within_their_chapter_in_chapter_order():
    found = [(c["id"], n, item["question"]) for c, n, item in entries()]
    assert found == [("start", 1, QUIZ_ITEM["question"]), ("start", 2, TRICKY["question"]),
                     ("end", 1, SECOND_QUIZ_ITEM["question"])]
    assert lms_exports.item_name(END, 1) == "Chapter 2, question 1"


# -- Moodle XML ---------------------------------------------------------------------------------
def test_moodle_xml_holds_every_item_option_answer_and_feedback():
    root = ET.fromstring(lms_exports.moodle_xml(entries()).encode("utf-8"))
    questions = root.findall("question")
    assert [q.get("type") for q in questions] == ["multichoice"] * 3
    for question, item in zip(questions, in_order(), strict=True):
        assert html_to_text(question.findtext("questiontext/text")) == plain(item["question"])
        assert question.find("questiontext").get("format") == "html"
        assert question.findtext("single") == "true"
        answers = question.findall("answer")
        assert len(answers) == len(item["options"])
        for answer, option in zip(answers, item["options"], strict=True):
            assert answer.get("fraction") == ("100" if option["correct"] else "0")
            assert html_to_text(answer.findtext("text")) == plain(option["text"])
            assert html_to_text(answer.findtext("feedback/text")) == plain(option["feedback"])
    assert [q.findtext("name/text") for q in questions] == ["Chapter 1, question 1", "Chapter 1, question 2",
                                                            "Chapter 2, question 1"]


def test_moodle_xml_shows_markup_in_data_as_text():
    text = lms_exports.moodle_xml(entries([TRICKY]))
    assert "<b>" not in text and "&amp;lt;b&amp;gt;x" in text  # HTML-escaped, then XML-escaped


# -- GIFT ---------------------------------------------------------------------------------------
GIFT_ESCAPES = {"\\\\": "\\", "\\~": "~", "\\=": "=", "\\#": "#", "\\{": "{", "\\}": "}", "\\:": ":", "\\n": "\n"}


def gift_unescape(text: str) -> str:
    return re.sub(r"\\[\\~=#{}:n]", lambda m: GIFT_ESCAPES[m.group()], text)


def parse_gift(text: str) -> list[dict]:
    """A small GIFT reader for multiple choice: ::name::[html]question{ =right#fb ~wrong#fb }.
    It splits only on unescaped marks, as Moodle does (it swaps escapes for placeholders first)."""
    placeholders = {"\\\\": "\x00", "\\~": "\x01", "\\=": "\x02", "\\#": "\x03", "\\{": "\x04", "\\}": "\x05",
                    "\\:": "\x06"}
    back = {v: k[1] for k, v in placeholders.items()}
    questions = []
    for block in text.split("\n\n"):
        lines = [line for line in block.split("\n") if not line.startswith("//")]
        body = "\n".join(lines).strip()
        if not body:
            continue
        for escape, mark in placeholders.items():
            body = body.replace(escape, mark)
        match = re.fullmatch(r"::(?P<name>[^:]*)::\[html\](?P<text>[^{]*)\{(?P<answers>[^}]*)\}", body, re.S)
        assert match, f"not a GIFT question: {block!r}"
        options = []
        for answer in re.findall(r"[=~][^=~]*", match["answers"]):
            right, _, feedback = answer[1:].strip().partition("#")
            options.append({"correct": answer[0] == "=", "text": right, "feedback": feedback})

        def restore(value: str) -> str:
            return html.unescape("".join(back.get(c, c) for c in value).strip())
        questions.append({"name": restore(match["name"]), "question": restore(match["text"]),
                          "options": [{**o, "text": restore(o["text"]), "feedback": restore(o["feedback"])}
                                      for o in options]})
    return questions


def test_gift_holds_every_item_option_answer_and_feedback():
    parsed = parse_gift(lms_exports.gift(entries(), "All chapters"))
    assert len(parsed) == 3
    for question, item in zip(parsed, in_order(), strict=True):
        assert question["question"] == plain(item["question"])
        assert [o["correct"] for o in question["options"]] == [o["correct"] for o in item["options"]]
        assert [o["text"] for o in question["options"]] == [plain(o["text"]) for o in item["options"]]
        assert [o["feedback"] for o in question["options"]] == [plain(o["feedback"]) for o in item["options"]]


def test_gift_escapes_each_special_character_and_the_backslash():
    assert lms_exports.gift_escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    text = lms_exports.gift(entries([TRICKY]), "t")
    question_line = next(line for line in text.splitlines() if line.startswith("::"))
    assert "back\\\\slash" in question_line and "\\~tilde \\= equals \\# hash \\{brace\\} colon\\:" in question_line
    # a backslash before "n" must not become a line break in Moodle
    assert "\\\\n here" in text


# -- Canvas QTI zip (text2qti) ------------------------------------------------------------------
def qti_items(data: bytes) -> tuple[list[str], list]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    [assessment] = [n for n in names if n.endswith(".xml") and "/" in n and not n.endswith("assessment_meta.xml")]
    root = ET.fromstring(archive.read(assessment))
    return names, root.findall(f".//{QTI}item")


def test_qti_zip_holds_a_manifest_and_every_item_with_answer_and_feedback():
    data = lms_exports.qti_zip(entries(), "All chapters", "Test quiz.")
    names, items = qti_items(data)
    assert "imsmanifest.xml" in names and any(n.endswith("assessment_meta.xml") for n in names)
    manifest = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("imsmanifest.xml"))
    assert manifest.tag.endswith("manifest")
    assert len(items) == 3
    for element, item in zip(items, in_order(), strict=True):
        assert element.findtext(f".//{QTI}fieldentry") == "multiple_choice_question"
        assert html_to_text(element.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")) == plain(item["question"])
        labels = element.findall(f".//{QTI}response_label")
        assert [html_to_text(label.findtext(f".//{QTI}mattext")) for label in labels] == \
               [plain(o["text"]) for o in item["options"]]
        ids = [label.get("ident") for label in labels]
        scored = [c for c in element.iter(f"{QTI}respcondition") if c.find(f".//{QTI}setvar") is not None]
        [right] = [c.findtext(f".//{QTI}varequal") for c in scored if c.findtext(f".//{QTI}setvar") == "100"]
        assert ids.index(right) == lms_exports.correct_index(item)
        feedback = {f.get("ident"): html_to_text(f.findtext(f".//{QTI}mattext"))
                    for f in element.findall(f"{QTI}itemfeedback")}
        assert [feedback[f"{i}_fb"] for i in ids] == [plain(o["feedback"]) for o in item["options"]]


def test_qti_zip_is_the_same_bytes_for_the_same_data():
    first = lms_exports.qti_zip(entries(), "t", "d")
    assert lms_exports.qti_zip(entries(), "t", "d") == first
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {lms_exports.ZIP_TIME}


def test_text_for_text2qti_has_no_markdown_or_latex_left():
    literal = lms_exports.literal_markdown(TRICKY["question"])
    assert not re.search(r"[$*_<>\[\]`\\~#{}]", literal.replace("&#", "").replace(";", ""))
    assert html.unescape(literal) == plain(TRICKY["question"])


# -- Kahoot and Blooket -------------------------------------------------------------------------
def read_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix(lms_exports.BYTE_ORDER_MARK))))


def test_kahoot_csv_follows_the_template_with_answer_numbers():
    rows = read_rows(lms_exports.kahoot_csv(entries()))
    assert rows[0] == lms_exports.KAHOOT_HEADER
    assert len(rows) == 4
    for place, (row, item) in enumerate(zip(rows[1:], in_order(), strict=True), start=1):
        assert row[0] == str(place) and len(row) == 8
        assert row[1] == plain(item["question"])
        assert row[2:2 + len(item["options"])] == [plain(o["text"]) for o in item["options"]]
        assert row[2 + len(item["options"]):6] == [""] * (4 - len(item["options"]))
        assert row[6] == "60"
        assert item["options"][int(row[7]) - 1]["correct"]


def test_kahoot_cuts_long_texts_at_a_word_within_the_limits():
    words = " ".join(["word"] * 40)
    item = {"chapter": "start", "question": words, "options": [
        {"text": "right " + words, "correct": True, "feedback": "f"}, {"text": "short", "correct": False, "feedback": "g"}]}
    row = read_rows(lms_exports.kahoot_csv(entries([item])))[1]
    assert len(row[1]) <= 120 and row[1].endswith("word…") and row[1].startswith("word word")
    assert len(row[2]) <= 75 and row[2].endswith("word…") and row[2].startswith("right word")
    assert row[3] == "short"
    assert lms_exports.kahoot_fit("exactly fits", 12) == "exactly fits"
    assert lms_exports.kahoot_fit("abcdef ghijkl", 10) == "abcdef…"


def test_blooket_csv_follows_its_template():
    text = lms_exports.blooket_csv(entries())
    assert not text.startswith(lms_exports.BYTE_ORDER_MARK) and "\r\n" in text
    rows = read_rows(text)
    assert rows[0] == lms_exports.BLOOKET_TITLE_ROW and rows[1] == lms_exports.BLOOKET_HEADER
    for row, item in zip(rows[2:], in_order(), strict=True):
        assert row[1] == plain(item["question"])
        assert row[2:2 + len(item["options"])] == [plain(o["text"]) for o in item["options"]]
        assert item["options"][int(row[7]) - 1]["correct"]


def test_kahoot_note_counts_what_is_cut():
    long_item = {**QUIZ_ITEM, "question": "x " * 70}
    assert "1 of 2 questions and 0 of 6 answers" in lms_exports.render_kahoot_note([long_item, QUIZ_ITEM])
    assert "Every question fits" in lms_exports.render_kahoot_note([QUIZ_ITEM])


# -- all files and the downloads table -----------------------------------------------------------
def test_export_files_cover_the_whole_guide_and_each_chapter_in_every_format():
    files = lms_exports.export_files(CHAPTERS, ITEMS)
    stems = ["all-chapters", "chapter-1", "chapter-2"]
    assert sorted(files) == sorted(f"downloads/quizzes/{s}-{ending}" for s in stems
                                   for ending, _ in lms_exports.FORMATS.values())
    assert isinstance(files["downloads/quizzes/chapter-1-canvas-qti.zip"], bytes)
    assert len(ET.fromstring(files["downloads/quizzes/chapter-2-moodle.xml"]).findall("question")) == 1
    assert len(ET.fromstring(files["downloads/quizzes/all-chapters-moodle.xml"]).findall("question")) == 3


def test_export_table_links_every_file_relative_to_the_page():
    out = lms_exports.render_export_table(CHAPTERS, ITEMS, "study/downloads.md")
    assert out.count("](../downloads/quizzes/") == 15
    assert "[chapter-2-kahoot.csv](../downloads/quizzes/chapter-2-kahoot.csv)" in out
    assert "| All chapters |" in out and "Chapter 1: Start" in out


# -- items no format can hold stop the build --------------------------------------------------------
def option(text, correct=False):
    return {"text": text, "correct": correct, "feedback": "f"}


@pytest.mark.parametrize(("item", "expected"), [
    ({"chapter": "start", "question": "Q?", "options": [option("a"), option("b")]},
     "field 'options': 0 options are marked correct"),
    ({"chapter": "start", "question": "Q?", "options": [option("a", True), *[option(x) for x in "bcde"]]},
     "field 'options': 5 options; Kahoot and Blooket take at most 4 answers"),
    ({"chapter": "start", "question": "Q?", "options": [option("same", True), option("Same")]},
     "field 'options', item 2, 'text': reads the same as option 1"),
    ({"chapter": "start", "question": "Q?", "options": [option("x " * 40 + "one", True), option("x " * 40 + "two")]},
     "field 'options', item 2, 'text': cut to Kahoot's 75 characters it reads the same as option 1"),
])
def test_an_item_that_cannot_be_exported_stops_the_build_naming_file_entry_and_field(item, expected):
    with pytest.raises(GuideError) as caught:
        lms_exports.check_exportable([QUIZ_ITEM, item])
    message = str(caught.value)
    assert "data/quizzes.yml, entry 2 (Q?)" in message and expected in message


def test_a_repeated_question_in_a_chapter_is_refused():
    with pytest.raises(GuideError, match=r"entry 2 \(Who\?\), field 'question': the same question as entry 1"):
        lms_exports.check_exportable([QUIZ_ITEM, dict(QUIZ_ITEM)])


def test_exportable_items_pass():
    lms_exports.check_exportable(ITEMS)


# -- the built site: real data in, every file present, parsed back and linked -------------------------
def test_built_quiz_exports_match_the_data(built_site):
    import yaml

    from conftest import ROOT

    quizzes = yaml.safe_load((ROOT / "data" / "quizzes.yml").read_text(encoding="utf-8"))
    chapters = yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8"))
    folder = built_site / "downloads" / "quizzes"
    page = (built_site / "study" / "downloads" / "index.html").read_text(encoding="utf-8")
    for stem in ["all-chapters", *[f"chapter-{c['number']}" for c in chapters]]:
        for ending, _ in lms_exports.FORMATS.values():
            assert (folder / f"{stem}-{ending}").is_file(), f"{stem}-{ending}"
            assert f'href="../../downloads/quizzes/{stem}-{ending}"' in page
    expected = [item for _, _, item in lms_exports.numbered(chapters, quizzes)]
    moodle = ET.parse(folder / "all-chapters-moodle.xml").getroot().findall("question")
    assert [html_to_text(q.findtext("questiontext/text")) for q in moodle] == [plain(i["question"]) for i in expected]
    assert [[a.get("fraction") for a in q.findall("answer")] for q in moodle] == \
           [["100" if o["correct"] else "0" for o in i["options"]] for i in expected]
    gift_items = parse_gift((folder / "all-chapters-gift.txt").read_text(encoding="utf-8"))
    assert [[o["feedback"] for o in q["options"]] for q in gift_items] == \
           [[plain(o["feedback"]) for o in i["options"]] for i in expected]
    _, qti = qti_items((folder / "all-chapters-canvas-qti.zip").read_bytes())
    assert len(qti) == len(quizzes)
    kahoot = read_rows((folder / "all-chapters-kahoot.csv").read_text(encoding="utf-8"))[1:]
    assert [int(row[7]) - 1 for row in kahoot] == [lms_exports.correct_index(i) for i in expected]
    assert all(len(row[1]) <= 120 and all(len(a) <= 75 for a in row[2:6]) for row in kahoot)
    blooket = read_rows((folder / "all-chapters-blooket.csv").read_text(encoding="utf-8"))[2:]
    assert [row[1] for row in blooket] == [plain(i["question"]) for i in expected]
