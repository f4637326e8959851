"""Grader for the raft-log exercise: a Raft follower's log handling AppendEntries (Figure 2 rules)."""

import random

import pytest
from solution import RaftLog


def entries_of(log):
    """The log's entries by meaning, re-read after every call: a list of (term, command) tuples."""
    return [tuple(e) for e in log.entries]


def ae(log, prev_index, prev_term, entries, leader_commit):
    """Call append_entries with a fresh list: no test depends on whether the argument is kept or changed."""
    return log.append_entries(prev_index, prev_term, [tuple(e) for e in entries], leader_commit)


def log_with(entries, commit=0):
    log = RaftLog()
    assert ae(log, 0, 0, entries, commit) is True, (
        "expected appending to an empty log after index 0 to succeed"
    )
    return log


class ModelLog:
    """The Figure 2 receiver rules written as plainly as possible."""

    def __init__(self):
        self.entries = []
        self.commit_index = 0

    def term_at(self, index):
        return 0 if index == 0 else self.entries[index - 1][0]

    def append_entries(self, prev_index, prev_term, entries, leader_commit):
        if prev_index > len(self.entries) or self.term_at(prev_index) != prev_term:
            return False
        for offset, entry in enumerate(entries):
            index = prev_index + 1 + offset
            if index <= len(self.entries):
                if self.entries[index - 1][0] != entry[0]:
                    self.entries = [*self.entries[: index - 1], tuple(entry)]
            else:
                self.entries.append(tuple(entry))
        if leader_commit > self.commit_index:
            self.commit_index = max(self.commit_index, min(leader_commit, prev_index + len(entries)))
        return True


# --- a new log ----------------------------------------------------------------------------------------------


def test_new_log_is_empty_with_commit_index_zero():
    log = RaftLog()
    assert entries_of(log) == [], f"expected no entries, got {entries_of(log)!r}"
    assert log.commit_index == 0, f"expected commit_index 0, got {log.commit_index!r}"


def test_heartbeat_on_an_empty_log_succeeds():
    log = RaftLog()
    assert ae(log, 0, 0, [], 0) is True, "expected (prev 0, term 0) to match the implicit entry 0"
    assert entries_of(log) == [] and log.commit_index == 0, "expected an empty heartbeat to change nothing"


def test_entries_are_appended_after_index_zero():
    log = RaftLog()
    assert ae(log, 0, 0, [(1, "x=1"), (1, "y=2")], 0) is True, "expected append after index 0 to succeed"
    assert entries_of(log) == [(1, "x=1"), (1, "y=2")], f"expected two entries, got {entries_of(log)!r}"


def test_entries_are_appended_after_a_matching_previous_entry():
    log = log_with([(1, "a"), (1, "b")])
    assert ae(log, 2, 1, [(2, "c")], 0) is True, "expected (prev 2, term 1) to match"
    assert entries_of(log) == [(1, "a"), (1, "b"), (2, "c")], f"expected c appended, got {entries_of(log)!r}"


def test_commands_of_any_kind_are_kept_as_given():
    commands = [{"op": "set", "k": 1}, None, ("t", 2)]
    log = log_with([(1, c) for c in commands])
    assert [e[1] for e in entries_of(log)] == commands, (
        f"expected the commands unchanged, got {entries_of(log)!r}"
    )


# --- consistency check (rule 2) -----------------------------------------------------------------------------


def test_previous_index_beyond_the_log_returns_false_and_changes_nothing():
    log = log_with([(1, "a")])
    assert ae(log, 3, 1, [(1, "d")], 3) is False, "expected False: the log has no entry at index 3"
    assert entries_of(log) == [(1, "a")], f"expected the log unchanged, got {entries_of(log)!r}"
    assert log.commit_index == 0, f"expected commit_index unchanged at 0, got {log.commit_index}"


def test_previous_index_just_past_the_end_returns_false():
    log = log_with([(1, "a"), (1, "b")])
    assert ae(log, 3, 1, [], 0) is False, "expected False: index 3 does not exist in a log of 2 entries"


def test_previous_term_mismatch_returns_false_and_changes_nothing():
    log = log_with([(1, "a"), (2, "b")], commit=1)
    assert ae(log, 2, 3, [(3, "c")], 5) is False, "expected False: entry 2 has term 2, not 3"
    assert entries_of(log) == [(1, "a"), (2, "b")], f"expected the log unchanged, got {entries_of(log)!r}"
    assert log.commit_index == 1, (
        f"expected commit_index unchanged at 1 after a rejected RPC, got {log.commit_index}"
    )


def test_previous_index_zero_only_matches_term_zero():
    log = log_with([(1, "a")])
    assert ae(log, 0, 1, [(1, "z")], 0) is False, "expected False: the implicit entry 0 has term 0, not 1"
    assert entries_of(log) == [(1, "a")], f"expected the log unchanged, got {entries_of(log)!r}"


def test_consistency_check_uses_one_based_indexes():
    log = log_with([(1, "a"), (2, "b"), (3, "c")])
    assert ae(log, 1, 1, [], 0) is True, "expected entry 1 (entries[0]) to have term 1"
    assert ae(log, 2, 2, [], 0) is True, "expected entry 2 (entries[1]) to have term 2"
    assert ae(log, 3, 3, [], 0) is True, "expected entry 3 (entries[2]) to have term 3"
    assert ae(log, 2, 3, [], 0) is False, "expected entry 2 not to have term 3"
    assert ae(log, 1, 2, [], 0) is False, "expected entry 1 not to have term 2"


# --- conflicts and duplicates (rules 3 and 4) ---------------------------------------------------------------


def test_conflicting_entry_and_all_that_follow_are_replaced():
    log = log_with([(1, "a"), (1, "b"), (1, "c"), (1, "d")])
    assert ae(log, 1, 1, [(2, "x")], 0) is True, "expected (prev 1, term 1) to match"
    assert entries_of(log) == [(1, "a"), (2, "x")], (
        f"expected entry 2 replaced and entries 3-4 deleted, got {entries_of(log)!r}"
    )


def test_conflict_in_the_middle_of_a_batch_truncates_from_there():
    log = log_with([(1, "a"), (1, "b"), (1, "c")])
    assert ae(log, 0, 0, [(1, "a"), (2, "y")], 0) is True, "expected the RPC to succeed"
    assert entries_of(log) == [(1, "a"), (2, "y")], f"expected [(1,'a'), (2,'y')], got {entries_of(log)!r}"


def test_conflict_is_decided_by_term_not_by_command():
    log = log_with([(1, "a"), (1, "b")])
    assert ae(log, 1, 1, [(1, "b")], 0) is True, "expected the RPC to succeed"
    assert entries_of(log) == [(1, "a"), (1, "b")], (
        f"expected a same-term entry kept, got {entries_of(log)!r}"
    )


def test_repeated_rpc_does_not_truncate_later_entries():
    log = log_with([(1, "a"), (1, "b"), (1, "c")])
    assert ae(log, 0, 0, [(1, "a")], 0) is True, "expected a repeated RPC to succeed"
    assert entries_of(log) == [(1, "a"), (1, "b"), (1, "c")], (
        f"expected entries 2-3 kept after a stale RPC whose entries are present, got {entries_of(log)!r}"
    )
    assert ae(log, 1, 1, [(1, "b")], 0) is True, "expected a repeated RPC to succeed"
    assert len(entries_of(log)) == 3, f"expected 3 entries still, got {entries_of(log)!r}"


def test_delayed_shorter_rpc_after_a_longer_one_changes_nothing():
    log = RaftLog()
    batch = [(1, "a"), (1, "b"), (2, "c"), (2, "d")]
    ae(log, 0, 0, batch, 0)
    assert ae(log, 0, 0, batch[:2], 0) is True, "expected the delayed RPC to succeed"
    assert entries_of(log) == batch, f"expected all 4 entries kept, got {entries_of(log)!r}"


def test_overlapping_rpc_appends_only_the_new_tail():
    log = log_with([(1, "a"), (1, "b")])
    assert ae(log, 1, 1, [(1, "b"), (1, "c"), (1, "d")], 0) is True, "expected the RPC to succeed"
    assert entries_of(log) == [(1, "a"), (1, "b"), (1, "c"), (1, "d")], (
        f"expected b kept once and c, d appended, got {entries_of(log)!r}"
    )


def test_empty_rpc_in_the_middle_does_not_truncate():
    log = log_with([(1, "a"), (1, "b"), (1, "c")])
    assert ae(log, 1, 1, [], 0) is True, "expected a heartbeat matching entry 1 to succeed"
    assert len(entries_of(log)) == 3, f"expected a heartbeat not to truncate, got {entries_of(log)!r}"


# --- commit index (rule 5) ----------------------------------------------------------------------------------


def test_commit_index_follows_leader_commit_within_the_new_entries():
    log = RaftLog()
    ae(log, 0, 0, [(1, "a"), (1, "b"), (1, "c")], 2)
    assert log.commit_index == 2, f"expected commit_index = leader_commit = 2, got {log.commit_index}"


def test_commit_index_is_capped_at_the_last_new_entry():
    log = RaftLog()
    ae(log, 0, 0, [(1, "a"), (1, "b")], 10)
    assert log.commit_index == 2, f"expected commit_index = min(10, 2) = 2, got {log.commit_index}"


def test_heartbeat_commits_only_up_to_its_previous_index():
    # The follower's entry 3 (term 2) is not the leader's; a heartbeat checked at index 2 may commit only
    # up to 2.
    log = log_with([(1, "a"), (1, "b"), (2, "stale")])
    assert ae(log, 2, 1, [], 3) is True, "expected the heartbeat at (2, 1) to succeed"
    assert log.commit_index == 2, (
        f"expected commit_index = min(leader_commit 3, last new index 2) = 2, got {log.commit_index} "
        "(the last new entry is prev_log_index + len(entries), not the end of the log)"
    )
    assert len(entries_of(log)) == 3, "expected the heartbeat not to truncate"


def test_heartbeat_advances_commit_index():
    log = log_with([(1, "a"), (1, "b"), (1, "c")])
    assert ae(log, 3, 1, [], 2) is True, "expected the heartbeat to succeed"
    assert log.commit_index == 2, f"expected commit_index 2, got {log.commit_index}"
    assert ae(log, 3, 1, [], 3) is True, "expected the heartbeat to succeed"
    assert log.commit_index == 3, f"expected commit_index 3, got {log.commit_index}"


def test_commit_index_never_decreases():
    log = log_with([(1, "a"), (1, "b"), (1, "c")], commit=3)
    assert log.commit_index == 3, f"expected commit_index 3, got {log.commit_index}"
    ae(log, 0, 0, [(1, "a")], 1)
    assert log.commit_index == 3, f"expected commit_index to stay 3 after a stale RPC, got {log.commit_index}"
    ae(log, 1, 1, [], 3)
    assert log.commit_index == 3, (
        f"expected commit_index to stay 3 (leader_commit not greater), got {log.commit_index}"
    )
    ae(log, 3, 1, [], 0)
    assert log.commit_index == 3, (
        f"expected commit_index to stay 3 with leader_commit 0, got {log.commit_index}"
    )


def test_delayed_short_rpc_with_a_higher_leader_commit_does_not_lower_commit_index():
    log = log_with([(1, "a"), (1, "b"), (1, "c"), (1, "d"), (1, "e")], commit=4)
    assert ae(log, 0, 0, [(1, "a")], 5) is True, "expected the delayed RPC to succeed"
    assert log.commit_index == 4, (
        f"expected commit_index to stay 4: min(leader_commit 5, last new index 1) = 1 must not lower it, "
        f"got {log.commit_index}"
    )
    assert ae(log, 2, 1, [], 5) is True, "expected the heartbeat to succeed"
    assert log.commit_index == 4, (
        f"expected commit_index to stay 4 after a heartbeat checked at index 2, got {log.commit_index}"
    )


def test_lower_leader_commit_does_not_change_commit_index():
    log = log_with([(1, "a"), (1, "b")], commit=2)
    ae(log, 2, 1, [(1, "c")], 1)
    assert log.commit_index == 2, f"expected commit_index to stay 2, got {log.commit_index}"
    assert entries_of(log)[-1] == (1, "c"), "expected the entry appended"


# --- a whole scenario ---------------------------------------------------------------------------------------


def test_follower_catches_up_with_a_new_leader():
    # Figure 7 style: the follower has extra uncommitted entries from term 2; the term-3 leader backs up.
    log = log_with([(1, "a"), (1, "b"), (2, "x"), (2, "y")], commit=2)
    leader = [(1, "a"), (1, "b"), (3, "p"), (3, "q"), (3, "r")]
    assert ae(log, 4, 3, leader[4:], 4) is False, "expected a mismatch at index 4"
    assert ae(log, 3, 3, leader[3:], 4) is False, "expected a mismatch at index 3"
    assert ae(log, 2, 1, leader[2:], 4) is True, "expected a match at index 2"
    assert entries_of(log) == leader, f"expected the follower to equal the leader, got {entries_of(log)!r}"
    assert log.commit_index == 4, f"expected commit_index 4, got {log.commit_index}"


def _leader_epochs(rng):
    """Valid Raft histories: each epoch's leader keeps every committed entry; messages within an epoch are
    delayed, duplicated and reordered; leader_commit never exceeds what is committed when the message is
    sent."""
    leader, committed, term = [], 0, 0
    for _ in range(6):
        term += rng.randint(1, 2)
        leader = leader[: rng.randint(committed, len(leader))]
        messages = []
        for _ in range(rng.randint(3, 10)):
            if rng.random() < 0.6:
                leader = leader + [(term, f"{term}.{len(leader) + i}") for i in range(rng.randint(1, 3))]
            committed = rng.randint(committed, len(leader))
            prev = rng.randint(0, len(leader))
            prev_term = leader[prev - 1][0] if prev else 0
            batch = leader[prev : prev + rng.randint(0, len(leader) - prev)]
            messages.append((prev, prev_term, batch, rng.randint(0, committed)))
        messages += rng.sample(messages, k=len(messages) // 3)  # duplicates
        rng.shuffle(messages)
        yield leader, messages


@pytest.mark.parametrize("seed", [41, 42, 43, 44, 45, 46])
def test_random_valid_histories_match_a_simple_model(seed):
    rng = random.Random(seed)
    log, model = RaftLog(), ModelLog()
    for epoch, (_leader, messages) in enumerate(_leader_epochs(rng)):
        for n, (prev, prev_term, batch, leader_commit) in enumerate(messages):
            where = (
                f"seed {seed}, epoch {epoch}, message {n}: "
                f"append_entries({prev}, {prev_term}, {batch}, {leader_commit})"
            )
            want = model.append_entries(prev, prev_term, batch, leader_commit)
            got = ae(log, prev, prev_term, batch, leader_commit)
            assert got is want, f"{where} returned {got!r}, expected {want}"
            assert entries_of(log) == model.entries, (
                f"{where}: entries are {entries_of(log)!r}, expected {model.entries!r}"
            )
            assert log.commit_index == model.commit_index, (
                f"{where}: commit_index is {log.commit_index}, expected {model.commit_index}"
            )
