"""Packets: what the interviewer sees, what the candidate must not see, the scorecard, and the printable HTML."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from drillkit.bank import load_bank
from drillkit.errors import UsageError
from drillkit.interviewing.interview import Focus, InterviewSet
from drillkit.interviewing.packet import (
    candidate_document,
    candidate_html,
    candidate_json,
    candidate_markdown,
    check_output_dir,
    complexity_expectations,
    interviewer_html,
    interviewer_json,
    interviewer_markdown,
    render_packet,
    rubric_for,
    scorecard_csv,
    scorecard_markdown,
    write_packet,
)
from drillkit.model import Question

BANK = load_bank()


def one_of_each_kind() -> tuple[Question, ...]:
    picked = []
    for kind in ("single-choice", "multiple-choice", "short-answer", "design", "coding"):
        picked.append(next(q for q in BANK.questions if q.kind == kind and q.follow_ups))
    return tuple(picked)


QUESTIONS = one_of_each_kind()
FOCUS = tuple(Focus(q.id, q.title, 1) for q in BANK.qualifications if q.id in {x.qualification for x in QUESTIONS})
SET = InterviewSet("posting sample.txt", FOCUS, QUESTIONS, budget_minutes=sum(q.minutes for q in QUESTIONS) + 5,
                   level="mid", seed=7)


def secrets_of(question: Question) -> list[str]:
    """Text that gives an answer away; none of it may reach the candidate."""
    leaks = [question.explanation.strip()[:60], question.id]
    leaks += [choice.why.strip()[:50] for choice in question.choices]
    if question.answer:
        leaks.append(question.answer.strip()[:60])
    leaks += [point[:50] for point in question.key_points]
    leaks += [item.criterion[:50] for item in question.rubric]
    leaks += [item[:50] for item in question.follow_ups]
    return leaks


def test_the_interviewer_packet_holds_answers_rubrics_follow_ups_and_the_plan() -> None:
    text = interviewer_markdown(SET)
    assert "## Time plan" in text
    assert f"**{SET.total_minutes}** | | | | **total** (5 min spare of {SET.budget_minutes})" in text
    for number, question in enumerate(QUESTIONS, 1):
        assert f"## {number}. {question.title}" in text
        assert question.follow_ups[0].strip()[:40] in text
        rubric, _ = rubric_for(question)
        assert f"Rubric ({sum(i.points for i in rubric)} points)" in text
    choice = QUESTIONS[0]
    correct = next(c for c in choice.choices if c.correct)
    assert f"### Correct choice\n\n- **{choice.correct_letters[0]})** {correct.text}" in text
    design = QUESTIONS[3]
    assert design.rubric[0].criterion in text


def test_a_coding_question_shows_the_reference_approach_from_the_explanation() -> None:
    coding = QUESTIONS[4]
    text = interviewer_markdown(SET)
    first_paragraph = coding.explanation.strip().split("\n\n")[0].strip()
    assert f"### Reference approach\n\n{first_paragraph}" in text
    data = interviewer_json(SET)["questions"][4]
    assert data["reference_approach"] == first_paragraph
    assert data["rubric_standard"] is True
    assert "grader's tests pass" in data["rubric"][0]["criterion"]


def test_a_coding_exercise_shows_complexity_follow_ups_and_the_exact_commands() -> None:
    coding = QUESTIONS[4]
    lru = BANK.get("lru-cache")
    assert any("O(1)" in line for line in complexity_expectations(lru))
    text = interviewer_markdown(dataclasses.replace(SET, questions=(lru,)))
    assert "### Complexity expectations\n\n" in text
    assert "\n- **Performance:** `get` and `put` must be O(1) on average.\n" in text
    assert "```sh\ndrillkit solve lru-cache --dir . --lang python\ndrillkit check lru-cache lru_cache.py --lang python\n" in text
    for language, extension in (("go", "go"), ("java", "java"), ("cpp", "hpp")):  # every language it offers
        assert (f"drillkit solve lru-cache --dir . --lang {language}\n"
                f"drillkit check lru-cache lru_cache.{extension} --lang {language}\n") in text
    assert "### Follow-ups (if time allows)" in text
    data = interviewer_json(SET)["questions"][4]
    assert data["commands"][:2] == [f"drillkit solve {coding.id} --dir . --lang python",
                                    f"drillkit check {coding.id} {coding.id.replace('-', '_')}.py --lang python"]
    assert len(data["commands"]) == 2 * len(coding.languages)
    assert data["complexity"] == list(complexity_expectations(coding))


def test_a_coding_exercise_lists_the_postings_languages_first() -> None:
    coding = dataclasses.replace(QUESTIONS[4], languages=("python", "go"))
    interview = dataclasses.replace(SET, questions=(coding,), posting_languages=("java", "go", "python"))
    assert interview.languages_for(coding) == ("go", "python")
    sheet = candidate_markdown(interview)
    assert "Write it in Go or Python; it will be run against tests. (The posting also names Java;" in sheet
    assert candidate_json(interview)["questions"][0]["languages"] == ["go", "python"]
    assert interviewer_json(interview)["questions"][0]["languages"] == ["go", "python"]


def test_the_time_plan_says_when_to_move_on_and_why_each_question_is_there() -> None:
    from drillkit.interviewing.shapes import Placement

    design = QUESTIONS[3]
    placements = tuple(Placement(q, "core" if q is design else "probe", f"reason for {q.id}",
                                 10 if q is design else 0) for q in QUESTIONS)
    interview = dataclasses.replace(SET, placements=placements, budget_minutes=SET.budget_minutes + 10)
    text = interviewer_markdown(interview)
    planned = next(p for p in interview.plan() if p.question is design)
    assert (f"Starts at {planned.start_minute // 60}:{planned.start_minute % 60:02d}. The question itself until "
            f"{planned.end_minute // 60}:{planned.end_minute % 60:02d}; then 10 min of follow-ups. **Move on at "
            f"{planned.move_on_minute // 60}:{planned.move_on_minute % 60:02d}**") in text
    assert f"Reason for {design.id}." in text
    assert f"| {design.minutes} | 10 | " in text
    candidate = candidate_markdown(interview)
    assert "reason for" not in candidate.lower() and "Move on" not in candidate
    assert f"{design.minutes + 10} min" in " ".join(" ".join(s.badges) for s in candidate_document(interview).sections)


def test_questions_without_a_rubric_get_a_standard_one_for_their_kind() -> None:
    single, multiple, short = QUESTIONS[0], QUESTIONS[1], QUESTIONS[2]
    rubric, derived = rubric_for(single)
    assert derived and rubric[0].criterion == f"Picks {single.correct_letters[0]}"
    rubric, _ = rubric_for(multiple)
    assert rubric[0].criterion == f"Picks exactly {', '.join(multiple.correct_letters)}"
    rubric, _ = rubric_for(short)
    assert [item.criterion for item in rubric] == list(short.key_points)
    rubric, derived = rubric_for(QUESTIONS[3])
    assert not derived and rubric == QUESTIONS[3].rubric


@pytest.mark.parametrize("render", [candidate_markdown, candidate_html,
                                    lambda s: json.dumps(candidate_json(s), ensure_ascii=False)])
def test_the_candidate_sheet_gives_nothing_away(render: object) -> None:
    text = render(SET)  # type: ignore[operator]
    for question in QUESTIONS:
        assert question.title in text or question.title.replace("'", "&#x27;") in text
        for leak in secrets_of(question):
            assert leak not in text, f"candidate sheet shows: {leak!r}"
    assert "✔" not in text and "Correct choice" not in text and "Rubric" not in text


def test_the_candidate_json_has_prompts_and_choice_texts_only() -> None:
    data = candidate_json(SET)
    question = data["questions"][0]
    assert set(question) == {"number", "title", "kind", "minutes", "prompt", "choices", "languages", "fingerprint"}
    assert all(set(choice) == {"letter", "text"} for choice in question["choices"])
    assert set(data) == {"packet", "version", "set_id", "shape", "total_minutes", "posting_languages", "questions"}
    bound = dataclasses.replace(SET, nonce="a-secret-nonce")
    text = json.dumps(candidate_json(bound))
    assert "a-secret-nonce" not in text and "key_digest" not in text
    assert interviewer_json(bound)["set"]["set_id"] == candidate_json(bound)["set_id"] != data["set_id"]
    assert interviewer_json(bound)["set"]["nonce"] == "a-secret-nonce"


def test_the_scorecard_lists_every_question_with_its_rubric() -> None:
    text = scorecard_markdown(SET)
    rows = list(csv.DictReader(io.StringIO(scorecard_csv(SET))))
    for number, question in enumerate(QUESTIONS, 1):
        rubric, _ = rubric_for(question)
        assert f"| {number} | {question.title} | `{question.id}` | {sum(i.points for i in rubric)} | |" in text
        mine = [r for r in rows if r["question_id"] == question.id]
        assert [(r["criterion"], int(r["max_points"])) for r in mine] == [(i.criterion, i.points) for i in rubric]
        assert all(r["score"] == "" and r["number"] == str(number) for r in mine)
    assert "| Candidate | |" in text


def test_the_html_is_one_self_contained_printable_file() -> None:
    page = interviewer_html(SET)
    assert page.startswith("<!DOCTYPE html>")
    for external in ("<script", "<link", "<img", "@import", "url("):
        assert external not in page
    assert "@media print" in page and "break-before: page" in page
    assert page.count('<section class="sheet break">') == len(QUESTIONS) + 1  # each question, and the scorecard
    assert "<table>" in page  # Markdown tables are rendered, not left as pipes


def test_html_in_a_question_is_escaped_not_run() -> None:
    hostile = dataclasses.replace(QUESTIONS[2], title="<b>bold</b> title", prompt="Explain <script>alert(1)</script>")
    page = candidate_html(dataclasses.replace(SET, questions=(hostile,)))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; title" in page


def test_render_packet_names_the_files_of_each_format() -> None:
    assert set(render_packet(SET, "md")) == {"interviewer.md", "candidate.md", "scorecard.md", "scorecard.csv"}
    assert set(render_packet(SET, "html")) == {"interviewer.html", "candidate.html", "scorecard.html", "scorecard.md",
                                               "scorecard.csv"}
    assert set(render_packet(SET, "json")) == {"interviewer.json", "candidate.json", "scorecard.md", "scorecard.csv"}
    with pytest.raises(UsageError, match="unknown packet format"):
        render_packet(SET, "pdf")  # type: ignore[arg-type]


def test_write_packet_creates_the_folder_and_the_files(tmp_path: Path) -> None:
    written = write_packet(SET, "json", tmp_path / "new" / "packet")
    assert sorted(p.name for p in written) == ["candidate.json", "interviewer.json", "scorecard.csv", "scorecard.md"]
    data = json.loads((tmp_path / "new" / "packet" / "interviewer.json").read_text())
    assert [q["id"] for q in data["questions"]] == [q.id for q in QUESTIONS]
    assert data["set"]["seed"] == 7


def test_an_output_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "packet.md"
    target.write_text("")
    with pytest.raises(UsageError, match="is a file"):
        check_output_dir(target)


def test_checking_an_output_folder_creates_nothing(tmp_path: Path) -> None:
    check_output_dir(tmp_path / "new" / "packet")
    assert list(tmp_path.iterdir()) == []


def test_an_output_folder_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    with pytest.raises(UsageError, match="cannot write to output folder"):
        check_output_dir(blocker / "packet")


# --- the HTML in a real browser ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(*args: str) -> None:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        f"--user-data-dir={profile}", *args], capture_output=True, timeout=120, check=True)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_the_html_renders_in_a_headless_browser_one_question_per_page(tmp_path: Path) -> None:
    page = tmp_path / "interviewer.html"
    page.write_text(interviewer_html(SET), encoding="utf-8")
    screenshot = tmp_path / "interviewer.png"
    chromium(f"--screenshot={screenshot}", "--window-size=1200,1600", page.as_uri())
    png = screenshot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 1600)
    assert len(png) > 30_000  # a blank or unstyled page compresses to far less
    pdf = tmp_path / "interviewer.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    assert pages >= len(QUESTIONS) + 2  # the plan, a page (at least) per question, the scorecard
