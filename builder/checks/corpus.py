"""Checks across documents: file names, region facts."""

from __future__ import annotations

from builder.corpus.errors import Problem
from builder.corpus.load import Corpus


def check_corpus(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []
    for doc in corpus.documents:  # (two documents with one id: builder.corpus.load)
        m = doc.meta
        if doc.path.stem != m.id:
            problems.append(Problem(doc.path, doc.line_of("id"), f"file name does not match id "
                                    f"{m.id!r}", f"rename the file to {m.id}.md"))
        region = corpus.regions.get(m.region)
        if region is None:
            problems.append(Problem(doc.path, doc.line_of("region"), f"unknown region "
                                    f"{m.region!r}", "add it to corpus/regions.yml or fix the name"))
            continue
        expected = {"region_code": region.code, "admin_level": region.level,
                    "parent": region.parent, "province": region.province}
        for key, value in expected.items():
            actual = getattr(m, key)
            if actual != value:
                problems.append(Problem(doc.path, doc.line_of(key), f"{key} is {actual!r} but "
                                        f"corpus/regions.yml says {value!r} for {m.region}",
                                        f"write {key}: {value!r}"))
    return problems
