"""The one YAML reader for corpus files: no aliases, no tags, bounded size, lines kept.

``yaml.safe_load`` already refuses to build Python objects, but a corpus file
comes by pull request and can still hurt:

- an alias bomb (``a: &a [x, x, …]``, ``b: &b [*a, *a, …]`` …) expands to
  billions of nodes from a few hundred bytes: this loader refuses every alias
  (``*name``) and every anchor (``&name``); the corpus needs neither;
- a tag (``!!python/object``, ``!custom``, even ``!!str``) asks for a type the
  schema did not choose: refused;
- ``2021-13-45`` or ``2021-04-12`` unquoted become dates, or a traceback when
  they are not real dates; here every timestamp stays a string and the
  schema (``builder.corpus.schema``) parses it, with a ``file:line`` message;
- a 20 MB file or a 1,000-deep nesting: refused by size and depth limits;
- a key written twice (the second silently wins in PyYAML): refused.

``load`` returns plain data (dict, list, str, int, float, bool, None) and a
map from each value's path (``("source", "omitted", 0, "reason")``) to its
1-based file line, so a problem anywhere is reported at its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.corpus.errors import CorpusError, Problem

MAX_DEPTH = 12
#: Default size limit of one YAML file (a glossary entry is ~1 KB, indicators.yml ~6 KB).
MAX_YAML_BYTES = 256 * 1024

Path_ = tuple[str | int, ...]


class _Refused(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark | None, what: str, hint: str) -> None:
        super().__init__(what)
        self.mark, self.what, self.hint = mark, what, hint


class _Loader(yaml.SafeLoader):
    """SafeLoader that composes no aliases, anchors or tags, and no timestamps."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"a YAML alias *{event.anchor}",
                           "write the value out in full: aliases and anchors are not allowed in the corpus")
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark, f"a YAML anchor &{event.anchor}",
                           "remove it: aliases and anchors are not allowed in the corpus")
        if getattr(event, "tag", None) is not None:
            raise _Refused(event.start_mark, f"a YAML tag {event.tag}",
                           "remove the tag: write the value as plain text, a number, a list or a mapping")
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"values nested more than {MAX_DEPTH} levels deep",
                               "flatten the structure; no corpus file needs that depth")
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


# Timestamps stay strings: the schema parses dates and reports bad ones at their line.
_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _RESOLVERS

_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NODE_EVENTS = (yaml.ScalarEvent, *_COLLECTION_START)

if getattr(yaml, "__with_libyaml__", False):
    class _Libyaml(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        """libyaml's parser and composer (C), with the same resolvers as ``_Loader``.

        Why: every document's front matter and every glossary entry is YAML, read by both
        ``builder check`` and the build; libyaml reads them about 3.5 times faster (0.76 s
        -> 0.22 s for 100 synthetic documents' front matter and the reference files).
        libyaml composes in C and cannot be hooked node by node, so ``_screen`` first walks
        its events (also C) and refuses what ``_Loader.compose_node`` refuses, before
        anything is composed: an alias is never expanded and no nesting deeper than
        ``MAX_DEPTH`` reaches the composer.
        """

    _Libyaml.yaml_implicit_resolvers = _RESOLVERS
else:  # PyYAML built without libyaml: the pure-Python loader does both steps
    _Libyaml = None


def _events(text: str) -> Iterator[yaml.Event]:
    """libyaml's events of ``text`` (what ``yaml.parse`` yields, with ``_Libyaml``)."""
    assert _Libyaml is not None
    parser = _Libyaml(text)
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def _screen(text: str) -> None:
    """Refuse aliases, anchors, tags and deep nesting from the event stream (``_Loader``'s rules)."""
    depth = 0
    for event in _events(text):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"a YAML alias *{event.anchor}",
                           "write the value out in full: aliases and anchors are not allowed in the corpus")
        if isinstance(event, _NODE_EVENTS):
            if event.anchor:
                raise _Refused(event.start_mark, f"a YAML anchor &{event.anchor}",
                               "remove it: aliases and anchors are not allowed in the corpus")
            if event.tag is not None:
                raise _Refused(event.start_mark, f"a YAML tag {event.tag}",
                               "remove the tag: write the value as plain text, a number, a list or a mapping")
            if depth + 1 > MAX_DEPTH:
                raise _Refused(event.start_mark, f"values nested more than {MAX_DEPTH} levels deep",
                               "flatten the structure; no corpus file needs that depth")
            if isinstance(event, _COLLECTION_START):
                depth += 1
        elif isinstance(event, _COLLECTION_END):
            depth -= 1


@dataclass
class Loaded:
    """The data of one YAML text and the 1-based file line of every value in it."""

    data: object
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, loc: Path_) -> int:
        """The line of ``loc`` or of its nearest enclosing value that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), self.first_line)


class _Builder:
    def __init__(self, loader: _Loader, path: Path | str, offset: int) -> None:
        self.loader, self.path, self.offset = loader, path, offset
        self.lines: dict[Path_, int] = {}

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def build(self, node: yaml.Node, loc: Path_) -> object:
        self.lines.setdefault(loc, self.line(node))
        if isinstance(node, yaml.MappingNode):
            out: dict[str, object] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise CorpusError([Problem(self.path, self.line(key_node), "a key that is not plain text",
                                               "write keys as plain words (title:, source:)")])
                key = str(key_node.value)
                if key in out:
                    raise CorpusError([Problem(self.path, self.line(key_node), f"the key {key!r} is written twice",
                                               "keep one of them: the second would silently win")])
                self.lines[(*loc, key)] = self.line(key_node)
                out[key] = self.build(value_node, (*loc, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise CorpusError([Problem(self.path, self.line(node), f"value {node.value!r} cannot be read ({exc})",
                                       "quote it to make it text")]) from None


def load(text: str, path: Path | str, *, first_line: int = 1, max_bytes: int = MAX_YAML_BYTES) -> Loaded:
    """Parse one YAML document (``first_line``: the file line it starts on, for front matter).

    Raises CorpusError with one ``file:line`` problem for anything refused.
    """
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise CorpusError([Problem(path, first_line, f"{size:,} bytes of YAML, more than the limit of {max_bytes:,}",
                                   "split the file or shorten it; no corpus entry needs that much")])
    offset = first_line - 1
    loader = _Loader(text) if _Libyaml is None else _Libyaml(text)
    try:
        if _Libyaml is not None:
            _screen(text)
        node = loader.get_single_node()
        if node is None:
            return Loaded(None, {(): first_line}, first_line)
        builder = _Builder(loader, path, offset)
        data = builder.build(node, ())
        return Loaded(data, builder.lines, first_line)
    except _Refused as exc:
        line = exc.mark.line + 1 + offset if exc.mark else first_line
        raise CorpusError([Problem(path, line, exc.what, exc.hint)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else first_line
        raise CorpusError([Problem(path, line, f"not valid YAML ({exc.problem or exc.context})",
                                   "check the quotes, colons and indentation on this line")]) from None
    except yaml.YAMLError as exc:
        raise CorpusError([Problem(path, first_line, f"not valid YAML ({exc})",
                                   "check the quotes, colons and indentation")]) from None
    except RecursionError:
        raise CorpusError([Problem(path, first_line, "values nested too deeply",
                                   "flatten the structure")]) from None
    finally:
        loader.dispose()


def read_file(path: Path, *, max_bytes: int = MAX_YAML_BYTES) -> Loaded:
    """Read and parse a whole YAML file (size checked before reading it all)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise CorpusError([Problem(path, 1, f"{size:,} bytes, more than the limit of {max_bytes:,} for this file",
                                       "split the file or shorten it")])
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError([Problem(path, 1, f"cannot read the file ({exc.strerror})",
                                   "check that it exists and is readable")]) from None
    return load(decode(raw, path), path, max_bytes=max_bytes)


def decode(raw: bytes, path: Path | str) -> str:
    """UTF-8 text with Windows line ends and a BOM removed; a file:line problem otherwise."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CorpusError([Problem(path, line, "the file is not valid UTF-8",
                                   "save it as UTF-8 (not GBK/GB18030)")]) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")
