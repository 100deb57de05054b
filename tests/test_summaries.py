"""Chapter summaries stay summaries: at most 45% of their essay section, covering every paragraph."""
import importlib.util
import json
import re

import yaml

from conftest import ROOT

spec = importlib.util.spec_from_file_location("summary_ratio", ROOT / "scripts" / "summary_ratio.py")
summary_ratio = importlib.util.module_from_spec(spec)
spec.loader.exec_module(summary_ratio)

CHAPTERS = sorted(yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8")), key=lambda c: c["number"])
COUNTS = json.loads((ROOT / "tests" / "article_sections.json").read_text(encoding="utf-8"))
COVERS = re.compile(r"^<!-- covers paragraphs: ([\d,\s-]+) -->$", re.M)
IN_BRIEF_MAX_WORDS = 130


def section(markdown: str, heading: str) -> str:
    match = re.search(rf"^## {heading}\s*\n(.*?)(?=^## |\Z)", markdown, re.S | re.M)
    assert match, f"no '## {heading}' section"
    return match.group(1)


def page(chapter) -> str:
    return (ROOT / "docs" / "chapters" / f"{chapter['number']:02d}-{chapter['id']}.md").read_text(encoding="utf-8")


def paragraphs_named(spec_text: str) -> set[int]:
    numbers = set()
    for part in spec_text.split(","):
        first, _, last = part.strip().partition("-")
        numbers |= set(range(int(first), int(last or first) + 1))
    return numbers


def test_paragraph_ranges_are_read_correctly():
    assert paragraphs_named("1, 3-5") == {1, 3, 4, 5}


def test_chapters_and_the_essay_agree_on_paragraph_counts():
    assert [c["paragraphs"] for c in CHAPTERS] == COUNTS["paragraphs"]


def test_every_summary_covers_every_paragraph_of_its_section():
    for chapter in CHAPTERS:
        summary = section(page(chapter), "Summary")
        subheads = re.findall(r"^### ", summary, re.M)
        covers = COVERS.findall(summary)
        assert len(covers) == len(subheads), f"{chapter['id']}: each subhead needs one 'covers paragraphs' comment"
        covered = set().union(*(paragraphs_named(c) for c in covers))
        assert covered == set(range(1, chapter["paragraphs"] + 1)), f"{chapter['id']}: covers {sorted(covered)}"


def test_subheads_name_ideas_not_line_numbers():
    for chapter in CHAPTERS:
        for subhead in re.findall(r"^### (.*)$", section(page(chapter), "Summary"), re.M):
            assert not re.search(r"\blines? \d", subhead), f"{chapter['id']}: {subhead}"


def test_in_brief_stays_short():
    for chapter in CHAPTERS:
        words = len(re.sub(r"\{\{.*?\}\}", "x", section(page(chapter), "In brief")).split())
        assert words <= IN_BRIEF_MAX_WORDS, f"{chapter['id']}: In brief has {words} words"


def test_the_ratio_check_fails_a_summary_that_is_too_long(tmp_path):
    folder = tmp_path / "chapters" / "01-a-new-partnership"
    folder.mkdir(parents=True)
    words = " ".join(["word"] * COUNTS["section_words"][0])
    folder.joinpath("index.html").write_text(f'<h2 id="summary">Summary</h2><p>{words}</p><h2 id="x">Next</h2>')
    ratios = summary_ratio.summary_ratios(tmp_path)
    assert ratios["01-a-new-partnership"][2] > summary_ratio.MAX_RATIO


def test_every_built_summary_is_at_most_45_percent_of_its_section(built_site):
    ratios = summary_ratio.summary_ratios(built_site)
    assert len(ratios) == len(CHAPTERS)
    too_long = {name: round(r, 2) for name, (_, _, r) in ratios.items() if r > summary_ratio.MAX_RATIO}
    assert not too_long, f"summaries over {summary_ratio.MAX_RATIO:.0%} of their section: {too_long}"
