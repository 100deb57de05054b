"""The "Jump to" list that long reference pages get under their title (macros/jump_to.py)."""
from macros import jump_to

WORDS = "<p>" + "word " * (jump_to.LONG_PAGE_WORDS + 1) + "</p>"
H2 = '<h2 id="{0}">{1}<a class="headerlink" href="#{0}" title="Link to this section">&para;</a></h2>'


def page(*headings, body=WORDS):
    return '<h1 id="t">Title</h1>\n<p>Intro.</p>' + "".join(H2.format(a, t) + body for a, t in headings)


def test_a_long_page_lists_its_sections_under_the_title_in_order():
    out = jump_to.add_jump_to(page(("one", "One &amp; <em>two</em>"), ("later", "Later")))
    nav = ('<nav class="jump-to" aria-label="Jump to a section"><span>Jump to:</span> <ul>'
           '<li><a href="#one">One &amp; two</a></li><li><a href="#later">Later</a></li></ul></nav>')
    assert out.startswith('<h1 id="t">Title</h1>\n' + nav + "\n<p>Intro.</p>")
    assert out.count("jump-to") == 1


def test_a_short_page_or_a_page_with_one_section_gets_none():
    short = page(("a", "A"), ("b", "B"), body="<p>few words</p>")
    single = page(("a", "A"))
    assert jump_to.add_jump_to(short) == short
    assert jump_to.add_jump_to(single) == single


def test_a_page_with_its_own_index_gets_none():
    for own in ('<nav class="az-bar">', '<div class="whos-who">'):
        html = own + page(("a", "A"), ("b", "B"))
        assert jump_to.add_jump_to(html) == html


def test_without_a_title_the_list_goes_first():
    html = H2.format("a", "A") + WORDS + H2.format("b", "B")
    assert jump_to.add_jump_to(html).startswith('<nav class="jump-to"')


def test_word_count_ignores_tags():
    assert jump_to.word_count('<p class="x y z">one <a href="#">two</a></p>') == 2
