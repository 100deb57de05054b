"""Checks on the HTML of one strict build of the real guide."""
from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest
import yaml
from project_files import config

from conftest import ROOT
from site_html import html_pages, parse, resolve

DATA = ROOT / "data"


def load(name: str) -> list[dict]:
    return yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def parsed(built_site):
    return {page: parse(page) for page in html_pages(built_site)}


def page_of(built_site, parsed, path: str):
    return parsed[built_site / path / "index.html"]


def test_every_internal_link_and_anchor_resolves(built_site, parsed):
    broken = []
    for page, info in parsed.items():
        for href in info.links:
            target = resolve(built_site, page, href)
            if target is None:
                continue
            path, fragment = target
            if not path.exists():
                broken.append(f"{page.relative_to(built_site)} -> {href} (no such file)")
            elif fragment and path.suffix == ".html" and fragment not in parsed[path].ids:
                broken.append(f"{page.relative_to(built_site)} -> {href} (no such anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken[:40])


def test_no_unrendered_macros(parsed, built_site):
    leftovers = [str(page.relative_to(built_site)) for page, info in parsed.items()
                 if re.search(r"\{\{|\{%", "".join(info.text_outside_code))]
    assert not leftovers, f"pages showing raw Jinja outside code: {leftovers}"


def test_every_hover_mark_is_filled_in(built_site):
    """Links and tooltips carry marks until hooks.py fills them (macros/hover_marks.py)."""
    left = [str(path.relative_to(built_site)) for path in built_site.rglob("*")
            if path.suffix in {".html", ".json", ".js", ".csv", ".txt", ".xml", ".md"}
            and re.search(r'=\\?"⟦', path.read_text(encoding="utf-8", errors="replace"))]
    assert not left, f"hover marks left in: {left}"


def test_tooltips_and_term_links_show_the_terms_short_line(built_site):
    from macros.text import hover

    shorts = {hover(e["short"]) for e in load("glossary")}
    chapter = (built_site / "chapters" / "02-fox-goes-abroad" / "index.html").read_text(encoding="utf-8")
    titles = [html.unescape(t) for t in re.findall(r'<abbr title="([^"]*)"', chapter)]
    assert titles and set(titles) <= shorts, set(titles) - shorts
    glossary_links = re.findall(r'<a href="[^"]*glossary/#([\w-]+)" title="([^"]*)"', chapter)
    by_id = {e["id"]: hover(e["short"]) for e in load("glossary")}
    assert glossary_links and all(html.unescape(title) == by_id[i] for i, title in glossary_links)


def test_nothing_loads_from_another_host(parsed, built_site):
    external = [f"{page.relative_to(built_site)}: {kind} {url}" for page, info in parsed.items()
                for kind, url in info.resources if re.match(r"^(https?:)?//", url)]
    assert not external, "resources from other hosts:\n" + "\n".join(external[:20])


def test_stylesheets_load_no_fonts_or_images_from_other_hosts(built_site):
    remote = [f"{css.relative_to(built_site)}: {url}" for css in built_site.rglob("*.css")
              for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8"))]
    assert not remote, "\n".join(remote)


@pytest.mark.parametrize("collection, path", [
    ("people", "reference/people"), ("bodies", "reference/bodies"),
    ("glossary", "reference/glossary"), ("themes", "reference/themes"),
    ("places", "reference/places"), ("predictions", "reference/predictions"),
])
def test_every_entry_has_an_anchor_on_its_page(built_site, parsed, collection, path):
    ids = page_of(built_site, parsed, path).ids
    missing = [e["id"] for e in load(collection) if e["id"] not in ids]
    assert not missing, f"{collection} entries missing from {path}: {missing}"


def visible_text(built_site, path: str) -> str:
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    return " ".join(text.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", '"').split())


def plain(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", " ".join(str(text).split()))
    return re.sub(r"(\*\*|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)


@pytest.mark.parametrize("collection, field, path", [
    ("timeline", "event", "reference/timeline"),
    ("figures", "measures", "reference/figures"),
    ("questions", "prompt", "study/questions"),
])
def test_every_entry_text_appears_on_its_page(built_site, collection, field, path):
    text = visible_text(built_site, path)
    missing = [plain(e[field])[:60] for e in load(collection) if plain(e[field])[:60] not in text]
    assert not missing, f"{collection} entries not shown on {path}: {missing[:5]}"


def test_every_chapter_page_has_its_quiz_and_questions(built_site):
    chapters = load("chapters")
    quizzes, questions = load("quizzes"), load("questions")
    for chapter in chapters:
        html = (built_site / "chapters" / f"{chapter['number']:02d}-{chapter['id']}" / "index.html").read_text(encoding="utf-8")
        expected_items = sum(q["chapter"] == chapter["id"] for q in quizzes)
        assert html.count('class="quiz-item"') == expected_items, chapter["id"]
        expected_questions = sum(q["chapter"] == chapter["id"] for q in questions)
        assert html.count("What a strong answer includes") == expected_questions, chapter["id"]


def chapter_body(built_site, chapter) -> str:
    """A chapter page's own text: up to the generated 'Who and what' list."""
    html = (built_site / "chapters" / f"{chapter['number']:02d}-{chapter['id']}" / "index.html").read_text(encoding="utf-8")
    main = html.split('id="who-and-what-this-chapter-names"')[0]
    return main.split("<article", 1)[-1]


def names_in(body: str, entry: dict, page: str) -> bool:
    if f'reference/{page}/{entry["id"]}/"' in body:  # a link to its profile page
        return True
    text = " ".join(re.sub(r"<[^>]+>", " ", body).replace("&#39;", "'").split())
    for name in [entry["name"], *entry.get("aliases", [])]:
        for variant in {name, name[:1].upper() + name[1:]}:
            if re.search(r"(?<!\w)" + re.escape(variant) + r"(?!\w)", text):
                return True
    return False


@pytest.mark.parametrize("collection", ["people", "bodies"])
def test_profile_appearances_match_the_chapters_that_name_them(built_site, collection):
    chapters = sorted(load("chapters"), key=lambda c: c["number"])
    bodies = {c["id"]: chapter_body(built_site, c) for c in chapters}
    mismatches = []
    for entry in load(collection):
        profile = (built_site / "reference" / collection / entry["id"] / "index.html").read_text(encoding="utf-8")
        appears = profile.split("Appears in:", 1)[1].split("</p>", 1)[0]
        listed = {c["id"] for c in chapters if f'{c["number"]:02d}-{c["id"]}/' in appears}
        named = {c["id"] for c in chapters if names_in(bodies[c["id"]], entry, collection)}
        if listed != named:
            mismatches.append(f"{entry['id']}: profile lists {sorted(listed)}, chapters name it in {sorted(named)}")
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize("collection", ["people", "bodies"])
def test_every_profile_has_its_own_page_which_the_index_links_by_name(built_site, collection):
    index = (built_site / "reference" / collection / "index.html").read_text(encoding="utf-8")
    for entry in load(collection):
        page = built_site / "reference" / collection / entry["id"] / "index.html"
        assert page.is_file(), f"no page for {collection} entry '{entry['id']}'"
        title = re.search(r"<h1[^>]*>(.*?)<", page.read_text(encoding="utf-8")).group(1)
        assert html.unescape(title) == entry["name"], f"{page}: its title is not the entry's name"
        link = re.search(rf'<a href="{re.escape(entry["id"])}/"[^>]*>([^<]*)</a>', index)
        assert link, f"reference/{collection}/ does not link to {entry['id']}/"
        # the old anchor (reference/people/#fox, before profiles had pages) still finds the name
        assert f'id="{entry["id"]}"' in link.group(0), f"the index's link to {entry['id']}/ has lost its id"


def test_overview_table_lists_every_chapter_with_reading_time(built_site):
    text = " ".join(re.sub(r"<[^>]+>", " ", (built_site / "index.html").read_text(encoding="utf-8")).split())
    for chapter in load("chapters"):
        assert re.search(re.escape(chapter["title"]) + r" .{0,400}?\d+ min", text), chapter["title"]


def test_downloads_exist_and_match_the_data(built_site):
    folder = built_site / "downloads"
    glossary = load("glossary")
    rows = list(csv.DictReader(io.StringIO((folder / "glossary.csv").read_text(encoding="utf-8-sig"))))
    assert [r["id"] for r in rows] == [e["id"] for e in glossary]
    cards = [line.split("\t") for line in (folder / "glossary-anki.txt").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    assert len(cards) == len(glossary) and all(len(card) == 3 for card in cards)
    questions = list(csv.DictReader(io.StringIO((folder / "questions.csv").read_text(encoding="utf-8-sig"))))
    assert len(questions) == len(load("questions"))
    data = json.loads((folder / "guide-data.json").read_text(encoding="utf-8"))
    assert len(data["people"]) == len(load("people")) and "appearances" in data
    page = (built_site / "study" / "downloads" / "index.html").read_text(encoding="utf-8")
    for name in ["glossary.csv", "glossary-anki.txt", "questions.csv", "guide-data.json"]:
        assert f'href="../../downloads/{name}"' in page


def test_pages_carry_description_and_open_graph_tags(parsed, built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description"' in html and 'property="og:title"' in html and 'property="og:description"' in html


SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')
SCRIPTS_TEMPLATE = re.compile(r'<template id="guide-scripts">(.*?)</template>\s*<script>(.*?)</script>', re.S)


def test_every_page_holds_its_scripts_back_until_the_first_paint(parsed):
    """No script file runs while a page is parsed: Material's bundle, then mkdocs.yml's
    extra_javascript in its order, wait in the inert template that the loader right after it
    runs once the page is painted (overrides/partials/scripts-after-paint.js)."""
    extra_javascript = [script.rsplit("/", 1)[-1] for script in config("mkdocs.yml")["extra_javascript"]]
    for page in parsed:
        html = page.read_text(encoding="utf-8")
        held = SCRIPTS_TEMPLATE.search(html)
        assert held, f"{page}: no <template id=guide-scripts> followed by its loader"
        inside = SCRIPT_SRC.findall(held.group(1))
        assert re.search(r"assets/javascripts/bundle\.\w+\.min\.js$", inside[0]), f"{page}: {inside}"
        assert [src.rsplit("/", 1)[-1] for src in inside[1:]] == extra_javascript, page
        assert "guide-scripts" in held.group(2) and "requestAnimationFrame" in held.group(2)
        outside = SCRIPT_SRC.findall(html[:held.start()] + html[held.end():])
        assert not outside, f"{page}: {outside} would run while the page is parsed"


def test_every_page_writes_its_head_links_in_full_when_navigation_is_instant(parsed):
    """overrides/partials/links-in-full.js sits right after <head>'s stylesheets whenever
    mkdocs.yml turns navigation.instant on (else Material's rewrite downloads them again)."""
    assert "navigation.instant" in config("mkdocs.yml")["theme"]["features"]
    for page in parsed:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        last_stylesheet = head.rfind('rel="stylesheet"')
        script = head.find("link.href = link.href")
        assert last_stylesheet != -1 and script > last_stylesheet, f"{page}: no links-in-full script after the stylesheets"
