"""How mistakes are described: the same sentence in the console and in the page."""
import jinja2
import pytest

from macros import reporting
from macros.errors import GuideError
from macros.loader import load_guide


def error_from(template: str) -> Exception:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    try:
        env.from_string(template).render(who=lambda *a: "")
    except Exception as error:
        return error
    raise AssertionError("the template should have failed")


def test_an_undefined_macro_is_named_with_a_suggestion():
    error = error_from('Intro.\n{{ whoo("fox") }}')
    message = reporting.describe_page_error(error, 'Intro.\n{{ whoo("fox") }}', "chapters/02-x.md", ["who", "term"])
    assert message == "docs/chapters/02-x.md: 'whoo' is undefined; did you mean 'who'?"


def test_a_syntax_error_gives_the_line_and_its_text():
    markdown = 'One.\nTwo {{ who("fox" }}.'
    message = reporting.describe_page_error(error_from(markdown), markdown, "about.md", ["who"])
    assert message.startswith("docs/about.md, line 2: macro syntax error (")
    assert 'in: Two {{ who("fox" }}.' in message


def test_our_own_errors_pass_through_unchanged():
    error = GuideError("unknown place 'irak' in docs/x.md; did you mean 'iraq'?")
    assert reporting.describe_page_error(error, "", "x.md", []) == str(error)


def test_the_error_box_shows_the_message_as_text():
    box = reporting.error_box("line one <b>\nline two")
    assert box.startswith('!!! failure "The guide could not build this page as written"')
    assert "    ```text\n    line one <b>\n    line two\n    ```" in box


def test_serving_is_read_from_the_hook_flag(monkeypatch):
    monkeypatch.setenv(reporting.SERVING, "1")
    assert reporting.serving()
    monkeypatch.setenv(reporting.SERVING, "0")
    assert not reporting.serving()


def test_a_bad_data_file_stops_loading_with_file_entry_and_field(tmp_path):
    from conftest import ROOT
    for path in (ROOT / "data").glob("*.yml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    people = tmp_path / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("  kind: person", "  kind: persn", 1), encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_guide(tmp_path)
    assert "data/people.yml, entry 1" in str(caught.value)
    assert "field 'kind': 'persn' is not one of person. did you mean 'person'?" in str(caught.value)
