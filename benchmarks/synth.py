"""A realistic synthetic corpus of N documents made from the seeds' real paragraphs.

Search cost grows with the corpus; the seeds give 14 reports. A synthetic
document takes a real report as its skeleton (its headings and block
kinds, so the outline reads like a report), keeps about half of its blocks
and fills the rest with paragraphs of the same kind drawn from every other
report, for a region and year drawn at random (the real regions plus the
other prefectures of Shanxi, years 2016-2023, all four document types).
The template's region name in the text becomes the new region's, so region
queries meet their own documents. Seeded: the same N gives the same corpus.

``python -m benchmarks.synth N OUT`` copies the corpus folder to ``OUT``
(its 14 real documents and reference files) and adds N - 14 synthetic
documents in the corpus format (``builder.corpus.write``). Each synthetic
document gets its own raw file (its text, one block a line, as PDF text
would give it) with a record in ``OUT/../sources``, beside copies of the real
raw files, so that it passes ``builder check`` and has a source page like a
real document.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import random
import shutil
from pathlib import Path

import yaml

from builder.corpus.load import REGIONS_FILE, load_corpus
from builder.corpus.model import DOC_TYPES, Block, Document, Source, plain_inline
from builder.corpus.sources import SOURCES_DIR
from builder.corpus.write import render_document
from builder.pages.urls import TYPE_SLUGS

REPO = Path(__file__).resolve().parents[1]
#: Prefectures of Shanxi the seeds do not cover (GB/T 2260 codes), so N=1000 spreads wider.
EXTRA_PREFECTURES = (("太原市", "140100", "taiyuan"), ("大同市", "140200", "datong"),
                     ("阳泉市", "140300", "yangquan"), ("长治市", "140400", "changzhi"),
                     ("晋城市", "140500", "jincheng"))
YEARS = tuple(range(2016, 2024))


def regions_yaml(source: Path) -> tuple[str, list[dict]]:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    known = {r["name"] for r in data["regions"]}
    for name, code, slug in EXTRA_PREFECTURES:
        if name not in known:
            data["regions"].append({"name": name, "code": code, "level": "地级市", "parent": None, "slug": slug})
    data["regions"].sort(key=lambda r: str(r["code"]))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False), data["regions"]


def renumber(blocks: list[Block]) -> list[Block]:
    """Anchors ``h-1…`` / ``p-1…`` in the new order, as the importer numbers them."""
    out: list[Block] = []
    counts = {"heading": 0, "paragraph": 0}
    for b in blocks:
        if b.kind in counts:
            counts[b.kind] += 1
            anchor = f"{'h' if b.kind == 'heading' else 'p'}-{counts[b.kind]}"
            out.append(dataclasses.replace(b, anchor=anchor, anchor_written=True))
        else:
            out.append(b)
    return out


def synth_document(rng: random.Random, n: int, templates: list[Document], pool: dict[str, list[Block]],
                   regions: list[dict], province: str) -> tuple[str, str, str]:
    template = rng.choice(templates)
    region = rng.choice(regions)
    year = rng.choice(YEARS)
    doc_type = rng.choices(DOC_TYPES, weights=(6, 1, 2, 1))[0]
    parent = region.get("parent")
    full_name = f"{parent}{region['name']}" if parent and region["name"] != parent else region["name"]
    blocks = []
    for b in template.blocks:
        if b.kind != "heading" and rng.random() < 0.5:
            b = rng.choice(pool[b.kind])
        blocks.append(dataclasses.replace(b, text=b.text.replace(template.meta.region, region["name"])))
    doc_id = f"{region['slug']}-{year}-{TYPE_SLUGS[doc_type]}-{n:04d}"
    meta = dataclasses.replace(
        template.meta, id=doc_id, title=f"{full_name}{year}年{doc_type}", doc_type=doc_type, year=year,
        region=region["name"], region_code=str(region["code"]),
        admin_level=region["level"], parent=parent, province=province, date=None)
    blocks = renumber(blocks)
    raw = raw_text(blocks)
    name = f"synth-{doc_id}.txt"
    meta = dataclasses.replace(meta, source=Source(name, hashlib.sha256(raw.encode()).hexdigest(),
                                                   f"1-{raw.count(chr(10))}"))
    return doc_id, render_document(meta, blocks), raw


def raw_text(blocks: list[Block]) -> str:
    """A synthetic document's raw file: one line per block (a table's rows tab-separated), blank lines between."""
    lines = []
    for b in blocks:
        lines.append("\n".join("\t".join(plain_inline(c) for c in row) for row in b.rows)
                     if b.kind == "table" else plain_inline(b.text) if b.kind == "heading" else b.text)
    return "\n\n".join(lines) + "\n"


RECORD = """file: {name}
sha256: {sha}
bytes: {size}
encoding: UTF-8
form: pdf-text
what: 基准测试用的合成文本（由真实报告的段落拼成），不是真实来源。
publisher: null
website: null
url: null
listed: null
retrieved: null
missing: null
damage: []
notes: 只用于基准测试。
"""


def generate(count: int, out: Path, *, corpus_root: Path = REPO / "corpus", seed: int = 7) -> Path:
    """Write a corpus of ``count`` documents into ``out``: the real ones and synthetic ones.

    The whole corpus folder is copied first (the real documents and every
    reference file: glossary, indicators, …, which cite real paragraphs), so
    every feature of the site builds on it as on the real corpus.
    """
    corpus = load_corpus(corpus_root)
    shutil.copytree(corpus_root, out, dirs_exist_ok=True)
    text, regions = regions_yaml(corpus_root / REGIONS_FILE)
    (out / REGIONS_FILE).write_text(text, encoding="utf-8")
    pool: dict[str, list[Block]] = {"paragraph": [], "table": []}
    for d in corpus.documents:
        for b in d.blocks:
            if b.kind in pool:
                pool[b.kind].append(b)
    sources = out.parent / SOURCES_DIR
    shutil.copytree(REPO / SOURCES_DIR, sources, dirs_exist_ok=True)
    rng = random.Random(seed)
    for n in range(count - len(corpus.documents)):
        doc_id, content, raw = synth_document(rng, n, corpus.documents, pool, regions, corpus.regions.province)
        (out / "documents" / f"{doc_id}.md").write_text(content, encoding="utf-8")
        name = f"synth-{doc_id}"
        data = raw.encode("utf-8")
        (sources / f"{name}.txt").write_bytes(data)
        (sources / f"{name}.yml").write_text(RECORD.format(name=f"{name}.txt", sha=hashlib.sha256(data).hexdigest(),
                                                           size=len(data)), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    generate(args.count, args.out)
    print(f"wrote {args.count} documents into {args.out}")


if __name__ == "__main__":
    main()
