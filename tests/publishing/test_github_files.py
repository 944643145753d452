"""The GitHub workflows and forms: linted here, so a broken workflow fails before it reaches the host.

``actionlint`` is installed from its pinned PyPI wheel into the venv (see
requirements.lock); it checks syntax, expressions, action inputs and, with
Debian's shellcheck on PATH, the shell of every ``run:`` step.
"""

from __future__ import annotations

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


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    if ACTIONLINT is None:
        pytest.fail("actionlint is not installed: make setup installs it from requirements.lock")
    return subprocess.run([ACTIONLINT, "-no-color", *map(str, files)], capture_output=True, text=True,
                          cwd=REPO)


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
