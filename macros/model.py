"""Typed schemas for data/*.yml (Pydantic v2), and the labels every enumeration shows.

One home per fact: each enumeration is the key set of the dictionary that holds its
labels, so a kind can never lack a label. A field that names entries of another file
carries `refers_to`, which the loader checks after every file has loaded.
"""
from __future__ import annotations

import datetime
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


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Source(Strict):
    title: Text
    url: Url


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


class Theme(Strict):
    id: Id
    name: Text
    short: Annotated[Text, at_most_words(THEME_SHORT_MAX_WORDS)]  # one sentence: the hover text of links
    description: Text


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
    "standards": Standard,
    "activities": Activity,
}
# What one entry of a collection is called in messages; "profiles" is people and bodies together.
ENTRY_NOUNS = {
    "chapters": "chapter", "themes": "theme", "people": "person or body", "bodies": "person or body",
    "profiles": "person or body", "places": "place", "glossary": "glossary term", "timeline": "event",
    "figures": "figure", "predictions": "prediction", "questions": "question", "quizzes": "quiz item",
    "corrections": "correction", "roles": "role", "standards": "standard", "activities": "activity",
}


def references(model: type[BaseModel]) -> dict[str, str]:
    """field name -> the collection its ids must exist in."""
    found = {}
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra
        if isinstance(extra, dict) and "refers_to" in extra:
            found[name] = str(extra["refers_to"])
    return found


def display_label(entry: dict) -> str:
    """What a reader sees for an entry: a name, a term or a title."""
    return str(entry.get("name") or entry.get("term") or entry.get("title") or entry.get("id", ""))
