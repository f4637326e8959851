"""A written screen end to end: `set --shape screen`, `quiz --set` scripted on stdin, `score`; and bad files refused."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.conftest import REPO, Invoke

SEED_POSTING = str(REPO / "tests" / "fixtures" / "postings" / "meta-backend-engineer.txt")


def one_error_line(result: Result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("drillkit: error: ")
    return lines[0]


def make_screen(run: Invoke, out: Path, minutes: int = 30, seed: int = 2, fmt: str = "md") -> dict[str, Any]:
    result = run("set", "--posting", SEED_POSTING, "--shape", "screen", "--minutes", str(minutes), "--seed", str(seed),
                 "-f", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert {"interviewer.json", "candidate.json"} <= {p.name for p in out.iterdir()}  # whatever the format
    packet: dict[str, Any] = json.loads((out / "interviewer.json").read_text())
    return packet


def wrong_letter(question: dict[str, Any]) -> str:
    return next(c["letter"] for c in question["choices"] if not c["correct"])


def test_a_scripted_screen_is_taken_and_scored_end_to_end(run: Invoke, tmp_path: Path) -> None:
    packet = make_screen(run, tmp_path / "packet")
    questions = packet["questions"]
    assert all(q["kind"] in ("single-choice", "multiple-choice") for q in questions)  # 30 min: no exercise
    lines: list[str] = []
    expected = 0.0
    for number, question in enumerate(questions, 1):
        key = question["correct_choices"]
        if number == 2:
            lines.append(wrong_letter(question))  # wrong
        elif number == 3:
            lines += ["zz", "s"]  # a typo is asked again, then skipped
        else:
            lines.append(",".join(key))
            expected += question["minutes"]
    answers = tmp_path / "answers.json"
    taken = run("quiz", "--set", str(tmp_path / "packet" / "candidate.json"), "--answers-out", str(answers),
                input="\n".join(lines) + "\n")
    assert taken.exit_code == 0, taken.output
    assert f"All {len(questions)} questions answered" in taken.stdout
    assert "Correct" not in taken.stdout and "✔" not in taken.stdout  # nothing is scored in front of the candidate
    scored = run("score", str(tmp_path / "packet" / "interviewer.json"), str(answers), "--json")
    assert scored.exit_code == 0, scored.output
    data = json.loads(scored.stdout)
    assert data["total"]["points"] == expected
    assert data["total"]["max_points"] == sum(q["minutes"] for q in questions)
    assert (data["total"]["right"], data["total"]["wrong"], data["total"]["skipped"]) == (len(questions) - 2, 1, 1)
    assert [q["verdict"] for q in data["questions"]][1:3] == ["wrong", "skipped"]
    assert data["questions"][1]["key"] == ", ".join(questions[1]["correct_choices"])
    assert data["questions"][1]["explanation"]
    assert sum(s["points"] for s in data["qualifications"]) == pytest.approx(expected)
    text = run("score", str(tmp_path / "packet" / "interviewer.json"), str(answers))
    assert text.exit_code == 0
    assert f"Total: {expected:g} of {data['total']['max_points']} points" in text.stdout
    assert f"picked: {wrong_letter(questions[1])} · key: {', '.join(questions[1]['correct_choices'])}" in text.stdout
    assert "By qualification" in text.stdout


def test_a_stopped_screen_keeps_its_answers_and_continues(run: Invoke, tmp_path: Path) -> None:
    packet = make_screen(run, tmp_path / "packet")
    sheet, answers = tmp_path / "packet" / "candidate.json", tmp_path / "answers.json"
    first = run("quiz", "--set", str(sheet), "--answers-out", str(answers),
                input=f"{','.join(packet['questions'][0]['correct_choices'])}\nq\n")
    assert first.exit_code == 0
    assert "1 of" in first.stdout and "To go on: drillkit quiz --set" in first.stdout
    assert len(json.loads(answers.read_text())["answers"]) == 1
    rest = "\n".join(",".join(q["correct_choices"]) for q in packet["questions"][1:]) + "\n"
    second = run("quiz", "--set", str(sheet), "--answers-out", str(answers), input=rest)
    assert second.exit_code == 0
    assert "continuing" in second.stderr and "All" in second.stdout
    data = json.loads(run("score", str(tmp_path / "packet" / "interviewer.json"), str(answers), "--json").stdout)
    assert data["total"]["percent"] == 100


def test_ctrl_c_loses_no_answer(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packet = make_screen(run, tmp_path / "packet")
    from cli import console

    real_ask = console.ask
    calls = [0]

    def ask(prompt: str) -> str:
        calls[0] += 1
        if calls[0] == 3:
            raise KeyboardInterrupt
        return real_ask(prompt)

    monkeypatch.setattr(console, "ask", ask)
    answers = tmp_path / "answers.json"
    keys = "\n".join(",".join(q["correct_choices"]) for q in packet["questions"]) + "\n"
    result = run("quiz", "--set", str(tmp_path / "packet" / "candidate.json"), "--answers-out", str(answers),
                 input=keys)
    assert result.exit_code == 130
    assert [a["number"] for a in json.loads(answers.read_text())["answers"]] == [1, 2]


def test_kill_9_loses_no_answer(run: Invoke, tmp_path: Path, isolated_home: Path) -> None:
    packet = make_screen(run, tmp_path / "packet")
    answers = tmp_path / "answers.json"
    child = subprocess.Popen([sys.executable, "-m", "drillkit", "quiz", "--set", str(tmp_path / "packet" /
                                                                                      "candidate.json"),
                              "--answers-out", str(answers)], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, cwd=REPO, env={**os.environ, "DRILLKIT_HOME": str(isolated_home)})
    assert child.stdin is not None
    for question in packet["questions"][:2]:
        child.stdin.write((",".join(question["correct_choices"]) + "\n").encode())
    child.stdin.flush()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if len(json.loads(answers.read_text())["answers"]) == 2:
                break
        except (FileNotFoundError, ValueError):
            pass  # never half-written: a rename replaces it whole, so only "not there yet" can happen
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    data = json.loads(answers.read_text())
    assert [a["number"] for a in data["answers"]] == [1, 2]
    scored = json.loads(run("score", str(tmp_path / "packet" / "interviewer.json"), str(answers), "--json").stdout)
    assert scored["total"]["right"] == 2 and scored["total"]["unanswered"] == len(packet["questions"]) - 2


# --- bad input: one line each, never a traceback ------------------------------------------------------------


@pytest.fixture
def taken(run: Invoke, tmp_path: Path) -> tuple[Path, Path, Path]:
    packet = make_screen(run, tmp_path / "packet")
    answers = tmp_path / "answers.json"
    keys = "\n".join(",".join(q["correct_choices"]) for q in packet["questions"]) + "\n"
    assert run("quiz", "--set", str(tmp_path / "packet" / "candidate.json"), "--answers-out", str(answers),
               input=keys).exit_code == 0
    return tmp_path / "packet" / "interviewer.json", tmp_path / "packet" / "candidate.json", answers


@pytest.mark.parametrize(("mutate", "needle"), [
    (lambda d: d["answers"][0].update(picked=[wrong for wrong in "abcd" if [wrong] != d["answers"][0]["picked"]][:1]),
     "the answer to question 1 was changed after drillkit recorded it"),
    (lambda d: d.update(set_id="sha256:" + "0" * 64), "answers another set"),
    (lambda d: d["answers"][1].update(number=99), "question 99, which this set does not have"),
    (lambda d: d["answers"][0].update(pickd=d["answers"][0].pop("picked")), "'picked' is missing"),
])
def test_a_tampered_answers_file_is_refused(run: Invoke, taken: tuple[Path, Path, Path], mutate: Any,
                                            needle: str) -> None:
    interviewer, _, answers = taken
    data = json.loads(answers.read_text())
    mutate(data)
    answers.write_text(json.dumps(data))
    line = one_error_line(run("score", str(interviewer), str(answers)))
    assert needle in line and str(answers) in line


def test_answers_of_another_set_are_refused(run: Invoke, taken: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, _, answers = taken
    make_screen(run, tmp_path / "other", seed=3)
    line = one_error_line(run("score", str(tmp_path / "other" / "interviewer.json"), str(answers)))
    assert "answers another set" in line


def test_hostile_text_in_a_refused_file_never_reaches_the_terminal(run: Invoke, taken: tuple[Path, Path, Path]) -> None:
    interviewer, _, answers = taken
    data = json.loads(answers.read_text())
    data["answers"][0]["pickd\x1b[2J\x1b]52;c;aGk=\x07"] = data["answers"][0].pop("picked")
    answers.write_text(json.dumps(data))
    result = run("score", str(interviewer), str(answers))
    assert "\x1b" not in result.output and "\x07" not in result.output
    one_error_line(result)


def test_the_wrong_files_in_the_wrong_places(run: Invoke, taken: tuple[Path, Path, Path], tmp_path: Path) -> None:
    interviewer, candidate, answers = taken
    assert "is the candidate's sheet" in one_error_line(run("score", str(candidate), str(answers)))
    assert "is a candidate sheet, not an answers file" in one_error_line(run("score", str(interviewer),
                                                                             str(candidate)))
    assert "no such an answers file" in one_error_line(run("score", str(interviewer), str(tmp_path / "nope.json")))
    assert "holds the answers" in one_error_line(run("quiz", "--set", str(interviewer), "--answers-out",
                                                     str(tmp_path / "a.json")))
    assert "--set needs --answers-out FILE" in one_error_line(run("quiz", "--set", str(candidate)))
    assert "--answers-out and --dir go with --set" in one_error_line(run("quiz", "--answers-out", str(answers)))
    assert "serves the sheet's questions" in one_error_line(run("quiz", "--set", str(candidate), "--answers-out",
                                                                str(tmp_path / "b.json"), "-q", "caching"))


def test_a_live_set_is_not_taken_or_scored_in_drillkit(run: Invoke, tmp_path: Path) -> None:
    assert run("set", "--posting", SEED_POSTING, "--seed", "1", "-f", "json", "-o", str(tmp_path / "live")).exit_code == 0
    line = one_error_line(run("quiz", "--set", str(tmp_path / "live" / "candidate.json"), "--answers-out",
                              str(tmp_path / "answers.json")))
    assert "is a live set; only a screen is taken in drillkit" in line
    line = one_error_line(run("score", str(tmp_path / "live" / "interviewer.json"), str(tmp_path / "answers.json")))
    assert "is a live set; only a screen is scored" in line


def test_an_answers_file_for_another_set_is_not_overwritten_by_quiz(run: Invoke, taken: tuple[Path, Path, Path],
                                                                    tmp_path: Path) -> None:
    _, _, answers = taken
    before = answers.read_bytes()
    make_screen(run, tmp_path / "other", seed=3)
    line = one_error_line(run("quiz", "--set", str(tmp_path / "other" / "candidate.json"), "--answers-out",
                              str(answers)))
    assert "holds answers to another set" in line
    assert answers.read_bytes() == before


# --- coding answers, graded in the sandbox as part of scoring --------------------------------------------------


@pytest.mark.docker
def test_a_screen_with_a_coding_exercise_is_graded_in_the_sandbox(run: Invoke, tmp_path: Path,
                                                                  docker_ready: None) -> None:
    packet = make_screen(run, tmp_path / "packet", minutes=60, seed=4, fmt="json")
    exercise = next(q for q in packet["questions"] if q["kind"] == "coding")
    python_commands = [f"drillkit solve {exercise['id']} --dir . --lang python",
                       f"drillkit check {exercise['id']} {exercise['id'].replace('-', '_')}.py --lang python"]
    at = exercise["commands"].index(python_commands[0])
    assert exercise["commands"][at:at + 2] == python_commands
    assert len(exercise["commands"]) == 2 * len(exercise["languages"])  # every language the exercise offers
    reference = REPO / "graders" / exercise["id"] / "python" / "reference.py"
    results = {}
    for name, solution in (("reference", str(reference)), ("starter", "")):  # Enter: the starter quiz wrote
        # A coding exercise offered in several languages asks for the language first, then the file.
        lines = [",".join(q["correct_choices"]) if q["kind"] != "coding" else f"python\n{solution}"
                 for q in packet["questions"]]
        answers = tmp_path / f"{name}.json"
        folder = tmp_path / name
        taken = run("quiz", "--set", str(tmp_path / "packet" / "candidate.json"), "--answers-out", str(answers),
                    "--dir", str(folder), input="\n".join(lines) + "\n")
        assert taken.exit_code == 0, taken.output
        assert (folder / f"screen_q{exercise['number']:02d}.py").exists()
        scored = run("score", str(tmp_path / "packet" / "interviewer.json"), str(answers), "--json")
        assert scored.exit_code == 0, scored.output
        results[name] = json.loads(scored.stdout)
    coding = next(q for q in results["reference"]["questions"] if q["kind"] == "coding")
    assert coding["verdict"] == "right" and coding["grade"]["status"] == "pass"
    assert results["reference"]["total"]["percent"] == 100
    coding = next(q for q in results["starter"]["questions"] if q["kind"] == "coding")
    assert coding["verdict"] in ("partly", "wrong") and coding["grade"]["status"] != "pass"
    share = coding["grade"]["passed"] / coding["grade"]["total"]
    assert coding["points"] == round(exercise["minutes"] * share, 2)
    assert results["starter"]["total"]["points"] == pytest.approx(
        results["starter"]["total"]["max_points"] - exercise["minutes"] * (1 - share), abs=0.01)
