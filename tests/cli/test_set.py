"""`drillkit set`: sets for a posting or qualifications, --explain, packets, the used log, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import REPO, Invoke

POSTINGS = REPO / "tests" / "fixtures" / "postings"
PLATFORM = str(POSTINGS / "platform-engineer.txt")


def one_error_line(result: Result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("drillkit: error: ")
    return lines[0]


def test_a_posting_set_as_json_fits_covers_and_repeats(run: Invoke) -> None:
    first = run("set", "--posting", PLATFORM, "--minutes", "60", "--seed", "7", "--shape", "screen", "--format", "json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert sum(q["minutes"] + q["followup_minutes"] for q in data["questions"]) == data["set"]["total_minutes"] <= 60
    matched = {q["id"] for q in data["set"]["qualifications"]}
    assert {"kubernetes", "databases", "data-pipelines", "observability"} <= matched
    assert {q["qualification"] for q in data["questions"]} == matched
    assert data["set"]["uncovered"] == []
    again = run("set", "--posting", PLATFORM, "--minutes", "60", "--seed", "7", "--shape", "screen", "--format", "json")
    assert json.loads(again.stdout)["questions"] == data["questions"]


def test_the_summary_table_shows_the_plan_and_the_seed(run: Invoke) -> None:
    result = run("set", "-q", "caching", "-q", "kubernetes", "--minutes", "30", "--seed", "3")
    assert result.exit_code == 0
    assert "of 30 min" in result.stdout and "seed 3" in result.stdout
    assert "2/2 qualifications" in result.stdout
    assert "0:00" in result.stdout
    assert "-o DIR" in result.stderr


def test_explain_shows_matched_lines_with_phrases_and_unmatched_lines(run: Invoke) -> None:
    result = run("set", "--posting", PLATFORM, "--explain")
    assert result.exit_code == 0
    out = result.stdout
    assert "Run our workloads on K8s" in out
    assert "→ kubernetes: 'k8s', 'container orchestration'" in out
    assert "→ data-pipelines: 'message queue' (as 'message queues')" in out
    assert "matched no qualification" in out
    assert "Four-day work week" in out


def test_explain_as_json(run: Invoke) -> None:
    data = json.loads(run("set", "--posting", PLATFORM, "--explain", "--format", "json").stdout)
    hits = [h for line in data["matched_lines"] for h in line["hits"]]
    assert {"qualification": "databases", "phrase": "postgres", "text": "Postgres"} in hits
    assert any(line["text"] == "Perks" for line in data["unmatched_lines"])


def test_explain_records_no_set(run: Invoke, isolated_home: Path) -> None:
    run("set", "--posting", PLATFORM, "--explain")
    assert not (isolated_home / "interview-sets.jsonl").exists()


@pytest.mark.parametrize(("fmt", "names"), [
    ("md", {"interviewer.md", "candidate.md", "scorecard.md", "scorecard.csv"}),
    ("html", {"interviewer.html", "candidate.html", "scorecard.html", "scorecard.md", "scorecard.csv"}),
    ("json", {"interviewer.json", "candidate.json", "scorecard.md", "scorecard.csv"}),
])
def test_output_writes_a_packet(run: Invoke, tmp_path: Path, fmt: str, names: set[str]) -> None:
    out = tmp_path / "packet"
    result = run("set", "-q", "caching", "--minutes", "20", "--seed", "1", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == names
    assert "wrote" in result.stdout


def test_every_set_is_logged_and_exclude_used_skips_its_questions(run: Invoke, isolated_home: Path) -> None:
    first = json.loads(run("set", "-q", "caching", "-m", "20", "--seed", "1", "-f", "json").stdout)
    second = json.loads(run("set", "-q", "caching", "-m", "20", "--seed", "1", "-f", "json", "--exclude-used").stdout)
    ids = {q["id"] for q in first["questions"]}
    assert ids and not ids & {q["id"] for q in second["questions"]}
    assert len((isolated_home / "interview-sets.jsonl").read_text().splitlines()) == 2


# --- bad input: one line each, never a traceback ----------------------------------------------------------


def test_an_empty_posting(run: Invoke) -> None:
    line = one_error_line(run("set", "--posting", str(POSTINGS / "blank.txt")))
    assert "is empty" in line


def test_a_binary_posting(run: Invoke, tmp_path: Path) -> None:
    binary = tmp_path / "posting.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x00\xff\xfe")
    line = one_error_line(run("set", "--posting", str(binary)))
    assert "binary file, not plain text" in line


def test_a_posting_that_matches_nothing_lists_the_qualifications(run: Invoke) -> None:
    line = one_error_line(run("set", "--posting", str(POSTINGS / "pastry-chef.txt")))
    assert "matches no qualification" in line
    assert "distributed-systems" in line and "observability" in line


def test_a_missing_posting(run: Invoke, tmp_path: Path) -> None:
    line = one_error_line(run("set", "--posting", str(tmp_path / "nope.txt")))
    assert "no such posting file" in line


def test_a_budget_too_small_for_any_question(run: Invoke) -> None:
    line = one_error_line(run("set", "--posting", PLATFORM, "--minutes", "1"))
    assert "a budget of 1 min fits no question" in line


def test_a_seed_that_is_not_a_number(run: Invoke) -> None:
    line = one_error_line(run("set", "-q", "caching", "--seed", "seven"))
    assert "--seed must be a whole number, got 'seven'" in line


def test_an_unwritable_output_path(run: Invoke, tmp_path: Path, isolated_home: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    line = one_error_line(run("set", "-q", "caching", "-o", str(blocker / "packet")))
    assert "cannot write to output folder" in line
    assert not (isolated_home / "interview-sets.jsonl").exists()  # a set nobody received is not "used"


def test_an_output_path_that_is_a_file(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "packet.html"
    target.write_text("")
    line = one_error_line(run("set", "-q", "caching", "-f", "html", "-o", str(target)))
    assert "is a file" in line


def test_neither_posting_nor_qualification(run: Invoke) -> None:
    line = one_error_line(run("set"))
    assert "--posting FILE or --qualification ID" in line


def test_explain_with_qualifications_says_why_each_question_is_in_the_set(run: Invoke, isolated_home: Path) -> None:
    result = run("set", "-q", "caching", "-q", "databases", "--explain", "--seed", "2", "--shape", "design")
    assert result.exit_code == 0, result.output
    assert "Why each question is in this design set" in result.stdout
    assert "core: the design question, on caching" in result.stdout
    assert "probe: databases (weight 1) is part of the data layer" in result.stdout
    assert "a preview: not recorded" in result.stderr
    assert not (isolated_home / "interview-sets.jsonl").exists()


def test_explain_writes_nothing(run: Invoke, tmp_path: Path) -> None:
    line = one_error_line(run("set", "-q", "caching", "--explain", "-o", str(tmp_path / "packet")))
    assert "--explain previews a set and writes nothing" in line
    assert not (tmp_path / "packet").exists()


def test_an_unknown_qualification(run: Invoke) -> None:
    line = one_error_line(run("set", "-q", "astrology"))
    assert "unknown qualification 'astrology'" in line


def test_a_tight_budget_says_what_it_left_out(run: Invoke) -> None:
    result = run("set", "--posting", PLATFORM, "--minutes", "8", "--seed", "1", "--shape", "screen")
    assert result.exit_code == 0
    assert "not covered within 8 min:" in result.stderr


def test_a_live_budget_too_small_for_a_core_falls_back_visibly(run: Invoke) -> None:
    result = run("set", "--posting", PLATFORM, "--minutes", "8", "--seed", "1")
    assert result.exit_code == 0
    assert "no coding exercise or design question fits within 6 of 8 min" in result.stderr
    assert "not asked about in this live interview" in result.stderr


# --- shapes ---------------------------------------------------------------------------------------------------

SEED_POSTING = str(POSTINGS / "meta-backend-engineer.txt")


def test_the_seed_posting_at_60_minutes_is_a_live_coding_interview(run: Invoke) -> None:
    data = json.loads(run("set", "--posting", SEED_POSTING, "--minutes", "60", "--seed", "1", "-f", "json").stdout)
    meta = data["set"]
    assert meta["shape"] == "live"
    roles = [q["role"] for q in data["questions"]]
    core = [q for q in data["questions"] if q["role"] == "core"]
    assert core and all(q["kind"] in ("coding", "design") for q in core)
    assert sum(q["minutes"] + q["followup_minutes"] for q in core) >= 30
    assert meta["composition"]["choice_minutes"] <= 12
    assert all(q["role"] == "warm-up" for q in data["questions"] if q["kind"] in ("single-choice", "multiple-choice"))
    assert roles.index("core") > 0 or "warm-up" not in roles
    assert data["questions"][roles.index("core")]["commands"]  # the exact solve and check commands


@pytest.mark.parametrize("shape", ["live", "design", "screen"])
def test_every_shape_is_shown_with_roles_and_when_to_move_on(run: Invoke, shape: str) -> None:
    result = run("set", "--posting", SEED_POSTING, "--minutes", "60", "--seed", "1", "--shape", shape)
    assert result.exit_code == 0, result.output
    assert "move on" in result.stdout and f"· {shape}: " in result.stdout
    assert "core" in result.stdout  # a screen of 60 minutes has a coding exercise as its core too


def test_explain_for_a_posting_shows_the_matching_and_the_reasons(run: Invoke) -> None:
    result = run("set", "--posting", SEED_POSTING, "--explain", "--seed", "1")
    assert result.exit_code == 0
    assert "→ databases:" in result.stdout
    assert "core: the coding exercise, on apis-and-microservices (weight 4)" in result.stdout
    assert "warm-up: a choice question on" in result.stdout
    data = json.loads(run("set", "--posting", SEED_POSTING, "--explain", "--seed", "1", "-f", "json").stdout)
    assert data["matched_lines"] and all(q["reason"] for q in data["set"]["questions"])


def test_a_screen_writes_the_json_files_it_is_taken_and_scored_with(run: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "packet"
    result = run("set", "--posting", SEED_POSTING, "--shape", "screen", "-m", "45", "--seed", "1", "-f", "html",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"interviewer.html", "candidate.html", "scorecard.html",
                                               "interviewer.json", "candidate.json", "scorecard.md", "scorecard.csv"}
    assert "drillkit quiz --set candidate.json" in (out / "candidate.html").read_text()


def test_an_unknown_shape_is_a_usage_error(run: Invoke) -> None:
    result = run("set", "-q", "caching", "--shape", "panel")
    assert result.exit_code == 2 and "Traceback" not in result.output
