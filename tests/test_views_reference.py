"""Profiles of people and bodies, and the glossary."""
import pytest

from macros import glossary, hover_marks, links, profiles, render_parts
from sample_data import CASTANEDA, CHAPTERS, FOX, OTHER_TERM, PAN, TERM

WHOS_WHO_PAGE = "reference/people.md"


FOX_PAGE = "reference/people/fox.md"


def test_profile_page_shows_the_name_as_title_then_every_field_with_its_label_in_order():
    out = profiles.render_profile_page("people", FOX, {"start"}, CHAPTERS, FOX_PAGE)
    expected = ["# Vicente Fox", "*Person.* Mexico's president.", "**In 2001.** President of Mexico.",
                "**In the article.** The hero.", "**Stance on the US–Mexico relationship.** For partnership.",
                "**After 2001.** Left office in 2006.", "**Appears in:** [Chapter 1: Start](../../chapters/01-start.md)",
                "**Also written:** Fox", "**Sources:** [Census](https://www.census.gov/)", "← [All people](../people.md)"]
    positions = [out.index(line) for line in expected]
    assert out.startswith("# Vicente Fox\n") and positions == sorted(positions)


def test_profile_page_puts_its_ties_after_the_chapters_it_appears_in():
    out = profiles.render_profile_page("people", FOX, {"start"}, CHAPTERS, FOX_PAGE, ties="**Ties in the essay** X")
    assert out.index("**Appears in:**") < out.index("**Ties in the essay** X") < out.index("**Also written:**")


def test_profile_page_leaves_out_empty_optional_fields():
    out = profiles.render_profile_page("people", CASTANEDA, set(), CHAPTERS, "reference/people/castaneda.md")
    assert "Stance" not in out and "After 2001" not in out and "Sources" not in out
    assert f"**Appears in:** {profiles.NOT_IN_CHAPTERS}" in out


def test_a_body_is_labelled_with_its_kind_and_links_back_to_the_bodies_index():
    out = profiles.render_profile_page("bodies", PAN, set(), CHAPTERS, "reference/bodies/pan.md")
    assert "*Political party.* Fox's party." in out
    assert out.endswith("← [All parties, bodies and agreements](../bodies.md)")


def test_every_person_and_body_gets_a_page_that_renders_its_own_profile():
    files = profiles.profile_page_files({"people": [FOX, CASTANEDA], "bodies": [PAN]})
    assert files == {"reference/people/fox.md": '{{ profile_page("people", "fox") }}\n',
                     "reference/people/castaneda.md": '{{ profile_page("people", "castaneda") }}\n',
                     "reference/bodies/pan.md": '{{ profile_page("bodies", "pan") }}\n'}


def test_glossary_sorts_terms_under_letters_with_a_jump_bar():
    out = glossary.render_glossary([TERM, OTHER_TERM], {"maquiladora": {"start"}, "free-trade": set()}, CHAPTERS,
                                   "reference/glossary.md")
    assert '<nav class="az-bar" aria-label="Glossary letters" markdown>[F](#letter-f) [M](#letter-m)</nav>' in out
    assert out.index("## F { #letter-f }") < out.index("**free trade** { #free-trade }") < out.index("## M { #letter-m }")
    assert out.index("## M { #letter-m }") < out.index("**maquiladora** { #maquiladora }")
    assert out.count(f"{render_parts.PART_BREAK}\n\n## ") == 2, "each letter renders apart"


def test_glossary_entry_shows_term_in_bold_then_definition_explanation_links_and_sources():
    out = glossary.render_glossary([TERM, OTHER_TERM], {"maquiladora": {"start"}, "free-trade": set()}, CHAPTERS,
                                   "reference/glossary.md")
    assert "**maquiladora** { #maquiladora }\n:   A factory assembling goods for export.\n\n    Longer." in out
    assert "    Longer.\n\n    Second paragraph." in out
    assert "    See also: [maquiladora](glossary.md#maquiladora)" in out
    assert "    Used in: [Ch. 1](../chapters/01-start.md)" in out
    assert "    Sources: [Census](https://www.census.gov/)" in out
    assert out.count("Used in:") == 1  # free trade is used in no chapter


def test_terms_starting_with_a_quote_or_digit_file_sensibly():
    quoted = {**TERM, "id": "zionism", "term": '"Zionism is racism"'}
    digit = {**TERM, "id": "g3", "term": "3 nations"}
    assert glossary.first_letter(quoted) == "Z" and glossary.first_letter(digit) == glossary.DIGITS
    assert glossary.letter_anchor(glossary.DIGITS) == "letter-0-9"


def test_abbreviations_cover_aliases_and_capitalised_forms():
    found = glossary.abbreviations([TERM])
    assert found["maquiladoras"] == found["Maquiladora"] == "⟦glossary/maquiladora⟧"  # filled in after Markdown
    texts = links.hover_texts({"glossary": {"maquiladora": TERM}})
    filled = hover_marks.fill(f'<abbr title="{found["maquiladoras"]}">', texts)
    assert filled == '<abbr title="A factory assembling goods for export.">'


def test_a_page_gets_only_the_abbreviations_it_uses():
    lines = glossary.abbreviations_used(glossary.abbreviations([TERM]), "Maquiladoras spread.")
    assert lines == ["*[Maquiladoras]: ⟦glossary/maquiladora⟧"]  # not "Maquiladora": not a word here


@pytest.mark.parametrize("text, used", [
    ("They built _maquiladoras_ and **Maquiladora** plants.", ["maquiladoras", "Maquiladora"]),
    ("The maquiladora-based economy.", ["maquiladora"]),
    ("Premaquiladora zones.", []),
    ("Free trade grew; free traders did not.", ["free trade"]),
    ("Not free, trade.", []),
    ("See ¡Ya basta! in the text.", ["¡Ya basta!"]),
])
def test_a_name_counts_where_the_abbr_extension_would_mark_it(text, used):
    names = {"maquiladora": "a", "maquiladoras": "b", "Maquiladora": "c", "free trade": "d", "¡Ya basta!": "e"}
    lines = glossary.abbreviations_used(names, text)
    assert [line[2:line.index("]: ")] for line in lines] == [name for name in names if name in used]


def test_whos_who_gives_name_linking_to_its_page_one_line_and_chapter_numbers():
    out = profiles.render_whos_who("people", [FOX, CASTANEDA], {"fox": {"start", "end"}, "castaneda": set()},
                                   CHAPTERS, WHOS_WHO_PAGE)
    lines = out.splitlines()
    assert lines[0] == '<div class="whos-who" markdown>' and lines[-1] == "</div>"
    assert "| Name | In one line | Chapters |" in lines
    assert ("| [Vicente Fox](people/fox.md){ #fox } | Mexico's president. | [1](../chapters/01-start.md), "
            "[2](../chapters/02-end.md) |" in lines)  # the id: old links to people.md#fox still find the name
    assert "| [Jorge Castañeda](people/castaneda.md){ #castaneda } | Foreign minister. | — |" in lines
    assert out.index("#fox") < out.index("#castaneda")  # data order


def test_whos_who_escapes_its_cells():
    odd = {**PAN, "name": "A|B <i>", "short": "Left | right."}
    out = profiles.render_whos_who("bodies", [odd], {"pan": set()}, CHAPTERS, "reference/bodies.md")
    assert "| [A\\|B &lt;i&gt;](bodies/pan.md){ #pan } | Left \\| right. | — |" in out
