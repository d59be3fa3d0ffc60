"""Honest progress: only the learner's work counts, ⏳ never erases, solved stays solved, reset."""
import os
import pytest

from dlmath.course import exercises, results


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("DLMATH_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.delenv("DLMATH_NO_PROGRESS", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_not_attempted_never_erases_a_solved_exercise(store):
    exercises.check("01.max_sigmoid_slope", 0.25)
    exercises.check("01.max_sigmoid_slope", ...)  # a Run All of a copy with the stub still there
    entry = results.load()["01.max_sigmoid_slope"]
    assert entry["status"] == "pass" and results.solved(entry)


def test_not_attempted_alone_records_nothing(store):
    exercises.check("01.max_sigmoid_slope", ...)
    assert results.load() == {}


def test_a_later_wrong_answer_is_shown_but_the_exercise_stays_done(store, capsys):
    exercises.check("01.max_sigmoid_slope", 0.25)
    exercises.check("01.max_sigmoid_slope", 0.5)  # e.g. an old check cell re-run after the name was reused
    out = capsys.readouterr().out
    assert "❌ 01.max_sigmoid_slope: not yet" in out and "solved this one before" in out
    entry = results.load()["01.max_sigmoid_slope"]
    assert entry["status"] == "fail" and results.solved(entry)
    exercises.progress()
    table = capsys.readouterr().out
    assert "01.max_sigmoid_slope" in table.split("solved before")[1]
    row = next(r for r in results.table({"01": ("t", ["01.max_sigmoid_slope", "01.weighted_input"])},
                                        results.load()))
    assert row[2:6] == (1, 1, 2, "01.weighted_input")


def test_a_wrong_answer_never_solved_is_not_done(store):
    exercises.check("01.weighted_input", 7)
    entry = results.load()["01.weighted_input"]
    assert entry["status"] == "fail" and not results.solved(entry)


def test_older_files_with_only_a_status_still_read(store):
    rows = results.table({"01": ("t", ["01.a", "01.b"])}, {"01.a": {"status": "pass"}, "01.b": {"status": "fail"}})
    assert rows[0][2:6] == (1, 2, 2, "01.b")


@pytest.mark.parametrize("where", ["solutions", "env"])
def test_checks_in_solutions_or_the_tests_do_not_count(store, monkeypatch, where):
    if where == "solutions":  # the course's folder layout: solutions/ beside source/
        (store / "source").mkdir()
        (store / "solutions").mkdir()
        monkeypatch.chdir(store / "solutions")
    else:
        monkeypatch.setenv("DLMATH_NO_PROGRESS", "1")
    exercises.check("01.max_sigmoid_slope", 0.25)
    assert results.load() == {}


def test_a_folder_named_solutions_elsewhere_still_counts(store, monkeypatch):
    (store / "solutions").mkdir()
    monkeypatch.chdir(store / "solutions")
    exercises.check("01.max_sigmoid_slope", 0.25)
    assert "01.max_sigmoid_slope" in results.load()


def test_reset_one_chapter_or_all_keeps_a_dated_copy(store, capsys):
    exercises.check("01.max_sigmoid_slope", 0.25)
    exercises.check("00.neuron_parameters", 4)
    exercises.reset_progress("01")
    assert list(results.load()) == ["00.neuron_parameters"]
    assert "forgot 1 result(s) of chapter 01" in capsys.readouterr().out
    backups = list(store.glob("progress.*.json"))
    assert backups and "01.max_sigmoid_slope" in backups[0].read_text(encoding="utf-8")
    exercises.reset_progress()
    assert results.load() == {}


def test_verdicts_carry_a_word_beside_the_symbol(store, capsys):
    exercises.check("01.max_sigmoid_slope", 0.25)
    exercises.check("01.weighted_input", 7)
    exercises.check("01.sigmoid", ...)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("✅ 01.max_sigmoid_slope: correct")
    assert lines[1].startswith("❌ 01.weighted_input: not yet — ")
    assert lines[2].startswith("⏳ 01.sigmoid: not attempted yet")


def test_the_progress_table_shows_every_chapter_name_whole():
    chapters = {num: (mod.TITLE, [f"{num}.{n}" for n in mod.EXERCISES]) for num, mod in exercises.CHAPTERS.items()}
    text = results.format_table(results.table(chapters, {}))
    for num, (title, _) in chapters.items():
        assert f"{num} {title}" in text


def test_checks_in_the_course_solutions_of_either_edition_do_not_count(tmp_path, monkeypatch):
    from dlmath.course.results import counting
    monkeypatch.delenv("DLMATH_NO_PROGRESS", raising=False)
    (tmp_path / "source").mkdir()
    for folder in ("solutions", "solutions/zh", "my-work", "my-work/zh"):
        (tmp_path / folder).mkdir(parents=True)
    assert counting(tmp_path / "solutions") is False and counting(tmp_path / "solutions" / "zh") is False
    assert counting(tmp_path / "my-work") is True and counting(tmp_path / "my-work" / "zh") is True
