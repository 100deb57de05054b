"""Turn data text into safe Markdown or plain text."""
import html
import re

MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|\*|__|_)(\S(?:.*?\S)?)\1")


def safe(text: str) -> str:
    """Data text as Markdown: Markdown stays, HTML is shown as text, not run."""
    return html.escape(" ".join(str(text).split()), quote=False)


def safe_block(text: str) -> str:
    """Like safe() but keeps paragraph breaks (blank lines)."""
    paragraphs = re.split(r"\n\s*\n", str(text).strip())
    return "\n\n".join(safe(p) for p in paragraphs)


def plain(text: str) -> str:
    """One line of plain text for tooltips and titles: no Markdown, no tags, no double quotes."""
    text = MARKDOWN_LINK.sub(r"\1", " ".join(str(text).split()))
    text = EMPHASIS.sub(r"\2", text)
    return text.replace("<", "‹").replace(">", "›").replace('"', "'")


def cell(text: str) -> str:
    """Data text inside a Markdown table cell."""
    return safe(text).replace("|", "\\|")
