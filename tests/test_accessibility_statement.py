"""docs/accessibility.md says what we test: each claim names a test that exists, and each
accessibility test is named on the page, so the statement and the tests do not drift apart."""
from __future__ import annotations

import ast
import re

from conftest import ROOT

PAGE = ROOT / "docs" / "accessibility.md"

# What the page says (a phrase in its "What we test" list) -> the tests that back it.
CLAIMS = {
    "axe-core on every page, in both colour schemes": [("test_browser.py", "test_every_page_passes_axe")],
    "Nu Html Checker": [("test_html_valid.py", "test_every_page_is_valid_html")],
    "Keyboard use": [
        ("test_browser.py", "test_quiz_checks_answers_scores_and_resets_by_keyboard"),
        ("test_browser.py", "test_glossary_tooltip_appears_on_keyboard_focus"),
        ("test_accessibility.py", "test_only_a_terms_first_use_is_a_tab_stop_and_never_inside_a_link"),
        ("test_accessibility.py", "test_focus_is_never_hidden_under_the_sticky_header"),
    ],
    "Phone widths": [
        ("test_browser.py", "test_phone_drawer_opens_and_shows_the_chapters"),
        ("test_phone_tables.py", "test_no_table_is_cut_off_at_375_px"),
        ("test_accessibility.py", "test_no_page_scrolls_sideways_at_375_or_320_px"),
    ],
    "Target size": [("test_accessibility.py", "test_controls_are_at_least_24_by_24_pixels")],
    "Text spacing": [("test_accessibility.py", "test_text_spacing_overrides_clip_nothing")],
    "Reduced motion": [("test_accessibility.py", "test_reduced_motion_turns_off_animation")],
    "Forced colours": [("test_accessibility.py", "test_forced_colours_keep_the_tooltip_focus_and_quiz_marks_visible")],
    "Tooltips": [
        ("test_accessibility.py", "test_a_tooltip_can_be_hovered_without_vanishing"),
        ("test_accessibility.py", "test_a_tooltip_flips_above_a_term_near_the_bottom_of_the_window"),
    ],
    "Quiz feedback": [
        ("test_accessibility.py", "test_each_quiz_has_exactly_one_live_region"),
        ("test_quiz.py", "test_every_button_state_keeps_contrast_in_both_schemes"),
    ],
}


def functions_in(file_name: str) -> set[str]:
    tree = ast.parse((ROOT / "tests" / file_name).read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def what_we_test() -> str:
    text = PAGE.read_text(encoding="utf-8")
    return text.split("## What we test", 1)[1].split("\n## ", 1)[0]


def test_each_claim_on_the_page_is_backed_by_a_test_that_exists():
    missing = [f"{file}::{name}" for backing in CLAIMS.values() for file, name in backing if name not in functions_in(file)]
    assert not missing, f"the accessibility page relies on tests that are gone: {missing}"


def test_each_kind_of_test_is_listed_on_the_page():
    listed = what_we_test()
    absent = [claim for claim in CLAIMS if claim not in listed]
    assert not absent, f"docs/accessibility.md no longer says: {absent}"
    items = re.findall(r"^- \*\*(.+?)\*\*", listed, flags=re.M)
    assert len(items) == len(CLAIMS), f"every item of the list needs its tests in CLAIMS: {items}"


def test_every_accessibility_test_is_described_on_the_page():
    covered = {name for backing in CLAIMS.values() for file, name in backing if file == "test_accessibility.py"}
    undescribed = functions_in("test_accessibility.py") - covered
    assert not undescribed, f"add these to docs/accessibility.md and to CLAIMS: {sorted(undescribed)}"


def test_the_page_states_the_standard_limits_and_how_to_report():
    text = PAGE.read_text(encoding="utf-8")
    for needed in ["WCAG) 2.2 at level AA", "## Known limits", "No manual screen-reader audit",
                   "## Tell us about a problem", "config.repo_url"]:
        assert needed in text, needed
