#!/usr/bin/env bash
# The whole test run from a clean clone on Debian: system packages, the Docker daemon, a virtual environment,
# the offline runner image, then ruff, mypy and pytest (including the real-container sandbox tests).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# Debian installs dockerd and debootstrap in /usr/sbin, which a normal user's PATH lacks.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
say() { printf '\n== %s\n' "$*"; }
# Run with sudo from a user's clone: whatever this run creates there goes back to that user, so their own
# `pip install -e .` or the next run without sudo is not refused.
give_back() {
  if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_UID:-}" ]; then
    chown -R "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" . 2>/dev/null || true
  fi
}
trap give_back EXIT

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
python3 -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The HTML packets are checked in a real browser; without one those tests would skip quietly.
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  say "installing chromium (for the browser tests of HTML output)"
  if [ ${#missing[@]} -eq 0 ]; then as_root apt-get update -qq || true; fi
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    printf '\n!!!!!! WARNING: chromium could not be installed: the browser tests of HTML output will be SKIPPED !!!!!!\n\n' >&2
  fi
fi

if ! as_root docker info >/dev/null 2>&1; then
  say "starting dockerd"
  as_root sh -c 'nohup dockerd >/tmp/drillkit-dockerd.log 2>&1 &'
  for _ in $(seq 1 60); do as_root docker info >/dev/null 2>&1 && break; sleep 1; done
  as_root docker info >/dev/null 2>&1 || { echo "dockerd did not start; see /tmp/drillkit-dockerd.log" >&2; as_root tail -20 /tmp/drillkit-dockerd.log >&2; exit 1; }
fi
if ! docker info >/dev/null 2>&1; then
  # The daemon runs but refuses this user: join the docker group, and carry on under it at once (sg), since the
  # membership reaches new logins only.
  if id -nG | tr ' ' '\n' | grep -qx docker; then
    echo "the Docker daemon refuses $(id -un) although it is in the docker group; log in again and re-run" >&2
    exit 1
  fi
  say "adding $(id -un) to the docker group (new logins have it; this run carries on under it now)"
  as_root usermod -aG docker "$(id -un)"
  exec sg docker -c "$(printf '%q ' bash "$0" "$@")"
fi

venv="${DRILLKIT_TEST_VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  say "creating $venv"
  python3 -m venv "$venv"
fi
say "installing drillkit with its test extra"
"$venv/bin/python" -m pip install -q --upgrade pip >/dev/null
"$venv/bin/python" -m pip install -q -e ".[test]"
export PATH="$PWD/$venv/bin:$PATH"

say "building the runner images offline (Python, then each language's on top of it)"
# As root, so no bytecode: the editable install imports from this clone, which must stay the user's.
as_root env PATH="$PATH" PYTHONDONTWRITEBYTECODE=1 drillkit sandbox build --offline --lang all

say "ruff"
ruff check cli drillkit sandbox tests bench
say "mypy"
mypy

say "pytest"
export DRILLKIT_REQUIRE_DOCKER=1
set +e
if [ $# -gt 0 ]; then
  pytest "$@"
  status=$?
else
  # The golden cases are a container each: three at a time, beside the rest of the suite run one by one.
  pytest --ignore=tests/graders/test_golden.py
  status=$?
  say "pytest: golden cases, three at a time"
  pytest -n 3 tests/graders/test_golden.py
  golden=$?
  [ "$status" -ne 0 ] || status=$golden
fi
set -e
if [ $# -eq 0 ]; then
  say "a fresh machine: the README's command 1 as root without sudo and as a sudo user"
  bash tests/fresh_machine.sh || status=1
fi
leftovers=$(docker ps -aq --filter label=org.drillkit.sandbox=grading | wc -l)
if [ "$leftovers" -ne 0 ]; then
  echo "FAILED: $leftovers drillkit container(s) left behind" >&2
  docker ps -a --filter label=org.drillkit.sandbox=grading >&2
  exit 1
fi
exit $status
