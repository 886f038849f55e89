"""What every search backend returns (``search/backends/embedded.py``, ``search/backends/elastic.py``),
and what ``search/query.py`` makes the results page of."""

from dataclasses import dataclass, field


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str  # HTML-safe, matches marked with <mark>
    url: str
    snippet: str  # HTML-safe, matches marked with <mark>
    language: str
    key: str = ""  # "<kind>:<object id>"


@dataclass
class BackendResult:
    """What a backend returns: hits, total and raw facet counts ``{facet: {value: count}}``; with
    ``apart_limit``, ``apart`` holds the kinds shown apart (events) as a result of their own."""

    hits: list
    total: int
    facet_counts: dict = field(default_factory=dict)
    apart: "BackendResult | None" = None
