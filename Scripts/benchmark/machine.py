"""What the report says about the machine and the versions of the tools measured."""

import datetime
import json
import os
import platform
import subprocess
from pathlib import Path

from .environment import Toolchain

PACKAGE_VERSIONS = (
    "import importlib, json\n"
    "found = {}\n"
    "for name in ('numpy', 'polars', 'duckdb', 'pandas'):\n"
    "    try:\n"
    "        found[name] = importlib.import_module(name).__version__\n"
    "    except Exception:\n"
    "        pass\n"
    "print(json.dumps(found))\n"
)


def _first_line(argv: list[str], cwd: Path | None = None) -> str | None:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, cwd=cwd, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (done.stdout.strip() or done.stderr.strip()).splitlines()
    return text[0].strip() if done.returncode == 0 and text else None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                kibibytes = int(line.split()[1])
                return f"{kibibytes / (1 << 20):.1f} GiB"
    except (OSError, ValueError):
        pass
    return "unknown"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, which show how busy the shared machine is."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def machine_facts() -> dict[str, str]:
    """Cores, CPU model, memory, kernel, the date of the run and the load before it."""
    now = datetime.datetime.now(datetime.timezone.utc)
    return {
        "date": now.strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": _first_line(["nproc"]) or str(os.cpu_count()),
        "CPU": _cpu_model(),
        "memory": _memory(),
        "kernel": f"{platform.system()} {platform.release()}",
        "load average before the run": load_average(),
    }


def tool_versions(tools: Toolchain) -> dict[str, str]:
    """The version of every program the benchmark ran, where it tells one."""
    versions: dict[str, str] = {}
    commit = _first_line(["git", "rev-parse", "--short", "HEAD"], cwd=tools.repository)
    if commit:
        versions["biasgrad commit"] = commit
    if tools.biasgrad:
        versions["biasgrad"] = _first_line([str(tools.biasgrad), "--version"]) or "unknown"
    versions["swift"] = _first_line(["swift", "--version"]) or "not found"

    if tools.python:
        versions["Python"] = _first_line([str(tools.python), "--version"]) or "unknown"
        packages = _first_line([str(tools.python), "-c", PACKAGE_VERSIONS])
        if packages:
            versions.update(json.loads(packages))
    if tools.mawk:
        versions["mawk"] = _first_line([tools.mawk, "-W", "version"]) or "unknown"
    versions["g++"] = _first_line(["g++", "--version"]) or "not found"
    versions["fast_float"] = _debian_version("libfast-float-dev")
    versions["cat"] = _first_line(["cat", "--version"]) or "unknown"
    return versions


def _debian_version(package: str) -> str:
    line = _first_line(["dpkg-query", "-W", "-f", "${Version}", package])
    return f"Debian {package} {line}" if line else "unknown"
