"""Keywords of events' names and the kind of event each names."""

EVENT_KEYWORDS = {
    "forum": "forum",
    "conference": "conference",
    "summit": "conference",
    "symposium": "conference",
    "congress": "conference",
    "seminar": "conference",
    "workshop": "conference",
    "exhibition": "exhibition",
    "expo": "exhibition",
    "fair": "exhibition",
    "exchange": "exchange",
    "meeting": "meeting",
    "dialogue": "meeting",
}
