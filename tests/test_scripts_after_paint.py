"""How a page loads: Material's bundle and our scripts run after the first paint
(overrides/partials/scripts-after-paint.js), and nothing is downloaded twice."""
from __future__ import annotations

import pytest
from test_flashcards_browser import watch_errors

from test_browser import PHONE, chapter_path, data, opened_page

pytestmark = pytest.mark.browser

FRAMES_BEFORE_MATERIAL = """window.guideFrames = 0;
(function count() { window.guideFrames += 1; requestAnimationFrame(count); })();
document.addEventListener('DOMContentLoaded', () => { window.guideFramesWhenParsed = window.guideFrames; }, {once: true});
new MutationObserver((records, observer) => {  // Material's bundle first takes 'no-js' off <html>
  if (document.documentElement.classList.contains('no-js')) { return; }
  observer.disconnect();
  const parsedAt = window.guideFramesWhenParsed;
  window.guideFramesBeforeMaterial = parsedAt === undefined ? 'Material ran while the page was parsed'
    : window.guideFrames - parsedAt;
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['class']});"""


def test_a_page_is_painted_before_materials_script_starts_and_then_everything_starts(browser, site_url):
    """overrides/partials/scripts-after-paint.js: Material's bundle restyles and measures the
    whole page, so it waits for a frame after parsing; Material still starts (it is sent the
    DOMContentLoaded it missed), and so do our scripts."""
    with opened_page(browser, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        page.context.add_init_script(FRAMES_BEFORE_MATERIAL)
        errors = watch_errors(page)
        page.goto(site_url + chapter_path(data("chapters")[0]), wait_until="load")  # conftest: and the scripts
        frames = page.evaluate("window.guideFramesBeforeMaterial")
        assert isinstance(frames, int) and frames >= 1, f"frames between parsing and Material's script: {frames}"
        assert page.get_attribute("html", "data-guide-scripts") == "ready"
        assert page.locator(".md-top").get_attribute("style"), "Material did not start (back-to-top unplaced)"
        assert page.locator("abbr[tabindex='0']").count(), "guide.js did not start (glossary terms not focusable)"
        assert not errors, errors


def test_each_stylesheet_is_downloaded_once(browser, site_url):
    """overrides/partials/links-in-full.js: Material's instant navigation sets every href on the
    page to a full address, and Chrome loads a stylesheet again when its href is set; <head>'s
    links are written in full before that, while their first download is under way."""
    with opened_page(browser) as page:
        stylesheets: list[str] = []
        page.on("request", lambda request: request.resource_type == "stylesheet" and stylesheets.append(request.url))
        page.goto(site_url + chapter_path(data("chapters")[0]), wait_until="load")  # conftest: and the scripts
        page.wait_for_timeout(200)
        assert len(stylesheets) >= 3 and len(stylesheets) == len(set(stylesheets)), stylesheets
