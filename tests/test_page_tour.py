"""The page tour's sharing between pytest-xdist workers (tests/page_tour.py), with a stand-in
for the browser: each page visited once, by whichever worker claimed it; a visit that fails is
reported, not waited on."""
from __future__ import annotations

import pytest

from page_tour import PageTour, completed

PAGES = ["", "chapters/01/", "reference/glossary/", "404.html"]


class FakeVisitor:
    def __init__(self, log: list, worker: str, failing: str | None = None):
        self.log, self.worker, self.failing = log, worker, failing

    def visit(self, path: str) -> dict:
        if path == self.failing:
            raise RuntimeError("page crashed")
        self.log.append((self.worker, path))
        return {"axe": {}, "by": self.worker}

    def close(self) -> None:
        self.log.append((self.worker, "closed"))


def test_two_workers_share_the_pages_and_each_page_is_visited_once(tmp_path):
    log: list = []
    first = PageTour(tmp_path, PAGES, lambda: FakeVisitor(log, "gw0"))
    second = PageTour(tmp_path, PAGES, lambda: FakeVisitor(log, "gw1"))
    assert first.claim(PAGES[0]) and not second.claim(PAGES[0])  # gw0 is on the first page...
    (tmp_path / "home.json").write_text('{"axe": {}, "by": "gw0"}', encoding="utf-8")  # ...and finishes it
    found = second.tour()  # gw1 takes the rest
    assert sorted(found) == sorted(PAGES)
    assert found[""]["by"] == "gw0" and {found[p]["by"] for p in PAGES[1:]} == {"gw1"}
    assert [path for _, path in log if path != "closed"] == PAGES[1:]
    assert first.tour() == found  # gw0 finds everything done and visits nothing
    assert log.count(("gw0", "closed")) == 0, "no browser started for a worker with nothing to visit"


def test_a_page_that_fails_to_load_fails_the_checks_by_name(tmp_path):
    tour = PageTour(tmp_path, PAGES, lambda: FakeVisitor([], "gw0", failing="reference/glossary/"))
    found = tour.tour()
    assert "page crashed" in found["reference/glossary/"]["error"]
    with pytest.raises(AssertionError, match="reference/glossary/"):
        completed(found)
    assert completed({p: v for p, v in found.items() if p != "reference/glossary/"})


def test_the_tour_waits_for_a_page_another_worker_claimed(tmp_path, monkeypatch):
    import page_tour

    monkeypatch.setattr(page_tour, "WAIT_FOR_OTHER_WORKER", 0.3)
    other = PageTour(tmp_path, PAGES[:1], lambda: FakeVisitor([], "gw1"))
    assert other.claim(PAGES[0])  # claimed, never finished
    found = PageTour(tmp_path, PAGES[:1], lambda: FakeVisitor([], "gw0")).tour()
    assert "no result after" in found[""]["error"]
