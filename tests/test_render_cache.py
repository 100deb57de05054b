"""Pages' Markdown-to-HTML renders kept on disk between builds (macros/render_cache.py).

Unit tests with stand-in pages, then real builds of a copy of the guide: a build that takes
its pages from the disk writes the same site as one that renders them, and still fails on a
link to a heading that is gone.
"""
import logging
import re
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from conftest import ROOT, build
from macros import figure_cache, render_cache, render_parts

CONFIG = {"markdown_extensions": ["toc"], "mdx_configs": {}, "validation": {"anchors": 30},
          "use_directory_urls": True, "docs_dir": "/docs"}
KEY_ARGS = {"markdown": "# A page", "src_uri": "a.md", "url": "a/", "settings": "s", "listing": "l",
            "detailed": True}


def files_of(*paths: str) -> Files:
    return Files([File(path, "/docs", "/site", True) for path in paths])


def page_of(markdown: str, files: Files):
    return SimpleNamespace(markdown=markdown, file=files.get_file_from_path("a.md"))


def rendering(calls: list, warn: bool = False):
    """A stand-in for Page.render: sets what the real one sets, from the page's Markdown."""
    def render(page, config, files):
        calls.append(page.markdown)
        if warn:
            logging.getLogger("mkdocs.structure.pages").warning("a link to a missing page")
        page.content = f"<h1 id=\"top\">{page.markdown}</h1>"
        page.toc = get_toc([{"level": 1, "id": "top", "name": page.markdown, "children": []}])
        page._title_from_render = page.markdown
        page.present_anchor_ids = {"top"}
        page.links_to_anchors = {files.get_file_from_path("b.md"): {"part": "b.md#part"}}
    return render


def render_each(markdowns: list[str], warn: bool = False) -> tuple[list, object]:
    """Each Markdown through the cache as a page of its own: (what was really rendered, the last page)."""
    files, calls = files_of("a.md", "b.md"), []
    render = rendering(calls, warn)
    for markdown in markdowns:
        page = page_of(markdown, files)
        render_cache.render_with_cache(page, render, CONFIG, files)
    return calls, page


def render_twice(markdown: str, warn: bool = False) -> tuple[list, object]:
    return render_each([markdown, markdown], warn)


@pytest.mark.parametrize("changed", sorted(KEY_ARGS))
def test_the_key_changes_with_each_input_of_a_render(changed):
    other = {**KEY_ARGS, changed: not KEY_ARGS[changed] if changed == "detailed" else KEY_ARGS[changed] + "x"}
    assert render_cache.render_key(**other) != render_cache.render_key(**KEY_ARGS)


def test_the_files_key_changes_when_a_file_is_added_or_renamed():
    keys = {render_cache.files_key(files) for files in
            (files_of("a.md", "b.md"), files_of("a.md", "b.md", "c.md"), files_of("a.md", "c.md"))}
    assert len(keys) == 3


def test_the_settings_key_changes_with_the_markdown_settings():
    other = {**CONFIG, "mdx_configs": {"toc": {"permalink": True}}}
    assert render_cache.settings_key(other) != render_cache.settings_key(CONFIG)


def test_a_second_render_of_the_same_markdown_comes_from_the_disk_with_everything_render_sets():
    calls, page = render_twice("# Same")
    assert calls == ["# Same"], "the second render should have come from the disk"
    assert page.content == '<h1 id="top"># Same</h1>'
    assert [(item.title, item.id) for item in page.toc] == [("# Same", "top")]
    assert page._title_from_render == "# Same"
    assert page.present_anchor_ids == {"top"}
    assert {file.src_uri: links for file, links in page.links_to_anchors.items()} == {"b.md": {"part": "b.md#part"}}


def test_changed_markdown_is_rendered_again():
    calls, _ = render_each(["# One", "# Two"])
    assert calls == ["# One", "# Two"]


def test_a_render_that_logged_a_warning_is_not_kept():
    calls, _ = render_twice("# Broken link", warn=True)
    assert len(calls) == 2, "a render that warned must run again, so its warning is logged again"


def test_a_page_that_includes_a_file_is_always_rendered():
    calls, _ = render_twice('--8<-- "CONTRIBUTING.md"')
    assert len(calls) == 2


def test_guide_cache_off_renders_every_time(monkeypatch):
    monkeypatch.setenv("GUIDE_CACHE", "off")
    calls, _ = render_twice("# Off")
    assert len(calls) == 2
    assert not figure_cache.DISK_DIR.exists()


# -- pages made of parts (macros/render_parts.py) ----------------------------------------------

BREAK = render_parts.PART_BREAK


def test_a_page_in_parts_renders_again_only_the_part_that_changed():
    calls, page = render_each([f"One\n\n{BREAK}\n\nTwo", f"One\n\n{BREAK}\n\nTwo, edited"])
    assert [c.strip() for c in calls] == ["One", "Two", "Two, edited"]
    assert page.content == '<h1 id="top">One\n\n</h1>\n<h1 id="top">\n\nTwo, edited</h1>'
    assert page.markdown == "One\n\n\n\nTwo, edited", "the break is not left in the page's Markdown"


def test_a_page_with_one_part_is_rendered_without_the_break():
    calls, page = render_each([f"{BREAK}\n\nOnly"])
    assert calls == ["\n\nOnly"] and BREAK not in page.content


def test_guide_cache_off_renders_a_page_in_parts_whole(monkeypatch):
    monkeypatch.setenv("GUIDE_CACHE", "off")
    calls, _ = render_each([f"One\n\n{BREAK}\n\nTwo"])
    assert calls == ["One\n\n\n\nTwo"]


def test_the_parts_tables_of_contents_nest_as_one():
    def toc(*levels_and_ids):
        return get_toc([{"level": level, "id": id_, "name": id_, "children": []} for level, id_ in levels_and_ids])
    joined = render_parts.joined_toc([toc((1, "title"), (2, "contents")), toc((2, "one")), toc((2, "two"), (3, "two-a"))])
    assert [(link.id, [c.id for c in link.children]) for link in joined] == [("title", ["contents", "one", "two"])]
    assert [c.id for c in joined.items[0].children[2].children] == ["two-a"]


PAGE_IN_PARTS = f"""# A title {{ .print-title }}

Before the parts, [a link](b.md#part).

## Contents

{BREAK}

<div class="print-chapter" markdown>

## One {{ #one }}

Term
:   Its definition, and [another link](b.md#other).

### In brief {{ #one-brief }}

- a point

</div>

{BREAK}

## Two {{ #two }}

**word** {{ #word }}
:   Text.

    More text.
"""


def real_page(markdown: str, tmp_path):
    """A MkDocs page with this project's Markdown settings, and the files it links to."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from mkdocs.utils.yaml import yaml_load

    settings = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir(exist_ok=True)
    config.load_dict({"site_name": "Test", "docs_dir": str(docs), "site_dir": str(site),
                      "markdown_extensions": settings["markdown_extensions"]})
    errors, _ = config.validate()
    assert not errors, errors
    files = Files([File(path, str(docs), str(site), True) for path in ("a.md", "b.md")])
    page = Page(None, files.get_file_from_path("a.md"), config)
    page.markdown = markdown
    return page, config, files


def rendered(page) -> tuple:
    return (page.content, str(page.toc), page._title_from_render, page.present_anchor_ids,
            {f.src_uri: links for f, links in page.links_to_anchors.items()})


def test_a_page_in_parts_renders_as_the_whole_page_would(tmp_path):
    from mkdocs.structure.pages import Page

    whole, config, files = real_page(render_parts.whole(PAGE_IN_PARTS), tmp_path)
    Page.render(whole, config, files)
    in_parts, config, files = real_page(PAGE_IN_PARTS, tmp_path)
    render_cache.render_with_cache(in_parts, Page.render, config, files)
    assert rendered(in_parts) == rendered(whole)
    assert [link.id for link in in_parts.toc.items[0].children] == ["contents", "one", "two"]
    assert rendered(in_parts)[4]["b.md"] == {"part": "b.md#part", "other": "b.md#other"}


# -- real builds ---------------------------------------------------------------------------

TALLY = re.compile(r"Rendered (\d+) pages from Markdown; took (\d+) unchanged ones")


MACROS_TALLY = re.compile(r"Ran the macros on (\d+) pages; took (\d+) pages' Markdown")


def build_and_tally(project, site) -> tuple[int, int, int]:
    """(pages rendered, pages taken from the disk, pages whose macros ran)."""
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    found, macros_found = TALLY.search(result.stderr), MACROS_TALLY.search(result.stderr)
    assert found and macros_found, "the build should say how many pages it rendered and how many it reused"
    rendered, reused = int(found.group(1)), int(found.group(2))
    assert int(macros_found.group(1)) + int(macros_found.group(2)) == rendered + reused
    return rendered, reused, int(macros_found.group(1))


def site_files(site) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_build_from_the_disk_writes_the_same_site_and_still_fails_on_a_lost_anchor(project_copy, tmp_path):
    first_site, second_site = tmp_path / "first", tmp_path / "second"
    rendered, reused, macros_ran = build_and_tally(project_copy, first_site)
    assert reused == 0 and rendered > 50 and macros_ran == rendered
    rerendered, reused, macros_ran = build_and_tally(project_copy, second_site)
    assert reused >= rendered - 1, "only the page that includes CONTRIBUTING.md should render again"
    assert macros_ran == 0, "a page whose inputs did not change ran its macros again"
    assert rerendered + reused == rendered
    first, second = site_files(first_site), site_files(second_site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []

    # A page links to a new heading in a chapter; built once, so its render is on the disk. Then
    # the heading goes: the linking page is unchanged (taken from the disk), yet the build fails.
    chapter, about = project_copy / "docs" / "chapters" / "01-a-new-partnership.md", project_copy / "docs" / "about.md"
    chapter_text = chapter.read_text(encoding="utf-8")
    chapter.write_text(chapter_text + "\n\n## A heading for the test\n\nText.\n", encoding="utf-8")
    about.write_text(about.read_text(encoding="utf-8")
                     + "\n\n[A section](chapters/01-a-new-partnership.md#a-heading-for-the-test)\n", encoding="utf-8")
    # and a data file changes: every page that shows it runs its macros again (macros/macro_cache.py)
    glossary = project_copy / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "Mexico abstained when the UN Commission", "Mexico abstained (edited) when the UN Commission"),
        encoding="utf-8")
    assert build_and_tally(project_copy, tmp_path / "third")[2] == rendered, "a data file changed: every page's macros run"
    shown = (tmp_path / "third" / "reference" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "Mexico abstained (edited) when" in shown, "the glossary page kept the text from before the edit"
    chapter.write_text(chapter_text, encoding="utf-8")
    result = build(project_copy, tmp_path / "fourth")
    assert result.returncode != 0, "a link to a heading that is gone passed the strict build"
    assert "#a-heading-for-the-test" in result.stderr and "about.md" in result.stderr
