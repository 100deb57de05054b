"""Originality guard: compare built pages with fingerprints of the article's 8-word windows.

The article never enters the repository: article_fingerprints.txt holds only
truncated SHA-256 hashes of its normalised 8-word windows. To regenerate them
from a copy of the article:

    python3 tests/originality.py --regenerate PATH/TO/article.txt
"""
from __future__ import annotations

import hashlib
import html.parser
import re
import sys
import unicodedata
from pathlib import Path

WINDOW = 8
FINGERPRINTS = Path(__file__).with_name("article_fingerprints.txt")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
QUOTE_SPAN = re.compile(r"\"[^\"\n]{1,800}\"|\u201c[^\u201d]{1,800}\u201d")
BLOCK_TAGS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "div", "br", "dd", "dt"}
SKIPPED_TAGS = {"script", "style", "nav", "header", "footer", "svg", "noscript", "template"}


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return WORD.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'"))


def fingerprint(window: list[str]) -> str:
    return hashlib.sha256(" ".join(window).encode()).hexdigest()[:12]


def windows(tokens: list[str]) -> list[str]:
    return [fingerprint(tokens[i:i + WINDOW]) for i in range(len(tokens) - WINDOW + 1)]


def load_fingerprints() -> tuple[int, set[str]]:
    """(article word count, fingerprints)."""
    lines = FINGERPRINTS.read_text(encoding="utf-8").split()
    return int(lines[0]), set(lines[1:])


class VisibleText(html.parser.HTMLParser):
    """The text a reader sees in <main>, as (text, is_quoted) pieces."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, bool]] = []
        self.skipping = 0
        self.quoting = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in ("blockquote", "q"):
            self.quoting += 1
        if tag in BLOCK_TAGS:
            self.pieces.append(("\n", False))

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1
        elif tag in ("blockquote", "q") and self.quoting:
            self.quoting -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.pieces.append((data, self.quoting > 0))


def split_quotes(text: str) -> list[tuple[str, bool]]:
    out, position = [], 0
    for match in QUOTE_SPAN.finditer(text):
        out += [(text[position:match.start()], False), (match.group(0), True)]
        position = match.end()
    return [*out, (text[position:], False)]


def segments(page_html: str) -> list[tuple[str, bool]]:
    match = re.search(r"<main\b.*?</main>", page_html, re.S)
    parser = VisibleText()
    parser.feed(match.group(0) if match else page_html)
    merged, plain = [], []
    for text, quoted in parser.pieces:
        if quoted:
            merged += split_quotes("".join(plain)) if plain else []
            plain = []
            merged.append((text, True))
        else:
            plain.append(text)
    return merged + (split_quotes("".join(plain)) if plain else [])


def shared_runs(tokens: list[str], known: set[str]) -> list[tuple[int, int]]:
    """(start, length in words) of each maximal run of >= 8 words whose windows are all known."""
    hits = [h in known for h in windows(tokens)]
    runs, i = [], 0
    while i < len(hits):
        if hits[i]:
            j = i
            while j + 1 < len(hits) and hits[j + 1]:
                j += 1
            runs.append((i, j - i + WINDOW))
            i = j + WINDOW
        else:
            i += 1
    return runs


def regenerate(article_path: str) -> None:
    tokens = words(Path(article_path).read_text(encoding="utf-8"))
    lines = [str(len(tokens)), *sorted(set(windows(tokens)))]
    FINGERPRINTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} fingerprints of {len(tokens)} words to {FINGERPRINTS}")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "--regenerate":
        sys.exit(__doc__)
    regenerate(sys.argv[2])
