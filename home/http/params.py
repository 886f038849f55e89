"""Reading text from an address's query string safely.

PostgreSQL cannot hold or compare text containing NUL (``\\x00``): a query with
it fails (DataError), a 500 (found by tests/security/test_fuzz_public.py). No
slug, code or word the site knows contains one, so such a value is read as empty.
"""


def text_param(query, name, limit=100):
    """``query[name]`` cut to ``limit`` characters, or "" when absent or holding a NUL."""
    value = (query.get(name) or "")[:limit]
    return "" if "\x00" in value else value
