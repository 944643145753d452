"""Command-line interface: ``python -m builder VERB``.

One module per verb under ``builder/commands`` (as mkdocs does); each module
exposes ``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: verb -> (module under builder.commands, one-line help)
VERBS: dict[str, tuple[str, str]] = {
    "import": ("import_seeds", "turn raw seed files into canonical corpus documents"),
    "check": ("check", "validate the whole corpus; report file:line problems"),
    "build": ("build", "generate the MkDocs pages and data from corpus/"),
    "merge": ("merge", "merge the artefacts of a sharded build (build --shards N --shard K) into the docs folder"),
    "site": ("site", "build the pages, then the site with mkdocs --strict, swapped into site/ only on success"),
    "serve": ("serve", "preview the site; a saved corpus document is live in seconds"),
    "search-dictionary": ("search_dictionary", "remake the search's chunk dictionary from the corpus"),
    "search-eval": ("search_eval", "type the query set into the search box; print recall, precision, bytes, time"),
    "glossary": ("glossary", "glossary tools: list numbered-slogan candidates"),
    "diff": ("diff", "summarise, in Markdown, what the corpus change since a git revision does to readers"),
    "indicators": ("indicators", "extract the indicator records; --report per document, --evaluate precision/recall"),
}


def make_parser(verb: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the chosen verb's module is imported (keeps start-up fast)."""
    parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    for name, (module_name, help_text) in VERBS.items():
        if name != verb:
            sub.add_parser(name, help=help_text)
            continue
        module = importlib.import_module(f"builder.commands.{module_name}")
        p = sub.add_parser(name, help=help_text, description=module.__doc__)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    verb = next((a for a in argv if not a.startswith("-")), None)
    args = make_parser(verb if verb in VERBS else None).parse_args(argv)
    try:
        return int(args._module.run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
