"""The relationship map (macros/relations.py) and the checks on data/relations.yml."""
import re
from pathlib import Path

import pytest

from macros import figure_cache, relations
from macros.links import built_href
from macros.loader import Guide, check_references, load_guide
from macros.model import COLLECTIONS, RELATION_KIND_LABELS, SYMMETRIC_RELATION_KINDS, Relation
from macros.validation import check_entry
from sample_data import BY_ID, CASTANEDA, CHAPTERS, FOX, PAN, cells

ROOT = Path(__file__).resolve().parent.parent
PAGE = "reference/relationships.md"
CHAPTER_PAGE = "chapters/01-start.md"
PROFILES = {"fox": ("people", FOX), "castaneda": ("people", CASTANEDA), "pan": ("bodies", PAN)}
RELATIONS = [
    {"from": "fox", "kind": "member-of", "to": "pan", "chapters": ["start"], "note": "His party."},
    {"from": "castaneda", "kind": "allied-with", "to": "fox", "chapters": ["start", "end"],
     "note": "Foreign minister <b>&</b> ally."},
    {"from": "castaneda", "kind": "opposes", "to": "pan", "chapters": ["end"], "note": "Invented | for the test."},
]


def full_svg(rels=RELATIONS, page=PAGE) -> str:
    nodes, edges = relations.graph_inputs(rels, PROFILES)
    return relations.render_svg(nodes, edges, page, "relationship-map", "Relationship map")


# -- the drawing ---------------------------------------------------------------------
def test_every_node_is_labelled_and_linked_to_its_profile():
    svg = full_svg()
    for node_id, (collection, entry) in PROFILES.items():
        href = built_href(PAGE, f"reference/{collection}/{node_id}.md")  # each profile's own page
        assert f'<a xlink:href="{href}" role="link" aria-label="{entry["name"]} (' in svg
        assert f">{relations.short_label(entry)}</tspan>" in svg
    assert svg.count('class="rel-link"') == 3
    assert '<a xlink:href="../people/fox/"' in svg and '<a xlink:href="../bodies/pan/"' in svg


def test_people_are_circles_and_bodies_squares():
    svg = full_svg()
    assert svg.count('<circle class="rel-node rel-node--person"') == 2
    assert svg.count('<rect class="rel-node rel-node--body"') == 1


def test_one_edge_per_relation_each_named_in_words():
    svg = full_svg()
    assert len(re.findall(r'class="rel-edge rel-edge--', svg)) == len(RELATIONS)
    assert "<title>Fox member of PAN</title>" in svg
    assert "<title>Castaneda allied with Fox</title>" in svg  # short labels: the first alias


def test_directed_kinds_end_in_a_marker_and_symmetric_ones_do_not():
    svg = full_svg()
    assert 'marker-end="url(#relationship-map-end-member-of)"' in svg
    assert 'marker-end="url(#relationship-map-end-opposes)"' in svg
    assert '<marker id="relationship-map-end-member-of"' in svg
    assert "end-allied-with" not in svg  # a double line, no arrowhead
    assert set(SYMMETRIC_RELATION_KINDS) <= set(RELATION_KIND_LABELS)


def test_the_map_has_an_accessible_name_and_description():
    svg = full_svg()
    assert 'role="group"' in svg and 'aria-labelledby="relationship-map-title relationship-map-desc"' in svg
    assert '<title id="relationship-map-title">Relationship map</title>' in svg
    assert "2 people (circles) and 1 bodies (squares), joined by 3 ties" in svg


def test_the_layout_is_deterministic_same_input_same_svg():
    figure_cache.clear()
    first = full_svg()
    assert full_svg() == first
    nodes, edges = relations.graph_inputs(RELATIONS, PROFILES)
    assert relations.layout(nodes, edges) == relations.layout(nodes, edges)


def test_coordinates_are_short():
    assert not re.search(r"\d\.\d\d", full_svg())


def test_data_text_is_escaped_in_the_svg():
    odd = {**PAN, "aliases": ["<PAN & co>"]}
    nodes, edges = relations.graph_inputs(RELATIONS, {**PROFILES, "pan": ("bodies", odd)})
    svg = relations.render_svg(nodes, edges, PAGE, "m", "Map")
    assert "&lt;PAN &amp; co&gt;" in svg and "<PAN &" not in svg


def test_real_labels_do_not_overlap():
    guide = load_guide(ROOT / "data")
    ends = {i: guide.profile(i) for i in guide.by_id["profiles"]}
    nodes, edges = relations.graph_inputs(guide["relations"], ends)
    at = relations.layout(nodes, edges)
    boxes = {n["id"]: relations.label_box(n) for n in nodes}
    ids = sorted(at)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            top, bottom = sorted((a, b), key=lambda k: (at[k][1], k))
            apart_x = abs(at[a][0] - at[b][0]) >= boxes[a][0] + boxes[b][0]
            apart_y = at[bottom][1] - at[top][1] >= boxes[top][2] + boxes[bottom][1]
            assert apart_x or apart_y, (a, b)


def test_legend_names_every_kind_shown_in_words_and_the_node_shapes():
    legend = relations.render_legend(["opposes", "member-of"])
    assert "<strong>member of</strong>" in legend and "<strong>opposes</strong>" in legend
    assert "leads" not in legend
    assert legend.index("member of") < legend.index("opposes")  # in the labels' order
    assert "<strong>circle</strong>: a person" in legend and "<strong>square</strong>" in legend
    assert 'aria-hidden="true"' in legend


def test_figure_block_has_caption_legend_and_text_version_link():
    figure_cache.clear()
    out = relations.render_full_map(RELATIONS, PROFILES, BY_ID, PAGE)
    assert '<figure class="guide-figure guide-figure--relations" data-search-exclude>' in out
    assert '<ul class="rel-legend">' in out and f'<a href="#{relations.TABLE_ID}">Text version</a>' in out
    assert f"## Every tie, in words {{ #{relations.TABLE_ID} }}" in out
    assert figure_cache.cache_size() == 1


# -- text versions -------------------------------------------------------------------
def test_table_lists_from_relation_to_chapters_and_note():
    table = relations.render_table(RELATIONS, PROFILES, BY_ID, PAGE).splitlines()
    assert cells(table[0]) == ["From", "Relation", "To", "Chapters", "Note"]
    assert len(table) == 2 + len(RELATIONS)
    row = cells(table[3])
    assert row[0].startswith("[Jorge Castañeda](people/castaneda.md)") and row[1] == "allied with"
    assert row[2].startswith("[Vicente Fox](people/fox.md)")
    assert row[3] == ('[1](../chapters/01-start.md){ title="Chapter 1: Start" }, '
                      '[2](../chapters/02-end.md){ title="Chapter 2: End" }')
    assert row[4] == "Foreign minister &lt;b&gt;&amp;&lt;/b&gt; ally."
    assert "Invented \\| for the test." in table[4]


def test_chapter_subset_keeps_only_its_relations_in_order():
    assert relations.for_chapter(RELATIONS, "start") == RELATIONS[:2]
    assert relations.for_chapter(RELATIONS, "end") == RELATIONS[1:]
    assert relations.for_chapter(RELATIONS, "nowhere") == []


def test_chapter_section_shows_its_part_of_the_map_and_a_list():
    out = relations.render_chapter_section(CHAPTERS[0], RELATIONS, PROFILES, CHAPTER_PAGE)
    assert out.startswith("## Who stands with whom\n\n")
    assert "[the whole relationship map](../reference/relationships.md)" in out
    assert 'id="relationship-map-start"' in out and 'href="#ties-start">Text version' in out
    assert '<div id="ties-start" class="rel-list" markdown data-search-exclude>' in out
    items = [line for line in out.splitlines() if line.startswith("- ")]
    assert items == [
        "- [Vicente Fox](../reference/people/fox.md) **member of** [National Action Party](../reference/bodies/pan.md): His party.",
        "- [Jorge Castañeda](../reference/people/castaneda.md) **allied with** [Vicente Fox](../reference/people/fox.md): "
        "Foreign minister &lt;b&gt;&amp;&lt;/b&gt; ally.",
    ]
    svg = out[out.index("<svg"):out.index("</svg>")]
    assert "National Action Party" not in svg.split("<title")[0]  # the map holds only this chapter's ties
    assert len(re.findall(r'class="rel-edge rel-edge--', svg)) == 2
    assert 'href="../../reference/people/fox/"' in svg


def test_a_chapter_without_relations_shows_nothing():
    assert relations.render_chapter_section(CHAPTERS[1], RELATIONS[:1], PROFILES, "chapters/02-end.md") == ""


def test_short_labels_and_wrapping():
    assert relations.short_label(FOX) == "Fox" and relations.short_label(PAN) == "PAN"
    assert relations.short_label({"name": "Plan Colombia", "aliases": ["Plan Colombia"]}) == "Plan Colombia"
    assert relations.wrap("Jorge Castañeda y Álvarez de la Rosa") == ["Jorge Castañeda", "y Álvarez de la", "Rosa"]
    assert relations.wrap("FTAA") == ["FTAA"]


# -- validation ----------------------------------------------------------------------
def guide_with(relation_list) -> Guide:
    collections = {name: [] for name in COLLECTIONS}
    collections["themes"] = [{"id": "migration", "name": "Migration", "short": "s", "description": "d"}]
    collections["chapters"] = [{"id": "one", "number": 1, "title": "T", "summary": "S", "paragraphs": 2,
                                "argument": "a", "themes": {"migration": "how"}}]
    collections["people"] = [{**FOX}, {**CASTANEDA}]
    collections["bodies"] = [{**PAN}]
    collections["relations"] = relation_list
    return Guide(collections)


GOOD = {"from": "fox", "kind": "member-of", "to": "pan", "chapters": ["one"], "note": "His party."}


def test_a_good_relation_passes():
    assert check_entry(GOOD, Relation, "here") == []
    assert check_references(guide_with([GOOD])) == []


def test_unknown_person_or_body_suggests_a_fix():
    problems = check_references(guide_with([{**GOOD, "from": "foxx"}, {**GOOD, "to": "pna"}]))
    assert any("data/relations.yml, entry 1, field 'from': unknown person or body 'foxx'; did you mean 'fox'?" in p
               for p in problems)
    assert any("entry 2, field 'to': unknown person or body 'pna'; did you mean 'pan'?" in p for p in problems)


def test_unknown_chapter_suggests_a_fix():
    [problem] = check_references(guide_with([{**GOOD, "chapters": ["onee"]}]))
    assert "data/relations.yml, entry 1, field 'chapters': unknown chapter 'onee'; did you mean 'one'?" in problem


def test_unknown_kind_suggests_a_fix():
    [problem] = check_entry({**GOOD, "kind": "member"}, Relation, "here")
    assert problem.startswith("here, field 'kind': 'member' is not one of leads, member-of")
    assert "did you mean 'member-of'?" in problem


def test_missing_chapters_empty_chapters_and_a_typo_field_are_refused():
    [missing] = check_entry({k: v for k, v in GOOD.items() if k != "chapters"}, Relation, "here")
    assert missing == "here, field 'chapters': missing; this field is required."
    [empty] = check_entry({**GOOD, "chapters": []}, Relation, "here")
    assert "field 'chapters': must not be empty." in empty
    problems = check_entry({**GOOD, "nota": "x"}, Relation, "here")
    assert any("field 'nota': unknown field; did you mean 'note'?" in p for p in problems)


def test_a_relation_needs_two_different_ends():
    [problem] = check_entry({**GOOD, "to": "fox"}, Relation, "here")
    assert problem.startswith("here, field 'to': 'fox' is also 'from'")


def test_the_same_tie_twice_is_refused_either_way_round_when_symmetric():
    ally = {"from": "fox", "kind": "allied-with", "to": "castaneda", "chapters": ["one"], "note": "n"}
    [problem] = check_references(guide_with([ally, {**ally, "from": "castaneda", "to": "fox"}]))
    assert "data/relations.yml, entry 2" in problem and "the same tie as entry 1" in problem
    directed = [GOOD, {**GOOD, "from": "pan", "to": "fox"}]  # opposite directions are different ties
    assert check_references(guide_with(directed)) == []


def test_every_relation_kind_has_a_style_and_a_label():
    assert set(Relation.model_fields["kind"].annotation.__args__) == set(RELATION_KIND_LABELS)
    assert set(relations.STYLES) == set(RELATION_KIND_LABELS)


def test_the_real_relations_load_and_cover_every_chapter():
    guide = load_guide(ROOT / "data")
    assert 30 <= len(guide["relations"]) <= 55
    for chapter in guide["chapters"]:
        assert relations.for_chapter(guide["relations"], chapter["id"]), chapter["id"]


@pytest.mark.parametrize("kind", sorted(RELATION_KIND_LABELS))
def test_each_kind_draws_with_its_own_line(kind):
    rel = [{"from": "fox", "kind": kind, "to": "pan", "chapters": ["start"], "note": "n"}]
    svg = full_svg(rel)
    assert f"rel-edge--{kind}" in svg
    dash = relations.STYLES[kind][0]
    assert (f'stroke-dasharray="{dash}"' in svg) == bool(dash)


def test_a_profile_page_lists_its_own_ties_naming_itself_unlinked():
    out = relations.render_entry_ties("fox", RELATIONS, PROFILES, "reference/people/fox.md")
    assert out.startswith("**Ties in the essay** (all of them on [the relationship map](../relationships.md)):\n\n"
                          '<div class="rel-list" markdown data-search-exclude>')  # the map's page is searched
    items = [line for line in out.splitlines() if line.startswith("- ")]
    assert items == [
        "- Vicente Fox **member of** [National Action Party](../bodies/pan.md): His party.",
        "- [Jorge Castañeda](castaneda.md) **allied with** Vicente Fox: Foreign minister &lt;b&gt;&amp;&lt;/b&gt; ally.",
    ]  # Castañeda's tie to the PAN is not Fox's


def test_an_entry_without_ties_gets_no_ties_paragraph():
    assert relations.render_entry_ties("nobody", RELATIONS, PROFILES, "reference/people/nobody.md") == ""
