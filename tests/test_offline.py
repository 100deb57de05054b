"""The offline edition (`make offline`, scripts/make_offline.py): a zip of the whole site that
works opened straight from the file system, search included.

The configuration check is a unit test. The rest builds the zip once for the module, unpacks
it and opens it from file:// in Chromium with every request to the network refused."""
from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from project_files import config, load_script

from site_html import html_pages, parse, resolve
from test_browser import TIMEOUT, data, new_page

make_offline = load_script("make_offline")


def test_offline_config_is_the_site_config_plus_the_offline_plugin_without_instant_navigation():
    """INHERIT replaces lists, so mkdocs.offline.yml copies two of them: they must stay in step."""
    site, offline = config("mkdocs.yml"), config("mkdocs.offline.yml")
    assert offline["INHERIT"] == "mkdocs.yml"
    assert offline["plugins"] == [*site["plugins"], "offline"]
    assert offline["theme"]["features"] == [f for f in site["theme"]["features"] if f != "navigation.instant"]
    assert set(offline) <= {"INHERIT", "theme", "extra", "plugins"}, "change only what the offline edition needs"
    assert set(offline["theme"]) == {"features"} and set(offline["extra"]) == {"polyfills"}
    assert offline["extra"]["polyfills"] == [make_offline.SHIM_IN_SITE.as_posix()]
    # The hooks (search index rework) come from mkdocs.yml unchanged.
    assert "hooks" not in offline and site["hooks"] == ["macros/hooks.py"]


# -- the built edition ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory) -> Path:
    """Needs the npm tools (iframe-worker's shim): skipped without them, but never in CI."""
    if not make_offline.SHIM.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI must build the offline edition: {make_offline.SHIM} is missing (npm ci --prefix tools)")
        pytest.skip("the npm tools are not installed: npm ci --prefix tools --ignore-scripts")
    return make_offline.make_offline(tmp_path_factory.mktemp("offline") / make_offline.ZIP_NAME)


@pytest.fixture(scope="module")
def offline_site(offline_zip, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / make_offline.FOLDER


@pytest.mark.browser
def test_the_zip_unpacks_to_one_folder_with_the_reworked_search_index_inlined(offline_zip, offline_site):
    with zipfile.ZipFile(offline_zip) as archive:
        assert {name.split("/")[0] for name in archive.namelist()} == {make_offline.FOLDER}
    assert (offline_site / "index.html").is_file() and (offline_site / make_offline.SHIM_IN_SITE).is_file()
    index = (offline_site / "search" / "search_index.json").read_text(encoding="utf-8")
    inlined = (offline_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert inlined == f"var __index = {index}", "the offline index must be the one macros/hooks.py reworked"
    locations = {doc["location"] for doc in json.loads(index)["docs"]}
    assert "reference/people/castaneda.html" in locations, "a result per person, at their own page"


@pytest.mark.browser
def test_every_link_opens_a_file_and_nothing_loads_from_another_host(offline_site):
    broken, external = [], []
    for page in html_pages(offline_site):
        if page.name == "404.html":  # a server's page; never opened from the file system
            continue
        info = parse(page)
        where = page.relative_to(offline_site)
        external += [f"{where}: {url}" for _, url in info.resources if re.match(r"^(https?:)?//", url)]
        for href in info.links:
            target = resolve(offline_site, page, href)
            if target is None:
                continue
            path = urlsplit(href).path
            if path and not Path(path).suffix:  # a folder: file:// shows a listing, not the page
                broken.append(f"{where} -> {href} (a folder)")
            elif not target[0].is_file():
                broken.append(f"{where} -> {href} (no such file)")
    assert not external, "loaded from other hosts:\n" + "\n".join(external[:20])
    assert not broken, "links that do not open from the file system:\n" + "\n".join(broken[:40])


@pytest.mark.browser
def test_search_finds_a_person_opened_from_the_file_system(browser, offline_site):
    person = next(p for p in data("people") if p["id"] == "castaneda")
    page = new_page(browser)
    network = []

    def refuse(route):
        network.append(route.request.url)
        route.abort()

    page.context.route(re.compile(r"^(https?|wss?)://"), refuse)
    try:
        page.goto((offline_site / "index.html").as_uri(), wait_until="load")
        page.wait_for_function("document.documentElement.classList.contains('js')")
        box = page.locator("input.md-search__input")
        box.click()
        page.wait_for_function("() => !/initializ/i.test(document.querySelector('.md-search-result__meta').textContent)",
                               timeout=TIMEOUT * 3)
        box.press_sequentially("Castaneda", delay=20)  # Material's search reacts to typed keys
        result = page.locator('.md-search-result a[href*="/reference/people/castaneda.html"]').first
        result.wait_for(timeout=TIMEOUT * 3)
        assert person["name"].split()[-1] in result.inner_text()
        result.click()
        page.wait_for_url(re.compile(r"^file://.*/reference/people/castaneda\.html(\?[^#]*)?$"))
        assert "Castañeda" in page.locator("h1").inner_text()
    finally:
        page.context.close()
    assert not network, f"the offline edition asked the network for: {network}"
