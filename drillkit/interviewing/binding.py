"""What ties a candidate's answers file to the set it answers: fingerprints, the set id and digests.

- A question's *fingerprint* hashes what the candidate sees of it (title, kind, minutes, prompt, choice texts,
  languages), so an answer is bound to the exact text and choice order it was given for.
- The *set id* hashes a random nonce, the source, shape and seed, and each question's id, revision and fingerprint.
  The nonce lives only in the interviewer's packet, so the candidate cannot recompute the id (nor learn ids from
  it), while the scorer recomputes it from the packet and so detects a packet whose questions were changed.
- The *key digest* hashes the nonce and the answer key, so an interviewer packet whose key was edited is refused;
  it is never shown to the candidate, and without the nonce it could not be used to search for the key.
- Each recorded answer carries a *digest* chained from the set id through every earlier answer: an answer edited,
  moved to another question, reordered, inserted or removed from the middle of the file no longer matches.

None of this is a signature. The candidate holds the sheet (with the set id) and drillkit's code, so someone who
re-implements the chain can write a consistent file with any answers and times. The binding proves the file was
made for this set, against the sheet as written, and not edited by hand afterwards; it cannot prove who answered,
when, or how long it took.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

HASH = "sha256"


def canonical(data: Any) -> str:
    """One spelling of a JSON value: sorted keys, no spaces, Unicode kept."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _digest(*parts: str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return f"{HASH}:{hasher.hexdigest()}"


def fingerprint(title: str, kind: str, minutes: int, prompt: str, choices: Sequence[str],
                languages: Iterable[str]) -> str:
    return _digest("drillkit-question-v1", canonical({
        "title": title, "kind": kind, "minutes": minutes, "prompt": prompt, "choices": list(choices),
        "languages": sorted(languages),
    }))


def set_id(nonce: str, source: str, shape: str, seed: int, questions: Sequence[tuple[str, int, str]]) -> str:
    """``questions``: (id, revision, fingerprint) in the set's order."""
    return _digest("drillkit-set-v1", nonce, canonical({
        "source": source, "shape": shape, "seed": seed, "questions": [list(q) for q in questions],
    }))


def key_digest(nonce: str, keys: Sequence[tuple[str, Sequence[str]]]) -> str:
    """``keys``: (question id, correct letters) in the set's order."""
    return _digest("drillkit-key-v1", nonce, canonical([[qid, list(letters)] for qid, letters in keys]))


def answer_digest(previous: str, answer: dict[str, Any]) -> str:
    """The digest of one recorded answer (without its own ``digest`` field), chained to the one before."""
    fields = {key: value for key, value in answer.items() if key != "digest"}
    return _digest("drillkit-answer-v1", previous, canonical(fields))


def short(identifier: str) -> str:
    """The first 12 hex digits of a set id, enough to tell two sets apart in a message."""
    return identifier.split(":", 1)[-1][:12]
