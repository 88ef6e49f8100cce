"""Runs a command repeatedly and measures wall time and peak memory of each run.

Wall time is taken here around the child process. The peak resident set comes from GNU
time (`/usr/bin/time -f %M`), which forks the command from its own small process: a
child spawned straight from this Python process inherits the harness's high-water mark
across exec, so its ru_maxrss would report the harness's size for a small program like
cat. Without GNU time, the child's ru_maxrss from os.wait4 is used, an upper bound.
Output goes to files, so the measured process never waits on a pipe to the harness.
"""

import functools
import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

GNU_TIME = Path("/usr/bin/time")


@functools.cache
def gnu_time_works() -> bool:
    """Whether /usr/bin/time is GNU time and reports a peak resident set."""
    if not GNU_TIME.exists():
        return False
    probe = subprocess.run([str(GNU_TIME), "-f", "%M", "true"], capture_output=True, text=True)
    return probe.returncode == 0 and probe.stderr.strip().isdigit()


@dataclass
class RunResult:
    """One run: exit status, wall seconds, peak RSS in bytes, and what it printed."""

    status: int
    seconds: float
    peak_rss: int
    stdout: str
    stderr: str


@dataclass
class Measurement:
    """The timed runs of one command (warm-up excluded)."""

    runs: list[RunResult] = field(default_factory=list)
    failure: str | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None and bool(self.runs)

    @property
    def median_seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def min_seconds(self) -> float:
        return min(run.seconds for run in self.runs)

    @property
    def peak_rss(self) -> int:
        return max(run.peak_rss for run in self.runs)

    @property
    def last_stdout(self) -> str:
        return self.runs[-1].stdout if self.runs else ""


def run_once(argv: list[str], env: dict[str, str] | None = None,
             cwd: Path | None = None) -> RunResult:
    """Runs `argv` to completion and measures it."""
    with (tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err,
          tempfile.NamedTemporaryFile("w+") as memory):
        launched = list(argv)
        if gnu_time_works():
            launched = [str(GNU_TIME), "-f", "%M", "-o", memory.name] + launched

        start = time.perf_counter()
        child = subprocess.Popen(launched, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                 env=env, cwd=cwd)
        _, wait_status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(wait_status)

        peak_kibibytes = usage.ru_maxrss
        if gnu_time_works():
            memory.seek(0)
            reported = memory.read().split()
            peak_kibibytes = int(reported[-1]) if reported and reported[-1].isdigit() else 0
        out.seek(0)
        err.seek(0)
        return RunResult(status=child.returncode, seconds=seconds,
                         peak_rss=peak_kibibytes * 1024, stdout=out.read(), stderr=err.read())


def describe_failure(result: RunResult) -> str:
    """A one-line account of a failed run: its status and the first line it printed."""
    text = (result.stderr.strip() or result.stdout.strip()).splitlines()
    if text and text[0].startswith("Traceback"):
        text = text[-1:]
    first = text[0][:160] if text else "no output"
    return f"exit {result.status}: {first}"


def measure(argv: list[str], repeat: int, warm_up: bool = True,
            env: dict[str, str] | None = None, cwd: Path | None = None,
            before_each=None) -> Measurement:
    """One untimed warm-up run (when asked), then `repeat` timed runs.

    The first failing run ends the measurement. `before_each` is called before every
    run, outside the timing, for clean-up such as removing the last run's output file;
    the last run's output is left in place.
    """
    measurement = Measurement()
    total = repeat + (1 if warm_up else 0)
    for index in range(total):
        if before_each is not None:
            before_each()
        result = run_once(argv, env=env, cwd=cwd)
        if result.status != 0:
            measurement.failure = describe_failure(result)
            return measurement
        if index > 0 or not warm_up:
            measurement.runs.append(result)
    return measurement
