"""The schema of a document's front matter (the YAML between the ``---`` lines).

Every key is required (``null`` where the source does not say), no other key
is allowed, and every value has its type, form and length::

    id: lishi-2021-gongzuobaogao        # lowercase slug, the file's name
    title: 吕梁市离石区2021年政府工作报告  # ≤ 200 characters
    doc_type: 政府工作报告               # one of DOC_TYPES
    year: 2021                          # 1949 … 2100, or null with year_note: (the source states none)
    region: 离石区                       # a name of corpus/regions.yml
    region_code: '141102'               # 6 digits, in quotes
    admin_level: 市辖区                  # 地级市 | 县级市 | 县 | 市辖区
    parent: 吕梁市                       # or null for a prefecture city
    province: 山西省
    date: 2021-04-12                    # YYYY-MM-DD or null
    congress: 吕梁市离石区第七届人民代表大会第一次会议   # or null
    speaker: 李军                        # or null
    speaker_title: 区长                  # or null
    completeness: {status: full, note: null}   # full | summary | excerpt (an excerpt needs a note)
    source:
      file: 000_6808a0c448da17fa.txt    # a file of sources/
      sha256: 5c32ad7b…                 # 64 lowercase hex digits
      lines: 3-234                      # the document's line range in that file
      omitted: [{lines: 19-79, reason: …}, {line: 7, text: (上接1版), reason: …}]
      corrections: [{raw: …, corrected: …, reason: …}]
      title_line: {line: 1, text: …}    # optional: the source's own title line, verbatim
    doc_number: 离政发〔2021〕11号         # optional: 文号, issuing body and adopting meeting,
    issued_by: 吕梁市离石区人民政府          #   as the document prints them
    adopted_by: 区第七届人民代表大会第一次会议
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator

from builder.corpus.model import ADMIN_LEVELS, COMPLETENESS, DOC_TYPES
from builder.corpus.schema import Code6, FieldProblem, FileName, LineRange, Model, Sha256, Slug, Text

#: Front matter is small; a bigger one is a mistake or an attack.
MAX_FRONT_MATTER_BYTES = 64 * 1024


def _date(value: object) -> object:
    """``"2021-04-12"`` -> a date; anything else is left for the type check to refuse."""
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise FieldProblem(f"date {value!r} is not written YYYY-MM-DD", "write e.g. 2021-04-12, or null")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise FieldProblem(f"{value!r} is no calendar date", "write a real date YYYY-MM-DD, or null") from None
    return value


def _range(value: object) -> object:
    """``lines: 7`` (a YAML number) is the range ``"7"``."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


DateValue = Annotated[date, BeforeValidator(_date)]
RangeValue = Annotated[LineRange, BeforeValidator(_range)]


class Omitted(Model):
    """Part of the raw span that is not document text: whole lines, or a string on one line."""

    reason: Text(300) = Field(description="say why it is not document text, e.g. newspaper page-continuation marker")
    lines: RangeValue | None = Field(None, description="write the omitted lines as 'first-last'")
    line: int | None = Field(None, ge=1, le=10_000_000, description="write the raw file's line number")
    text: Text(300) | None = Field(None, description="copy the omitted string exactly as the raw line has it")

    @model_validator(mode="after")
    def _lines_or_text(self) -> Omitted:
        if not self.lines and not (self.line and self.text):
            raise FieldProblem("an omitted entry needs lines, or line and text",
                               "give reason and either lines: 'a-b' or line: N with text: '...'")
        return self


class TextCorrection(Model):
    """A reviewed fix of the source's wording."""

    raw: Text(2000) = Field(description="copy the text exactly as the raw file has it")
    corrected: Text(2000) = Field(description="write what the corpus says instead")
    reason: Text(300) = Field(description="say why, e.g. a typo of the source")


class TitleLineModel(Model):
    line: int = Field(ge=1, le=10_000_000, description="write the raw file's line number of the title line")
    text: Text(300) = Field(description="copy the title line exactly as the raw file has it")


class SourceRef(Model):
    file: FileName = Field(description="give the name of the raw file in sources/, e.g. 000_6808a0c448da17fa.txt")
    sha256: Sha256 = Field(description="copy the raw file's SHA-256 (64 lowercase hex digits, sha256sum)")
    lines: RangeValue = Field(description="write the document's line range in the raw file, 'first-last'")
    omitted: list[Omitted] = Field(default_factory=list, max_length=1000,
                                   description="list the omitted parts as {lines: 'a-b', reason: …}")
    corrections: list[TextCorrection] = Field(default_factory=list, max_length=1000,
                                              description="list fixes as {raw: …, corrected: …, reason: …}")
    title_line: TitleLineModel | None = Field(None, description="give the source's own title line as "
                                              "{line: N, text: …}, copied from the raw file")

    @field_validator("file")
    @classmethod
    def _known_file(cls, value: str, info: ValidationInfo) -> str:
        names = (info.context or {}).get("source_names")
        if names is not None and value not in names:
            raise FieldProblem(f"there is no raw file {value!r} in sources/",
                               "give the name of the raw file the document comes from")
        return value


class CompletenessModel(Model):
    status: Literal[COMPLETENESS] = Field(description=f"write one of {', '.join(COMPLETENESS)}")
    note: Text(500) | None = Field(None, description="say which parts of the document are missing")

    @model_validator(mode="after")
    def _excerpt_has_note(self) -> CompletenessModel:
        if self.status == "excerpt" and not self.note:
            raise FieldProblem("an excerpt needs a note of what is missing",
                               "add note: saying which parts of the document are missing", "status")
        return self


class FrontMatter(Model):
    """The front matter of ``corpus/documents/<id>.md``."""

    id: Slug = Field(description="use lowercase pinyin words joined by '-', e.g. lishi-2021-gongzuobaogao")
    title: Text(200) = Field(description="give the document's title as the source prints it")
    doc_type: Literal[DOC_TYPES] = Field(description=f"use one of {', '.join(DOC_TYPES)}")
    year: int | None = Field(ge=1949, le=2100, description="write the year as a number, e.g. year: 2021, "
                             "or null with a year_note when the source states none")
    year_note: Text(500) | None = Field(None, description="say why the year is null (the source states none)")
    region: Text(30) = Field(description="use a region name of corpus/regions.yml")
    region_code: Code6 = Field(description="copy the 6-digit code from corpus/regions.yml, in quotes")
    admin_level: Literal[ADMIN_LEVELS] = Field(description=f"use one of {', '.join(ADMIN_LEVELS)}")
    parent: Text(30) | None = Field(description="give the prefecture city of corpus/regions.yml, or null")
    province: Text(30) = Field(description="write the province, 山西省")
    date: DateValue | None = Field(description="write YYYY-MM-DD, or null when the source gives no date")
    congress: Text(200) | None = Field(description="name the meeting, or write null")
    speaker: Text(40) | None = Field(description="give the speaker's name, or write null")
    speaker_title: Text(40) | None = Field(description="give the speaker's title (市长, 区长…), or write null")
    completeness: CompletenessModel = Field(description="write completeness: {status: full, note: null}")
    source: SourceRef = Field(description="record file, sha256 and lines of the raw source")
    doc_number: Text(60) | None = Field(None, description="copy the 文号 as printed, e.g. 离政发〔2021〕11号")
    issued_by: Text(100) | None = Field(None, description="name the issuing body as printed, e.g. 吕梁市离石区人民政府")
    adopted_by: Text(200) | None = Field(None, description="name the meeting that adopted it, as the text says")

    @model_validator(mode="after")
    def _no_year_needs_a_note(self) -> FrontMatter:
        if self.year is None and not self.year_note:
            raise FieldProblem("year is null without a year_note",
                               "add year_note: saying that (and how) the source states no year", "year")
        return self
