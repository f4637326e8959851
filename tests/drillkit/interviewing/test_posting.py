"""Matching postings against the taxonomy: words, plurals, punctuation, and bad posting files."""

from __future__ import annotations

from pathlib import Path

import pytest

from drillkit.bank import load_bank
from drillkit.errors import NotFoundError, UsageError
from drillkit.interviewing.posting import PhraseIndex, match_posting, match_text, phrase_key, read_posting
from drillkit.model import Qualification
from tests.conftest import REPO

POSTINGS = REPO / "tests" / "fixtures" / "postings"
TAXONOMY = load_bank().qualifications


def matched(text: str, qualifications: tuple[Qualification, ...] = TAXONOMY) -> list[tuple[str, str]]:
    return [(hit.qualification, hit.phrase) for hit in PhraseIndex(qualifications).hits(text)]


def tiny(*phrases: str) -> tuple[Qualification, ...]:
    return (Qualification("q", "Q", "", phrases),)


@pytest.mark.parametrize(("text", "found"), [
    ("Go, Java or Rust.", True),
    ("GO", True),
    ("You are going to love it", False),
    ("We use Gordon's tools", False),
])
def test_a_phrase_matches_whole_words_only(text: str, found: bool) -> None:
    assert bool(matched(text, tiny("go"))) is found


@pytest.mark.parametrize("text", ["APIs", "api", "API's", "an API."])
def test_plurals_and_case_do_not_matter(text: str) -> None:
    assert matched(text, tiny("apis")) == [("q", "apis")]


@pytest.mark.parametrize(("phrase", "text"), [
    ("large-scale systems", "Large scale systems"),
    ("message queue", "message-queues"),
    ("ci/cd", "CI / CD pipelines"),
    ("caching strategies", "caching strategy"),
    ("index", "indexes"),
])
def test_punctuation_and_plural_forms_agree(phrase: str, text: str) -> None:
    assert matched(text, tiny(phrase)) == [("q", phrase)]


def test_cpp_and_csharp_keep_their_symbols() -> None:
    assert matched("C++ and C#", tiny("c++", "c#")) == [("q", "c++"), ("q", "c#")]
    assert matched("C, Fortran", tiny("c++", "c#")) == []


def test_the_longest_phrase_at_a_place_wins() -> None:
    # "container orchestration" is Kubernetes, not the word "container" of the containers qualification.
    assert matched("container orchestration") == [("kubernetes", "container orchestration")]


@pytest.mark.parametrize(("text", "qualification"), [
    ("Postgres", "databases"),
    ("message queues", "data-pipelines"),
    ("K8s", "kubernetes"),
    ("container orchestration", "kubernetes"),
    ("observability", "observability"),
    ("gRPC", "apis-and-microservices"),
    ("Kafka", "data-pipelines"),
    ("Memcached", "caching"),
    ("distributed tracing", "observability"),
    ("Docker", "containers"),
    ("RocksDB", "databases"),
])
def test_the_taxonomy_knows_how_postings_name_things(text: str, qualification: str) -> None:
    assert [q for q, _ in matched(text)] == [qualification]


def test_web_addresses_are_not_requirements() -> None:
    assert matched("Apply at https://jobs.example.com/grpc or jobs@example.com") == []


def test_no_phrase_of_the_taxonomy_belongs_to_two_qualifications() -> None:
    owners: dict[tuple[str, ...], str] = {}
    for qualification in TAXONOMY:
        for phrase in qualification.phrases:
            key = phrase_key(phrase)
            assert key, f"phrase '{phrase}' has no words"
            assert owners.setdefault(key, qualification.id) == qualification.id, phrase


def test_a_posting_is_matched_line_by_line_with_the_phrase_and_the_words_used() -> None:
    match = match_posting(POSTINGS / "platform-engineer.txt", TAXONOMY)
    by_line = {line.number: line for line in match.matched_lines}
    queue_line = next(line for line in by_line.values() if "message queues" in line.text)
    assert [(h.qualification, h.phrase, h.text) for h in queue_line.hits] == [
        ("data-pipelines", "message queue", "message queues")]
    assert {w.id for w in match.weights} >= {"kubernetes", "databases", "data-pipelines", "observability",
                                             "apis-and-microservices", "caching", "containers"}
    assert any("Four-day work week" in line.text for line in match.unmatched_lines)


def test_weights_count_lines_not_phrases() -> None:
    text = "Java, Go, Python and C++.\nKafka.\nKafka streams and Kafka connect.\n"
    match = match_text(text, TAXONOMY)
    weights = {w.id: (w.lines, w.hits) for w in match.weights}
    assert weights["data-pipelines"][0] == 2
    assert weights["languages"] == (1, 4)
    assert match.weights[0].id == "data-pipelines"


def test_blank_lines_and_rules_are_not_reported_as_unmatched() -> None:
    match = match_text("Kafka\n\n--------\nFree lunch\n", TAXONOMY)
    assert [line.text for line in match.unmatched_lines] == ["Free lunch"]


def test_match_json_lists_matched_and_unmatched_lines() -> None:
    data = match_text("Redis\nFree lunch\n", TAXONOMY).to_json()
    assert data["qualifications"] == [{"id": "caching", "title": "Caching (Redis, Memcached)", "lines": 1, "hits": 1}]
    assert data["matched_lines"][0]["hits"] == [{"qualification": "caching", "phrase": "redis", "text": "Redis"}]
    assert data["unmatched_lines"] == [{"line": 2, "text": "Free lunch"}]


def test_an_empty_posting_is_refused() -> None:
    with pytest.raises(UsageError, match="is empty"):
        read_posting(POSTINGS / "blank.txt")


def test_a_binary_posting_is_refused(tmp_path: Path) -> None:
    pdf = tmp_path / "posting.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary stream\x00")
    with pytest.raises(UsageError, match="binary file, not plain text"):
        read_posting(pdf)


def test_a_missing_posting_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no such posting file"):
        read_posting(tmp_path / "nope.txt")


def test_a_folder_is_not_a_posting(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder"):
        read_posting(tmp_path)


def test_a_windows_encoded_posting_is_read(tmp_path: Path) -> None:
    posting = tmp_path / "cp1252.txt"
    posting.write_bytes("Caf\xe9 chain seeks a Redis expert \x96 remote".encode("latin-1"))
    assert "Redis expert" in read_posting(posting)


def test_a_posting_that_matches_nothing_names_the_qualifications() -> None:
    with pytest.raises(UsageError, match="matches no qualification") as caught:
        match_posting(POSTINGS / "pastry-chef.txt", TAXONOMY)
    assert "caching" in str(caught.value) and "kubernetes" in str(caught.value)
