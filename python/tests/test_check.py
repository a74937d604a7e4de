"""`rasid.check` finds what `rasid check` prints, with path, line, column, level and rule."""

import shutil
import subprocess

import pytest

import rasid

from conftest import FIXTURES


@pytest.fixture
def lint_dir(tmp_path):
    for name in ("errors.yml", "warnings.yml"):
        shutil.copy(FIXTURES / "lint" / name, tmp_path / name)
    return tmp_path


def test_findings_are_the_cli_lines(rasid_bin, lint_dir):
    cli = subprocess.run([rasid_bin, "check", str(lint_dir)], capture_output=True, text=True)
    assert cli.returncode == 1
    found = rasid.check(lint_dir)
    assert [str(d) for d in found] == cli.stdout.splitlines()


def test_fields(lint_dir):
    found = rasid.check(lint_dir / "warnings.yml")
    assert found, "the warnings fixture warns"
    for d in found:
        assert d.path == str(lint_dir / "warnings.yml")
        assert d.line >= 1 and d.column >= 1
        assert d.level == "warning"
        assert d.rule and d.rule in str(d)
    errors = rasid.check(lint_dir / "errors.yml")
    assert {d.level for d in errors} == {"error"}
    assert all(d.rule is None for d in errors)


def test_unreadable_path():
    with pytest.raises(rasid.RasidError, match="No such file"):
        rasid.check("/nonexistent/gazetteer.yml")
