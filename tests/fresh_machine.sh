#!/usr/bin/env bash
# A fresh machine, first try: builds a bare Debian root file system with debootstrap (git, python3 and CA
# certificates only), imports it, and runs the README's command 1, word for word, inside it: as root on a machine
# without sudo, and as a normal user with sudo rights. Each must end with a quiz that served a question, and a new
# login of the user must find `drillkit` on its PATH.
#
#   bash tests/fresh_machine.sh          # command 1, both users (about two minutes once the image exists)
#   bash tests/fresh_machine.sh --full   # also command 2 (the whole test run, Docker inside) as the sudo user
#
# The fresh system gets the host's apt sources, local CA certificates and pip configuration, so it reaches the
# same mirrors the host does (machines behind a TLS-inspecting proxy need that). It tests what is committed: the
# project goes in as a git bundle of HEAD.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '\n== fresh machine: %s\n' "$*"; }
full=0
[ "${1:-}" = "--full" ] && full=1

read -r suite mirror < <(PYTHONPATH="$PWD" python3 -c "from sandbox.image import host_debian; print(*host_debian())")
image="drillkit/fresh-debian:$suite"
# A fresh machine is the same fresh machine every time: the image is built once and reused.
if ! docker image inspect "$image" >/dev/null 2>&1; then
  say "debootstrap $suite from $mirror (about a minute)"
  rootfs=$(mktemp -d)
  as_root debootstrap --variant=minbase --include=git,python3,ca-certificates "$suite" "$rootfs" "$mirror" >/dev/null
  as_root sh -c "rm -rf '$rootfs'/var/cache/apt/archives/*.deb '$rootfs'/var/lib/apt/lists/*"
  as_root tar -C "$rootfs" -c . | docker import - "$image" >/dev/null
  as_root rm -rf "$rootfs"
fi

setup=$(mktemp -d)
trap 'rm -rf "$setup"' EXIT
git bundle create -q "$setup/drillkit.bundle" HEAD
mkdir -p "$setup/apt" "$setup/ca" "$setup/pip"
cp -r /etc/apt/sources.list.d "$setup/apt/" 2>/dev/null || true
cp /etc/apt/sources.list "$setup/apt/" 2>/dev/null || true
cp /usr/local/share/ca-certificates/*.crt "$setup/ca/" 2>/dev/null || true
cp /etc/ssl/certs/ca-certificates.crt "$setup/ca-bundle.crt" 2>/dev/null || true
cp /etc/pip.conf "$setup/pip/etc-pip.conf" 2>/dev/null || true
cp -r /etc/xdg/pip "$setup/pip/xdg" 2>/dev/null || true
# The README's commands as it gives them: command 1 is the first shell block, command 2 the second.
awk '/^```sh$/ {n++; next} /^```$/ {if (n == 1) exit; next} n == 1 {print}' README.md > "$setup/command1.sh"
awk '/^```sh$/ {n++; next} /^```$/ {if (n == 2) exit; next} n == 2 {print}' README.md > "$setup/command2.sh"

cat > "$setup/prepare.sh" <<'PREPARE'
# What a new machine on this network has before the README: apt sources, CA certificates, pip configuration.
cp -r /setup/apt/. /etc/apt/
cp /setup/ca/*.crt /usr/local/share/ca-certificates/ 2>/dev/null || true
if [ -f /setup/ca-bundle.crt ]; then cp /setup/ca-bundle.crt /etc/ssl/certs/ca-certificates.crt; fi
if [ -f /setup/pip/etc-pip.conf ]; then cp /setup/pip/etc-pip.conf /etc/pip.conf; fi
if [ -d /setup/pip/xdg ]; then mkdir -p /etc/xdg && cp -r /setup/pip/xdg /etc/xdg/pip; fi
export DEBIAN_FRONTEND=noninteractive
PREPARE
cat > "$setup/add-user.sh" <<'ADDUSER'
apt-get update -qq && apt-get install -y -qq --no-install-recommends sudo >/dev/null
useradd -m -s /bin/bash candidate
echo 'candidate ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/candidate
ADDUSER
# Each user clones the project into their home and runs command 1, the answers piped as a person types them.
for user in root candidate; do
  home=/root
  [ "$user" = root ] || home="/home/$user"
  {
    echo "cd $home && git clone -q /setup/drillkit.bundle drillkit && cd drillkit"
    echo "printf 'a\\nb\\nc\\n' | bash -euo pipefail /setup/command1.sh"
  } > "$setup/as-$user.sh"
done
chmod -R a+rX "$setup"

fail() { tail -40 "$1" >&2; echo "FAILED: $2" >&2; exit 1; }
# The quiz must have served its first question and ended with a score.
ran_quiz() { grep -q "1/3" "$1" && grep -q "Score: " "$1"; }

say "command 1 as root, no sudo on the machine"
docker run --rm -v "$setup:/setup:ro" "$image" bash -euo pipefail -c '
  . /setup/prepare.sh
  if command -v sudo >/dev/null; then echo "this machine has sudo" >&2; exit 1; fi
  bash -euo pipefail /setup/as-root.sh' > "$setup/root.log" 2>&1 || fail "$setup/root.log" "command 1 as root"
ran_quiz "$setup/root.log" || fail "$setup/root.log" "command 1 as root ran no quiz"

say "command 1 as a normal user with sudo"
docker run --rm -v "$setup:/setup:ro" "$image" bash -euo pipefail -c '
  . /setup/prepare.sh
  . /setup/add-user.sh
  su - candidate -c "bash -euo pipefail /setup/as-candidate.sh"
  echo "new login finds: $(su - candidate -c "bash -lc \"command -v drillkit\"")"' \
  > "$setup/user.log" 2>&1 || fail "$setup/user.log" "command 1 as a sudo user"
ran_quiz "$setup/user.log" || fail "$setup/user.log" "command 1 as a sudo user ran no quiz"
grep -q "^new login finds: /home/candidate/.local/bin/drillkit$" "$setup/user.log" \
  || fail "$setup/user.log" "a new login of the user does not find drillkit on its PATH"

summary="command 1 passed as root without sudo and as a sudo user"
if [ "$full" -eq 1 ]; then
  say "command 2 as a normal user with sudo (Docker inside Docker)"
  started=$(date +%s)
  # What a Docker daemon inside a container needs. Not --privileged: hosts that themselves run in a container
  # may lack a capability (here CAP_SYS_RESOURCE) and then refuse it, so the capabilities are listed instead.
  nested=(--cap-add ALL --cap-drop SYS_RESOURCE --security-opt seccomp=unconfined --security-opt apparmor=unconfined
          --security-opt systempaths=unconfined --cgroupns host -v /sys/fs/cgroup:/sys/fs/cgroup:rw
          # The inner daemon's images live on a volume, on the host's own file system, so it can use overlay2:
          # on the container's overlay root it would fall back to vfs, which copies a whole image per container.
          --mount type=volume,dst=/var/lib/docker)
  docker run --rm "${nested[@]}" -v "$setup:/setup:ro" "$image" bash -euo pipefail -c '
    . /setup/prepare.sh
    . /setup/add-user.sh
    su - candidate -c "git clone -q /setup/drillkit.bundle drillkit && cd drillkit && bash -euo pipefail /setup/command2.sh"
    # sed, not head: head would stop reading, find die of SIGPIPE and pipefail end the script without a word.
    leftover=$(find /home/candidate/drillkit -user root | sed -n 1,3p)
    if [ -n "$leftover" ]; then echo "root-owned files left in the clone: $leftover" >&2; exit 1; fi' \
    > "$setup/full.log" 2>&1 || fail "$setup/full.log" "command 2 as a sudo user"
  summary="$summary; command 2 passed as a sudo user in $(( $(date +%s) - started )) s ($(grep -E '^=+ [0-9]+ [a-z]+.* in [0-9.]+s' "$setup/full.log" \
    | grep -Eo '[0-9]+ (passed|failed|skipped|errors?)' | paste -sd ' ' -))"
fi
say "$summary"
