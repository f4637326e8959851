"""Finding system tools and naming the privilege a normal user lacks (no Docker needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sandbox.image
from drillkit.graders import doctor
from sandbox.errors import SandboxUnavailable


def test_a_tool_in_an_sbin_folder_is_found_without_it_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sbin = tmp_path / "sbin"
    sbin.mkdir()
    tool = sbin / "debootstrap"
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(sandbox.image, "SYSTEM_BIN_DIRS", (str(sbin),))
    assert sandbox.image.find_tool("debootstrap") == str(tool)
    assert sandbox.image.find_tool("no-such-tool") is None


def test_a_normal_user_is_told_to_use_sudo_with_drillkit_by_its_full_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox.image.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(sandbox.image.shutil, "which", lambda name: "/home/ann/.local/bin/drillkit")
    assert sandbox.image.as_root_command("drillkit sandbox build --offline") == \
        "sudo /home/ann/.local/bin/drillkit sandbox build --offline"
    assert sandbox.image.as_root_command("apt-get install debootstrap") == "sudo apt-get install debootstrap"
    monkeypatch.setattr(sandbox.image.os, "geteuid", lambda: 0)
    assert sandbox.image.as_root_command("apt-get install debootstrap") == "apt-get install debootstrap"


def test_doctor_names_the_docker_group_when_the_daemon_refuses_this_user(monkeypatch: pytest.MonkeyPatch) -> None:
    import sandbox.docker_backend

    def refused(timeout: float = 10.0) -> None:
        raise SandboxUnavailable("cannot reach the Docker daemon: ('Connection aborted.', PermissionError(13, "
                                 "'Permission denied'))", fix="start it")

    monkeypatch.setattr(sandbox.docker_backend, "connect", refused)
    daemon = next(check for check in doctor() if check.name == "Docker daemon")
    assert not daemon.ok
    assert daemon.fix is not None and "usermod -aG docker" in daemon.fix
