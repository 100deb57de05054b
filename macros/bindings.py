"""The macros pages call: each finds the current page, then calls a pure renderer."""
from __future__ import annotations

import datetime
import functools
import json
from pathlib import Path

from jinja2 import pass_context

from . import (
    argument,
    argument_diagram,
    chapter_page,
    charts,
    citations,
    corrections,
    downloads,
    facts,
    flashcards,
    glossary,
    lms_exports,
    place_map,
    print_views,
    printables,
    profiles,
    progress,
    relations,
    serve_state,
    standards,
    study,
    tables,
    theme_marks,
    timeline_chart,
    worksheets,
)
from .basemap import BASEMAP_FILE, load_basemap
from .chapters_source import ChapterSource, find_mentions, section_items
from .errors import GuideError
from .figure_cache import KnownByDigest, cached_figure, cached_named, values_ahead
from .hover_marks import hover_token, mark
from .incremental import digest
from .links import (
    PAGES,
    PROFILE_FOLDERS,
    built_href,
    chapter_path,
    entry_target,
    hover_texts,
    link_to_chapter,
    link_to_entry,
    relative,
    unknown,
)
from .loader import Guide
from .model import WHOLE_ESSAY, display_label
from .serve_state import RecordingDict, memo, memo_by_reads, record
from .text import hover

MENTIONABLE = ("people", "bodies", "glossary", "places")
MATRIX_LABELS = {"people": "Person", "bodies": "Party, body or agreement", "glossary": "Term", "places": "Place"}


def compute_appearances(guide: Guide, sources: dict[str, ChapterSource]) -> dict[str, dict[str, set[str]]]:
    """collection -> entry id -> ids of the chapters whose pages name it."""
    return {
        name: {e["id"]: {cid for cid, s in sources.items() if e["id"] in s.mentions[name]} for e in guide[name]}
        for name in MENTIONABLE
    }


def entry_fingerprints(name: str, entries: list[dict]) -> dict[str, str]:
    """Each entry's token ("entry:glossary:nafta") and its label's ("label:glossary:nafta")."""
    found = {f"entry:{name}:{e['id']}": digest(json.dumps(e, sort_keys=True, default=str)) for e in entries if "id" in e}
    return found | {f"label:{name}:{e['id']}": digest(display_label(e)) for e in entries if "id" in e}


class GuideMacros:
    """Binds the guide's data to the macros environment."""

    def __init__(self, env, guide: Guide, sources: dict[str, ChapterSource]):
        self.env = env
        self.guide = guide
        # Read through the properties below, which record what a page read (macros/incremental.py).
        self._sources = RecordingDict(sources, lambda cid: (f"chapter:{cid}",))
        self._appearances = compute_appearances(guide, sources)
        self._chapters = sorted(guide["chapters"], key=lambda c: c["number"])
        self._minutes = {cid: s.reading_minutes for cid, s in sources.items()}

    @property
    def sources(self) -> dict[str, ChapterSource]:
        return self._sources

    @property
    def appearances(self) -> dict[str, dict[str, set[str]]]:
        record("mentions")
        return self._appearances

    @property
    def chapters(self) -> list[dict]:
        record("data:chapters")
        return self._chapters

    @property
    def minutes(self) -> dict[str, int]:
        record("minutes")
        return self._minutes

    def fingerprints(self) -> dict[str, str]:
        """token -> hash of what it stands for, for every token a page can record."""
        found = {f"data:{name}": digest(text or "") for name, text in self.guide.texts.items()}
        for name, text in self.guide.texts.items():
            entries = self.guide.entries(name) if dict.__contains__(self.guide.collections, name) else []
            found |= memo((f"entries:{name}", text), functools.partial(entry_fingerprints, name, entries))
            found[f"count:{name}"] = str(len(entries))
        found |= {f"chapter:{cid}": digest(s.markdown + repr(sorted((n, sorted(ids)) for n, ids in s.mentions.items())))
                  for cid, s in dict.items(self._sources)}
        found["glossary-names"] = digest(repr(sorted(self.env.variables.get("abbreviations") or {})))
        texts = self.hover_texts
        found |= {hover_token(name, e["id"]): digest(texts[mark(name, e["id"])])
                  for name in dict.keys(self.guide.collections) for e in self.guide.entries(name)
                  if "id" in e and mark(name, e["id"]) in texts}
        found |= {f"inbrief:{cid}": digest(repr(section_items(s.markdown, "In brief")))
                  for cid, s in dict.items(self._sources)}
        found["chapter-list"] = digest(repr(list(dict.keys(self._sources))))
        found["mentions"] = digest(repr(sorted((name, sorted((i, sorted(c)) for i, c in ids.items()))
                                               for name, ids in self._appearances.items())))
        found["minutes"] = digest(repr(sorted(self._minutes.items())))
        found["file:basemap"] = digest((Path(self.env.project_dir) / "data" / BASEMAP_FILE).read_bytes())
        return found

    # -- where are we -------------------------------------------------------
    @property
    def page(self) -> str:
        return self.env.page.file.src_uri

    def current_chapter(self, context=None) -> dict:
        chapter_id = context.get("current_chapter") if context else None
        if chapter_id:
            return self.guide.by_id["chapters"][chapter_id]
        chapter = self.chapter_of_page()
        if chapter:
            return chapter
        raise GuideError(f"docs/{self.page}: chapter_header()/chapter_footer() belong on chapter pages only.")

    def chapter_of_page(self) -> dict | None:
        return next((c for c in self.chapters if chapter_path(c) == self.page), None)

    def lookup(self, collection: str, entry_id: str) -> dict:
        entry = self.guide.by_id[collection].get(entry_id)
        if entry is None:
            raise unknown(collection, entry_id, self.guide.by_id[collection], self.page)
        return entry

    # -- link macros --------------------------------------------------------
    def who(self, entry_id: str, text: str | None = None) -> str:
        found = self.guide.profile(entry_id)
        if found is None:
            known = {**self.guide.by_id["people"], **self.guide.by_id["bodies"]}
            raise unknown("people", entry_id, known, self.page)
        collection, entry = found
        return link_to_entry(collection, entry, self.page, text)

    def term(self, entry_id: str, text: str | None = None) -> str:
        return link_to_entry("glossary", self.lookup("glossary", entry_id), self.page, text)

    def theme(self, entry_id: str, text: str | None = None) -> str:
        return link_to_entry("themes", self.lookup("themes", entry_id), self.page, text)

    def place(self, entry_id: str, text: str | None = None) -> str:
        return link_to_entry("places", self.lookup("places", entry_id), self.page, text)

    def chapter(self, entry_id, text: str | None = None) -> str:
        if isinstance(entry_id, int):
            matches = [c for c in self.chapters if c["number"] == entry_id]
            chapter = matches[0] if matches else None
            if chapter is None:
                raise GuideError(f"docs/{self.page}: there is no chapter {entry_id}; chapters run 1 to {len(self.chapters)}.")
        else:
            chapter = self.lookup("chapters", entry_id)
        return link_to_chapter(chapter, self.page, text)

    # -- chapter pages ------------------------------------------------------
    @pass_context
    def chapter_header(self, context) -> str:
        chapter = self.current_chapter(context)
        return chapter_page.render_header(chapter, self.minutes[chapter["id"]], len(self.chapters),
                                          self.guide.by_id["themes"], self.page,
                                          quiz_size=self.quiz_size(chapter, context))

    @pass_context
    def chapter_footer(self, context) -> str:
        chapter = self.current_chapter(context)
        mine = {name: [e for e in self.guide[name] if e["chapter"] == chapter["id"]]
                for name in ("predictions", "questions", "quizzes")}
        quiz = None if context.get("in_print_edition") else study.render_quiz(chapter["id"], mine["quizzes"])
        return self.chapter_charts(chapter, context) + chapter_page.render_footer(
            chapter_page.render_mentions(self.sources[chapter["id"]].mentions, self.mentioned(chapter), self.page)
            + self.chapter_locator(chapter),
            chapter_page.render_forecasts(mine["predictions"], self.page),
            quiz, study.render_questions(mine["questions"]),
            "" if quiz is None else chapter_page.render_handout_link(chapter, self.page),
            relations_md=self.chapter_relations(chapter),
            practice_md="" if quiz is None else progress.render_chapter_practice(chapter, self.page))

    def mentioned(self, chapter: dict) -> dict[str, list[dict]]:
        """The entries the chapter names, per collection in data order, as their id and label only.
        Recorded label by label ("label:glossary:nafta"): an edit to a term's definition leaves the
        list of names alone."""
        found = {}
        for name, ids in self.sources[chapter["id"]].mentions.items():
            record(*(f"label:{name}:{i}" for i in ids))
            found[name] = [{"id": e["id"], "name": display_label(e)} for e in self.guide.entries(name) if e["id"] in ids]
        return found

    def quiz_size(self, chapter: dict, context) -> int:
        """Items in the chapter's quiz as the page shows it (none in the print edition)."""
        if context.get("in_print_edition"):
            return 0
        return sum(item["chapter"] == chapter["id"] for item in self.guide["quizzes"])

    # -- generated views ----------------------------------------------------
    def chapter_overview(self) -> str:
        return tables.render_overview(self.chapters, self.guide.by_id["themes"], self.minutes, self.page)

    def appearance_matrix(self, collection: str) -> str:
        return tables.render_matrix(self.guide[collection], collection, self.appearances[collection],
                                    self.chapters, self.page, MATRIX_LABELS[collection])

    def argument_map(self) -> str:
        return argument.render_argument_map(self.chapters, self.page)

    def theme_tracker(self) -> str:
        """The key to the theme marks, then the grid of themes x chapters."""
        return (theme_marks.legend(self.guide["themes"], self.page) + "\n\n"
                + tables.render_theme_tracker(self.guide["themes"], self.chapters, self.page))

    def theme_sections(self) -> str:
        return tables.render_theme_sections(self.guide["themes"], self.chapters, self.page)

    def profile_page(self, collection: str, entry_id: str) -> str:
        entry = self.lookup(collection, entry_id)
        mine = relations.for_entry(self.guide["relations"], entry_id)
        ties = relations.render_entry_ties(entry_id, mine, self.relation_ends(mine), self.page)
        return profiles.render_profile_page(collection, entry, self.appearances[collection][entry_id],
                                            self.chapters, self.page, ties)

    def glossary_list(self) -> str:
        return glossary.render_glossary(self.guide["glossary"], self.appearances["glossary"], self.chapters, self.page)

    def places_table(self) -> str:
        return tables.render_places(self.guide["places"], self.appearances["places"], self.chapters, self.page)

    def involved_in(self, events: list[dict]) -> list[list[dict]]:
        """For each event, the people and bodies its text names or its `people:` lists."""
        profiles = list(self.guide.by_id["profiles"].values())
        named = [find_mentions(e["event"], profiles) | set(e.get("people") or []) for e in events]
        return [[p for p in profiles if p["id"] in ids] for ids in named]

    def timeline(self) -> str:
        events = self.guide["timeline"]
        return facts.render_timeline(events, self.guide.by_id["chapters"], self.involved_in(events), self.page)

    def key_figures(self, in_article: bool = True) -> str:
        figures = [f for f in self.guide["figures"] if f["in_article"] == in_article]
        return facts.render_figures(figures, self.guide.by_id["chapters"], self.page)

    def predictions_table(self) -> str:
        return facts.render_predictions(self.guide["predictions"], self.guide.by_id["chapters"], self.page)

    def prediction_details(self) -> str:
        return facts.render_prediction_details(self.guide["predictions"], self.guide.by_id["chapters"], self.page)

    def verdict_counts(self) -> str:
        return facts.render_verdict_counts(self.guide["predictions"])

    def count(self, collection: str) -> int:
        """How many entries: recorded as read on its own ("count:glossary"), so an edit to an entry's
        text leaves a page that only counts them alone."""
        record(f"count:{collection}")
        return len(self.guide.entries(collection))

    def whos_who(self, collection: str) -> str:
        return profiles.render_whos_who(collection, self.guide[collection], self.appearances[collection],
                                        self.chapters, self.page)

    def places_of_kind(self, kind: str) -> str:
        """The places table for one kind (country, region, state, city), for a page split by kind."""
        places = [p for p in self.guide["places"] if p["kind"] == kind]
        return tables.render_places(places, self.appearances["places"], self.chapters, self.page)

    def timeline_period(self, since: str = "", until: str = "9999") -> str:
        """The timeline's events dated from `since` up to, not including, `until` ('1980', '2000-07')."""
        events = [e for e in self.guide["timeline"] if since <= str(e["date"]) < until]
        return facts.render_timeline(events, self.guide.by_id["chapters"], self.involved_in(events), self.page)

    # -- study tools --------------------------------------------------------
    def questions_by_chapter(self) -> str:
        return study.render_questions_by_chapter(self.chapters, self.guide["questions"], self.page)

    def render_chapter_text(self, chapter: dict) -> str:
        """A chapter page's Markdown with its macros run, for the print edition."""
        markdown = self.sources[chapter["id"]].markdown

        def render() -> str:
            template = self.env.env.from_string(markdown)
            return template.render(**self.env.variables, current_chapter=chapter["id"], in_print_edition=True)
        # under `mkdocs serve`: reused while the chapter and everything its macros read are unchanged
        marks = serve_state.pending.fingerprints if serve_state.pending is not None else None
        return memo_by_reads(("print chapter", self.page, chapter["id"], markdown), render, marks,
                             slot=("print chapter", self.page, chapter["id"]))

    def print_edition(self) -> str:
        return "\n\n".join(print_views.render_print_chapter(self.render_chapter_text(c), c["number"]) for c in self.chapters)

    def handouts(self) -> str:
        parts = []
        for chapter in self.chapters:
            points = "\n".join(f"- {p}" for p in self.in_brief(chapter["id"]))
            key_points = self.env.env.from_string(points).render(**self.env.variables)
            # curated key terms need no text: an edit elsewhere in the chapter leaves the handout alone
            text = "" if chapter.get("key_terms") else self.sources[chapter["id"]].markdown
            terms = print_views.choose_key_terms(chapter, self.guide["glossary"], text)
            questions = [q for q in self.guide["questions"] if q["chapter"] == chapter["id"]]
            parts.append(print_views.render_handout(chapter, key_points, terms, questions))
        return "\n\n".join(parts)

    def download_list(self) -> str:
        return downloads.render_download_list(self.page)

    def article_citations(self) -> str:
        return citations.render_citations(citations.article_citations(self.env.conf["extra"]["article"]))

    def guide_citations(self) -> str:
        guide = self.env.conf["extra"]["guide"]
        today = datetime.date.today()
        accessed = f"{today.day} {today.strftime('%B %Y')}"
        return citations.render_citations(citations.guide_citations(guide, str(today.year), accessed))

    def corrections_log(self) -> str:
        return corrections.render_corrections(self.guide["corrections"], self.page_titles(), self.page)

    def page_titles(self) -> dict[str, str]:
        """docs path -> the title the navigation gives it (chapters: their data title)."""
        titles = {chapter_path(c): f"Chapter {c['number']}: {c['title']}" for c in self.chapters}
        def walk(items):
            for item in items or []:
                if isinstance(item, dict):
                    for title, value in item.items():
                        if isinstance(value, str):
                            titles.setdefault(value, title)
                        else:
                            walk(value)
        walk(self.env.conf["nav"])
        return titles

    def essay_quiz(self) -> str:
        return study.render_essay_quiz(self.chapters, self.guide["quizzes"])

    # -- printables ---------------------------------------------------------
    def printed_quizzes(self) -> str:
        return printables.render_by_chapter(printables.render_printed_quiz, self.chapters, self.guide["quizzes"])

    def quiz_answer_key(self) -> str:
        return printables.render_by_chapter(printables.render_answer_key, self.chapters, self.guide["quizzes"])

    def role_briefs(self) -> str:
        profiles = {pid: found for pid in {r.get("profile") for r in self.guide["roles"]}
                    if pid and (found := self.guide.profile(pid))}
        return printables.render_role_briefs(self.guide["roles"], profiles, self.guide.by_id["glossary"], self.page)

    def role_cards(self) -> str:
        return printables.render_role_cards(self.guide["roles"], self.guide.by_id["profiles"],
                                            self.guide.by_id["glossary"])

    def name_tents(self) -> str:
        return printables.render_name_tents(self.guide["roles"])

    def timeline_event(self, pick: str) -> dict:
        """'1994-01-01' or '1982 debt crisis': the one event with that date (and those words)."""
        date, _, words = pick.partition(" ")
        found = [e for e in self.guide["timeline"]
                 if e["date"] == date and words.lower() in " ".join(e["event"].split()).lower()]
        if len(found) != 1:
            raise GuideError(f"docs/{self.page}: relay_cards(): '{pick}' matches {len(found)} events in "
                             "data/timeline.yml; give a date and, if several share it, words from one event.")
        return found[0]

    def relay_cards(self, picks: list[str], title: str, deck_id: str) -> str:
        events = [self.timeline_event(p) for p in picks]
        return printables.render_relay_deck(deck_id, title, events, self.guide.by_id["chapters"], self.page)

    def relay_cards_by_chapter(self) -> str:
        return printables.render_relay_by_chapter(self.chapters, self.guide["timeline"], self.page)

    def evidence_sheets(self) -> str:
        return printables.render_evidence_sheets(self.chapters, self.guide["figures"])

    def debate_claims(self) -> str:
        return printables.render_debate_claims(self.chapters, self.page)

    def chapter_prompts(self, chapter_id: str) -> str:
        if chapter_id != WHOLE_ESSAY:
            self.lookup("chapters", chapter_id)
        return printables.render_prompts([q for q in self.guide["questions"] if q["chapter"] == chapter_id])

    def score_sheet(self, title: str, criteria: list[str], columns: list[str], top: int, copies: list[str],
                    notes: tuple[str, ...] = ("Decision:", "Reasons:")) -> str:
        return printables.render_score_sheet(title, criteria, columns, top, copies, tuple(notes))

    def blank_table(self, header: list[str], rows: int) -> str:
        return printables.render_blank_table(header, rows)

    def audit_worksheet(self) -> str:
        return printables.render_audit_worksheet(self.guide["predictions"], self.guide.by_id["chapters"], self.page)

    # -- figures: the visual timeline and the argument diagram (issue 10) ------
    TIMELINE_BREAKS = ("1980", "2000", "2002")  # the Timeline page's sections: each period gets its own scale

    def timeline_chart(self) -> str:
        events = self.guide["timeline"]
        marks = timeline_chart.marks_for(events, facts.timeline_anchors(events), self.guide.by_id["chapters"],
                                         self.page)
        return cached_figure(timeline_chart.render_timeline_chart, marks, timeline_chart.eras_for(self.guide["eras"]),
                             list(self.TIMELINE_BREAKS))

    def timeline_eras(self) -> str:
        return timeline_chart.render_era_table(self.guide["eras"], self.guide.by_id["chapters"], self.page)

    def argument_diagram(self) -> str:
        return cached_figure(argument_diagram.render_argument_diagram,
                             argument_diagram.nodes_for(self.chapters, self.page))

    # -- theme marks and charts ------------------------------------------------
    def key_charts(self) -> str:
        """Every chart of data/charts.yml, for the Key figures page."""
        return charts.render_charts(self.guide["charts"], self.guide.by_id["figures"], self.guide.by_id["chapters"],
                                    self.page)

    def chapter_charts(self, chapter: dict, context=None) -> str:
        """The charts whose figures come from this chapter, as a section opening the chapter footer."""
        figures = self.guide.by_id["figures"]
        mine = [c for c in self.guide["charts"] if chapter["id"] in charts.chapters_of(c, figures)]
        if not mine:
            return ""
        prefix = f"ch{chapter['number']}-"
        return ("## This chapter's numbers in charts\n\n"
                "Each chart sets a number from this chapter beside the same measure later; its table gives the "
                f"numbers as written and their sources. All the numbers are on the {self.figures_link()}.\n\n"
                + charts.render_charts(mine, figures, self.guide.by_id["chapters"], self.page, id_prefix=prefix)
                + "\n\n")

    def figures_link(self) -> str:
        return f"[Key figures page]({relative(self.page, PAGES['figures'])})"

    def mark_sections(self, markdown: str) -> str:
        """On a chapter page, theme markers after each summary heading (from `sections:` in data)."""
        chapter = self.chapter_of_page()
        if not chapter:
            return markdown
        return theme_marks.add_section_marks(markdown, chapter.get("sections"), self.guide.by_id["themes"])

    # -- map of places (issue 10) ------------------------------------------
    @property
    def basemap(self) -> KnownByDigest:
        record("file:basemap")
        if not hasattr(self, "_basemap"):
            path = Path(self.env.project_dir) / "data" / BASEMAP_FILE
            self._basemap = KnownByDigest(load_basemap(path), digest(path.read_bytes()))
        return self._basemap

    def map_places(self, ids: set[str] | None = None) -> list[dict]:
        """The places (all, or those in ids) as the map draws them, linked from this page."""
        return [{"id": p["id"], "name": p["name"], "kind": p["kind"], "latitude": p["latitude"],
                 "longitude": p["longitude"], "href": built_href(self.page, entry_target("places", p["id"]))}
                for p in self.guide["places"] if ids is None or p["id"] in ids]

    def place_map(self, text_version_id: str = "place-list") -> str:
        return cached_figure(place_map.render_place_map, self.map_places(), self.basemap, text_version_id)

    def chapter_locator(self, chapter: dict) -> str:
        """After the chapter's list of names: a map of the places it names and its text version."""
        named = self.sources[chapter["id"]].mentions["places"]  # as appearances has them, for this chapter only
        mine = sorted(self.map_places(named), key=lambda p: p["name"].casefold())
        if not mine:
            return ""
        figure = cached_figure(place_map.render_locator, mine, self.basemap, chapter["id"], chapter["number"])
        return figure + place_map.render_locator_list(mine, chapter["id"])

    # -- relationship map (issue 10.3) ---------------------------------------
    def relation_ends(self, ties: list[dict] | None = None) -> dict[str, tuple[str, dict]]:
        """id -> ('people' | 'bodies', entry) for each person and body at an end of the ties
        (default: everyone). A page reads only those: under serve, an edit to anyone else's entry
        leaves it alone."""
        ids = self.guide.by_id["profiles"] if ties is None else sorted({t[end] for t in ties for end in ("from", "to")})
        return {entry_id: found for entry_id in ids if (found := self.guide.profile(entry_id))}

    def relationship_map(self) -> str:
        return relations.render_full_map(self.guide["relations"], self.relation_ends(), self.guide.by_id["chapters"],
                                         self.page)

    def draw_ahead(self) -> int:
        """Start the relationship maps' layouts on another CPU while this one makes the downloads and
        the first pages (figure_cache.values_ahead); returns how many were started."""
        graphs = relations.map_graphs(self.guide["relations"], self.relation_ends(), [c["id"] for c in self.chapters])
        return values_ahead(relations.layout, graphs)

    def chapter_relations(self, chapter: dict) -> str:
        mine = relations.for_chapter(self.guide["relations"], chapter["id"])
        return relations.render_chapter_section(chapter, mine, self.relation_ends(mine), self.page)
    # -- issue 12: quiz exports, worksheets, standards ----------------------
    def quiz_exports(self) -> str:
        return lms_exports.render_export_table(self.chapters, self.guide["quizzes"], self.page)

    def kahoot_note(self) -> str:
        return lms_exports.render_kahoot_note(self.guide["quizzes"])

    def question_worksheets(self) -> str:
        return worksheets.render_student_sheets(self.chapters, self.guide["questions"])

    def question_answer_key(self) -> str:
        return worksheets.render_keys(self.chapters, self.guide["questions"])

    def standards_table(self) -> str:
        return standards.render_standards_table(self.guide["standards"], self.chapters, self.guide["questions"],
                                                self.guide["activities"], self.page)

    def standards_list(self) -> str:
        return standards.render_standards_list(self.guide["standards"], True, self.guide["questions"],
                                               self.guide["activities"])

    # -- flashcards and progress (issue 11) -----------------------------------
    def key_points(self) -> dict[str, list[str]]:
        """chapter id -> its In brief bullets with their macros rendered (Markdown)."""
        render = self.env.env.from_string
        return {cid: [render(p).render(**self.env.variables) for p in self.in_brief(cid)] for cid in self.chapter_ids()}

    def chapter_ids(self) -> list[str]:
        record("chapter-list")
        return list(dict.keys(self._sources))

    def in_brief(self, chapter_id: str) -> list[str]:
        """The chapter's In brief bullets as written, recorded as read on their own ("inbrief:<id>")."""
        record(f"inbrief:{chapter_id}")
        return section_items(dict.__getitem__(self._sources, chapter_id).markdown, "In brief")

    def flashcard_cards(self) -> list[dict]:
        return flashcards.build_cards(self.guide.collections, self.key_points())

    def flashcard_decks(self) -> str:
        cards = self.flashcard_cards()
        return flashcards.render_flashcards(cards, flashcards.build_decks(cards, self.chapters))

    def progress_page(self) -> str:
        sizes = {c["id"]: sum(q["chapter"] == c["id"] for q in self.guide["quizzes"]) for c in self.chapters}
        return progress.render_progress(self.chapters, sizes, len(self.guide["quizzes"]), len(self.flashcard_cards()),
                                        self.page, flashcards.NEW_PER_DAY)

    # -- registration -------------------------------------------------------
    MACROS = ("who", "term", "theme", "place", "chapter", "chapter_header", "chapter_footer",
              "chapter_overview", "argument_map", "appearance_matrix", "theme_tracker", "theme_sections", "profile_page",
              "glossary_list", "places_table", "timeline", "key_figures", "predictions_table",
              "prediction_details", "verdict_counts", "count", "questions_by_chapter", "print_edition", "handouts",
              "download_list", "article_citations", "guide_citations", "corrections_log",
              "essay_quiz", "whos_who", "places_of_kind", "timeline_period",
              "printed_quizzes", "quiz_answer_key", "role_briefs", "role_cards", "name_tents", "relay_cards",
              "relay_cards_by_chapter", "evidence_sheets", "debate_claims", "chapter_prompts", "score_sheet",
              "blank_table", "audit_worksheet", "timeline_chart", "timeline_eras", "argument_diagram",
              "key_charts", "place_map", "relationship_map",
              "quiz_exports", "kahoot_note", "question_worksheets", "question_answer_key", "standards_table",
              "standards_list", "flashcard_decks", "progress_page")

    def register(self) -> None:
        for name in self.MACROS:
            self.env.macro(getattr(self, name), name)

    def download_files(self) -> dict[str, str | bytes]:
        """Computed again only when their data (or, for the lists, the mentions) changed."""
        marks = self.fingerprints()
        data = tuple(sorted((t, h) for t, h in marks.items() if t.startswith("data:")))
        inputs = (data, marks["mentions"])  # kept in memory while serving, and on the disk between builds
        files: dict[str, str | bytes] = dict(memo(("downloads", *inputs), lambda: cached_named(
            "downloads", inputs, self.data_downloads)))
        quizzes = (marks["data:chapters"], marks["data:quizzes"])
        files.update(memo(("quiz exports", quizzes), lambda: cached_named(  # issue 12
            "quiz exports", quizzes, lambda: lms_exports.export_files(self.chapters, self.guide["quizzes"]))))
        return files

    def profile_pages(self) -> dict[str, str]:
        """The people's and bodies' own pages, as generated Markdown files."""
        return profiles.profile_page_files(self.guide.collections)

    def data_downloads(self) -> dict[str, str | bytes]:
        flat = {f"{name}:{eid}": chapters for name, ids in self.appearances.items() for eid, chapters in ids.items()}
        return dict(downloads.download_files(self.guide.collections, flat))

    @functools.cached_property
    def hover_texts(self) -> dict[str, str]:
        """Hover mark -> text, for macros/hooks.py to fill in (read without recording: a page
        depends on the entries its macros looked up)."""
        return hover_texts({name: {e["id"]: e for e in self.guide.entries(name) if "id" in e}
                            for name in dict.keys(self.guide.collections)})

    def page_meta(self) -> dict[str, str]:
        """A chapter's or profile's page title and meta description from data, as attribute-safe text."""
        chapter = self.chapter_of_page()
        if chapter:
            return {"title": f"{chapter['number']}. {hover(chapter['title'])}", "description": hover(chapter["summary"])}
        profile = self.profile_of_page()
        return {"title": hover(profile["name"]), "description": hover(profile["short"])} if profile else {}

    def profile_of_page(self) -> dict | None:
        """The person or body whose own page this is (profiles.profile_page_files). Found from the
        page's path, so other pages read no profile (under serve, a read makes a page depend on it)."""
        for collection, folder in PROFILE_FOLDERS.items():
            entry_id = self.page.removeprefix(folder + "/").removesuffix(".md")
            if self.page == entry_target(collection, entry_id):
                return self.guide.by_id[collection].get(entry_id)
        return None
