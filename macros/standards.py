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
    """[1, 2, 3, 5] -> '1-3, 5': short enough for a narrow chapter column."""
    runs: list[list[int]] = []
    for n in values:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def activity_label(activities: list[dict], activity: dict) -> str:
    """'A1', 'A2'...: activities in data order, short enough for the table (the legend names them)."""
    return f"A{activities.index(activity) + 1}"


def activity_link(activity: dict, from_page: str, text: str, title: str | None = None) -> str:
    return md_link(text, relative(from_page, f"{TEACHERS_PAGE}#{activity['anchor']}"), title).replace("|", "\\|")


def render_activity_legend(activities: list[dict], from_page: str) -> str:
    """'**Activities:** A1: Structured debate; A2: ...' with links to each activity."""
    items = [f"{activity_label(activities, a)}: {activity_link(a, from_page, a['name'])}" for a in activities]
    return "**Activities:** " + "; ".join(items) + "." if items else ""


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
                     ", ".join(activity_link(a, from_page, activity_label(activities, a), a["name"])
                               for a in uses.get("activities", []))])
    if not rows:
        return NO_TAGS
    return "\n\n".join(part for part in (render_activity_legend(activities, from_page), chapter_grid(header, rows)) if part)


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
