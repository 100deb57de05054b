"""Typed schemas for data/*.yml (Pydantic v2), and the labels every enumeration shows.

One home per fact: each enumeration is the key set of the dictionary that holds its
labels, so a kind can never lack a label. A field that names entries of another file
carries `refers_to`, which the loader checks after every file has loaded.
"""
from __future__ import annotations

import datetime
import difflib
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
URL_PATTERN = r"^https?://\S+$"
TOOLTIP_MAX_WORDS = 30
THEME_SHORT_MAX_WORDS = 20
CHAPTER_SUMMARY_MAX_WORDS = 40
KEY_TERMS_MAX = 10  # a chapter handout must fit one printed page
# Questions may belong to the whole essay rather than one chapter.
WHOLE_ESSAY = "whole"
OPTION_LETTERS = "ABCDE"

# -- labels: the enumerations are their keys ------------------------------------
PERSON_KIND_LABELS = {"person": "Person"}
BODY_KIND_LABELS = {
    "party": "Political party",
    "government-body": "Government body",
    "legislature-or-court": "Legislature or court",
    "armed-group": "Armed group",
    "international-body": "International body",
    "agreement-or-programme": "Agreement or programme",
    "movement": "Movement",
}
KIND_LABELS = {**PERSON_KIND_LABELS, **BODY_KIND_LABELS}
PLACE_KIND_LABELS = {"country": "Country", "region": "Region", "state": "State", "city": "City"}
VERDICT_LABELS = {
    "came-true": "Came true",
    "partly": "Partly",
    "did-not": "Did not happen",
    "too-early": "Too early to tell",
}
LEVEL_LABELS = {
    "recall": "Recall",
    "analysis": "Analysis",
    "evaluation": "Evaluation",
    "today": "Connect to today",
    "essay": "Essay or debate",
}
# Theme marks: every theme has a colour and a symbol of its own (see macros/theme_marks.py).
# Each palette colour keeps at least 3:1 contrast, as graphics need, on the light page (white)
# and on Material's dark "slate" page, so one value serves both schemes.
THEME_COLOURS = {
    "blue": "#2f7ac0", "orange": "#d0640a", "green": "#2e8b3e", "purple": "#8a5cc8", "crimson": "#d23a4e",
    "teal": "#0f8a8a", "brown": "#a8702a", "magenta": "#c0449a", "olive": "#7f8a12", "indigo": "#5b6ee0",
}
THEME_SYMBOL_LABELS = {
    "circle": "Circle", "square": "Square", "triangle": "Triangle", "triangle-down": "Triangle pointing down",
    "diamond": "Diamond", "pentagon": "Pentagon", "hexagon": "Hexagon", "star": "Star", "cross": "Cross",
}
# Charts of the essay's numbers (data/charts.yml).
CHART_KIND_LABELS = {
    "bar": "Bars from zero, for amounts",
    "rank": "Dots on a rank scale, 1 at the top, for positions in a ranking",
}
# A chart's unit: its label, and a word every plotted figure's value must contain (same units in a series).
CHART_UNIT_LABELS = {
    "usd-billion": "US$ billion", "million-people": "million people", "megawatts": "megawatts", "rank": "rank",
}
CHART_UNIT_WORDS = {"usd-billion": "billion", "million-people": "million", "megawatts": "megawatt", "rank": ""}
CHART_LABEL_MAX_CHARS = 12


def one_of(labels: dict[str, str]) -> Any:
    """Literal['a', 'b', ...] over a label dictionary's keys."""
    return Literal[tuple(labels)]


# -- field types ---------------------------------------------------------------------
def not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("expected text, got an empty value")
    return value


def at_most_words(limit: int):
    def check(value: str) -> str:
        count = len(value.split())
        if count > limit:
            raise ValueError(f"{count} words; keep it to at most {limit}")
        return value
    return AfterValidator(check)


def date_as_text(value: Any) -> Any:
    """YAML reads 2001-02-16 as a date and 2001 as a number: treat both as text."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def refers_to(collection: str, **kwargs: Any) -> Any:
    """A field whose values are ids in another collection (checked by the loader)."""
    return Field(json_schema_extra={"refers_to": collection}, **kwargs)


Text = Annotated[str, AfterValidator(not_blank)]
Short = Annotated[str, AfterValidator(not_blank), at_most_words(TOOLTIP_MAX_WORDS)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
DateText = Annotated[str, BeforeValidator(date_as_text), StringConstraints(pattern=DATE_PATTERN)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
Names = list[Text]


def coordinate(name: str, limit: float, ends: str):
    """A latitude or longitude in decimal degrees, within [-limit, limit]."""
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"expected a number of degrees, e.g. {name}: {'19.43' if limit == 90 else '-99.13'}; "
                             f"got {value!r}")
        if not -limit <= value <= limit:
            raise ValueError(f"{value} is out of range; {name} runs from -{limit:g} to {limit:g} ({ends}); "
                             "check the sign and that latitude and longitude are not swapped")
        return float(value)
    return BeforeValidator(check)


COORDINATES = ("latitude", "longitude")
PLACE_POINTS = ("a city at its centre, a country at its capital, a state or region near its middle; "
                "see CONTRIBUTING.md")
Latitude = Annotated[float, coordinate("latitude", 90, "south to north")]
Longitude = Annotated[float, coordinate("longitude", 180, "west to east")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)  # schemas built when first used


class Source(Strict):
    title: Text
    url: Url


EVIDENCE_ITEMS = (2, 3)
EVIDENCE_MAX_WORDS = 20
EvidenceItem = Annotated[str, AfterValidator(not_blank), at_most_words(EVIDENCE_MAX_WORDS)]


def two_or_three(items: list[str]) -> list[str]:
    low, high = EVIDENCE_ITEMS
    if not low <= len(items) <= high:
        raise ValueError(f"{len(items)} items; give {low} or {high} short pieces of evidence")
    return items


class Chapter(Strict):
    id: Id
    number: int
    title: Text
    summary: Annotated[Text, at_most_words(CHAPTER_SUMMARY_MAX_WORDS)]
    paragraphs: int
    argument: Text
    objection: Text | None = None
    themes: dict[str, Text] = refers_to("themes", min_length=1)
    # Glossary ids, most important first: the key terms of the chapter's handout.
    key_terms: Annotated[list[Text], Field(min_length=1, max_length=KEY_TERMS_MAX)] | None = refers_to(
        "glossary", default=None)
    # 2 or 3 short items, our own words: the evidence drawn under this chapter's claim in the argument diagram.
    evidence: Annotated[list[EvidenceItem], AfterValidator(two_or_three)] | None = None
    # The `### ...` subsections under `## Summary` on the chapter page, each with the themes it carries.
    sections: list[SummarySection] | None = None


class Theme(Strict):
    id: Id
    name: Text
    short: Annotated[Text, at_most_words(THEME_SHORT_MAX_WORDS)]  # one sentence: the hover text of links
    description: Text
    colour: ThemeColour
    symbol: one_of(THEME_SYMBOL_LABELS)  # type: ignore[valid-type]

    @model_validator(mode="before")
    @classmethod
    def colour_and_symbol_given(cls, data: Any) -> Any:
        """A theme without its colour or symbol gets a message that says what to write."""
        if isinstance(data, dict):
            if data.get("colour") is None:
                raise ValueError(f"field 'colour': missing; give a palette name ({', '.join(THEME_COLOURS)}) "
                                 "or a hex colour such as '#2f7ac0' that no other theme uses")
            if data.get("symbol") is None:
                raise ValueError(f"field 'symbol': missing; choose one of {', '.join(THEME_SYMBOL_LABELS)} "
                                 "that no other theme uses")
        return data


class Profile(Strict):
    id: Id
    name: Text
    aliases: Names | None = None
    short: Short
    role_2001: Text
    in_the_article: Text
    stance: Text | None = None
    after_2001: Text | None = None
    sources: list[Source] | None = None


class Person(Profile):
    kind: one_of(PERSON_KIND_LABELS)  # type: ignore[valid-type]


class Body(Profile):
    kind: one_of(BODY_KIND_LABELS)  # type: ignore[valid-type]


class Place(Strict):
    id: Id
    name: Text
    aliases: Names | None = None
    kind: one_of(PLACE_KIND_LABELS)  # type: ignore[valid-type]
    in_the_article: Text
    # Where the map of places marks it, in decimal degrees (north and east positive); see PLACE_POINTS.
    latitude: Latitude
    longitude: Longitude

    @model_validator(mode="before")
    @classmethod
    def has_coordinates(cls, data: Any) -> Any:
        """A place the map cannot draw stops the build, with the fix."""
        if isinstance(data, dict):
            for name in COORDINATES:
                if data.get(name) is None:
                    raise ValueError(f"field '{name}': missing; every place needs coordinates for the map, "
                                     f"in decimal degrees, north and east positive, e.g. latitude: 19.43, "
                                     f"longitude: -99.13 ({PLACE_POINTS})")
        return data


class Term(Strict):
    id: Id
    term: Text
    aliases: Names | None = None
    short: Short
    explanation: Text
    see_also: list[Text] | None = refers_to("glossary", default=None)
    sources: list[Source] | None = None


class ContextFact(Strict):
    """A fact from the article names its chapter; one from outside carries a source."""

    in_article: bool
    chapter: Text | None = refers_to("chapters", default=None)
    sources: list[Source] | None = None

    @model_validator(mode="after")
    def article_or_source(self) -> ContextFact:
        if self.in_article and not self.chapter:
            raise ValueError("field 'chapter': missing; a fact from the article names the chapter it comes from")
        if not self.in_article and not self.sources:
            raise ValueError("field 'sources': missing; a context fact from outside the article needs a source")
        return self


class Event(ContextFact):
    date: DateText
    event: Text
    people: list[Text] | None = refers_to("profiles", default=None)


class Figure(ContextFact):
    id: Id
    value: Text
    measures: Text
    year: Text
    why: Text


class Prediction(Strict):
    id: Id
    chapter: Text = refers_to("chapters")
    claim: Text
    by: Text
    verdict: one_of(VERDICT_LABELS)  # type: ignore[valid-type]
    outcome: Text
    sources: list[Source] = Field(min_length=1)


class Question(Strict):
    chapter: Text = refers_to("chapters")
    level: one_of(LEVEL_LABELS)  # type: ignore[valid-type]
    prompt: Text
    strong_answer: Text
    # Codes in data/standards.yml of the standards the question practises (issue 12).
    standards: list[Text] | None = refers_to("standards", default=None)


class Option(Strict):
    text: Text
    correct: bool
    feedback: Text


class QuizItem(Strict):
    chapter: Text = refers_to("chapters")
    question: Text
    options: list[Option] = Field(min_length=2, max_length=len(OPTION_LETTERS))

    @model_validator(mode="after")
    def one_correct(self) -> QuizItem:
        correct = sum(option.correct for option in self.options)
        if correct != 1:
            raise ValueError(f"field 'options': exactly one option must be correct; {correct} are")
        return self


class Correction(Strict):
    date: DateText
    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/_.-]+\.md$")]
    was: Text
    now: Text
    sources: list[Source] = Field(min_length=1)


class Role(Strict):
    """A part in the classroom role-play: its brief shows on the teacher's guide and its role card."""

    id: Id
    name: Text
    position: Text
    profile: Text | None = refers_to("profiles", default=None)
    brief: Text
    terms: list[Text] | None = refers_to("glossary", default=None)


class Era(Strict):
    """A period drawn as a band on the visual timeline (data/eras.yml). Its dates come from
    outside the essay at least in part (an end, an exact day), so it always carries a source."""

    id: Id
    name: Text
    start: DateText
    end: DateText
    chapter: Text | None = refers_to("chapters", default=None)  # optional: the chapter that discusses it
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def ends_after_it_starts(self) -> Era:
        common = min(len(self.start), len(self.end))  # compare at the precision both dates give
        if self.end[:common] < self.start[:common]:
            raise ValueError(f"field 'end': {self.end} is before the start ({self.start}); "
                             "swap the two dates or correct the year")
        return self


# -- theme colours and summary tags ---------------------------------------------------
PAGE_BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}  # Material default and slate (hsl(225 15% 14%))
GRAPHIC_CONTRAST = 3.0
HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def hex_colour(value: str) -> str:
    """'#abc' or '#aabbcc' or a palette name -> '#aabbcc' (lowercase)."""
    value = THEME_COLOURS.get(value, value)
    digits = value.lstrip("#").lower()
    return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits))


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""
    digits = hex_colour(colour)[1:]
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_colour(value: str) -> str:
    if value not in THEME_COLOURS and not HEX_COLOUR.match(value):
        close = difflib.get_close_matches(value, list(THEME_COLOURS), n=1)
        hint = f" did you mean '{close[0]}'?" if close else ""
        raise ValueError(f"'{value}' is neither a hex colour such as '#2f7ac0' nor a palette name;{hint} "
                         f"palette names: {', '.join(THEME_COLOURS)}")
    for scheme, background in PAGE_BACKGROUNDS.items():
        ratio = contrast(value, background)
        if ratio < GRAPHIC_CONTRAST:
            raise ValueError(f"'{value}' has {ratio:.1f}:1 contrast on the {scheme} page ({background}); symbols "
                             f"need {GRAPHIC_CONTRAST:g}:1 on both schemes: choose a palette name "
                             f"({', '.join(THEME_COLOURS)})")
    return value


ThemeColour = Annotated[str, AfterValidator(not_blank), AfterValidator(readable_colour)]


class SummarySection(Strict):
    """One `### heading` under a chapter page's `## Summary`, and the themes it carries."""

    heading: Text
    themes: list[Id] = Field(min_length=1)


# -- charts of the essay's numbers ----------------------------------------------------
def numbers_in(text: str) -> list[float]:
    """The numbers written in a figure's value: '1,160 megawatts' -> [1160.0]; '26th' -> [26.0]."""
    return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


class Chart(Strict):
    """A small chart made of figures from data/figures.yml: one label and one value per figure, in order."""

    id: Id
    title: Text
    kind: one_of(CHART_KIND_LABELS)  # type: ignore[valid-type]
    unit: one_of(CHART_UNIT_LABELS)  # type: ignore[valid-type]
    figures: list[Id] = refers_to("figures", min_length=2)
    labels: list[Annotated[Text, StringConstraints(max_length=CHART_LABEL_MAX_CHARS)]]
    values: list[float]
    note: Text

    @model_validator(mode="after")
    def one_label_and_value_per_figure(self) -> Chart:
        count = len(self.figures)
        for name in ("labels", "values"):
            given = len(getattr(self, name))
            if given != count:
                raise ValueError(f"field '{name}': {given} {name} for {count} figures; give exactly one per "
                                 f"figure, in the order of 'figures'")
        if (self.kind == "rank") != (self.unit == "rank"):
            raise ValueError("field 'kind': a rank chart plots ranks and nothing else; use kind: rank with "
                             "unit: rank, or kind: bar for amounts")
        if self.kind == "bar" and min(self.values) < 0:
            raise ValueError("field 'values': bars start from zero; a negative value needs another kind of chart")
        return self



# -- relations between people and bodies: the relationship map ----------------------
RELATION_KIND_LABELS = {
    "leads": "leads",
    "member-of": "member of",
    "supports": "supports",
    "opposes": "opposes",
    "allied-with": "allied with",
    "negotiates-with": "negotiates with",
}
# Kinds that read the same both ways ("A allied with B" is "B allied with A"): no arrowhead.
SYMMETRIC_RELATION_KINDS = ("allied-with", "negotiates-with")


class Relation(Strict):
    """A tie between two people or bodies, as the essay shows it in the chapters named."""

    from_: Text = refers_to("profiles", alias="from")
    kind: one_of(RELATION_KIND_LABELS)  # type: ignore[valid-type]
    to: Text = refers_to("profiles")
    chapters: list[Text] = refers_to("chapters", min_length=1)
    note: Short  # one line in our own words: what the essay shows

    @model_validator(mode="after")
    def two_ends(self) -> Relation:
        if self.from_ == self.to:
            raise ValueError(f"field 'to': '{self.to}' is also 'from'; a relation joins two different people or bodies")
        return self


# -- standards (issue 12): Common Core ELA/Literacy and C3 Framework codes ---------------
STANDARD_FRAMEWORK_LABELS = {
    "ccss-ri": "Common Core ELA: Reading Informational Text, grades 11-12",
    "ccss-rh": "Common Core Literacy in History/Social Studies: Reading, grades 11-12",
    "ccss-w": "Common Core ELA: Writing, grades 11-12",
    "c3": "C3 Framework for Social Studies, by the end of grade 12",
}
STANDARD_CODE_PATTERN = r"^(RI|RH|W)\.11-12\.([1-9]|10)$|^D2\.(Civ|Eco|Geo|His)\.[1-9][0-9]?\.9-12$|^D[134]\.[1-9]\.9-12$"


def standard_code(value: str) -> str:
    if not re.match(STANDARD_CODE_PATTERN, value):
        raise ValueError(f"'{value}' is not a standard code we know the form of; write it as the framework does, "
                         "e.g. 'RI.11-12.1', 'RH.11-12.6', 'W.11-12.1', 'D2.His.16.9-12' or 'D4.1.9-12'")
    return value


class Standard(Strict):
    """One standard a question or activity practises: its official code, a short
    description in our own words, and the official text's address."""

    id: Annotated[str, AfterValidator(standard_code)]
    framework: one_of(STANDARD_FRAMEWORK_LABELS)  # type: ignore[valid-type]
    short: Annotated[Text, at_most_words(TOOLTIP_MAX_WORDS)]
    url: Url


class Activity(Strict):
    """A classroom activity of the teacher's guide and the standards it practises."""

    id: Id
    name: Text
    anchor: Annotated[str, StringConstraints(pattern=ID_PATTERN)]  # its heading's id on study/teachers.md
    standards: list[Text] = refers_to("standards", min_length=1)


# data/<name>.yml -> the model of one entry. Order matters only for messages.
COLLECTIONS: dict[str, type[Strict]] = {
    "chapters": Chapter,
    "themes": Theme,
    "people": Person,
    "bodies": Body,
    "places": Place,
    "glossary": Term,
    "timeline": Event,
    "figures": Figure,
    "predictions": Prediction,
    "questions": Question,
    "quizzes": QuizItem,
    "corrections": Correction,
    "roles": Role,
    "eras": Era,
    "charts": Chart,
    "relations": Relation,
    "standards": Standard,
    "activities": Activity,
}
# What one entry of a collection is called in messages; "profiles" is people and bodies together.
ENTRY_NOUNS = {
    "chapters": "chapter", "themes": "theme", "people": "person or body", "bodies": "person or body",
    "profiles": "person or body", "places": "place", "glossary": "glossary term", "timeline": "event",
    "figures": "figure", "predictions": "prediction", "questions": "question", "quizzes": "quiz item",
    "corrections": "correction", "roles": "role", "eras": "era", "charts": "chart",
    "relations": "relation", "standards": "standard", "activities": "activity",
}


def references(model: type[BaseModel]) -> dict[str, str]:
    """field name -> the collection its ids must exist in."""
    found = {}
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra
        if isinstance(extra, dict) and "refers_to" in extra:
            found[field.alias or name] = str(extra["refers_to"])  # as written in the data file
    return found


def display_label(entry: dict) -> str:
    """What a reader sees for an entry: a name, a term or a title."""
    return str(entry.get("name") or entry.get("term") or entry.get("title") or entry.get("id", ""))
