"""The commands the benchmark times: biasgrad's runs and each peer's.

Every command runs from the repository root with paths relative to it, so the command
lines in the report can be pasted into a shell there. Each prints its mean first and its
sum second, except biasgrad (its JSON summary) and `cat` (nothing: it is the floor).
"""

import json
import os
import shlex
from dataclasses import dataclass
from pathlib import Path

from .environment import Toolchain

BIASGRAD_FLAGS = ["--activation", "sigmoid", "--loss", "mse", "--reduction", "mean"]

LOADTXT_MAX_ROWS = 10_000_000

MAWK_PROGRAM = (
    "NR > 1 { g = ($1 - $2) * $1 * (1 - $1); s += g; n++ } "
    'END { printf "%.17g %.17g\\n", s / n, s }'
)

OPENBLAS_SETTINGS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


@dataclass(frozen=True)
class Command:
    """One command line to time, and how to read its result."""

    key: str
    peer: str
    label: str
    argv: tuple[str, ...]
    output: str  # "json", "mean-sum" or "none"
    env: tuple[tuple[str, str], ...] | None = None

    @property
    def shell_line(self) -> str:
        return shlex.join(self.argv)

    def environment(self) -> dict[str, str] | None:
        return dict(self.env) if self.env is not None else None


def python_environment() -> tuple[tuple[str, str], ...]:
    """The process environment without OpenBLAS core overrides, which slow a current NumPy.

    Both are dropped together, for the Python peers alone.
    """
    kept = {key: value for key, value in os.environ.items() if key not in OPENBLAS_SETTINGS}
    return tuple(sorted(kept.items()))


def read_result(command: Command, stdout: str) -> tuple[float | None, float | None] | None:
    """The (mean, sum) a command printed, or None when it printed something else."""
    if command.output == "none":
        return None
    try:
        if command.output == "json":
            summary = json.loads(stdout)
            return float(summary["mean"]), summary.get("sum")
        mean, total = stdout.split()[:2]
        return float(mean), float(total)
    except (ValueError, KeyError, TypeError):
        return None


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def biasgrad_commands(tools: Toolchain, data: str) -> list[Command]:
    """biasgrad with default workers, one worker and two workers."""
    binary = _relative(tools.biasgrad, tools.repository)
    base = [binary, data] + BIASGRAD_FLAGS
    return [
        Command("biasgrad", "biasgrad", "biasgrad (default workers)", tuple(base), "json"),
        Command("biasgrad-w1", "biasgrad", "biasgrad --workers 1",
                tuple(base + ["--workers", "1"]), "json"),
        Command("biasgrad-w2", "biasgrad", "biasgrad --workers 2",
                tuple(base + ["--workers", "2"]), "json"),
    ]


def plain_sum_commands(tools: Toolchain, data: str) -> list[Command]:
    """The plain-sum variant with one and two workers, beside biasgrad's own runs."""
    binary = _relative(tools.plain_sum, tools.repository)
    base = [binary, data] + BIASGRAD_FLAGS
    return [
        Command(f"plain-sum-w{workers}", "plain-sum",
                f"biasgrad --workers {workers}, plain float sum (-D BIASGRAD_PLAIN_SUM)",
                tuple(base + ["--workers", str(workers)]), "json")
        for workers in (1, 2)
    ]


def peer_commands(tools: Toolchain, data: str, rows: int,
                  peers: tuple[str, ...]) -> tuple[list[Command], list[str]]:
    """The selected peers that can run here, and a note for each one that cannot."""
    commands: list[Command] = []
    notes: list[str] = []
    scripts = Path("Scripts") / "benchmark" / "peers"
    python = _relative(tools.python, tools.repository) if tools.python else None
    python_env = python_environment()

    def python_peer(peer: str, package: str, label: str, script: str) -> None:
        if peer not in peers:
            return
        if not tools.has_packages(package):
            notes.append(f"{label} skipped: {package} is not installed")
            return
        argv = (python, str(scripts / script), data)
        commands.append(Command(peer, peer, label, argv, "mean-sum", python_env))

    python_peer("polars", "polars", "polars scan_csv", "polars_reduce.py")
    python_peer("duckdb", "duckdb", "DuckDB read_csv", "duckdb_reduce.py")
    python_peer("pandas", "pandas", "pandas read_csv + NumPy", "pandas_reduce.py")
    if "numpy" in peers and rows > LOADTXT_MAX_ROWS:
        notes.append(f"numpy.loadtxt skipped: it runs only up to {LOADTXT_MAX_ROWS:,} rows")
    elif rows <= LOADTXT_MAX_ROWS:
        python_peer("numpy", "numpy", "numpy.loadtxt", "numpy_loadtxt.py")

    if "mawk" in peers and tools.mawk:
        argv = (tools.mawk, "-F,", MAWK_PROGRAM, data)
        commands.append(Command("mawk", "mawk", "mawk one-liner", argv, "mean-sum"))
    if "reference" in peers and tools.reference:
        argv = (_relative(tools.reference, tools.repository), data, "2")
        commands.append(Command("reference", "reference", "C++ reference (fast_float, 2 threads)",
                                argv, "mean-sum"))
    if "cat" in peers:
        commands.append(Command("cat", "cat", "cat > /dev/null (floor)", ("cat", data), "none"))
    return commands, notes


def per_sample_commands(tools: Toolchain, data: str, output: str,
                        peers: tuple[str, ...]) -> list[Command]:
    """Writing the six per-sample columns: biasgrad --per-sample and polars write_csv."""
    commands = []
    if "biasgrad" in peers and tools.biasgrad:
        binary = _relative(tools.biasgrad, tools.repository)
        argv = (binary, data, *BIASGRAD_FLAGS, "--per-sample", output)
        commands.append(Command("biasgrad-per-sample", "biasgrad", "biasgrad --per-sample",
                                argv, "json"))
    if "polars" in peers and tools.has_packages("polars"):
        python = _relative(tools.python, tools.repository)
        script = str(Path("Scripts") / "benchmark" / "peers" / "polars_per_sample.py")
        commands.append(Command("polars-per-sample", "polars", "polars write_csv",
                                (python, script, data, output), "mean-sum",
                                python_environment()))
    return commands


def memory_command(tools: Toolchain, data: str) -> Command:
    """biasgrad with default workers on the large file of the memory run."""
    binary = _relative(tools.biasgrad, tools.repository)
    return Command("biasgrad-x10", "biasgrad", "biasgrad (default workers)",
                   (binary, data, *BIASGRAD_FLAGS), "json")
