"""MkDocs hooks (see `hooks:` in mkdocs.yml).

- `mkdocs serve` keeps serving when a page or a data file has a mistake: the message is
  printed and shown in the page, and the next save that fixes it recovers.
- The downloads, and each person's and body's own page (macros/profiles.py), are added as
  generated files, so `serve` serves them and links are checked.
- After the build, the search index is reworked (macros/search_index.py): one result per
  glossary term, place and timeline event; accents ignored; keywords; pages kept out of it
  found by their title and description.
- Each page's Markdown-to-HTML render is kept in .cache/guide/ and reused while its Markdown
  and the settings are unchanged (macros/render_cache.py); so are its compiled template, its
  search entries and its Markdown after the macros (keep_unchanged_work).
- `mkdocs serve --dirty` (make serve) rebuilds only the pages an edit affects: each page
  records what data and chapters it read (macros/incremental.py); the search index keeps
  the pages not rebuilt; anything not attributed rebuilds every page. It notices a saved
  file within a tenth of a second (on_serve).
"""
from __future__ import annotations

import functools
import importlib
import json
import logging
import os
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemLoader
from jinja2.bccache import Bucket
from mkdocs.commands.build import _populate_page
from mkdocs.structure.files import File
from mkdocs.utils import CountHandler
from mkdocs.utils.meta import get_data

SERVING = "GUIDE_LIVE_PREVIEW"  # read by macros/reporting.py
INCREMENTAL = "GUIDE_INCREMENTAL"  # `mkdocs serve --dirty`: rebuild only what an edit affects
LOG = logging.getLogger("mkdocs.plugins.guide")
DIRTY_WARNING = "A 'dirty' build is being performed"


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation stale; this hook keeps it right."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def on_startup(command, dirty):
    os.environ[SERVING] = "1" if command == "serve" else "0"
    os.environ[INCREMENTAL] = "1" if command == "serve" and dirty else "0"
    build_logger = logging.getLogger("mkdocs.commands.build")
    if os.environ[INCREMENTAL] == "1" and not any(isinstance(f, QuietDirtyWarning) for f in build_logger.filters):
        build_logger.addFilter(QuietDirtyWarning())
    ask_git_once()


def ask_git_once() -> None:
    """mkdocs-macros runs git 13 times at the start of every build, for its `git` variable (the
    last commit, which no page shows): it is asked once per process, so `mkdocs serve` does not
    ask again at every rebuild."""
    from mkdocs_macros import context

    if not hasattr(context.get_git_info, "cache_info"):
        context.get_git_info = functools.cache(context.get_git_info)


# How often `mkdocs serve` looks for saved files: MkDocs polls every 0.5 s, so a save waited a
# quarter of a second on average before the rebuild began. Scanning docs/, data/ and macros/
# (about 200 files) takes about a millisecond: some 3% of one core at this rate.
WATCH_INTERVAL = 0.05
# How long MkDocs waits for more changes once it has seen one (0.1 s): one scan's worth, so a
# save that lands across two scans is still one rebuild.
BUILD_DELAY = WATCH_INTERVAL


def on_serve(server, config, builder):
    """A saved file is noticed within WATCH_INTERVAL (MkDocs' watcher polls: watchdog's
    PollingObserver, whose emitters each keep the interval they were made with), and rebuilt
    BUILD_DELAY later."""
    observer = server.observer
    if hasattr(observer, "_timeout"):
        observer._timeout = WATCH_INTERVAL  # for the folders watched from here on (data/, macros/)
        for emitter in observer.emitters:  # docs/ and mkdocs.yml, watched already
            emitter._timeout = WATCH_INTERVAL
    server.build_delay = BUILD_DELAY
    return server


def incremental() -> bool:
    return os.environ.get(INCREMENTAL) == "1"


class _State:
    """macros.serve_state (never reloaded: what serve remembers between rebuilds), imported when
    first used: this file loads before the macros plugin puts the project on sys.path."""

    def __getattr__(self, name: str):
        return getattr(importlib.import_module("macros.serve_state"), name)

    def __setattr__(self, name: str, value) -> None:
        setattr(importlib.import_module("macros.serve_state"), name, value)


serve_state = _State()


def on_config(config):
    macros_plugin = config.plugins.get("macros")
    if os.environ.get(SERVING) == "1" and macros_plugin:
        # A live preview reports mistakes in the page instead of stopping.
        macros_plugin.config["on_error_fail"] = False
        logger = logging.getLogger("mkdocs")
        for handler in [h for h in logger.handlers if isinstance(h, CountHandler)]:
            logger.removeHandler(handler)
    if macros_plugin:
        keep_unchanged_work(config, macros_plugin)
    stash_figures(config)
    if incremental():
        remember_theme(config.theme)
    return config


def stash_figures(config) -> None:
    """Every page's figures skip Markdown's reading of raw HTML (macros/figure_stash.py)."""
    from macros.figure_stash import FigureStashExtension

    if not any(isinstance(e, FigureStashExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(FigureStashExtension())


def search_plugin(config):
    """Material's search plugin, under either name mkdocs.yml may give it (None without it)."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def keep_unchanged_work(config, macros_plugin) -> None:
    """Work whose inputs did not change since the last build is taken from .cache/guide/: each
    page's compiled template (macros/template_cache.py), its search entries
    (macros/search_cache.py) and its Markdown after the macros (macros/macro_cache.py; while
    serving, in memory, as pages record what their macros read)."""
    importlib.import_module("macros.template_cache").keep_page_templates(macros_plugin.env)
    if os.environ.get(SERVING) != "1" or incremental():
        importlib.import_module("macros.macro_cache").keep_macro_output(macros_plugin, while_serving=incremental())
    search = search_plugin(config)
    if getattr(search, "search_index", None) is not None:
        importlib.import_module("macros.search_cache").keep_search_entries(
            search.search_index, importlib.import_module("macros.search_index").indexed_html)


def remember_theme(theme) -> None:
    """While serving, the theme's templates are compiled once, and the list of the installed
    theme's files (Material's thousands of icons) is read and filtered once; overrides/ (the
    theme's custom_dir) is read every build."""
    plain_get_env = theme.get_env

    def get_env():
        env = plain_get_env()
        env.bytecode_cache = MemoryBytecodeCache()
        loader = env.loader
        loader.list_templates = lambda: theme_templates(loader.searchpath, theme.custom_dir)
        plain_list = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            if extensions is not None or filter_func is None:
                return plain_list(extensions, filter_func)
            # a filter's verdict on a name, remembered per filter (its code) and the theme's settings
            key = (filter_func.__code__, tuple(theme.static_templates))
            verdicts = serve_state.template_verdicts.setdefault(key, {})
            names = loader.list_templates()
            for name in names:
                if name not in verdicts:
                    verdicts[name] = bool(filter_func(name))
            return [name for name in names if verdicts[name]]
        env.list_templates = list_templates
        return env
    theme.get_env = get_env


def theme_templates(searchpath: list[str], custom_dir: str | None) -> list[str]:
    """What FileSystemLoader(searchpath).list_templates() gives, every folder but custom_dir
    listed once (the installed theme's folders may sit in the project's .venv/)."""
    found: set[str] = set()
    for folder in searchpath:
        if custom_dir and Path(folder).resolve() == Path(custom_dir).resolve():
            found.update(FileSystemLoader(folder).list_templates())
        else:
            if folder not in serve_state.template_lists:
                serve_state.template_lists[folder] = FileSystemLoader(folder).list_templates()
            found.update(serve_state.template_lists[folder])
    return sorted(found)


def guide_macros(config):
    """The macros' GuideMacros for this build; None without the macros plugin (a benchmark's
    reference build) or when the data has a problem."""
    macros_plugin = config.plugins.get("macros")
    return macros_plugin.variables.get("guide_macros") if macros_plugin else None


def on_files(files, config):
    macros = guide_macros(config)
    if macros is None:  # no macros plugin (a benchmark's reference build), or the data has a problem
        if incremental():  # every page shows the problem
            serve_state.pending, serve_state.failed = None, True
            for file in files.documentation_pages():
                file.is_modified = lambda: True
        return files
    macros.draw_ahead()  # the maps' layouts, on another CPU, while the downloads are made here
    for path, text in {**macros.download_files(), **macros.profile_pages()}.items():
        files.append(File.generated(config, path, content=text))
    if incremental():
        choose_pages(files, config, macros)
    return files


def site_key(files, config) -> str:
    """What every page depends on: the code, mkdocs.yml, the theme overrides, the list of pages."""
    incremental_module = importlib.import_module("macros.incremental")
    root = Path(config.config_file_path).parent
    pages = "\n".join(f.src_uri for f in files.documentation_pages())
    return incremental_module.digest(pages + incremental_module.tree_key(
        [root / "macros", Path(config.config_file_path), *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]))


def choose_pages(files, config, macros) -> None:
    """Mark the pages to rebuild (File.is_modified, which --dirty consults)."""
    incremental_module = importlib.import_module("macros.incremental")
    root = Path(config.config_file_path).parent
    pages = files.documentation_pages()
    current = incremental_module.BuildRecord(
        site_key(files, config),
        {f.src_uri: incremental_module.digest(f.content_string) if f.generated_by
         else incremental_module.page_source_key(Path(config.docs_dir), f.src_uri, root) for f in pages},
        macros.fingerprints(), urls={f.src_uri: "" if f.url == "./" else f.url for f in pages})  # as in the index
    previous = serve_state.previous
    chosen, why = incremental_module.pages_to_rebuild(previous, current)
    if previous is None or previous.site_key != current.site_key:
        serve_state.forget_renders()
    if previous is not None:
        current.depends = {page: deps for page, deps in previous.depends.items() if page not in chosen}
        current.shown = dict(previous.shown)
    current.rebuilt = chosen
    serve_state.pending = current
    for file in pages:
        file.is_modified = (lambda rebuild: lambda: rebuild)(file.src_uri in chosen)
    shown = ": " + ", ".join(sorted(chosen)) if len(chosen) <= 12 else ""
    if chosen:
        LOG.info(f"Rebuilding {len(chosen)} of {len(pages)} pages ({why}){shown}.")
    else:  # a save seen twice by the watcher, or one that changed nothing a page reads
        LOG.info("Nothing to rebuild: no page's text, nor anything a page read, changed.")


def on_pre_page(page, config, files):
    if incremental():
        serve_state.start_recording()
    if config.plugins.get("macros"):
        keep_render(page)
    return page


def keep_render(page) -> None:
    """The page's Markdown-to-HTML render is taken from, or kept in, the disk cache
    (macros/render_cache.py): Page.render is wrapped on this page only."""
    render_cache = importlib.import_module("macros.render_cache")
    plain_render = type(page).render
    page.render = lambda config, files: render_cache.render_with_cache(page, plain_render, config, files)


def on_page_content(html, page, config, files):
    """Tooltips on the first use of each term; on chapter pages, one link per target per
    section; on long reference pages, a "Jump to" list of sections; then the hover texts
    filled in (macros/hover_marks.py)."""
    from macros import first_mentions, hover_marks, jump_to  # the macros plugin has imported the package by now

    html = first_mentions.first_terms_only(html)  # before the fill: one mark per entry
    if page.file.src_uri.startswith("chapters/"):
        html = first_mentions.unlink_repeats(html)
    if page.file.src_uri.startswith("reference/"):
        html = jump_to.add_jump_to(html)
    macros = guide_macros(config)
    if macros is not None:
        html = hover_marks.fill(html, macros.hover_texts, page.file.src_uri)
    if incremental() and serve_state.pending is not None:
        serve_state.pending.depends[page.file.src_uri] = serve_state.stop_recording()
    return html


class MemoryBytecodeCache(BytecodeCache):
    """The theme's templates compiled once per serve session (Jinja checks each source's checksum)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in serve_state.bytecode:
            bucket.bytecode_from_string(serve_state.bytecode[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        serve_state.bytecode[bucket.key] = bucket.bytecode_to_string()


def on_env(env, config, files):
    """Pages not rebuilt keep the title and front matter the navigation showed last time; if a
    rebuilt page's changed, every page is rebuilt (each page's navigation shows it; a page's own
    description is not shown elsewhere, so a change to it alone rebuilds no other page). The theme's
    templates are compiled once and kept in .cache/guide/ (macros/template_cache.py)."""
    if config.plugins.get("macros"):
        importlib.import_module("macros.template_cache").keep_theme_templates(env)
    record = serve_state.pending if incremental() else None
    if record is None:
        return env
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    shown = importlib.import_module("macros.incremental").shown_elsewhere
    changed = [p for p in pages if p.markdown is not None
               and shown(*record.shown.get(p.file.src_uri, (p.title, p.meta))) != shown(p.title, p.meta)]
    for page in pages:
        if page.markdown is None and page.file.src_uri in record.shown and not changed:
            page.title, page.meta = record.shown[page.file.src_uri]
        elif page.markdown is None:
            LOG.info(f"Rebuilding {page.file.src_uri} too: a page's title or front matter changed.")
            page.file.is_modified = lambda: True
            record.rebuilt.add(page.file.src_uri)
            _populate_page(page, config, files, dirty=False)
    record.shown = {p.file.src_uri: (p.title, dict(p.meta)) for p in pages}
    return env


def on_pre_build(config):
    if config.plugins.get("macros"):
        importlib.import_module("macros.render_cache").RENDERS.reset()
        importlib.import_module("macros.macro_cache").MACRO_RUNS.reset()
    search = search_plugin(config)
    if incremental() and search is not None:
        search.search_index_prev = None  # Material's own merge assumes one page; on_post_build merges


def on_build_error(error):
    serve_state.previous = serve_state.pending = None


def on_post_build(config):
    """Runs after Material's search plugin has written search/search_index.json."""
    macros_plugin = config.plugins.get("macros")
    macros = guide_macros(config)
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if macros_plugin:
        renders = importlib.import_module("macros.render_cache").RENDERS
        LOG.info(f"Rendered {renders.done} pages from Markdown; took {renders.reused} unchanged ones from .cache/guide/.")
        macro_runs = importlib.import_module("macros.macro_cache").MACRO_RUNS
        if os.environ.get(SERVING) != "1":
            LOG.info(f"Ran the macros on {macro_runs.done} pages; took {macro_runs.reused} pages' Markdown "
                     "from .cache/guide/.")
        elif incremental():
            LOG.info(f"Ran the macros on {macro_runs.done} pages; reused the last rebuild's output on "
                     f"{macro_runs.reused} (nothing they read had changed).")
    try:
        rework_search_index(macros, index_file, config)
    finally:
        if incremental():
            commit_build()


def rework_search_index(macros, index_file: Path, config) -> None:
    if macros is None or not index_file.exists():
        return
    search_index = importlib.import_module("macros.search_index")  # reloaded with macros/ (macros.MODULES)
    anchors = importlib.import_module("macros.facts").timeline_anchors(macros.guide["timeline"])

    @functools.cache
    def url(src: str) -> str:
        return File(src, config.docs_dir, config.site_dir, config.use_directory_urls).url

    titles = macros.page_titles()
    pages = {url(src): (titles.get(src) or meta.get("title") or src, meta)
             for src, meta in front_matter(Path(config.docs_dir)).items()}
    index = json.loads(index_file.read_text(encoding="utf-8"))
    if incremental() and serve_state.pending is not None:
        index["docs"] = whole_index(index["docs"], serve_state.pending)
    keywords = {**search_index.alias_keywords(macros.guide, url, index["config"]["separator"]),
                **search_index.page_keywords(pages)}
    figure_cache = importlib.import_module("macros.figure_cache")  # a pure function of plain data: kept on disk
    index = figure_cache.cached_value(search_index.rebuild, index, search_index.entry_docs(macros.guide, anchors, url),
                                      search_index.entry_boosts(macros.appearances, len(macros.chapters), url),
                                      search_index.excluded_page_cards(pages), keywords)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def front_matter(docs_dir: Path) -> dict[str, dict]:
    """docs path -> the page's front matter, for every page that has one."""
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        _, meta = get_data(path.read_text(encoding="utf-8"))
        if meta:
            found[path.relative_to(docs_dir).as_posix()] = meta
    return found


def whole_index(docs: list[dict], record) -> list[dict]:
    """The search docs of every page: this build's for the pages it rebuilt, the last build's for
    the others (a dirty build's index has only the pages it rebuilt)."""
    incremental_module = importlib.import_module("macros.incremental")
    if serve_state.search_docs is not None:
        rebuilt = {url for page, url in record.urls.items() if page in record.rebuilt}
        docs = incremental_module.merge_search_docs(serve_state.search_docs, docs, rebuilt, list(record.urls.values()))
    serve_state.search_docs = docs
    return docs


def commit_build() -> None:
    """The build the next one compares with; none after a mistake (the next rebuilds everything)."""
    if serve_state.failed or serve_state.pending is None:
        serve_state.previous = serve_state.search_docs = None
    else:
        serve_state.previous = serve_state.pending
    serve_state.pending, serve_state.failed = None, False
