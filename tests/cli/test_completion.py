"""Shell completion: click's protocol driven in-process, and the bash script driven by a real bash."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import cli
from tests.conftest import FIXTURE_BANK, Invoke
from tests.test_e2e import drillkit


def complete(words: str, shell: str = "bash") -> list[str]:
    """What the shell would offer for the last word of ``words`` (click's completion protocol)."""
    parts = words.split(" ")
    env = {"_DRILLKIT_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
    if shell == "fish":  # fish passes the word being completed, not its position
        env = {"_DRILLKIT_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": parts[-1]}
    result = CliRunner().invoke(cli, [], env=env, prog_name="drillkit")
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if line]


@pytest.mark.parametrize("command", ["show", "solve", "check", "grade"])
def test_commands_taking_an_id_complete_question_ids(command: str) -> None:
    offered = complete(f"drillkit {command} redis-eviction-all")
    assert offered == ["plain,redis-eviction-allkeys-lru"]


def test_every_id_with_the_prefix_is_offered() -> None:
    offered = {line.split(",", 1)[1] for line in complete("drillkit show redis-cluster")}
    assert len(offered) > 1 and all(word.startswith("redis-cluster") for word in offered)


def test_a_bank_named_on_the_command_line_is_used() -> None:
    assert complete(f"drillkit --bank {FIXTURE_BANK} check sandbox-") == ["plain,sandbox-add", "plain,sandbox-add-hidden"]
    assert complete("drillkit check sandbox-") == []


def test_zsh_shows_each_id_with_its_title() -> None:
    offered = complete("drillkit show redis-eviction-all", shell="zsh")
    assert offered[:3] == ["plain", "redis-eviction-allkeys-lru", "Redis eviction when only some keys have a TTL"]


def test_a_broken_bank_offers_nothing_and_prints_no_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    (broken / "questions" / "caching").mkdir(parents=True)
    (broken / "questions" / "caching" / "bad.yaml").write_text("id: [\n")
    # A broken layer still completes the good questions; a missing layer completes nothing.
    assert complete(f"drillkit --bank {broken} show redis-eviction-all") == ["plain,redis-eviction-allkeys-lru"]
    assert complete(f"drillkit --bank {tmp_path}/missing show redis-eviction-all") == []


def test_commands_and_options_complete_too() -> None:
    assert "plain,completion" in complete("drillkit comp")
    assert "plain,--changed" in complete("drillkit validate --cha")


@pytest.mark.parametrize(("shell", "marker"), [
    ("bash", "_DRILLKIT_COMPLETE=bash_complete"),
    ("zsh", "_DRILLKIT_COMPLETE=zsh_complete"),
    ("fish", "_DRILLKIT_COMPLETE=fish_complete"),
])
def test_completion_prints_the_script_and_how_to_install_it(run: Invoke, shell: str, marker: str) -> None:
    result = run("completion", shell)
    assert result.exit_code == 0
    assert marker in result.stdout and "drillkit" in result.stdout
    assert f"_DRILLKIT_COMPLETE={shell}_source drillkit" in result.stderr or f"completion {shell} >" in result.stderr


def test_completion_for_an_unknown_shell_exits_2(run: Invoke) -> None:
    result = run("completion", "tcsh")
    assert result.exit_code == 2
    assert "'tcsh' is not one of 'bash', 'zsh', 'fish'" in result.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_bash_script_completes_ids_in_a_real_bash(run: Invoke, tmp_path: Path) -> None:
    script = tmp_path / "drillkit.bash"
    script.write_text(run("completion", "bash").stdout)
    assert subprocess.run(["bash", "-n", str(script)], check=False).returncode == 0
    bin_dir = str(Path(drillkit()).parent)
    probe = (f'export PATH="{bin_dir}:$PATH"; source {script}; '
             'COMP_WORDS=(drillkit show redis-eviction-all); COMP_CWORD=2; '
             '_drillkit_completion drillkit; printf "%s\\n" "${COMPREPLY[@]}"')
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["redis-eviction-allkeys-lru"]
