"""mkdocs-macros entry point: load and check the data, then register the macros.

Where things live: schemas in model.py, their messages in validation.py, loading in
loader.py, escaping in text.py, links in links.py, computed appearances in
chapters_source.py, one renderer module per kind of view, and bindings.py, which
connects them to the page being rendered. hooks.py (an MkDocs hook) adds the
downloads and keeps `mkdocs serve` running when a page or a data file has a mistake.
figure_stash.py hands each figure's markup to Markdown whole (a Markdown extension).
What a build keeps for the next one (.cache/guide/): figure_cache.py (figures; the folder
itself), render_cache.py, macro_cache.py, template_cache.py and search_cache.py.
"""
import importlib
from pathlib import Path

from mkdocs_macros.errors import format_error

from . import figure_cache, links, reporting, serve_state
from .errors import GuideError

TOOLTIP_PAGES = ("chapters/", "before-you-read.md")
# Reloaded when macros/ changed, so `mkdocs serve` picks up edits to it (dependencies first).
# serve_state is not among them: it keeps what serve remembers between rebuilds.
MODULES = ("incremental", "model", "validation", "text", "svg", "hover_marks", "links", "loader", "chapters_source", "tables", "facts", "study",
           "profiles", "glossary", "chapter_page", "argument", "citations", "downloads", "print_views", "printables",
           "corrections", "first_mentions", "jump_to", "search_index", "timeline_chart",
           "argument_diagram", "theme_marks", "charts", "basemap", "place_map", "relations", "lms_exports",
           "worksheets", "standards", "flashcards", "progress", "bindings")


@format_error.register
def _format_any_error(error: Exception, markdown: str, page) -> str:
    """A bad macro call: one message naming the page, printed and shown in the page."""
    message = reporting.describe_page_error(error, markdown, page.file.src_uri, known_macros())
    serve_state.failed = True
    reporting.report(message)
    return reporting.error_box(message)


def known_macros() -> list[str]:
    return list(importlib.import_module(f"{__name__}.bindings").GuideMacros.MACROS)


def fresh_modules() -> dict:
    """The modules, reloaded if a file in macros/ changed since they were loaded (their caches,
    such as parsed data and computed mentions, live as long as the code that made them)."""
    code = figure_cache.code_digest()  # the one hash of macros/, also part of every cached figure's key
    if code == serve_state.code_key:
        return {name: importlib.import_module(f"{__name__}.{name}") for name in MODULES}
    serve_state.forget()
    modules = {name: importlib.reload(importlib.import_module(f"{__name__}.{name}")) for name in MODULES}
    serve_state.code_key = code
    return modules


def define_env(env):
    modules = fresh_modules()
    try:
        macros = load_macros(env, modules)
    except GuideError as error:
        if not reporting.serving():
            raise
        reporting.report(str(error))
        serve_state.failed = True
        env.variables["guide_problem"] = str(error)
        for name in modules["bindings"].GuideMacros.MACROS:
            env.macro(lambda *args, **kwargs: "", name)
        return
    env.variables["guide_problem"] = None
    env.variables["guide_macros"] = macros
    env.variables["abbreviations"] = modules["glossary"].abbreviations(macros.guide["glossary"])
    env.variables["abbreviation_owners"] = modules["glossary"].abbreviation_owners(macros.guide["glossary"])
    macros.register()


def load_macros(env, modules):
    modules["links"].DIRECTORY_URLS = env.conf["use_directory_urls"]
    guide = modules["loader"].load_guide(Path(env.project_dir) / "data")
    docs_dir = Path(env.conf["docs_dir"])
    modules["corrections"].check_pages(guide["corrections"], docs_dir)
    modules["lms_exports"].check_exportable(guide["quizzes"])
    sources = modules["chapters_source"].read_chapters(docs_dir, guide["chapters"], guide.collections)
    modules["loader"].raise_if_any(
        modules["theme_marks"].check_marks(guide["themes"])
        + modules["theme_marks"].check_sections(guide["chapters"], guide.by_id["themes"],
                                                {cid: s.markdown for cid, s in sources.items()})
        + modules["charts"].check_charts(guide["charts"], guide.by_id["figures"]))
    return modules["bindings"].GuideMacros(env, guide, sources)


def on_pre_page_macros(env):
    # Read again per page: the offline plugin turns directory URLs off after define_env ran.
    links.DIRECTORY_URLS = env.conf["use_directory_urls"]  # the same module object fresh_modules reloads
    macros = env.variables.get("guide_macros")
    if macros:
        env.page.meta.update(macros.page_meta())


def on_post_page_macros(env):
    if env.variables.get("guide_problem"):
        env.markdown = reporting.error_box(env.variables["guide_problem"]) + "\n\n" + env.markdown
        return
    if env.variables.get("guide_macros"):
        env.markdown = env.variables["guide_macros"].mark_sections(env.markdown)
    if env.page.file.src_uri.startswith(TOOLTIP_PAGES) or env.page.meta.get("tooltips"):
        glossary = importlib.import_module(f"{__name__}.glossary")
        used = glossary.abbreviations_used(env.variables["abbreviations"], env.markdown)
        owners = env.variables["abbreviation_owners"]  # the page shows the hover texts of the names it uses
        token = importlib.import_module(f"{__name__}.hover_marks").hover_token
        serve_state.record("glossary-names", *(token("glossary", owners[line[2:line.index(']: ')]]) for line in used))
        # one definition per block: the Markdown block parser is quadratic in block size
        env.markdown += "\n\n" + "\n\n".join(used) + "\n"
