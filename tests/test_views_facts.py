"""Timeline, key figures and the predictions scorecard."""
from macros import facts
from sample_data import BY_ID, CASTANEDA, CONTEXT_FIGURE, EVENTS, FIGURE, FOX, PREDICTION, cells


def test_timeline_sorts_by_date_shows_precision_and_marks_context():
    out = facts.render_timeline(EVENTS, BY_ID, [[], []], "reference/timeline.md").splitlines()
    assert cells(out[0]) == ["Date", "Event", "From", "Where / source"]
    summit, resigns = cells(out[2]), cells(out[3])
    assert summit == ['<span id="event-2001-02"></span>February 2001', "Summit.", "Article",
                      "[Ch. 1](../chapters/01-start.md)"]
    assert resigns == ['<span id="event-2003-01-10"></span>10 January 2003', "Resigns.", "Context",
                       "Context: [Census](https://www.census.gov/)"]


def test_timeline_anchors_come_from_dates_and_number_repeats():
    same_day = [{**EVENTS[0], "event": "Again."}, {**EVENTS[0], "event": "And again."}]
    assert facts.timeline_anchors([*EVENTS, *same_day]) == [
        "event-2003-01-10", "event-2001-02", "event-2003-01-10-2", "event-2003-01-10-3"]
    out = facts.render_timeline([*EVENTS, *same_day], BY_ID, [[], [], [], []], "reference/timeline.md")
    rows = [cells(line)[0] for line in out.splitlines()[2:]]
    assert rows == ['<span id="event-2001-02"></span>February 2001',
                    '<span id="event-2003-01-10"></span>10 January 2003',
                    '<span id="event-2003-01-10-2"></span>10 January 2003',
                    '<span id="event-2003-01-10-3"></span>10 January 2003']


def test_timeline_links_the_people_each_event_involves():
    out = facts.render_timeline(EVENTS, BY_ID, [[FOX, CASTANEDA], []], "reference/timeline.md")
    assert ("10 January 2003 | Resigns. ([Vicente Fox](people.md#fox), "
            "[Jorge Castañeda](people.md#castaneda)) |") in out
    assert "February 2001 | Summit. | Article |" in out


def test_figures_show_value_measure_year_why_and_origin():
    out = facts.render_figures([FIGURE, CONTEXT_FIGURE], BY_ID, "reference/figures.md").splitlines()
    assert cells(out[0]) == ["Figure", "What it measures", "Year", "Why it matters", "Where / source"]
    assert cells(out[2]) == ["**8th**", "Export rank", "1999", "Growth.", "[Ch. 2](../chapters/02-end.md)"]
    assert cells(out[3]) == ["**10th**", "Rank later", "2024", "Compare.", "Context: [Census](https://www.census.gov/)"]


def test_scorecard_rows_number_link_and_label_each_forecast():
    second = {**PREDICTION, "id": "ftaa", "chapter": "start", "claim": "An FTAA.", "verdict": "came-true"}
    out = facts.render_predictions([PREDICTION, second], BY_ID, "reference/predictions.md").splitlines()
    assert cells(out[2]) == ["[1](#overtake-canada)", "Mexico passes Canada.", "**Did not happen**",
                             "[Ch. 2](../chapters/02-end.md)"]
    assert cells(out[3])[0] == "[2](#ftaa)" and cells(out[3])[2] == "**Came true**"


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
