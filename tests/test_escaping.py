"""Data text is always shown as text: HTML in it is not run and Jinja in it is not evaluated."""
import html
import re

import yaml

from conftest import build


def payload(number: int) -> str:
    return f"<script>alert({number})</script> {{{{ 7*191 }}}}"


# collection -> (entry index, field path) for every kind of text field a reader sees
FIELDS = {
    "people": [(0, ("name",)), (0, ("short",)), (0, ("role_2001",)), (0, ("in_the_article",)), (0, ("after_2001",)),
               (0, ("sources", 0, "title"))],
    "bodies": [(0, ("name",)), (0, ("short",))],
    "chapters": [(0, ("title",)), (0, ("summary",)), (0, ("argument",)), (1, ("objection",))],
    "themes": [(0, ("name",)), (0, ("description",)), (0, ("short",))],
    "roles": [(0, ("name",)), (0, ("position",)), (0, ("brief",))],
    "glossary": [(0, ("term",)), (0, ("short",)), (0, ("explanation",))],
    "places": [(0, ("name",)), (0, ("in_the_article",))],
    "timeline": [(0, ("event",))],
    "figures": [(0, ("value",)), (0, ("why",))],
    "predictions": [(0, ("claim",)), (0, ("outcome",)), (0, ("sources", 0, "title"))],
    "questions": [(0, ("prompt",)), (0, ("strong_answer",))],
    "quizzes": [(0, ("question",)), (0, ("options", 0, "text")), (0, ("options", 0, "feedback"))],
    "corrections": [(0, ("was",)), (0, ("now",))],
}


def inject(project) -> int:
    number = 0
    for name, fields in FIELDS.items():
        path = project / "data" / f"{name}.yml"
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        for index, field_path in fields:
            number += 1
            target = entries[index]
            for key in field_path[:-1]:
                target = target[key]
            original = "Brief." if field_path[-1] == "short" else str(target.get(field_path[-1], ""))  # word limits
            target[field_path[-1]] = payload(number) + " " + original
        path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return number


def test_html_and_jinja_in_every_kind_of_text_field_show_as_text(project_copy):
    count = inject(project_copy)
    result = build(project_copy, project_copy / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    pages = {p: p.read_text(encoding="utf-8") for p in (project_copy / "site").rglob("*.html")}
    run = [str(p) for p, html in pages.items() if re.search(r"<script>alert\(\d+\)", html)]
    assert not run, f"data HTML became markup in: {run}"
    evaluated = [str(p) for p, html in pages.items() if "1337" in html]
    assert not evaluated, f"data Jinja was evaluated in: {evaluated}"
    everything = "\n".join(pages.values())
    # shown as text: escaped in the page, or with look-alike angle brackets in hover text (text.hover)
    missing = [n for n in range(1, count + 1)
               if f"&lt;script&gt;alert({n})" not in everything and f"‹script›alert({n})" not in everything]
    assert not missing, f"these injected fields never showed as text: {missing}"
    assert "{{ 7*191 }}" in html.unescape(everything)
