"""Leftover containers of dead drillkit processes are removed at start-up and by `sandbox prune`."""

from __future__ import annotations

import os
import socket

import docker
import pytest

from sandbox.docker_backend import DockerBackend, owner_labels
from sandbox.image import LABEL, runner_tag
from tests.conftest import Invoke

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("docker_ready")]
DEAD_PID = "4194303"  # above any pid the kernel hands out by default


def leftover(client: docker.DockerClient, pid: str) -> str:
    labels = {LABEL: "grading", "org.drillkit.owner-pid": pid, "org.drillkit.owner-host": socket.gethostname()}
    return str(client.containers.create(runner_tag("python"), labels=labels, network_disabled=True).id)


def exists(client: docker.DockerClient, container_id: str) -> bool:
    try:
        client.containers.get(container_id)
        return True
    except docker.errors.NotFound:
        return False


def test_starting_a_backend_removes_containers_of_dead_owners_only() -> None:
    client = docker.from_env()
    dead = leftover(client, DEAD_PID)
    alive = leftover(client, str(os.getppid()))
    try:
        DockerBackend(client)
        assert not exists(client, dead), "a dead owner's container must be removed at start-up"
        assert exists(client, alive), "a live owner's container must be left alone"
    finally:
        for container_id in (dead, alive):
            if exists(client, container_id):
                client.containers.get(container_id).remove(force=True)


def test_sandbox_prune_removes_leftovers_and_says_how_many(run: Invoke) -> None:
    client = docker.from_env()
    dead = leftover(client, DEAD_PID)
    result = run("sandbox", "prune")
    assert result.exit_code == 0
    assert "removed 1 container(s)" in result.stdout
    assert not exists(client, dead)


def test_owner_labels_name_this_process() -> None:
    assert owner_labels()["org.drillkit.owner-pid"] == str(os.getpid())
