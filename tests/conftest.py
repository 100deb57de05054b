"""Shared fixtures: one strict build of the real site per test session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "CONTRIBUTING.md", "data", "docs", "macros", "overrides"]


def mkdocs_command() -> list[str]:
    return [sys.executable, "-m", "mkdocs"]


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [*mkdocs_command(), "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def copy_project(target: Path) -> Path:
    """A throwaway copy of the guide, for tests that break it on purpose."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / part)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The real guide, built once with --strict, and shared by the pytest-xdist workers: the
    first to need it builds while the others wait on a lock, then all read the same site."""
    if worker_id == "master":  # no xdist
        return build_once(tmp_path_factory.mktemp("site"))
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every worker of this run
    with FileLock(str(shared / "site.lock")):
        return build_once(shared / "site")


def build_once(site: Path) -> Path:
    done, failed = site.with_name(site.name + ".built"), site.with_name(site.name + ".failed")
    if failed.exists():
        pytest.fail(failed.read_text(encoding="utf-8"))
    if not done.exists():
        result = build(ROOT, site)
        if result.returncode != 0:
            failed.write_text(f"strict build failed:\n{result.stdout}\n{result.stderr}", encoding="utf-8")
            pytest.fail(failed.read_text(encoding="utf-8"))
        done.touch()
    return site


@pytest.fixture(autouse=True)
def figure_cache_on_disk_in_tmp(tmp_path, monkeypatch):
    """Unit tests keep the figure cache's disk part in their own folder, not in .cache/ of the repo."""
    from macros import figure_cache

    monkeypatch.setattr(figure_cache, "DISK_DIR", tmp_path / "figure-cache")


@pytest.fixture()
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


# -- serving the built site and finding a browser --------------------------------

import functools
import http.server
import threading

BROWSER_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/chromium-browser"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def find_chromium() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH", ""), *BROWSER_CANDIDATES]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site on a local server: http://127.0.0.1:PORT/"""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


SCRIPTS_RAN = "document.documentElement.getAttribute('data-guide-scripts') !== 'loading'"


def wait_for_guide_scripts(page_class) -> None:
    """A page of the guide runs Material's bundle and our scripts after its first paint
    (overrides/partials/scripts-after-paint.js), which can come after the load event: a
    navigation that waits for "load" then waits for those scripts too."""
    for name in ("goto", "reload", "go_back", "go_forward"):
        navigate = getattr(page_class, name)

        def navigate_and_wait(self, *args, _navigate=navigate, **kwargs):
            response = _navigate(self, *args, **kwargs)
            if kwargs.get("wait_until", "load") == "load":
                self.wait_for_function(SCRIPTS_RAN)
            return response

        setattr(page_class, name, navigate_and_wait)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; skipped if absent (but never in CI)."""
    path = find_chromium()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: install Debian's chromium (see .ci/run).")
        pytest.skip("Chromium not found: apt-get install chromium, or set CHROMIUM_PATH")
    playwright_api = pytest.importorskip("playwright.sync_api")
    wait_for_guide_scripts(playwright_api.Page)
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def page_tour(browser, site_url, built_site, tmp_path_factory, worker_id) -> dict[str, dict]:
    """{page path: what one visit found} for every page (tests/page_tour.py); the xdist workers
    share the visits, the longest pages first so neither worker is left with a long one at the end."""
    from axe_playwright_python.sync_playwright import Axe  # only browser tests need it

    from page_tour import PageTour, Visitor
    from test_browser import html_pages, page_file

    shared = tmp_path_factory.getbasetemp().parent if worker_id != "master" else tmp_path_factory.mktemp("tour")
    pages = sorted(html_pages(built_site), key=lambda path: page_file(built_site, path).stat().st_size, reverse=True)
    axe_script = Axe().axe_script
    return PageTour(shared / "page-tour", pages, lambda: Visitor(browser, site_url, axe_script)).tour()


@pytest.fixture()
def tab(browser):
    """A desktop page without the search index (layout and behaviour tests); closed after the test."""
    from test_browser import opened_page
    with opened_page(browser) as page:
        yield page


@pytest.fixture()
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


# -- tiers: unit (pure functions), build (a strict build), browser (Chromium) ----------

BUILD_FIXTURES = {"built_site", "project_copy", "site_url", "parsed"}


def pytest_collection_modifyitems(items):
    """Every test gets exactly one tier, from what it uses: `make test-fast` runs unit and build."""
    for item in items:
        if item.get_closest_marker("browser"):
            continue
        uses_build = BUILD_FIXTURES & set(getattr(item, "fixturenames", ()))
        item.add_marker(pytest.mark.build if uses_build else pytest.mark.unit)
