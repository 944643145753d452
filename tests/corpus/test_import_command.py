"""``builder import`` never overwrites a corpus file unless told to."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

SEED = "004_fd8cac7d7c6b68e6.txt"


def run_import(corpus: Path, seeds: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", "import", str(seeds / SEED),
                           "--corpus", str(corpus), *extra],
                          capture_output=True, text=True, cwd=REPO)


def test_import_writes_the_document_as_committed(tmp_path, seeds):
    corpus = tmp_path / "corpus"
    (corpus).mkdir()
    shutil.copy(REPO / "corpus" / "regions.yml", corpus)
    assert run_import(corpus, seeds).returncode == 0
    name = "xiaoyi-2021-gongzuobaogao-zhaiyao.md"
    assert (corpus / "documents" / name).read_text(encoding="utf-8") == (
        REPO / "corpus" / "documents" / name).read_text(encoding="utf-8")


def test_reimport_keeps_a_hand_correction(tmp_path, seeds):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REPO / "corpus" / "regions.yml", corpus)
    run_import(corpus, seeds)
    path = corpus / "documents" / "xiaoyi-2021-gongzuobaogao-zhaiyao.md"
    corrected = path.read_text(encoding="utf-8").replace("极不平凡的五年", "极不平凡的五年（已校）")
    path.write_text(corrected, encoding="utf-8")
    again = run_import(corpus, seeds)
    assert again.returncode == 0 and "already imported" in again.stdout
    assert path.read_text(encoding="utf-8") == corrected
    forced = run_import(corpus, seeds, "--force")
    assert forced.returncode == 0 and "（已校）" not in path.read_text(encoding="utf-8")


def test_a_non_utf8_seed_gets_a_clear_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("政府工作报告\n".encode("gb18030"))
    run = subprocess.run([sys.executable, "-m", "builder", "import", str(bad)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1 and "not valid UTF-8" in run.stderr and "Traceback" not in run.stderr
