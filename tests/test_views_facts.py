"""Timeline, key figures and the predictions scorecard."""
from macros import facts
from sample_data import BY_ID, CASTANEDA, CONTEXT_FIGURE, EVENTS, FIGURE, FOX, PREDICTION, cells


def table_lines(out: str) -> list[str]:
    """The Markdown table inside a view's wrapper <div>."""
    return [line for line in out.splitlines() if line.startswith("|")]


def unlabelled(row: list[str]) -> list[str]:
    """A card table's cells without the column names shown on phones."""
    return [c.split("</span> ", 1)[1] if c.startswith('<span class="card-label">') else c for c in row]


def test_timeline_sorts_by_date_shows_precision_and_marks_context():
    out = table_lines(facts.render_timeline(EVENTS, BY_ID, [[], []], "reference/timeline.md"))
    assert cells(out[0]) == ["Date", "Event", "From", "Where / source"]
    summit, resigns = unlabelled(cells(out[2])), unlabelled(cells(out[3]))
    assert summit == ['<span id="event-2001-02"></span>February 2001', "Summit.", "Article",
                      "[Ch. 1](../chapters/01-start.md)"]
    assert resigns == ['<span id="event-2003-01-10"></span>10 January 2003', "Resigns.", "Context",
                       "Context: [Census](https://www.census.gov/)"]


def test_timeline_anchors_come_from_dates_and_number_repeats():
    same_day = [{**EVENTS[0], "event": "Again."}, {**EVENTS[0], "event": "And again."}]
    assert facts.timeline_anchors([*EVENTS, *same_day]) == [
        "event-2003-01-10", "event-2001-02", "event-2003-01-10-2", "event-2003-01-10-3"]
    out = facts.render_timeline([*EVENTS, *same_day], BY_ID, [[], [], [], []], "reference/timeline.md")
    rows = [cells(line)[0] for line in table_lines(out)[2:]]
    assert rows == ['<span id="event-2001-02"></span>February 2001',
                    '<span id="event-2003-01-10"></span>10 January 2003',
                    '<span id="event-2003-01-10-2"></span>10 January 2003',
                    '<span id="event-2003-01-10-3"></span>10 January 2003']


def test_timeline_links_the_people_each_event_involves():
    out = facts.render_timeline(EVENTS, BY_ID, [[FOX, CASTANEDA], []], "reference/timeline.md")
    summit, resigns = (unlabelled(cells(line)) for line in table_lines(out)[2:])
    assert resigns[:2] == ['<span id="event-2003-01-10"></span>10 January 2003',
                           "Resigns. ([Vicente Fox](people/fox.md), [Jorge Castañeda](people/castaneda.md))"]
    assert summit[:3] == ['<span id="event-2001-02"></span>February 2001', "Summit.", "Article"]


def test_timeline_rows_become_cards_headed_by_the_date_on_phones():
    out = facts.render_timeline(EVENTS, BY_ID, [[], []], "reference/timeline.md")
    assert out.startswith('<div class="table-cards title-1" markdown>') and out.endswith("</div>")
    summit = cells(table_lines(out)[2])
    assert summit[0] == '<span id="event-2001-02"></span>February 2001'
    assert summit[1] == '<span class="card-label">Event:</span> Summit.'
    assert summit[3].startswith('<span class="card-label">Where / source:</span> [Ch. 1]')


def test_figures_show_value_measure_year_why_and_origin():
    out = facts.render_figures([FIGURE, CONTEXT_FIGURE], BY_ID, "reference/figures.md")
    assert out.startswith('<div class="table-cards title-1" markdown>')
    out = table_lines(out)
    assert cells(out[0]) == ["Figure", "What it measures", "Year", "Why it matters", "Where / source"]
    assert cells(out[2])[2] == '<span class="card-label">Year:</span> 1999'
    assert unlabelled(cells(out[2])) == ["**8th**", "Export rank", "1999", "Growth.", "[Ch. 2](../chapters/02-end.md)"]
    assert unlabelled(cells(out[3])) == ["**10th**", "Rank later", "2024", "Compare.",
                                         "Context: [Census](https://www.census.gov/)"]


def test_scorecard_rows_number_link_and_label_each_forecast():
    second = {**PREDICTION, "id": "ftaa", "chapter": "start", "claim": "An FTAA.", "verdict": "came-true"}
    out = facts.render_predictions([PREDICTION, second], BY_ID, "reference/predictions.md")
    assert out.startswith('<div class="table-cards title-2" markdown>')
    out = table_lines(out)
    assert cells(out[2]) == ["[1](#overtake-canada)", "Mexico passes Canada.",
                             '<span class="card-label">Verdict:</span> **Did not happen**',
                             '<span class="card-label">Chapter:</span> [Ch. 2](../chapters/02-end.md)']
    assert cells(out[3])[0] == "[2](#ftaa)" and unlabelled(cells(out[3]))[2] == "**Came true**"


def test_forecast_details_give_claim_author_outcome_and_sources():
    out = facts.render_prediction_details([PREDICTION], BY_ID, "reference/predictions.md")
    assert "### Forecast 1: did not happen { #overtake-canada }" in out
    assert "**The forecast.** Mexico passes Canada. *(Analysts; [chapter 2](../chapters/02-end.md" in out
    assert "**What happened.** It took longer." in out
    assert "**Sources:** [Census](https://www.census.gov/)" in out


def test_verdict_counts_cover_every_verdict_in_order():
    rows = facts.render_verdict_counts([PREDICTION, {**PREDICTION, "verdict": "partly"}]).splitlines()[2:]
    assert [cells(r) for r in rows] == [["Came true", "0"], ["Partly", "1"], ["Did not happen", "1"],
                                        ["Too early to tell", "0"]]
