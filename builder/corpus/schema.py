"""What every corpus schema shares: field types, reserved names, and reading a file through a model.

Each corpus file kind has its pydantic model beside its loader (front matter:
``builder.corpus.front_matter``; ``regions.yml``: ``builder.corpus.regions``;
glossary entries: ``builder.corpus.glossary``; ``indicators.yml`` and
``indicator_corrections.yml``: ``builder.corpus.indicators``). They use the
types below, so an id is the same kind of id everywhere, and they are read
through ``validate``, which turns every pydantic error into one
``file:line: error: what; what to do`` problem (the line found from the YAML,
the "what to do" from the field's ``description``), never a traceback.

Before any model sees the data, every string in it, keys included, goes
through the one string-safety rule (``builder.corpus.textsafety``), at its line.
"""

from __future__ import annotations

import contextlib
import contextvars
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from builder.corpus.errors import Problem
from builder.corpus.textsafety import unsafe_text
from builder.corpus.yamlsafe import Loaded

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: A stable Latin id or URL slug: ``lishi-2021-gongzuobaogao``, ``lvliang``, ``gdp``.
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=80)]
#: An administrative division code (GB/T 2260): six digits, written in quotes.
Code6 = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
#: A SHA-256 digest, lowercase hex.
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
#: A paragraph or heading anchor: ``p-12``, ``h-3``, ``p-12-1``.
Anchor = Annotated[str, StringConstraints(pattern=r"^[a-z]+-[0-9]+(-[0-9]+)*$", max_length=40)]
#: A raw source file's name: no folders, no leading dot (checked against ``sources/`` too).
FileName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=120)]
#: A 1-based line range of a raw file: ``"3-234"`` or ``"7"``.
LineRange = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,7}(-[0-9]{1,7})?$")]


def Text(max_length: int) -> Any:
    """Non-empty text of at most ``max_length`` characters (surrounding spaces stripped)."""
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length)]


#: Names that a corpus entry may not take because a site section or page already has them:
#: a glossary or indicator id ``index`` would replace its section's index page, a region
#: slug ``data`` would give the home page two elements with ``id="data"``.
RESERVED_NAMES = frozenset({
    "index", "about", "assets", "data", "documents", "regions", "years", "types", "glossary", "indicators",
    "search", "charts", "texts", "stylesheets", "javascripts", "cite", "correct", "by-prefecture", "subregions",
    "sources", "occurrences", "spread", "term", "list", "coverage", "target-vs-actual", "404", "sitemap",
})


class FieldProblem(ValueError):
    """Raised by a model's validator: what is wrong, what to do, and (for a check across
    fields) the field to report it at, so the problem lands on that field's line."""

    def __init__(self, what: str, hint: str, field: str | None = None) -> None:
        super().__init__(f"{what}; {hint}")
        self.what, self.hint, self.field = what, hint, field


def reserved(name: str, hint: str) -> str:
    """A validator's check that ``name`` is not a reserved name."""
    if name in RESERVED_NAMES:
        raise FieldProblem(f"{name!r} is reserved for a section of the site", hint)
    return name


class Model(BaseModel):
    """Base of every corpus schema: strict types, no unknown keys, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, str_strip_whitespace=False)


M = TypeVar("M", bound=BaseModel)


def strings(value: object, loc: tuple = ()) -> Iterator[tuple[tuple, str, bool]]:
    """Every string in loaded YAML data, keys included, as (location, text, is_key)."""
    if isinstance(value, str):
        yield loc, value, False
    elif isinstance(value, dict):
        for k, v in value.items():
            yield (*loc, k), str(k), True
            yield from strings(v, (*loc, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, (*loc, i))


_STRING_SAFETY = contextvars.ContextVar("string_safety", default=True)


@contextlib.contextmanager
def string_safety(enabled: bool) -> Iterator[None]:
    """Turn the string-safety rule off inside the block (``builder build --no-check``, tests only)."""
    token = _STRING_SAFETY.set(enabled)
    try:
        yield
    finally:
        _STRING_SAFETY.reset(token)


def unsafe_strings(loaded: Loaded, path: Path | str, *, multiline: frozenset[str] = frozenset()) -> list[Problem]:
    """The string-safety rule applied to every string of a file, at its line.

    ``multiline`` names the keys whose values may hold newlines (none do today).
    """
    problems: list[Problem] = []
    if not _STRING_SAFETY.get():
        return problems
    for loc, text, is_key in strings(loaded.data):
        found = unsafe_text(text, multiline=not is_key and bool(loc) and loc[-1] in multiline)
        if found is not None:
            where = "the key" if is_key else _dotted(loc)
            line = loaded.line_of(loc) + (0 if is_key else _line_within(loaded, loc, found.line))
            problems.append(Problem(path, line, f"{where or 'value'}: {found.what}", found.hint))
    return problems


def _line_within(loaded: Loaded, loc: tuple, line: int) -> int:
    return line if line and loc in loaded.lines else 0


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _clean_loc(data: object, loc: tuple) -> tuple:
    """A pydantic error location reduced to the keys and indexes that exist in the data."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str) and part in data:
            out.append(part)
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            out.append(part)
            data = data[part]
    return tuple(out)


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is Annotated:
        args = args[:1]
    return [m for a in args for m in _models_in(a)]


def field_hint(model: type[BaseModel], loc: tuple) -> str:
    """The ``description`` of the field at ``loc`` (what a contributor should write there)."""
    hint = ""
    current: list[type[BaseModel]] = [model]
    for part in loc:
        if not isinstance(part, str):
            continue
        info = next((m.model_fields[part] for m in current if part in m.model_fields), None)
        if info is None:
            break
        hint = info.description or ""
        current = _models_in(info.annotation)
    return hint


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "is not a field of this file"
    if kind == "string_pattern_mismatch":
        return f"{_shown(err.get('input'))} is not of the required form"
    msg = str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in ("value_error", "assertion_error"):
        return msg
    return f"{msg[:1].lower()}{msg[1:]} (got {_shown(err.get('input'))})"


def validate(model: type[M], loaded: Loaded, path: Path | str, *,
             context: dict[str, Any] | None = None) -> tuple[M | None, list[Problem]]:
    """Loaded YAML -> the model, or the ``file:line`` problems that stop it.

    Strings are checked for safety first; a file with unsafe strings is not
    validated further (its one problem is the unsafe string).
    """
    problems = unsafe_strings(loaded, path)
    if problems:
        return None, problems
    try:
        return model.model_validate(loaded.data, context=context or {}), []
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            raw_loc = tuple(p for p in err["loc"] if isinstance(p, int | str) and not (
                isinstance(p, str) and p.startswith(("function-", "literal[", "list[", "constrained-"))))
            cause = (err.get("ctx") or {}).get("error")
            if isinstance(cause, FieldProblem) and cause.field:
                raw_loc = (*raw_loc, cause.field)
            loc = _clean_loc(loaded.data, raw_loc)
            name = _dotted(raw_loc)
            hint = field_hint(model, raw_loc)
            if isinstance(cause, FieldProblem):
                message, hint = cause.what, cause.hint
            elif err["type"] == "missing":
                message = f"lacks the field {raw_loc[-1]!r}" if len(raw_loc) == 1 else "is missing"
                hint = f"add {raw_loc[-1]}: …" + (f" ({hint})" if hint else "")
            else:
                message = _message(err)
            if err["type"] == "extra_forbidden":
                allowed = _allowed_keys(model, raw_loc[:-1])
                hint = f"remove it or fix its spelling; the fields are {', '.join(allowed)}" if allowed else hint
            where = "front matter" if err["type"] == "missing" and len(raw_loc) == 1 else name
            problems.append(Problem(path, loaded.line_of(loc), f"{where or 'the file'}: {message}",
                                    hint or "see the comment at the top of the file and CONTRIBUTING.md"))
    return None, problems


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    current: list[type[BaseModel]] = [model]
    for part in loc:
        if not isinstance(part, str):
            continue
        info = next((m.model_fields[part] for m in current if part in m.model_fields), None)
        if info is None:
            return []
        current = _models_in(info.annotation)
    return sorted({k for m in current for k in m.model_fields})

