"""Dated and numbered facts: the timeline, key figures and the predictions scorecard."""
from __future__ import annotations

from collections import Counter

from .links import link_to_chapter, link_to_entry, source_links
from .model import VERDICT_LABELS
from .text import card_table, cell, display_date, safe, table


def origin(entry, chapters_by_id, from_page: str) -> str:
    """'Ch. 3' link for article facts; 'Context:' and source links for outside facts."""
    chapter = chapters_by_id.get(entry.get("chapter"))
    found = link_to_chapter(chapter, from_page, f"Ch. {chapter['number']}", hover_text=False) if chapter else ""
    if not entry["in_article"]:
        found = " ".join(x for x in ["Context:", source_links(entry.get("sources")), found] if x)
    return found


def collection_of(profile: dict) -> str:
    return "people" if profile["kind"] == "person" else "bodies"


def timeline_anchors(events) -> list[str]:
    """An anchor per event (same order): 'event-2001-02-16', then '-2', '-3' for more on that date.
    Made from the date, so it survives edits to the event's text."""
    anchors, seen = [], Counter[str]()
    for e in events:
        date = str(e["date"])
        seen[date] += 1
        anchors.append(f"event-{date}" + (f"-{seen[date]}" if seen[date] > 1 else ""))
    return anchors


def render_timeline(events, chapters_by_id, involved, from_page: str) -> str:
    """involved: for each event (same order), the profiles it names, already computed."""
    rows = []
    anchors = timeline_anchors(events)
    order = sorted(range(len(events)), key=lambda i: str(events[i]["date"]))
    for i in order:
        e = events[i]
        people = ", ".join(link_to_entry(collection_of(p), p, from_page, hover_text=False) for p in involved[i])
        event = cell(e["event"]) + (f" ({people})" if people else "")
        rows.append([f'<span id="{anchors[i]}"></span>{display_date(e["date"])}', event,
                     "Article" if e["in_article"] else "Context", origin(e, chapters_by_id, from_page)])
    return card_table(["Date", "Event", "From", "Where / source"], rows)


def render_figures(figures, chapters_by_id, from_page: str) -> str:
    rows = [[f"**{cell(f['value'])}**", cell(f["measures"]), cell(f["year"]), cell(f["why"]),
             origin(f, chapters_by_id, from_page)] for f in figures]
    return card_table(["Figure", "What it measures", "Year", "Why it matters", "Where / source"], rows)


def render_predictions(predictions, chapters_by_id, from_page: str) -> str:
    """A compact scorecard table; each row links to the forecast's full entry."""
    rows = []
    for number, p in enumerate(predictions, start=1):
        chapter = chapters_by_id[p["chapter"]]
        rows.append([f"[{number}](#{p['id']})", cell(p["claim"]), f"**{VERDICT_LABELS[p['verdict']]}**",
                     link_to_chapter(chapter, from_page, f"Ch. {chapter['number']}", hover_text=False)])
    return card_table(["#", "Forecast or hope", "Verdict", "Chapter"], rows, title_columns=2)


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
