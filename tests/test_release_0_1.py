"""A learner's copy made by release 0.1 keeps running after the update.

tests/fixtures/release-0.1/ holds every chapter as release 0.1 built it, with every exercise answered (its
solutions, outputs removed): the import paths and names of the library before it was cut by kind
(`from dlmath import nn`, `cnn.CNN`, `network.parameter_count`, `op.signal_through_depth`, …). Each runs
top to bottom on today's library, and every one of its checks still says ✅.
"""
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "release-0.1").glob("*.ipynb"))


def printed(nb):
    return "\n".join("".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
                     for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", []))


def test_every_chapter_of_release_0_1_is_here():
    assert len(FIXTURES) == 12


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_learner_copy_of_release_0_1_runs_on_this_library(path, tmp_path, monkeypatch):
    monkeypatch.setenv("DLMATH_PROGRESS", str(tmp_path / "progress.json"))
    nb = nbformat.read(str(path), as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = printed(nb)
    verdicts = [line for line in text.splitlines() if line.startswith(("✅", "❌", "⏳")) and ".demo:" not in line]
    assert verdicts, "no check ran"
    assert all(line.startswith("✅") for line in verdicts), [v for v in verdicts if not v.startswith("✅")]
