"""Summary tables generated from data: each render_* takes plain data and returns Markdown."""
from __future__ import annotations

from .chapters_source import find_mentions
from .links import chapter_path, link_to_chapter, link_to_entry, md_link, relative
from .text import cell, safe

CHECK = "✓"
VERDICT_LABELS = {
    "came-true": "Came true",
    "partly": "Partly",
    "did-not": "Did not happen",
    "too-early": "Too early to tell",
}


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def chapter_columns(chapters: list[dict], from_page: str) -> list[str]:
    """Column headings 1..n, each linking to its chapter."""
    return [md_link(str(c["number"]), relative(from_page, chapter_path(c)), c["title"]) for c in chapters]  # few: keep hover


def render_overview(chapters, themes_by_id, minutes, from_page: str) -> str:
    rows = []
    for c in chapters:
        themes = ", ".join(link_to_entry("themes", themes_by_id[t], from_page) for t in c["themes"])
        rows.append([str(c["number"]), link_to_chapter(c, from_page, c["title"]), cell(c["summary"]),
                     f"{minutes[c['id']]} min", themes])
    return table(["#", "Chapter", "In one line", "Reading time", "Themes"], rows)


def render_matrix(entries, collection, appearances, chapters, from_page: str, label: str) -> str:
    """Entries x chapters, a tick where the chapter page names the entry."""
    rows = []
    for entry in entries:
        found = appearances[entry["id"]]
        ticks = [CHECK if c["id"] in found else "" for c in chapters]
        rows.append([link_to_entry(collection, entry, from_page, hover=False), *ticks, str(len(found))])
    return table([label, *chapter_columns(chapters, from_page), "Chapters"], rows)


def render_theme_tracker(themes, chapters, from_page: str) -> str:
    rows = []
    for theme in themes:
        ticks = [CHECK if theme["id"] in c["themes"] else "" for c in chapters]
        count = sum(bool(t) for t in ticks)
        rows.append([link_to_entry("themes", theme, from_page), *ticks, str(count)])
    return table(["Theme", *chapter_columns(chapters, from_page), "Chapters"], rows)


def render_theme_details(theme, chapters, from_page: str) -> str:
    """How each chapter treats one theme, as a list."""
    items = [f"- {link_to_chapter(c, from_page, hover=False)}: {safe(c['themes'][theme['id']])}"
             for c in chapters if theme["id"] in c["themes"]]
    return "\n".join(items) if items else "_No chapter takes up this theme yet._"


def render_theme_sections(themes, chapters, from_page: str) -> str:
    parts = []
    for theme in themes:
        parts += [f"## {theme['name']} {{ #{theme['id']} }}", safe(theme["description"]),
                  "**How the chapters treat it:**", render_theme_details(theme, chapters, from_page)]
    return "\n\n".join(parts)


def source_links(sources) -> str:
    return ", ".join(md_link(s["title"], s["url"]) for s in sources or [])


def origin(entry, chapters_by_id, from_page: str) -> str:
    """'Chapter 3' link for article facts; source links for context."""
    if entry.get("chapter") and entry["chapter"] in chapters_by_id:
        chapter = chapters_by_id[entry["chapter"]]
        found = link_to_chapter(chapter, from_page, f"Ch. {chapter['number']}", hover=False)
    else:
        found = ""
    if not entry["in_article"]:
        found = " ".join(x for x in ["Context:", source_links(entry.get("sources")), found] if x)
    return found


def render_timeline(events, chapters_by_id, profiles_by_id, from_page: str) -> str:
    """Each event links the people and bodies it names, plus any listed under `people:`."""
    profiles = list(profiles_by_id.values())
    rows = []
    for e in sorted(events, key=lambda e: str(e["date"])):
        named = find_mentions(e["event"], profiles) | set(e.get("people", []))
        involved = [p for p in profiles if p["id"] in named]
        people = ", ".join(link_to_entry(collection_of(p), p, from_page, hover=False) for p in involved)
        event = cell(e["event"]) + (f" ({people})" if people else "")
        rows.append([display_date(e["date"]), event, "Article" if e["in_article"] else "Context",
                     origin(e, chapters_by_id, from_page)])
    return table(["Date", "Event", "From", "Where / source"], rows)


def collection_of(profile: dict) -> str:
    return "people" if profile["kind"] == "person" else "bodies"


MONTHS = "January February March April May June July August September October November December".split()


def display_date(value) -> str:
    """'2000-07-02' -> '2 July 2000', '2001-02' -> 'February 2001', '1982' -> '1982'."""
    parts = str(value).split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def render_figures(figures, chapters_by_id, from_page: str) -> str:
    rows = [[f"**{cell(f['value'])}**", cell(f["measures"]), cell(f["year"]), cell(f["why"]),
             origin(f, chapters_by_id, from_page)] for f in figures]
    return table(["Figure", "What it measures", "Year", "Why it matters", "Where / source"], rows)


def render_predictions(predictions, chapters_by_id, from_page: str) -> str:
    """A compact scorecard table; each row links to the forecast's full entry."""
    rows = []
    for number, p in enumerate(predictions, start=1):
        chapter = chapters_by_id[p["chapter"]]
        rows.append([f"[{number}](#{p['id']})", cell(p["claim"]), f"**{VERDICT_LABELS[p['verdict']]}**",
                     link_to_chapter(chapter, from_page, f"Ch. {chapter['number']}", hover=False)])
    return table(["#", "Forecast or hope", "Verdict", "Chapter"], rows)


def render_prediction_details(predictions, chapters_by_id, from_page: str) -> str:
    parts = []
    for number, p in enumerate(predictions, start=1):
        chapter = chapters_by_id[p["chapter"]]
        parts += [
            f"### Forecast {number}: {VERDICT_LABELS[p['verdict']].lower()} {{ #{p['id']} }}",
            f"**The forecast.** {safe(p['claim'])} *({safe(p['by'])}; "
            f"{link_to_chapter(chapter, from_page, 'chapter ' + str(chapter['number']))})*",
            f"**What happened.** {safe(p['outcome'])}",
            f"**Sources:** {source_links(p['sources'])}",
        ]
    return "\n\n".join(parts)


def render_verdict_counts(predictions) -> str:
    counts = {v: sum(p["verdict"] == v for p in predictions) for v in VERDICT_LABELS}
    return table(["Verdict", "Forecasts"], [[label, str(counts[v])] for v, label in VERDICT_LABELS.items()])


def render_places(places, appearances, chapters, from_page: str) -> str:
    rows = []
    for place in places:
        found = [c for c in chapters if c["id"] in appearances[place["id"]]]
        links = ", ".join(link_to_chapter(c, from_page, str(c["number"]), hover=False) for c in found) or "—"
        rows.append([f'<span id="{place["id"]}"></span>**{cell(place["name"])}**', cell(place["kind"]),
                     cell(place["in_the_article"]), links])
    return table(["Place", "Kind", "What the article says", "Chapters"], rows)
