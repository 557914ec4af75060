"""The repository's promises about itself: layout, pins in step, nothing that reads ../shared."""

from __future__ import annotations

import re
import subprocess
import tomllib

import pytest
import yaml

from quotedrift.paths import PROJECT_ROOT


def pyproject() -> dict:
    return tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def environment_pins() -> dict[str, str]:
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return dict(p.split("==") for p in pip if "==" in p)


def test_environment_yml_pins_match_pyproject():
    project = pyproject()["project"]
    required = project["dependencies"] + project["optional-dependencies"]["test"]
    pins = dict(p.split("==") for p in required)
    assert environment_pins() == pins


def test_every_dependency_is_pinned():
    project = pyproject()["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-]*", requirement), requirement


def test_environment_yml_installs_the_package_editable():
    text = (PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "- -e ." in text


@pytest.mark.parametrize("folder", ["notebooks", "lib/quotedrift", "seeds", "figures", "tests", ".ci"])
def test_layout_folders_exist(folder):
    assert (PROJECT_ROOT / folder).is_dir()


def test_git_tracks_the_package():
    tracked = subprocess.run(["git", "ls-files", "lib"], cwd=PROJECT_ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    assert "lib/quotedrift/__init__.py" in tracked.stdout.split()


def test_ci_runs_make_test():
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_nothing_reads_the_shared_folder_at_run_time():
    offenders = []
    for path in list((PROJECT_ROOT / "lib").rglob("*.py")) + list((PROJECT_ROOT / "tests").rglob("*.py")) + \
            list((PROJECT_ROOT / "notebooks").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name != "test_packaging.py" and re.search(r"\.\./shared|/work/shared", text):
            offenders.append(path.name)
    assert offenders == []
