"""`mkdocs serve` survives a contributor's mistakes, and a quiet build still says what is wrong."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, build

CHAPTER = "docs/chapters/02-fox-goes-abroad.md"
# What `make serve` runs (--dirty: only the pages an edit affects are rebuilt).
SERVE_ARGS = re.search(r"^SERVE_ARGS\s*:?=(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1).split()
# A page computed from every chapter's mentions (the stub of who-appears-where).
MENTIONS_PAGE = "docs/reference/who-appears-where.md"
POWELL_CHAPTERS = 'Powell in: [{{ guide_macros.appearances["people"]["powell"] | sort | join(" ") }}]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, condition, server, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve stopped with exit code {server.returncode}"
        page = fetch(url)
        if page and condition(page):
            return page
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {url}; last page:\n{fetch(url)[:500]}")


# Pages that render in parts (macros/render_parts.py): an edit renders one part again.
IN_PARTS = ("study/print.md", "reference/glossary.md")


def trim_to_chapters(project) -> None:
    """Pages other than the chapters and IN_PARTS become stubs, so each of the rebuilds is quick.
    (Their links then miss anchors: warnings, which a live preview prints and goes on.)"""
    for page in (project / "docs").rglob("*.md"):
        path = page.relative_to(project / "docs").as_posix()
        if not path.startswith("chapters/") and path not in IN_PARTS:
            page.write_text(f"# {page.stem}\n", encoding="utf-8")
    (project / MENTIONS_PAGE).write_text(f"# Who appears where\n\n{POWELL_CHAPTERS}\n", encoding="utf-8")


def test_serve_shows_mistakes_in_the_page_keeps_running_and_recovers(project_copy):
    trim_to_chapters(project_copy)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = project_copy / "serve.log"  # a file, not a pipe: a full pipe would block the server
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *SERVE_ARGS, "-a", f"127.0.0.1:{port}"],
                              cwd=project_copy, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"))
    url = f"http://127.0.0.1:{port}/chapters/02-fox-goes-abroad/"
    try:
        wait_for(url, lambda page: "Who and what this chapter names" in page, server)
        page_file = project_copy / CHAPTER
        good = page_file.read_text(encoding="utf-8")

        page_file.write_text(good + '\n\nSee {{ who("foxx") }}.\n', encoding="utf-8")
        shown = wait_for(url, lambda page: "foxx" in page, server)
        assert "unknown person or body &#39;foxx&#39; in docs/chapters/02-fox-goes-abroad.md; did you mean &#39;fox&#39;?" in shown \
            or "unknown person or body 'foxx' in docs/chapters/02-fox-goes-abroad.md; did you mean 'fox'?" in shown
        page_file.write_text(good, encoding="utf-8")
        wait_for(url, lambda page: "foxx" not in page and "Who and what this chapter names" in page, server)

        data_file = project_copy / "data" / "glossary.yml"
        data = data_file.read_text(encoding="utf-8")
        data_file.write_text(data.replace("- id: abstention", "- id: abstention\n  term: [unclosed", 1), encoding="utf-8")
        shown = wait_for(url, lambda page: "malformed YAML" in page, server)
        assert "data/glossary.yml, line" in shown
        data_file.write_text(data, encoding="utf-8")
        wait_for(url, lambda page: "malformed YAML" not in page and "Who and what this chapter names" in page, server)
        edits_reach_the_pages_that_show_them(project_copy, port, server)
        served_pages_match_a_fresh_build(project_copy, port, server)
    finally:
        server.terminate()
        server.wait(timeout=30)
    errors = log.read_text(encoding="utf-8")
    assert "did you mean 'fox'?" in errors and "malformed YAML" in errors  # printed too, not only shown
    assert "Rebuilding" in errors and "A 'dirty' build" not in errors  # says what it rebuilt, without the alarm


def edits_reach_the_pages_that_show_them(project, port: int, server) -> None:
    """Rebuilding only what an edit affects: a page that did not change itself still shows the edit."""
    base = f"http://127.0.0.1:{port}/"
    wait_for(base + "reference/who-appears-where/", lambda page: "Powell in: [" in page, server)
    data_file = project / "data" / "glossary.yml"  # chapter 2 uses "abstention": its tooltip shows the text
    data_file.write_text(data_file.read_text(encoding="utf-8").replace(
        "often to avoid offending either side.", "often to avoid offending either side. Tooltipmarker.", 1),
        encoding="utf-8")
    wait_for(base + "chapters/02-fox-goes-abroad/", lambda page: "Tooltipmarker" in page, server)
    # Chapter 5 links Powell: his hover text shows a data edit, though that rebuild reused the
    # chapter's macros (they read no glossary text) and its next one reads what they read then
    people = project / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "a co-leader of the Bush-Fox migration", "a co-leader (Profilemarker) of the Bush-Fox migration", 1),
        encoding="utf-8")
    wait_for(base + "chapters/05-partners-not-subordinates/", lambda page: "Profilemarker" in page, server)
    profile = base + "reference/people/powell/"  # his own page, generated from data, not a file in docs/
    wait_for(profile, lambda page: "Profilemarker" in page, server)
    page_file = project / CHAPTER  # the chapter now names Colin Powell: the page computed from mentions shows it
    page_file.write_text(page_file.read_text(encoding="utf-8") + "\n\nColin Powell listened.\n", encoding="utf-8")
    listed = re.compile(r"Powell in: \[[a-z -]*fox-goes-abroad")
    wait_for(base + "reference/who-appears-where/", lambda page: listed.search(page) is not None, server)
    wait_for(profile, lambda page: "chapters/02-fox-goes-abroad/" in page, server)


ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def served_pages_match_a_fresh_build(project, port: int, server) -> None:
    """After the edits, each page as `serve` rebuilt it (or kept it) reads as a fresh build of the
    same files, with no cache, makes it: nothing an edit affects was left stale or reused wrongly."""
    site = project / "fresh-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_CACHE": "off"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)],
                   cwd=project, env=env, capture_output=True, text=True, timeout=300, check=True)
    pages = [f"chapters/{p.stem}/" for p in sorted((project / "docs" / "chapters").glob("*.md"))]
    in_parts = [path.removesuffix(".md") + "/" for path in IN_PARTS]  # whole in the fresh build
    for path in [*pages, "reference/who-appears-where/", "reference/people/powell/", *in_parts]:
        fresh = ARTICLE.search((site / path / "index.html").read_text(encoding="utf-8"))
        served = ARTICLE.search(wait_for(f"http://127.0.0.1:{port}/{path}", lambda page: True, server))
        assert fresh and served and served.group() == fresh.group(), f"{path} as served differs from a fresh build"


def quiet_build(project) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "--site-dir", str(project / "site")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    return result.stdout + result.stderr


def test_a_quiet_strict_build_still_prints_a_bad_macro_call(project_copy):
    page_file = project_copy / CHAPTER
    page_file.write_text(page_file.read_text(encoding="utf-8") + '\n\n{{ whoo("fox") }}\n', encoding="utf-8")
    output = quiet_build(project_copy)
    assert "docs/chapters/02-fox-goes-abroad.md" in output and "'whoo' is undefined; did you mean 'who'?" in output


def test_a_quiet_strict_build_still_prints_a_data_problem(project_copy):
    data_file = project_copy / "data" / "people.yml"
    data_file.write_text(data_file.read_text(encoding="utf-8").replace("  short:", "  shrot:", 1), encoding="utf-8")
    output = quiet_build(project_copy)
    assert "data/people.yml, entry 1" in output and "field 'shrot': unknown field; did you mean 'short'?" in output


def test_a_build_without_a_site_address_points_nothing_at_localhost(built_site):
    for page in [built_site / "index.html", built_site / "chapters" / "01-a-new-partnership" / "index.html",
                 built_site / "sitemap.xml"]:
        text = page.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text and "localhost" not in text, page
        assert 'rel="canonical"' not in text and 'property="og:url"' not in text


def test_each_chapter_has_its_own_description_from_data(built_site):
    import yaml

    from conftest import ROOT
    from macros.links import chapter_path
    from macros.text import hover
    chapters = yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8"))
    for chapter in chapters:
        page = (built_site / chapter_path(chapter).removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert f'<meta name="description" content="{hover(chapter["summary"])}"' in page, chapter["id"]
        assert f"<title>{chapter['number']}. {hover(chapter['title'])} - " in page


def test_build_is_still_strict(project_copy):
    page_file = project_copy / CHAPTER
    page_file.write_text(page_file.read_text(encoding="utf-8") + '\n\n{{ who("foxx") }}\n', encoding="utf-8")
    result = build(project_copy, project_copy / "site")
    assert result.returncode != 0 and "did you mean 'fox'?" in result.stdout + result.stderr
