"""One full build: a summary heading renamed on its page, but not in data, stops the build
with file, entry, field and fix (the other theme and chart checks are unit tests)."""
from test_bad_input import failed_build


def test_summary_heading_renamed_on_the_page_but_not_in_data(project_copy):
    page = project_copy / "docs" / "chapters" / "01-a-new-partnership.md"
    page.write_text(page.read_text(encoding="utf-8").replace("### The Iraq test", "### The Iraq moment"),
                    encoding="utf-8")
    output = failed_build(project_copy)
    assert ("data/chapters.yml, entry 1 (a-new-partnership), field 'sections', item 3, 'heading': "
            "no '### The Iraq test' under '## Summary' on the chapter page;") in output
    assert "'### The Iraq moment' has no entry; add '- heading: The Iraq moment'" in output
