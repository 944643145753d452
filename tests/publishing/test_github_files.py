"""The GitHub workflows and forms: linted here, so a broken workflow fails before it reaches the host.

``actionlint`` and ``zizmor`` are installed from their pinned PyPI wheels into the
venv (see requirements.lock). actionlint checks syntax, expressions, action inputs
and, with Debian's shellcheck on PATH, the shell of every ``run:`` step; zizmor
checks the security rules (unpinned actions, persisted credentials, template
injection, excessive permissions…), offline: no GitHub is reachable from CI here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builder.pages.document import CORRECTION_FORM, FORM_DOCUMENT, FORM_PARAGRAPH
from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
FORMS = REPO / ".github" / "ISSUE_TEMPLATE"
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
ZIZMOR = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    if ACTIONLINT is None:
        pytest.fail("actionlint is not installed: make setup installs it from requirements.lock")
    return subprocess.run([ACTIONLINT, "-no-color", *map(str, files)], capture_output=True, text=True,
                          cwd=REPO)


def zizmor(*files: Path) -> subprocess.CompletedProcess[str]:
    if ZIZMOR is None:
        pytest.fail("zizmor is not installed: make setup installs it from requirements.lock")
    return subprocess.run([ZIZMOR, "--offline", "--no-progress", "--format", "plain", *map(str, files)],
                          capture_output=True, text=True, cwd=REPO)


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); the tests name it as GitHub does.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


@pytest.fixture(scope="module")
def ci() -> dict:
    return load(REPO / ".github" / "workflows" / "ci.yml")


def test_actionlint_passes_on_every_workflow() -> None:
    assert WORKFLOWS
    run = actionlint(*WORKFLOWS)
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.evnt_name }}\n", encoding="utf-8")
    run = actionlint(broken)
    assert run.returncode != 0 and "evnt_name" in run.stdout


def test_zizmor_finds_nothing_in_any_workflow() -> None:
    run = zizmor(*WORKFLOWS)
    assert run.returncode == 0, run.stdout + run.stderr


def test_zizmor_catches_an_unpinned_action_and_persisted_credentials(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "bad.yml").write_text(
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v6\n", encoding="utf-8")
    run = zizmor(workflows / "bad.yml")
    assert run.returncode != 0
    assert "artipacked" in run.stdout and "unpinned-uses" in run.stdout


def _steps(ci: dict) -> list[dict]:
    return [s for job in ci["jobs"].values() for s in job.get("steps", [])]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_full_commit_sha_with_its_version(workflow: Path) -> None:
    uses = [s["uses"] for s in _steps(load(workflow)) if "uses" in s]
    assert uses and all(SHA_PIN.match(u) for u in uses), uses
    text = workflow.read_text(encoding="utf-8")
    for line in (line for line in text.split("\n") if "uses:" in line):
        assert re.search(r"@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+", line), line


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_no_checkout_keeps_credentials(workflow: Path) -> None:
    checkouts = [s for s in _steps(load(workflow)) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["persist-credentials"] is False for s in checkouts)


def test_the_container_image_is_pinned_by_digest(ci: dict) -> None:
    image = ci["jobs"]["test"]["container"]["image"]
    assert re.fullmatch(r"python:3\.11-bookworm@sha256:[0-9a-f]{64}", image), image


def test_the_summary_is_made_by_the_base_branch_builder(ci: dict) -> None:
    steps = ci["jobs"]["test"]["steps"]
    base = next(s for s in steps if s.get("with", {}).get("path") == ".base")
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    summary = next(s for s in steps if "builder diff" in s.get("run", ""))
    assert steps.index(base) < steps.index(summary)
    assert "cd .base && .venv/bin/python -m builder diff" in summary["run"] and "--corpus ../corpus" in summary["run"]


def test_pip_installs_only_by_hash() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes" in makefile and "--upgrade pip" not in makefile
    lock = (REPO / "requirements.lock").read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\$", lock, flags=re.M)
    assert "pip" in pins and "pydantic" in pins
    assert lock.count("--hash=sha256:") >= len(pins)


def test_workflow_runs_on_pull_requests_and_pushes_to_main(ci: dict) -> None:
    assert "pull_request" in ci["on"]
    assert ci["on"]["push"]["branches"] == ["main"]


def test_workflow_is_read_only_except_the_deploy_job(ci: dict) -> None:
    assert ci["permissions"] == {"contents": "read"}
    assert "permissions" not in ci["jobs"]["test"]
    assert ci["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_test_job_checks_tests_builds_and_keeps_the_site(ci: dict) -> None:
    runs = " ".join(s.get("run", "") for s in ci["jobs"]["test"]["steps"])
    uses = [s.get("uses", "") for s in ci["jobs"]["test"]["steps"]]
    assert "builder check" in runs and "make test" in runs and "make site" in runs
    assert "builder diff" in runs and "$GITHUB_STEP_SUMMARY" in runs
    site = next(s for s in ci["jobs"]["test"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact")
                and s["with"]["name"] == "site")
    assert site["with"]["path"].rstrip("/") == "site"
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)


def test_deploy_uses_the_official_pages_action_one_at_a_time_after_the_tests(ci: dict) -> None:
    deploy = ci["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_report_error_link_fills_fields_the_correction_form_has() -> None:
    form = load(FORMS / CORRECTION_FORM)
    ids = {field.get("id") for field in form["body"]}
    assert {FORM_DOCUMENT, FORM_PARAGRAPH} <= ids


@pytest.mark.parametrize("name", ["correction.yml", "add-document.yml"])
def test_issue_forms_have_a_name_a_description_and_required_fields(name: str) -> None:
    form = load(FORMS / name)
    assert form["name"] and form["description"]
    assert any(f.get("validations", {}).get("required") for f in form["body"])
    ids = [f["id"] for f in form["body"] if "id" in f]
    assert len(ids) == len(set(ids))


def test_the_add_document_form_offers_exactly_the_corpus_document_types() -> None:
    from builder.corpus.model import DOC_TYPES

    form = load(FORMS / "add-document.yml")
    (types,) = [f for f in form["body"] if f.get("id") == "doc_type"]
    assert tuple(types["attributes"]["options"]) == DOC_TYPES


def test_the_sharded_workflow_builds_each_shard_in_a_matrix_then_merges_and_deploys() -> None:
    flow = load(REPO / ".github" / "workflows" / "sharded-site.yml")
    shard, merge, deploy = flow["jobs"]["shard"], flow["jobs"]["merge"], flow["jobs"]["deploy"]
    assert len(shard["strategy"]["matrix"]["shard"]) > 1
    shard_runs = " ".join(s.get("run", "") for s in shard["steps"])
    assert '--shards "$SHARDS" --shard "$SHARD"' in shard_runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in shard["steps"])
    assert merge["needs"] == "shard" and deploy["needs"] == "merge"
    merge_steps = merge["steps"]
    fetch = next(s for s in merge_steps if s.get("uses", "").startswith("actions/download-artifact@"))
    assert fetch["with"]["pattern"] == "shard-*"
    assert any("builder site --merge build/shards/shard-*" in s.get("run", "") for s in merge_steps)
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["permissions"] == {"contents": "read"}
