"""Small fixture data for the unit tests: two chapters and a few entries of each kind."""

SRC = {"title": "Census", "url": "https://www.census.gov/"}
CHAPTERS = [
    {"id": "start", "number": 1, "title": "Start", "summary": "The opening.", "paragraphs": 3,
     "argument": "Democracy changed Mexico.", "objection": "It was always so.",
     "themes": {"migration": "Talks begin."}},
    {"id": "end", "number": 2, "title": "End", "summary": "The close.", "paragraphs": 2,
     "argument": "Ideals and interests meet.", "themes": {}},
]
BY_ID = {c["id"]: c for c in CHAPTERS}
THEMES = [{"id": "migration", "name": "Migration", "description": "People moving.", "colour": "purple",
           "symbol": "triangle"},
          {"id": "drugs", "name": "Drugs", "description": "The drug trade.", "colour": "#d23a4e", "symbol": "cross"}]
THEMES_BY_ID = {t["id"]: t for t in THEMES}
FOX = {"id": "fox", "name": "Vicente Fox", "aliases": ["Fox"], "short": "Mexico's president.", "kind": "person",
       "role_2001": "President of Mexico.", "in_the_article": "The hero.", "stance": "For partnership.",
       "after_2001": "Left office in 2006.", "sources": [SRC]}
CASTANEDA = {"id": "castaneda", "name": "Jorge Castañeda", "aliases": ["Castaneda", "Castañeda"],
             "short": "Foreign minister.", "kind": "person", "role_2001": "Foreign minister.",
             "in_the_article": "The architect."}
PAN = {"id": "pan", "name": "National Action Party", "aliases": ["PAN"], "short": "Fox's party.", "kind": "party",
       "role_2001": "In power.", "in_the_article": "Reformers."}
TERM = {"id": "maquiladora", "term": "maquiladora", "aliases": ["maquiladoras"],
        "short": "A factory assembling goods for export.", "explanation": "Longer.\n\nSecond paragraph."}
OTHER_TERM = {"id": "free-trade", "term": "free trade", "short": "Trade without tariffs.",
              "explanation": "Trade explained.", "see_also": ["maquiladora"], "sources": [SRC]}
PLACE = {"id": "iraq", "name": "Iraq", "kind": "country", "in_the_article": "Bombed in February 2001."}
EVENTS = [
    {"date": "2003-01-10", "event": "Resigns.", "in_article": False, "sources": [SRC]},
    {"date": "2001-02", "event": "Summit.", "in_article": True, "chapter": "start"},
]
FIGURE = {"id": "rank", "value": "8th", "measures": "Export rank", "year": "1999", "why": "Growth.",
          "in_article": True, "chapter": "end"}
CONTEXT_FIGURE = {"id": "later", "value": "10th", "measures": "Rank later", "year": "2024", "why": "Compare.",
                  "in_article": False, "sources": [SRC]}
PREDICTION = {"id": "overtake-canada", "chapter": "end", "claim": "Mexico passes Canada.", "by": "Analysts",
              "verdict": "did-not", "outcome": "It took longer.", "sources": [SRC]}
QUESTIONS = [
    {"chapter": "start", "level": "recall", "prompt": "Who came?", "strong_answer": "Helms."},
    {"chapter": "start", "level": "analysis", "prompt": "Why?", "strong_answer": "Because.\n\nAlso this."},
    {"chapter": "whole", "level": "essay", "prompt": "Was he right?", "strong_answer": "Argue."},
]
QUIZ_ITEM = {"chapter": "start", "question": "Who?", "options": [
    {"text": "Bush", "correct": False, "feedback": "No, he was the host."},
    {"text": "Fox", "correct": True, "feedback": "Yes, the president."},
    {"text": "Helms", "correct": False, "feedback": "No, a senator."}]}
CORRECTION = {"date": "2026-12-01", "page": "reference/people.md", "was": "Said X.", "now": "Says Y.",
              "sources": [SRC]}


def cells(row: str) -> list[str]:
    """The cells of one Markdown table row."""
    return [c.strip() for c in row.strip().strip("|").split(" | ")]


# -- printables (macros/printables.py) ------------------------------------------------
ROLE = {"id": "fox", "name": "Vicente Fox", "position": "President of Mexico", "profile": "fox",
        "brief": "You won in 2000.", "terms": ["maquiladora"]}
ROLE_WITHOUT_PROFILE = {"id": "journalist", "name": "A journalist", "position": "Reporter", "brief": "Ask questions."}
SECOND_QUIZ_ITEM = {"chapter": "end", "question": "Which | one?", "options": [
    {"text": "Nixon *realism*", "correct": True, "feedback": "Yes: see [chapter 2](x.md)."},
    {"text": "Wilson", "correct": False, "feedback": "No | not him."}]}
RELAY_EVENTS = [
    {"date": "1929", "event": "Party founded.", "in_article": False, "chapter": "start", "sources": [SRC]},
    {"date": "1994-01-01", "event": "Treaty in force.", "in_article": True, "chapter": "start"},
    {"date": "1982", "event": "Debt crisis.", "in_article": True, "chapter": "start"},
    {"date": "2000-07-02", "event": "Election won.", "in_article": True, "chapter": "end"},
]
