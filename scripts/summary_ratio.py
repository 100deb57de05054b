"""How long is each chapter's Summary compared with the essay section it summarizes?

The ratio for a chapter is the number of words in the Summary section of its built
page divided by the number of words in the matching section of the essay.

- Summary words: the visible text of the built page SITE_DIR/chapters/NN-id/index.html
  from the <h2 id="summary"> heading up to the next <h2>, subheads included, split on
  whitespace; the heading permalink symbol "¶" is not counted.
- Section words: tests/article_sections.json, made once from the essay (whose text
  must never enter the repository), holds only the word and paragraph counts of its
  seven sections. In the essay two blank lines separate sections and one blank line
  separates paragraphs; words are whitespace-separated tokens.

Usage:
    python3 scripts/summary_ratio.py --count-article PATH/TO/article.txt
        writes tests/article_sections.json
    python3 scripts/summary_ratio.py SITE_DIR
        prints a table and exits 1 if any ratio exceeds MAX_RATIO
"""
from __future__ import annotations

import json
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTS = ROOT / "tests" / "article_sections.json"
MAX_RATIO = 0.45


def count_article(text: str) -> dict[str, list[int]]:
    """Word and paragraph counts of each section of the essay's plain text."""
    sections = [s for s in text.strip().split("\n\n\n") if s.strip()]
    return {
        "section_words": [len(s.split()) for s in sections],
        "paragraphs": [len([p for p in s.split("\n\n") if p.strip()]) for s in sections],
    }


class SummaryText(HTMLParser):
    """Collects the visible text from <h2 id="summary"> up to the next <h2>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.skip = 0  # depth inside <script>/<style>
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.inside = dict(attrs).get("id") == "summary"
        elif tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.inside and not self.skip:
            self.parts.append(data)

    def words(self) -> int:
        return len(" ".join(self.parts).replace("¶", " ").split())


def summary_words(page: Path) -> int:
    parser = SummaryText()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.words()


def summary_ratios(site_dir) -> dict[str, tuple[int, int, float]]:
    """{chapter folder name: (summary words, section words, ratio)}, chapters in order."""
    section_words = json.loads(COUNTS.read_text(encoding="utf-8"))["section_words"]
    pages = sorted(Path(site_dir, "chapters").glob("[0-9][0-9]-*/index.html"))
    ratios = {}
    for page in pages:
        number = int(page.parent.name[:2])
        words, total = summary_words(page), section_words[number - 1]
        ratios[page.parent.name] = (words, total, words / total)
    return ratios


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--count-article":
        counts = count_article(Path(argv[1]).read_text(encoding="utf-8"))
        COUNTS.write_text(json.dumps(counts) + "\n", encoding="utf-8")
        print(f"wrote {COUNTS.relative_to(ROOT)}: {counts}")
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    ratios = summary_ratios(argv[0])
    if not ratios:
        print(f"no chapter pages under {argv[0]}/chapters", file=sys.stderr)
        return 2
    print(f"{'chapter':<36} | summary words | section words | ratio")
    for name, (words, total, ratio) in ratios.items():
        flag = "  > limit" if ratio > MAX_RATIO else ""
        print(f"{name:<36} | {words:>13} | {total:>13} | {ratio:5.2f}{flag}")
    return 1 if any(r > MAX_RATIO for _, _, r in ratios.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
