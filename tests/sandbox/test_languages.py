"""What a language is to the sandbox: inferred from a file's extension, what reaches the solution side, the
scratch area a compiled language gets, and image tags that follow the Python runner (no Docker needed)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

import sandbox.image
from sandbox.backend import Job
from sandbox.docker_backend import tmpfs_mounts
from sandbox.grading import job_payload, solution_files
from sandbox.languages import LANGUAGES, language, language_of
from sandbox.limits import DEFAULT_LIMITS


@pytest.mark.parametrize(("name", "expected"), [
    ("lru.py", "python"), ("lru.go", "go"), ("Solution.java", "java"), ("lru.hpp", "cpp"), ("lru.cpp", "cpp"),
    ("LRU.CC", "cpp"), ("lru.rs", None), ("lru", None), ("go", None),
])
def test_the_extension_names_the_language(name: str, expected: str | None) -> None:
    assert language_of(name) == expected


def test_an_unknown_language_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="known: python, go, java, cpp"):
        language("rust")


def exercise(tmp_path: Path) -> tuple[Path, Path]:
    tests = tmp_path / "ex" / "python"
    tests.mkdir(parents=True)
    (tests / "test_x.py").write_text("def test_x():\n    pass\n")
    (tests / "reference.py").write_text("ANSWER = 1\n")
    go = tmp_path / "ex" / "go"
    go.mkdir()
    for name in ("adapter.go", "reference.go", "starter.go", "API.md"):
        (go / name).write_text(f"// {name}\n")
    return tests, go


def test_the_solution_side_gets_the_candidate_file_and_the_adapter_never_the_answer(tmp_path: Path) -> None:
    tests, go = exercise(tmp_path)
    files = solution_files("go", b"package solution\n", go)
    assert files == {"solution.go": b"package solution\n", "adapter.go": b"// adapter.go\n"}
    # Python needs no adapter: the submission is the module the tests import.
    assert solution_files("python", b"x = 1\n", tests) == {"solution.py": b"x = 1\n"}


def test_a_go_job_carries_python_tests_the_go_files_and_a_compile_budget(tmp_path: Path) -> None:
    tests, go = exercise(tmp_path)
    payload = job_payload(tests, "go", b"package solution\n", DEFAULT_LIMITS, "n0nce", "run", False, go)
    job = json.loads(payload.split(b"\n", 1)[1])
    assert set(job["grader"]) == {"test_x.py"}  # the Python reference never travels
    assert set(job["submission"]) == {"solution.go", "adapter.go"}
    assert base64.b64decode(job["submission"]["solution.go"]) == b"package solution\n"
    assert job["language"] == "go"
    assert job["policy"]["load_seconds"] == LANGUAGES["go"].load_seconds > LANGUAGES["python"].load_seconds


def test_only_compiled_languages_get_an_exec_scratch_area_and_it_is_the_solution_users() -> None:
    python = tmpfs_mounts(Job("python", b"", DEFAULT_LIMITS))
    assert "/build" not in python and all("noexec" in options for options in python.values())
    for name in ("go", "java", "cpp"):
        mounts = tmpfs_mounts(Job(name, b"", DEFAULT_LIMITS))
        assert ",exec," in mounts["/build"] and "uid=10002" in mounts["/build"] and "mode=0700" in mounts["/build"]
        assert "noexec" in mounts["/tmp"]


def test_another_languages_runner_tag_follows_the_python_runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("python", "go"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "Dockerfile").write_text(f"FROM {name}\n")
    (tmp_path / "go" / "goroot").mkdir()
    (tmp_path / "go" / "goroot" / "huge").write_text("a toolchain")
    monkeypatch.setattr(sandbox.image, "IMAGES_DIR", tmp_path)
    go_before, python_before = sandbox.image.context_hash("go"), sandbox.image.context_hash("python")
    (tmp_path / "go" / "goroot" / "huge").write_text("another toolchain")  # unpacked, never hashed
    assert sandbox.image.context_hash("go") == go_before
    (tmp_path / "python" / "harness.py").write_text("# changed\n")
    assert sandbox.image.context_hash("python") != python_before
    assert sandbox.image.context_hash("go") != go_before  # a new harness means a new runner for every language


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give files to another user")
def test_a_toolchain_unpacked_by_root_into_a_users_clone_goes_back_to_that_user(tmp_path: Path) -> None:
    context = tmp_path / "go"
    tree = context / "goroot"
    (tree / "bin").mkdir(parents=True)
    (tree / "bin" / "go").write_text("#!/bin/sh\n")
    (tree / "link").symlink_to("bin/go")
    os.chown(context, 4321, 4321)
    sandbox.image.give_to_owner(tree, context)
    owners = {(p.lstat().st_uid, p.lstat().st_gid) for p in [tree, *tree.rglob("*")]}
    assert owners == {(4321, 4321)}
