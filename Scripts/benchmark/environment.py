"""Sets up what the benchmark runs: the Python peers' virtual environment, mawk, the
C++ reference program and the biasgrad release build. A piece that cannot be set up
is noted and its peer skipped; nothing here stops the whole run."""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

PYTHON_PACKAGES = ("numpy", "polars", "duckdb", "pandas")

FAST_FLOAT_HEADER = Path("/usr/include/fast_float/fast_float.h")


@dataclass
class Toolchain:
    """Paths of the programs the benchmark runs, and notes on what is missing."""

    repository: Path
    python: Path | None = None
    packages: set[str] = field(default_factory=set)
    mawk: str | None = None
    reference: Path | None = None
    biasgrad: Path | None = None
    plain_sum: Path | None = None
    notes: list[str] = field(default_factory=list)

    def has_packages(self, *names: str) -> bool:
        return self.python is not None and all(name in self.packages for name in names)


def log(message: str) -> None:
    """Progress goes to stderr so that stdout holds the results alone."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, **kwargs)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def _ensure_python(tools: Toolchain) -> None:
    venv = tools.repository / ".venv-bench"
    python = venv / "bin" / "python"
    if not python.exists():
        log(f"creating {venv.name}")
        made = _run([sys.executable, "-m", "venv", str(venv)])
        if made.returncode != 0 and apt_install("python3-venv"):
            made = _run([sys.executable, "-m", "venv", "--clear", str(venv)])
        if made.returncode != 0:
            tools.notes.append(f"no virtual environment: {_last_line(made.stderr)}")
            return
    tools.python = python

    for package in PYTHON_PACKAGES:
        if _run([str(python), "-c", f"import {package}"]).returncode != 0:
            log(f"installing {package} from PyPI")
            pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
            installed = _run(pip + [package])
            if installed.returncode != 0:
                tools.notes.append(f"{package} not installed: {_last_line(installed.stderr)}")
                continue
        if _run([str(python), "-c", f"import {package}"]).returncode == 0:
            tools.packages.add(package)
        else:
            tools.notes.append(f"{package} installed but does not import")


def apt_install(package: str) -> bool:
    """Installs a Debian package, refreshing the package lists only if the first try fails."""
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = prefix + ["apt-get", "install", "-y", "-q", package]
    log(f"installing {package} with apt-get")
    if _run(install, env=env).returncode == 0:
        return True

    _run(prefix + ["apt-get", "update", "-q"], env=env)
    return _run(install, env=env).returncode == 0


def _ensure_mawk(tools: Toolchain) -> None:
    tools.mawk = shutil.which("mawk")
    if tools.mawk is None and apt_install("mawk"):
        tools.mawk = shutil.which("mawk")
    if tools.mawk is None:
        tools.notes.append("mawk not available: apt-get install mawk failed")


def _ensure_gnu_time(tools: Toolchain) -> None:
    if not Path("/usr/bin/time").exists() and not apt_install("time"):
        tools.notes.append("GNU time missing: peak RSS is ru_maxrss from os.wait4, which "
                           "includes the harness's own size for small programs")


def _ensure_reference(tools: Toolchain, build_folder: Path) -> None:
    source = tools.repository / "Scripts" / "benchmark" / "reference.cpp"
    binary = build_folder / "reference"
    if not FAST_FLOAT_HEADER.exists() and not apt_install("libfast-float-dev"):
        tools.notes.append("C++ reference skipped: fast_float headers missing")
        return
    if shutil.which("g++") is None:
        tools.notes.append("C++ reference skipped: g++ not found")
        return

    if not binary.exists() or binary.stat().st_mtime < source.stat().st_mtime:
        log("compiling the C++ reference with g++ -O3 -pthread")
        build_folder.mkdir(parents=True, exist_ok=True)
        compiled = _run(["g++", "-O3", "-std=c++17", "-pthread", "-o", str(binary), str(source)])
        if compiled.returncode != 0:
            tools.notes.append(f"C++ reference did not compile: {_last_line(compiled.stderr)}")
            return
    tools.reference = binary


def _build_biasgrad(tools: Toolchain, build: bool, log_folder: Path) -> None:
    binary = tools.repository / ".build" / "release" / "biasgrad"
    if build:
        log("building biasgrad: swift build -c release (this takes a while)")
        log_folder.mkdir(parents=True, exist_ok=True)
        build_log = log_folder / "swift-build.log"
        with build_log.open("w") as sink:
            built = subprocess.run(["swift", "build", "-c", "release"], cwd=tools.repository,
                                   stdout=sink, stderr=subprocess.STDOUT)
        if built.returncode != 0:
            relative = build_log.relative_to(tools.repository)
            tools.notes.append(f"swift build -c release failed (log: {relative})")
    if binary.exists():
        tools.biasgrad = binary
    else:
        tools.notes.append("biasgrad binary missing: .build/release/biasgrad")


def _build_plain_sum(tools: Toolchain, build: bool, log_folder: Path) -> None:
    """biasgrad with an ordinary float sum in place of the exact one (-D BIASGRAD_PLAIN_SUM),
    in a build folder of its own, to measure what the exact reduction costs."""
    scratch = tools.repository / ".build" / "plain-sum"
    binary = scratch / "release" / "biasgrad"
    if build:
        log("building the plain-sum variant of biasgrad (-D BIASGRAD_PLAIN_SUM)")
        log_folder.mkdir(parents=True, exist_ok=True)
        build_log = log_folder / "swift-build-plain-sum.log"
        with build_log.open("w") as sink:
            built = subprocess.run(
                ["swift", "build", "-c", "release", "--product", "biasgrad",
                 "-Xswiftc", "-DBIASGRAD_PLAIN_SUM", "--scratch-path", str(scratch)],
                cwd=tools.repository, stdout=sink, stderr=subprocess.STDOUT)
        if built.returncode != 0:
            tools.notes.append("plain-sum build failed (log: "
                               f"{build_log.relative_to(tools.repository)})")
    if binary.exists():
        tools.plain_sum = binary
    else:
        tools.notes.append("plain-sum variant missing: .build/plain-sum/release/biasgrad")


def prepare(repository: Path, peers: tuple[str, ...], build: bool) -> Toolchain:
    """Sets up every selected peer and, when asked, builds biasgrad."""
    tools = Toolchain(repository=repository)
    work = repository / "bench-data"

    _ensure_gnu_time(tools)
    _ensure_python(tools)
    if "mawk" in peers:
        _ensure_mawk(tools)
    if "reference" in peers:
        _ensure_reference(tools, work / "bin")
    if "biasgrad" in peers:
        _build_biasgrad(tools, build, work / "logs")
    if "plain-sum" in peers:
        _build_plain_sum(tools, build, work / "logs")
    return tools
