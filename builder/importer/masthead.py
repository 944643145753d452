"""Read a report's masthead: printed title, dateline, speaker, salutation.

PDF text keeps them on their own lines::

    政府工作报告
    ——2021年4月12日在吕梁市离石区第七届人民代表大会第一次会议上
    区长 李军
    各位代表：

while a flattened listing item glues them together, with stray ``;`` where
the line breaks were: ``2021年4月13日在闻喜县第十七届人民代表大会第一次会议上
县长;史玉江各位代表:现在,…``. Either way the masthead comes out as separate
paragraphs and as metadata (date, congress, speaker, speaker_title); a field
the text does not state stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from builder.importer.paragraphs import Piece, is_heading_like

TITLE_RE = re.compile(r"^\s*(政府工作报告\s*(?:[（(]摘\s*要[)）])?)\s*$")
DATELINE_RE = re.compile(
    r"^(?P<dash>——)?\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*"
    r"在(?P<congress>.+?会议)\s*上")
SALUTATION_RE = re.compile(r"各位代表\s*[:：]")
SPEAKER_TITLE_RE = re.compile(r"^(?P<org>.*?人民政府)?(?P<title>代?(?:省|市|县|区)长|市长|县长|区长)?"
                              r"(?P<name>[\u4e00-\u9fff]{2,4})$")


@dataclass
class Masthead:
    printed_title: str | None = None
    date: date | None = None
    congress: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    speaker_line: str | None = None  # as printed, e.g. "区长 李军"


def parse_speaker(raw: str) -> tuple[str | None, str | None, str]:
    """(name, title, printed line) from ``县长;史玉江`` / ``代市长 杨 光`` / ``;刘春林;``.

    The title keeps only the office (``代县长``), not the government that
    precedes it (``稷山县人民政府代县长``); the printed line keeps both.
    """
    compact = re.sub(r"[\s;；]", "", raw)
    m = SPEAKER_TITLE_RE.match(compact)
    if not m:
        return None, None, compact
    name, title = m.group("name"), m.group("title")
    office = (m.group("org") or "") + (title or "")
    line = f"{office}\u3000{name}" if office else name
    return name, title, line


def read_masthead(pieces: list[Piece]) -> tuple[Masthead, list[Piece]]:
    """Separate the masthead paragraphs at the top; return metadata and new pieces."""
    head = Masthead()
    out: list[Piece] = []
    rest = list(pieces)
    if rest and rest[0].kind == "text" and TITLE_RE.match(rest[0].text):
        head.printed_title = re.sub(r"\s", "", TITLE_RE.match(rest[0].text).group(1))
        out.append(rest.pop(0))
    if not rest or rest[0].kind != "text":
        return head, out + rest
    # Glue the next few short pieces: the masthead may be split over lines.
    first = rest[0]
    m = DATELINE_RE.match(first.text)
    if not m:
        return head, out + rest
    head.date = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    head.congress = re.sub(r"\s", "", m.group("congress"))
    out.append(Piece("text", first.text[: m.end()].strip(), first.line))
    tail = first.text[m.end():]
    consumed = 1
    # The speaker and the salutation may follow in the same piece or in the next ones.
    while consumed < len(rest) and len(tail) < 40 and not SALUTATION_RE.search(tail) \
            and rest[consumed].kind == "text" and len(rest[consumed].text) <= 40 \
            and not is_heading_like(rest[consumed].text):
        tail = f"{tail} {rest[consumed].text}"
        consumed += 1
    sal = SALUTATION_RE.search(tail)
    speaker_raw = tail[: sal.start()] if sal else tail
    if len(speaker_raw.strip(" ;；")) <= 20 and speaker_raw.strip(" ;；"):
        name, title, line = parse_speaker(speaker_raw)
        head.speaker, head.speaker_title, head.speaker_line = name, title, line
        out.append(Piece("text", line, first.line))
        remainder = tail[sal.start():] if sal else ""
    else:
        remainder = tail
    if remainder.strip():
        sal2 = SALUTATION_RE.match(remainder.strip())
        if sal2:
            r = remainder.strip()
            out.append(Piece("text", r[: sal2.end()], first.line))
            if r[sal2.end():].strip():
                out.append(Piece("text", r[sal2.end():].strip(), first.line))
        else:
            out.append(Piece("text", remainder.strip(), first.line))
    return head, out + rest[consumed:]
