"""The chain of claims across the chapters, built from data/chapters.yml."""
from __future__ import annotations

from .links import link_to_chapter
from .text import safe

OBJECTION_LABEL = "Anticipated objection."
EVIDENCE_LABEL = "Evidence:"


def render_argument_map(chapters, from_page: str) -> str:
    steps = []
    for chapter in chapters:
        lines = [f"{chapter['number']}. **{link_to_chapter(chapter, from_page, chapter['title'])}.** {safe(chapter['argument'])}"]
        if chapter.get("evidence"):
            lines += ["", f"    *{EVIDENCE_LABEL}*", ""] + [f"    - {safe(item)}" for item in chapter["evidence"]]
        if chapter.get("objection"):
            lines += ["", f"    > *{OBJECTION_LABEL}* {safe(chapter['objection'])}"]
        steps.append("\n".join(lines))
    return "\n\n".join(steps)
