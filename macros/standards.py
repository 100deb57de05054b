"""Which questions and activities practise which standard (issue 12): a table of standards
against chapters, the whole-essay prompts and the teacher's guide's activities, computed
from the `standards:` tags in data/questions.yml and data/activities.yml, and the list of
the standards with their descriptions and official sources. Dicts in, Markdown out."""
from __future__ import annotations

from .links import md_link, relative
from .model import STANDARD_FRAMEWORK_LABELS, WHOLE_ESSAY
from .text import chapter_grid, safe

KEY_PAGE = "study/printables/worksheet-key.md"
TEACHERS_PAGE = "study/teachers.md"
ESSAYS = "Essays"
NO_TAGS = "_No question or activity carries a standard yet: add `standards:` tags in data/questions.yml._"


def practice(standards: list[dict], chapters: list[dict], questions: list[dict],
             activities: list[dict]) -> dict[str, dict[str, list]]:
    """standard code -> {chapter id or 'whole': [question numbers within it], 'activities': [activity]}.
    Numbers count the questions of each chapter in data order, as the worksheets and questions page do."""
    found: dict[str, dict[str, list]] = {s["id"]: {} for s in standards}
    for place in [c["id"] for c in chapters] + [WHOLE_ESSAY]:
        mine = [q for q in questions if q["chapter"] == place]
        for number, question in enumerate(mine, start=1):
            for code in question.get("standards") or []:
                found.setdefault(code, {}).setdefault(place, []).append(number)
    for activity in activities:
        for code in activity["standards"]:
            found.setdefault(code, {}).setdefault("activities", []).append(activity)
    return found


def numbers(values: list[int]) -> str:
    return ", ".join(str(n) for n in values)


def render_standards_table(standards: list[dict], chapters: list[dict], questions: list[dict],
                           activities: list[dict], from_page: str) -> str:
    """Rows: each standard that something practises; columns: chapters 1..n (question numbers),
    the whole-essay prompts, and the activities (links to them in the teacher's guide)."""
    chapters = sorted(chapters, key=lambda c: c["number"])
    found = practice(standards, chapters, questions, activities)
    header = ["Standard",
              *[md_link(str(c["number"]), relative(from_page, f"{KEY_PAGE}#key-{c['id']}"), f"Chapter {c['number']}: {c['title']}") for c in chapters],
              md_link(ESSAYS, relative(from_page, f"{KEY_PAGE}#key-{WHOLE_ESSAY}"), "Essay and debate prompts"),
              "Activities"]
    rows = []
    for standard in standards:
        uses = found.get(standard["id"], {})
        if not uses:
            continue
        code = md_link(standard["id"], standard["url"], standard["short"]).replace("|", "\\|")
        rows.append([code, *[numbers(uses.get(c["id"], [])) for c in chapters], numbers(uses.get(WHOLE_ESSAY, [])),
                     "; ".join(md_link(a["name"], relative(from_page, f"{TEACHERS_PAGE}#{a['anchor']}")).replace("|", "\\|")
                               for a in uses.get("activities", []))])
    return chapter_grid(header, rows) if rows else NO_TAGS


def render_standards_list(standards: list[dict], used_only: bool = True, questions=(), activities=()) -> str:
    """The standards, grouped by framework: code, our short description, a link to the official text."""
    used = {code for q in questions for code in q.get("standards") or []} | \
           {code for a in activities for code in a["standards"]}
    parts = []
    for framework, label in STANDARD_FRAMEWORK_LABELS.items():
        mine = [s for s in standards if s["framework"] == framework and (not used_only or s["id"] in used)]
        if mine:
            items = "\n".join(f"- **{safe(s['id'])}**: {safe(s['short'])} ({md_link('official text', s['url'])})"
                              for s in mine)
            parts.append(f"**{safe(label)}**\n\n{items}")
    return "\n\n".join(parts) or NO_TAGS
