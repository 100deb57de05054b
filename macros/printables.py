"""Printable classroom materials: quizzes and their answer key, role cards and name tents,
relay event cards, evidence sheets, debate materials and score sheets. Dicts in, Markdown out."""
from __future__ import annotations

import hashlib

from .links import link_to_chapter, link_to_entry
from .model import OPTION_LETTERS, VERDICT_LABELS
from .text import cell, display_date, safe, table

NO_QUIZ_ITEMS = "_No quiz items yet: add some to data/quizzes.yml._"
NO_ROLES = "_No roles yet: add some to data/roles.yml._"
NO_EVENTS = "_No events yet: add some to data/timeline.yml._"
EVIDENCE_TYPES = ("A scene or anecdote", "A quotation from an official", "A statistic", "A historical analogy",
                  "An appeal to expert opinion", "A forecast")
EVIDENCE_COLUMNS = ["Type of evidence", "Example from this section (paragraph)",
                    "Does Leiken say where it comes from?", "Can a reader check it? How?", "How strong? (1-5)"]
TIME_RULE = ("**The time rule.** Use only what your character could know on February 16, 2001. "
             "Later events in the essay are for the debrief.")
ROLE_PREPARATION = (("Three goals", 3), ("Two facts from the essay you will use (give the section)", 2),
                    ("One red line: what you will not agree to", 1), ("One question you expect to be asked", 1))
AUDIT_STEPS = ("Where in the essay (section, paragraph)? A forecast, a hope or a question?",
               "Do the guide's sources support its verdict?", "Your added source:", "Your verdict, and why:")


# -- small building blocks --------------------------------------------------------------
def blank(width: int = 12) -> str:
    """A line to write on, as escaped underscores."""
    return "\\_" * width


def write_in(label: str = "") -> str:
    """A ruled line with an optional label (page text, never data)."""
    return f'<p class="write-in">{label}</p>'


def boxed(css_class: str, parts: list[str]) -> str:
    """Markdown blocks inside one <div>, which print CSS keeps together or starts on a new page."""
    return "\n\n".join([f'<div class="{css_class}" markdown>', *parts, "</div>"])


def chapter_heading(chapter: dict, anchor: str, suffix: str = "") -> str:
    return f"## Chapter {chapter['number']}: {safe(chapter['title'])}{suffix} {{ #{anchor}-{chapter['id']} }}"


def render_blank_table(header: list[str], rows: int) -> str:
    """A worksheet table: the header and empty rows to write in."""
    return boxed("worksheet", [table([cell(h) for h in header], [[" "] * len(header) for _ in range(rows)])])


# -- printed quizzes and the answer key -------------------------------------------------
def render_printed_item(number: int, item: dict) -> str:
    options = "\n".join(f"    - **{OPTION_LETTERS[i]}.** {safe(o['text'])}" for i, o in enumerate(item["options"]))
    return f"{number}. {safe(item['question'])}\n\n{options}"


def render_printed_quiz(chapter: dict, items: list[dict]) -> str:
    """One chapter's quiz for paper: questions and lettered options, no answers."""
    name_line = f"**Name:** {blank(20)} **Date:** {blank(10)} **Score:** {blank(3)} / {len(items)}"
    body = "\n\n".join(render_printed_item(n, item) for n, item in enumerate(items, start=1))
    return boxed("printed-quiz", [chapter_heading(chapter, "quiz"), name_line,
                                  "Circle the letter of the best answer.", body or NO_QUIZ_ITEMS])


def render_answer_key(chapter: dict, items: list[dict]) -> str:
    """One chapter's answers: the correct letter and option, and why it is right."""
    rows = []
    for number, item in enumerate(items, start=1):
        index = next(i for i, o in enumerate(item["options"]) if o["correct"])
        option = item["options"][index]
        rows.append([str(number), f"**{OPTION_LETTERS[index]}.** {cell(option['text'])}", cell(option["feedback"])])
    body = table(["Question", "Answer", "Why"], rows) if rows else NO_QUIZ_ITEMS
    return boxed("answer-key", [chapter_heading(chapter, "key", ": answers"), body])


def render_by_chapter(render, chapters: list[dict], items: list[dict]) -> str:
    """render(chapter, its items) for every chapter with items, in chapter order."""
    parts = [render(c, [i for i in items if i["chapter"] == c["id"]]) for c in chapters
             if any(i["chapter"] == c["id"] for i in items)]
    return "\n\n".join(parts) or NO_QUIZ_ITEMS


# -- the role-play ----------------------------------------------------------------------
def role_title(role: dict) -> str:
    return f"{safe(role['name'])}, {safe(role['position'])}"


def render_role_brief(role: dict, profile: tuple[str, dict] | None, terms: list[dict], from_page: str) -> str:
    """A role's brief for the teacher's guide: the name links to the profile, then key terms."""
    name = link_to_entry(profile[0], profile[1], from_page, role["name"]) if profile else safe(role["name"])
    lines = [f"**{name}, {safe(role['position'])}.**  \n{safe(role['brief'])}"]
    if terms:
        lines.append("*Key terms:* " + ", ".join(link_to_entry("glossary", t, from_page) for t in terms) + ".")
    return "\n\n".join(lines)


def render_role_briefs(roles: list[dict], profiles: dict[str, tuple[str, dict]], glossary: dict[str, dict],
                       from_page: str) -> str:
    """profiles: profile id -> (its collection, its entry), as links need the page it lives on."""
    briefs = [render_role_brief(r, profiles.get(r.get("profile") or ""), [glossary[t] for t in r.get("terms") or []],
                                from_page) for r in roles]
    return "\n\n".join(briefs) or NO_ROLES


def render_role_card(role: dict, profile: dict | None, terms: list[dict]) -> str:
    """One role on its own page: who you are, the brief, key terms and space to prepare."""
    parts = [f"## {role_title(role)} {{ #role-{role['id']} }}"]
    if profile:
        parts.append(f"**Your post in 2001:** {safe(profile['role_2001'])}")
    parts += [f"**Your brief.** {safe(role['brief'])}", TIME_RULE]
    if terms:
        parts += ["**Words to use**", "\n".join(f"- **{safe(t['term'])}**: {safe(t['short'])}" for t in terms)]
    for label, lines in ROLE_PREPARATION:
        parts += [f"**{label}**", "\n".join(write_in(f"{n}." if lines > 1 else "") for n in range(1, lines + 1))]
    return boxed("printable-card role-card", parts)


def render_role_cards(roles: list[dict], profiles: dict[str, dict], terms: dict[str, dict]) -> str:
    cards = [render_role_card(r, profiles.get(r.get("profile") or ""), [terms[t] for t in r.get("terms") or []])
             for r in roles]
    return "\n\n".join(cards) or NO_ROLES


def render_name_tents(roles: list[dict]) -> str:
    """A card per role to fold in half: the name reads from both sides of the table."""
    def side(role: dict, css: str) -> str:
        return f'<p class="{css}"><strong>{safe(role["name"])}</strong><br>{safe(role["position"])}</p>'
    tents = [boxed("name-tent", [side(r, "name-tent-back"), side(r, "name-tent-front")]) for r in roles]
    return "\n\n".join(tents) or NO_ROLES


# -- relay event cards ------------------------------------------------------------------
def shuffled(events: list[dict]) -> list[dict]:
    """A fixed order unrelated to the dates, the same on every build."""
    return sorted(events, key=lambda e: hashlib.sha256(" ".join(e["event"].split()).encode()).hexdigest())


def render_relay_card(number: int, event: dict) -> str:
    return boxed("relay-card", [f"**Card {number}**", safe(event["event"]),
                                write_in("Why it matters to Leiken:"), write_in()])


def render_relay_key(cards: list[dict], chapters_by_id: dict[str, dict], from_page: str) -> str:
    """Cards in the order of their dates (ties keep the timeline's order)."""
    numbers = {id(e): n for n, e in enumerate(cards, start=1)}
    rows = []
    for place, event in enumerate(sorted(cards, key=lambda e: str(e["date"])), start=1):
        chapter = chapters_by_id.get(event.get("chapter") or "")
        where = link_to_chapter(chapter, from_page, f"Chapter {chapter['number']}", False) if chapter else ""
        source = "the essay" if event["in_article"] else "outside the essay"
        rows.append([str(place), f"Card {numbers[id(event)]}", display_date(event["date"]), where, source])
    return table(["Order", "Card", "Date", "Discussed in", "From"], rows)


def render_relay_deck(deck_id: str, title: str, events: list[dict], chapters_by_id: dict[str, dict],
                      from_page: str) -> str:
    """A heading, the cards in shuffled order, then the teacher's key on its own page."""
    if not events:
        return NO_EVENTS
    cards = shuffled(events)
    return "\n\n".join([
        boxed("relay-set", [f"## {safe(title)} {{ #{deck_id} }}",
                            boxed("relay-deck", [render_relay_card(n, e) for n, e in enumerate(cards, start=1)])]),
        boxed("relay-key", [f"**Key: {safe(title)}.** Dates that share a year or month may go in either order.",
                            render_relay_key(cards, chapters_by_id, from_page)]),
    ])


def render_relay_by_chapter(chapters: list[dict], events: list[dict], from_page: str) -> str:
    """One deck per chapter of the events the essay itself mentions."""
    by_id = {c["id"]: c for c in chapters}
    decks = []
    for chapter in chapters:
        mine = [e for e in events if e["in_article"] and e.get("chapter") == chapter["id"]]
        if mine:
            title = f"Chapter {chapter['number']}: {chapter['title']}"
            decks.append(render_relay_deck(f"relay-{chapter['id']}", title, mine, by_id, from_page))
    return "\n\n".join(decks) or NO_EVENTS


# -- evidence, debate, score sheets and the predictions audit ---------------------------
def render_evidence_sheet(chapter: dict, figures: list[dict]) -> str:
    """One section's evidence table, with its claim and the numbers it cites."""
    parts = [chapter_heading(chapter, "evidence"), f"**Leiken's claim in this section:** {safe(chapter['argument'])}"]
    if figures:
        parts += ["**Numbers this section cites** (from the guide's key figures):",
                  "\n".join(f"- {safe(f['value'])}: {safe(f['measures'])} ({safe(f['year'])})" for f in figures)]
    parts.append(table([cell(h) for h in EVIDENCE_COLUMNS], [[t, " ", " ", " ", " "] for t in EVIDENCE_TYPES]))
    return boxed("worksheet evidence-sheet", parts)


def render_evidence_sheets(chapters: list[dict], figures: list[dict]) -> str:
    return "\n\n".join(render_evidence_sheet(c, [f for f in figures if f["in_article"] and f.get("chapter") == c["id"]])
                       for c in chapters)


def render_debate_claims(chapters: list[dict], from_page: str) -> str:
    """Each section's claim and the objection Leiken answers: an evidence bank for both teams."""
    rows = [[link_to_chapter(c, from_page, f"{c['number']}. {c['title']}", False), cell(c["argument"]),
             cell(c.get("objection") or "None stated.")] for c in chapters]
    return table(["Section", "Leiken's claim", "An objection he answers, and his answer"], rows)


def render_prompts(questions: list[dict]) -> str:
    return "\n".join(f"{n}. {safe(q['prompt'])}" for n, q in enumerate(questions, start=1)) or "_None yet._"


def render_score_sheet(title: str, criteria: list[str], columns: list[str], top: int, copies: list[str],
                       notes: tuple[str, ...] = ("Decision:", "Reasons:")) -> str:
    """One sheet per copy (one per judge, say): criteria by columns, scored 1 to top, with a total,
    then a ruled line for each note."""
    rows = [[cell(c), *[" "] * len(columns)] for c in criteria]
    rows.append([f"**Total** (out of {top * len(criteria)})", *[" "] * len(columns)])
    sheets = [boxed("worksheet score-sheet", [
        f"## {cell(title)}: {cell(copy)}",
        f"Score each criterion from 1 to {top}. **Scorer:** {blank(16)}",
        table(["Criterion", *[cell(c) for c in columns]], rows),
        *[write_in(safe(note)) for note in notes], write_in(),
    ]) for copy in copies]
    return "\n\n".join(sheets)


def render_audit_item(number: int, prediction: dict, chapter: dict | None, from_page: str) -> str:
    label = f"chapter {chapter['number']}" if chapter else ""
    where = f" ({link_to_chapter(chapter, from_page, label, False)})" if chapter else ""
    verdict = VERDICT_LABELS[prediction["verdict"]]
    return boxed("audit-item", [f"**{number}. {safe(prediction['claim'])}**{where} The guide's verdict: *{verdict}*.",
                                *[write_in(step) for step in AUDIT_STEPS]])


def render_audit_worksheet(predictions: list[dict], chapters_by_id: dict[str, dict], from_page: str) -> str:
    """The predictions audit: every forecast with the guide's verdict and space for the pair's own."""
    return "\n\n".join(render_audit_item(n, p, chapters_by_id.get(p["chapter"]), from_page)
                       for n, p in enumerate(predictions, start=1)) or "_No forecasts yet._"
