"""The shapes of an interview set, and the selection that honours them before coverage.

A backend loop is a coding interview, a system-design interview or a written screen, so a set has one of three
shapes. Each is a composition the selection fills first; coverage of the posting's qualifications decides only
what is left. Where the bank cannot fill a shape (no design question for a qualification, nothing long enough for
the core), the set says so in its notes and falls back to the next best thing, never silently.

``live`` (the default): a coding interview.
    core      one coding exercise, on the most asked-for qualification that has one that fits (a design question
              where none of the posting's qualifications has a coding exercise), then time for its follow-ups
              (FOLLOWUP_EACH minutes a follow-up, at most FOLLOWUP_BASE_MAX, stretched to FOLLOWUP_MAX when the
              core would otherwise fill less than half the budget). A second exercise, on another qualification,
              joins only when one cannot fill half. Together: at least half and at most CORE_MAX_SHARE of the
              minutes, as far as the bank allows.
    probes    short-answer questions, one on each of the most asked-for qualifications the core does not touch.
    warm-ups  choice questions that open the interview, on qualifications nothing else touches: about
              WARMUP_RESERVE_SHARE of the minutes is set aside for them, never more than WARMUP_MAX_SHARE.
    the rest  further probes where the posting's weight is least served, then warm-ups up to their cap.
``design``: a system-design interview.
    core      one design question with its rubric and follow-ups (plus follow-up time, as above), on the most
              asked-for qualification that has one; languages and engineering practices, whose design questions
              are about a component or a practice, only when the posting asks for nothing else. At least half and
              at most CORE_MAX_SHARE of the minutes. No design question that fits: a coding exercise, with a note.
    probes    short-answer questions on the data layer the design rests on (DATA_LAYER: databases, caching, data
              pipelines) as far as the posting asks for it, most asked-for first, then on its other
              qualifications, then where the weight is least served. No choice questions, no coding.
``screen``: a written screen, scored by drillkit without the interviewer.
    only      single- and multiple-choice questions and coding exercises graded in the sandbox.
    coding    one exercise per full SCREEN_MINUTES_PER_CODING minutes of the budget, together at most half of
              it, on the most asked-for qualifications that have one; served last.
    choices   one on every qualification the coding does not cover (the most asked-for first when the budget
              cannot reach them all), then more where the posting's weight is least served, easy to hard.

Every shape keeps the level's mix of difficulties when it picks among equals, and draws from one seeded
generator over id-sorted lists, so the same seed, bank and inputs give the same set.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from drillkit.errors import UsageError
from drillkit.model import CHOICE_KINDS, DIFFICULTIES, Question

Shape = Literal["live", "design", "screen"]
SHAPES: tuple[Shape, ...] = ("live", "design", "screen")
DEFAULT_SHAPE: Shape = "live"
SHAPE_HELP: dict[str, str] = {
    "live": "a coding interview: one or two exercises as the core with time for follow-ups, short-answer probes, "
            "choice questions only as warm-ups (at most a fifth of the minutes)",
    "design": "a system-design interview: one design question with its rubric and follow-ups, and short-answer "
              "probes on the data layer the posting asks for",
    "screen": "a written screen drillkit scores: choice questions and coding exercises graded in the sandbox",
}

Role = Literal["core", "probe", "warm-up", "coverage"]
ROLES: tuple[Role, ...] = ("core", "probe", "warm-up", "coverage")

# Kinds a shape may hold.
SCREEN_KINDS: frozenset[str] = frozenset({"single-choice", "multiple-choice", "coding"})
CORE_KINDS: frozenset[str] = frozenset({"coding", "design"})

CORE_MIN_SHARE = 0.5  # the core and its follow-ups fill at least this share of a live or design budget ...
CORE_MAX_SHARE = 0.8  # ... and at most this, so probes keep some room
WARMUP_MAX_SHARE = 0.2  # choice questions in a live set: at most a fifth of the minutes
WARMUP_RESERVE_SHARE = 0.1  # set aside for them before the probes
FOLLOWUP_EACH = 5  # minutes a listed follow-up takes
FOLLOWUP_BASE_MAX = 10
FOLLOWUP_MAX = 15  # follow-up time stretches this far when the core would otherwise fill less than half
SCREEN_MINUTES_PER_CODING = 45
SCREEN_CODING_MAX_SHARE = 0.5

# The data layer a system design rests on: what a design interview probes first.
DATA_LAYER: tuple[str, ...] = ("databases", "caching", "data-pipelines")
# Design questions on these are about a component or a practice, not a system: a design core comes from them only
# when the posting asks for nothing else.
NOT_SYSTEM_DESIGN: tuple[str, ...] = ("languages", "engineering-practices")

LEVELS = ("junior", "mid", "senior")
DEFAULT_LEVEL = "mid"

# The share of questions at each difficulty a level aims for.
DIFFICULTY_MIX: dict[str, dict[str, float]] = {
    "junior": {"easy": 0.45, "medium": 0.45, "hard": 0.10},
    "mid": {"easy": 0.20, "medium": 0.55, "hard": 0.25},
    "senior": {"easy": 0.10, "medium": 0.40, "hard": 0.50},
}


@dataclass(frozen=True)
class Focus:
    """A qualification the set is for, and how much it weighs (posting lines that named it, or 1)."""

    id: str
    title: str
    weight: int


@dataclass(frozen=True)
class Placement:
    """A question in a set: its role in the shape, why it was chosen, and the time given to its follow-ups."""

    question: Question
    role: Role
    reason: str
    followup_minutes: int = 0

    @property
    def minutes(self) -> int:
        return self.question.minutes + self.followup_minutes


@dataclass(frozen=True)
class Composition:
    placements: tuple[Placement, ...]  # in interview order
    notes: tuple[str, ...] = ()  # where the bank could not fill the shape, and what was done instead


def check_shape(shape: str) -> Shape:
    for known in SHAPES:
        if shape == known:
            return known
    raise UsageError(f"unknown shape '{shape}'", hint=f"use one of: {', '.join(SHAPES)}")


def check_level(level: str) -> None:
    if level not in DIFFICULTY_MIX:
        raise UsageError(f"unknown level '{level}'", hint=f"use one of: {', '.join(LEVELS)}")


def _by_id(questions: Iterable[Question]) -> list[Question]:
    return sorted(questions, key=lambda q: q.id)


def _difficulty_order(chosen: Sequence[Question], mix: dict[str, float]) -> list[str]:
    """Difficulties by how far the chosen questions are below the level's mix, the most missing first."""
    counts: Counter[str] = Counter(q.difficulty for q in chosen)
    total = len(chosen) + 1
    return sorted(DIFFICULTIES, key=lambda d: (counts[d] - mix[d] * total, -mix[d]))


def _pick(candidates: Sequence[Question], chosen: Sequence[Question], mix: dict[str, float],
          rng: random.Random) -> Question | None:
    if not candidates:
        return None
    kinds_used = Counter(q.kind for q in chosen)
    for difficulty in _difficulty_order(chosen, mix):
        level_fit = [q for q in candidates if q.difficulty == difficulty]
        if level_fit:
            # Among equals, a kind the set has least of keeps a mix of quick checks, discussion and design.
            fewest = min(kinds_used[q.kind] for q in level_fit)
            return rng.choice([q for q in level_fit if kinds_used[q.kind] == fewest])
    return None  # pragma: no cover - every question has one of the difficulties


# --- coverage: the selection every shape falls back on, and the screen's choice questions ---------------------


class _Chooser:
    def __init__(self, pool: Sequence[Question], focus: Sequence[Focus], minutes: int, level: str,
                 rng: random.Random, preset: Sequence[Question] = ()) -> None:
        self.focus = list(focus)
        self.rng = rng
        self.mix = DIFFICULTY_MIX[level]
        self.budget = minutes
        self.chosen: list[Question] = list(preset)
        self.remaining = minutes - sum(q.minutes for q in preset)
        self.total_weight = sum(f.weight for f in focus) or 1
        taken = {q.id for q in preset}
        self.available: dict[str, list[Question]] = {
            f.id: _by_id([q for q in pool if q.qualification == f.id and q.minutes <= minutes and q.id not in taken])
            for f in self.focus
        }

    def _fitting(self, qualification: str, cap: int) -> list[Question]:
        return [q for q in self.available[qualification] if q.minutes <= cap]

    def _pick(self, candidates: list[Question]) -> Question | None:
        return _pick(candidates, self.chosen, self.mix, self.rng)

    def _take(self, question: Question) -> None:
        self.chosen.append(question)
        self.remaining -= question.minutes
        self.available[question.qualification].remove(question)

    def _entitlement(self, focus: Focus) -> float:
        """The minutes this qualification deserves by its weight, less what it already has."""
        spent = sum(q.minutes for q in self.chosen if q.qualification == focus.id)
        return self.budget * focus.weight / self.total_weight - spent

    def cover(self) -> None:
        """One question for each qualification not yet covered, the most weighted first, as the budget reaches."""
        present = {q.qualification for q in self.chosen}
        open_focus = [f for f in self.focus if f.id not in present]
        shortest = {f.id: min((q.minutes for q in self.available[f.id]), default=None) for f in open_focus}
        coverable: list[Focus] = []
        reserved = 0
        for focus in open_focus:
            need = shortest[focus.id]
            if need is not None and reserved + need <= self.remaining:
                coverable.append(focus)
                reserved += need
        for position, focus in enumerate(coverable):
            # Leave room for the qualifications still to cover, and take no more than the weight earns, so a
            # lightly weighted qualification does not get a long design question just for being covered.
            hard_cap = self.remaining - sum(shortest[f.id] or 0 for f in coverable[position + 1:])
            soft_cap = min(hard_cap, max(int(self._entitlement(focus)), shortest[focus.id] or 0))
            question = (self._pick(self._fitting(focus.id, soft_cap))
                        or self._pick(self._fitting(focus.id, hard_cap)))
            if question is not None:
                self._take(question)

    def fill(self) -> None:
        """Spend what is left on the qualification furthest below its share, until no question fits."""
        order = {f.id: i for i, f in enumerate(self.focus)}
        while True:
            open_focus = [f for f in self.focus if self._fitting(f.id, self.remaining)]
            if not open_focus:
                return
            target = max(open_focus, key=lambda f: (self._entitlement(f), -order[f.id]))
            fitting = self._fitting(target.id, self.remaining)
            within_share = [q for q in fitting if q.minutes <= self._entitlement(target)]
            if not within_share:
                # Beyond every share now: add the shortest questions, spreading the last minutes thinly.
                shortest = min(q.minutes for q in fitting)
                within_share = [q for q in fitting if q.minutes == shortest]
            question = self._pick(within_share)
            if question is None:  # pragma: no cover - the list is never empty, so _pick always finds one
                return
            self._take(question)

    def ordered(self, questions: Sequence[Question] | None = None) -> tuple[Question, ...]:
        """Warm up with easy questions and end with the hard ones; within a difficulty, by the posting's weight."""
        order = {f.id: i for i, f in enumerate(self.focus)}
        rank = {d: i for i, d in enumerate(DIFFICULTIES)}
        chosen = self.chosen if questions is None else questions
        return tuple(sorted(chosen, key=lambda q: (rank[q.difficulty], order[q.qualification], q.id)))


def choose_questions(pool: Sequence[Question], focus: Sequence[Focus], minutes: int, level: str,
                     seed: int) -> tuple[Question, ...]:
    """Coverage alone, pure: every qualification once (the most weighted first), then by weight, any kind.

    The same arguments always give the same questions in the same order.
    """
    check_level(level)
    chooser = _Chooser(pool, focus, minutes, level, random.Random(seed))
    chooser.cover()
    chooser.fill()
    return chooser.ordered()


# --- the shapes --------------------------------------------------------------------------------------------


def _weight_note(focus: Focus) -> str:
    return f"{focus.id} (weight {focus.weight})"


class _Draft:
    """A set being composed: placements with their roles, and the notes on what the bank could not give."""

    def __init__(self, pool: Sequence[Question], focus: Sequence[Focus], minutes: int, level: str,
                 rng: random.Random) -> None:
        self.everything = list(pool)
        self.pool = _by_id(q for q in pool if q.minutes <= minutes)
        self.focus = list(focus)
        self.by_id = {f.id: f for f in focus}
        self.total_weight = sum(f.weight for f in focus) or 1
        self.budget = minutes
        self.level = level
        self.mix = DIFFICULTY_MIX[level]
        self.rng = rng
        self.placed: list[Placement] = []
        self.notes: list[str] = []

    @property
    def spent(self) -> int:
        return sum(p.minutes for p in self.placed)

    @property
    def remaining(self) -> int:
        return self.budget - self.spent

    def minutes_as(self, role: Role) -> int:
        return sum(p.minutes for p in self.placed if p.role == role)

    def minutes_of(self, kinds: frozenset[str]) -> int:
        return sum(p.minutes for p in self.placed if p.question.kind in kinds)

    @property
    def touched(self) -> set[str]:
        return {p.question.qualification for p in self.placed}

    def candidates(self, kinds: Iterable[str], qualification: str, cap: int) -> list[Question]:
        wanted = set(kinds)
        taken = {p.question.id for p in self.placed}
        return [q for q in self.pool if q.kind in wanted and q.qualification == qualification
                and q.minutes <= cap and q.id not in taken]

    def pick(self, candidates: Sequence[Question]) -> Question | None:
        return _pick(candidates, [p.question for p in self.placed], self.mix, self.rng)

    def place(self, question: Question, role: Role, reason: str, followup_minutes: int = 0) -> None:
        self.placed.append(Placement(question, role, reason, followup_minutes))

    def entitlement(self, focus: Focus) -> float:
        spent = sum(p.minutes for p in self.placed if p.question.qualification == focus.id)
        return self.budget * focus.weight / self.total_weight - spent

    def has_kind(self, kinds: Iterable[str]) -> bool:
        """Whether the bank has any question of these kinds for the set's qualifications, whatever its minutes."""
        wanted = set(kinds)
        return any(q.kind in wanted for q in self.everything)


def followup_time(question: Question, room: int, needed: int) -> int:
    """Minutes after the question for its follow-ups: a few each, stretched towards ``needed``, within ``room``."""
    if not question.follow_ups:
        return 0
    base = min(FOLLOWUP_BASE_MAX, FOLLOWUP_EACH * len(question.follow_ups))
    wanted = max(base, min(needed, FOLLOWUP_MAX))
    return max(0, min(wanted, room))


def _core_bounds(budget: int) -> tuple[int, int]:
    """(at least, at most) minutes of the core with its follow-ups."""
    return -(-budget // 2), int(budget * CORE_MAX_SHARE)


def _place_core(draft: _Draft, kinds: Sequence[str], order: Sequence[Focus], cores: int,
                skipped: list[Focus] | None = None) -> bool:
    """Up to ``cores`` core questions, the first kind that any qualification of ``order`` has first.

    The qualifications of ``order`` that came before the chosen one without a fitting question of the first kind
    go to ``skipped``.
    """
    least, most = _core_bounds(draft.budget)
    placed_any = False
    for number in range(cores):
        core_minutes = draft.minutes_as("core")
        if number and core_minutes >= least:
            break
        room = most - core_minutes
        core_quals = {p.question.qualification for p in draft.placed if p.role == "core"}
        found: tuple[str, Focus, list[Question]] | None = None
        for kind in kinds:
            for focus in order:
                if focus.id in core_quals:
                    continue
                candidates = draft.candidates((kind,), focus.id, room)
                if candidates:
                    found = (kind, focus, candidates)
                    break
                if skipped is not None and kind == kinds[0] and number == 0:
                    skipped.append(focus)
            if found:
                break
        if found is None:
            break
        kind, focus, candidates = found

        def fills(q: Question, before: int = core_minutes, space: int = room) -> bool:
            return before + q.minutes + followup_time(q, space - q.minutes, least - before - q.minutes) >= least

        landing = [q for q in candidates if fills(q)]
        question = draft.pick(landing or candidates)
        if question is None:  # pragma: no cover - candidates is never empty
            break
        followups = followup_time(question, room - question.minutes, least - core_minutes - question.minutes)
        what = "coding exercise" if kind == "coding" else "design question"
        if number == 0:
            reason = (f"core: the {what}, on {_weight_note(focus)}, the most asked-for qualification with a {what} "
                      f"that fits")
        else:
            reason = f"core: a second {what}, on {_weight_note(focus)}, so the core fills half the time"
        if followups:
            reason += f"; {followups} min for its follow-ups"
        draft.place(question, "core", reason, followups)
        placed_any = True
    return placed_any


def _probe_each(draft: _Draft, order: Sequence[Focus], reserve: int, why: str) -> None:
    """One short-answer probe on each qualification of ``order`` not yet touched, while they fit."""
    for focus in order:
        if focus.id in draft.touched:
            continue
        question = draft.pick(draft.candidates(("short-answer",), focus.id, draft.remaining - reserve))
        if question is not None:
            draft.place(question, "probe", f"probe: {_weight_note(focus)} {why}")


def _fill_probes(draft: _Draft, order: Sequence[Focus]) -> None:
    """More short-answer probes on the qualification of ``order`` furthest below its share, until none fits."""
    rank = {f.id: i for i, f in enumerate(order)}
    while True:
        open_focus = [f for f in order if draft.candidates(("short-answer",), f.id, draft.remaining)]
        if not open_focus:
            return
        target = max(open_focus, key=lambda f: (draft.entitlement(f), -rank[f.id]))
        question = draft.pick(draft.candidates(("short-answer",), target.id, draft.remaining))
        if question is None:  # pragma: no cover - the target has candidates
            return
        draft.place(question, "probe", f"coverage: {_weight_note(target)} is furthest below its share of the minutes")


def _warm_ups(draft: _Draft, limit: int) -> None:
    """Choice questions while their minutes stay within ``limit``: untouched qualifications first, by weight."""
    while True:
        room = min(limit - draft.minutes_of(CHOICE_KINDS), draft.remaining)
        touched = draft.touched
        for focus in sorted(draft.focus, key=lambda f: f.id in touched):  # stable: weight order within each group
            question = draft.pick(draft.candidates(CHOICE_KINDS, focus.id, room))
            if question is not None:
                why = ("not touched by the core or the probes" if focus.id not in touched
                       else "the most asked-for, with time left for a warm-up")
                draft.place(question, "warm-up", f"warm-up: a choice question on {_weight_note(focus)}, {why}")
                break
        else:
            return


def _in_order(draft: _Draft, roles: Sequence[Role]) -> tuple[Placement, ...]:
    """Placements by role; warm-ups and coverage from easy to hard, cores and probes in the order chosen."""
    rank = {d: i for i, d in enumerate(DIFFICULTIES)}
    weight_rank = {f.id: i for i, f in enumerate(draft.focus)}
    ordered: list[Placement] = []
    for role in roles:
        group = [p for p in draft.placed if p.role == role]
        if role in ("warm-up", "coverage"):
            group.sort(key=lambda p: (rank[p.question.difficulty], weight_rank[p.question.qualification],
                                      p.question.id))
        ordered += group
    return tuple(ordered)


def _fallback(draft: _Draft, pool: Sequence[Question], kinds: frozenset[str] | None, why: str) -> Composition:
    """Coverage over what the shape allows (or any kind), when the shape cannot place a single question."""
    usable = [q for q in pool if kinds is None or q.kind in kinds]
    chooser = _Chooser(usable, draft.focus, draft.budget, draft.level, draft.rng)
    chooser.cover()
    chooser.fill()
    placements = tuple(Placement(q, "coverage", f"coverage: {_weight_note(draft.by_id[q.qualification])}, "
                                                "the shape could not be filled")
                       for q in chooser.ordered())
    return Composition(placements, (*draft.notes, why))


def _live(draft: _Draft, pool: Sequence[Question]) -> Composition:
    least, most = _core_bounds(draft.budget)
    if not _place_core(draft, ("coding", "design"), draft.focus, cores=2):
        reason = (f"fits within {most} of {draft.budget} min" if draft.has_kind(CORE_KINDS)
                  else "is left in the bank for these qualifications")
        draft.notes.append(f"no coding exercise or design question {reason}: this live set has no core, only "
                           "short-answer probes and choice warm-ups (raise --minutes, or use --shape screen)")
    elif draft.minutes_as("core") < least:
        draft.notes.append(f"the core fills {draft.minutes_as('core')} of {draft.budget} min, less than half: the bank "
                           "has no longer coding exercise or design question for these qualifications")
    warm_cap = int(draft.budget * WARMUP_MAX_SHARE)
    reserve = min(warm_cap, max(2, int(draft.budget * WARMUP_RESERVE_SHARE))) if warm_cap >= 2 else 0
    _probe_each(draft, draft.focus, reserve, "is asked for and the core does not touch it")
    _warm_ups(draft, min(reserve, warm_cap))
    _fill_probes(draft, draft.focus)
    _warm_ups(draft, warm_cap)
    if not draft.placed:
        return _fallback(draft, pool, None, f"nothing of a live interview fits {draft.budget} min: the set is "
                                            "the questions that cover the most qualifications")
    return Composition(_in_order(draft, ("warm-up", "core", "probe")), tuple(draft.notes))


def _design(draft: _Draft, pool: Sequence[Question]) -> Composition:
    system = [f for f in draft.focus if f.id not in NOT_SYSTEM_DESIGN]
    order = system + [f for f in draft.focus if f.id in NOT_SYSTEM_DESIGN]
    skipped: list[Focus] = []
    _, most = _core_bounds(draft.budget)
    if _place_core(draft, ("design", "coding"), order, cores=1, skipped=skipped):
        core = draft.placed[0]
        if core.question.kind != "design":
            draft.notes.append(f"no design question fits within {most} of {draft.budget} min for "
                               f"{', '.join(f.id for f in draft.focus)}: the core is the coding exercise "
                               f"{core.question.id} instead")
        elif skipped:
            draft.notes.append(f"no design question fits within {most} min for {', '.join(f.id for f in skipped)}: "
                               f"the design core is on {core.question.qualification}")
    else:
        reason = (f"fits within {most} of {draft.budget} min" if draft.has_kind(CORE_KINDS)
                  else "is left in the bank for these qualifications")
        draft.notes.append(f"no design question or coding exercise {reason}: this design set has no core, only "
                           "short-answer probes (raise --minutes)")
    core_qual = {p.question.qualification for p in draft.placed}
    data_layer = [f for f in draft.focus if f.id in DATA_LAYER and f.id not in core_qual]
    rest = [f for f in draft.focus if f.id not in DATA_LAYER and f.id not in core_qual]
    _probe_each(draft, data_layer, 0, "is part of the data layer the design rests on")
    _probe_each(draft, rest, 0, "is asked for and the design does not touch it")
    _fill_probes(draft, data_layer + rest + [f for f in draft.focus if f.id in core_qual])
    if not draft.placed:
        return _fallback(draft, pool, None, f"nothing of a design interview fits {draft.budget} min: the set is "
                                            "the questions that cover the most qualifications")
    return Composition(_in_order(draft, ("core", "probe")), tuple(draft.notes))


def _screen(draft: _Draft, pool: Sequence[Question]) -> Composition:
    exercises = draft.budget // SCREEN_MINUTES_PER_CODING
    coding_room = int(draft.budget * SCREEN_CODING_MAX_SHARE)
    for focus in draft.focus:
        if sum(1 for p in draft.placed if p.role == "core") >= exercises:
            break
        room = coding_room - draft.minutes_of(frozenset({"coding"}))
        question = draft.pick(draft.candidates(("coding",), focus.id, room))
        if question is not None:
            draft.place(question, "core", f"core: the screen's coding exercise, on {_weight_note(focus)}, the most "
                                          "asked-for qualification with one that fits; graded in the sandbox")
    if exercises and not draft.placed:
        draft.notes.append(f"no coding exercise fits within {coding_room} min for "
                           f"{', '.join(f.id for f in draft.focus)}: the screen is choice questions only")
    coding = [p.question for p in draft.placed]
    choices = [q for q in pool if q.kind in CHOICE_KINDS]
    chooser = _Chooser(choices, draft.focus, draft.budget, draft.level, draft.rng, preset=coding)
    chooser.cover()
    covering = {q.id for q in chooser.chosen[len(coding):]}
    chooser.fill()
    for question in chooser.ordered(chooser.chosen[len(coding):]):
        focus = draft.by_id[question.qualification]
        if question.id in covering:
            reason = f"coverage: one question on every qualification asked for; this one on {_weight_note(focus)}"
        else:
            reason = f"coverage: {_weight_note(focus)} was furthest below its share of the minutes"
        draft.place(question, "coverage", reason)
    if not draft.placed:
        return _fallback(draft, pool, SCREEN_KINDS, f"nothing drillkit scores fits {draft.budget} min")
    return Composition(_in_order(draft, ("coverage", "core")), tuple(draft.notes))


def compose(pool: Sequence[Question], focus: Sequence[Focus], minutes: int, level: str, seed: int,
            shape: str = DEFAULT_SHAPE) -> Composition:
    """The set of one shape, pure: the same arguments always give the same placements in the same order."""
    check_level(level)
    known = check_shape(shape)
    wanted = {f.id for f in focus}
    usable = [q for q in pool if q.qualification in wanted]
    draft = _Draft(usable, focus, minutes, level, random.Random(seed))
    if known == "live":
        return _live(draft, usable)
    if known == "design":
        return _design(draft, usable)
    return _screen(draft, [q for q in usable if q.kind in SCREEN_KINDS])
