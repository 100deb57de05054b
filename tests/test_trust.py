"""What makes the guide citable: sourced verdicts, a corrections log, a way to report errors."""
from types import SimpleNamespace

import yaml
from jinja2 import Environment, FileSystemLoader

from conftest import ROOT

FINDINGS_FIXED = 16  # the independent fact-check of issue 9


def data(name):
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def test_every_prediction_verdict_cites_at_least_two_sources():
    thin = [p["id"] for p in data("predictions") if len({s["url"] for s in p["sources"]}) < 2]
    assert not thin, f"a verdict needs two independent sources: {thin}"


def test_the_corrections_log_holds_at_least_the_fact_check_findings():
    assert len(data("corrections")) >= FINDINGS_FIXED


def report_link(repo_url, canonical_url="https://guide.example/chapters/01/", title="1. <em>Start</em>"):
    env = Environment(loader=FileSystemLoader(ROOT / "overrides" / "partials"), autoescape=True)
    page = SimpleNamespace(canonical_url=canonical_url, url="chapters/01/", title=title)
    return env.get_template("comments.html").render(config={"repo_url": repo_url}, page=page)


def test_report_an_error_link_opens_an_issue_with_page_title_and_address():
    out = report_link("https://github.com/example/guide/")
    assert 'href="https://github.com/example/guide/issues/new?title=Error%20on%20page%3A%201.%20Start&amp;body=' in out
    assert "Address%3A%20https%3A//guide.example/chapters/01/" in out
    assert ">Report an error on this page</a>" in out


def test_no_report_link_without_a_repository():
    assert "Report an error" not in report_link(None)


def test_corrections_page_lists_the_log_and_every_page_links_to_it(built_site):
    page = (built_site / "corrections" / "index.html").read_text(encoding="utf-8")
    assert page.count("<em>Was:</em>") == len(data("corrections"))
    for path in ["index.html", "chapters/01-a-new-partnership/index.html", "about/index.html"]:
        assert "corrections/" in (built_site / path).read_text(encoding="utf-8"), path
