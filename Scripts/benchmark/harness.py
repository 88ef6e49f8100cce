"""The benchmark run: set up, generate data, time every command, check, report."""

import json
from pathlib import Path

from . import commands as cmd
from .datasets import SEED_EXAMPLE_MEAN, base_file, repeated_file, seed_example
from .environment import Toolchain, log, prepare
from .machine import load_average, machine_facts, tool_versions
from .options import BenchOptions, parse_options
from .report import render
from .results import AGREEMENT_TOLERANCE, BenchResults, DataFile, Row, relative_difference
from .timing import measure, run_once, describe_failure

MEMORY_COPIES = 10
COMPARED_PER_SAMPLE_LINES = 1000


def _time(command: cmd.Command, repeat: int, repository: Path, warm_up: bool = True,
          before_each=None) -> Row:
    log(f"timing {command.label}")
    measurement = measure(list(command.argv), repeat, warm_up=warm_up,
                          env=command.environment(), cwd=repository, before_each=before_each)
    row = Row(command, measurement)
    if not measurement.ok:
        log(f"  {command.label} failed: {measurement.failure}")
        return row

    result = cmd.read_result(command, measurement.last_stdout)
    if result is not None:
        row.mean, row.sum = result
    elif command.output != "none":
        measurement.failure = "printed no mean: " + measurement.last_stdout.strip()[:120]
    log(f"  median {measurement.median_seconds:.3f} s, mean {row.mean!r}")
    return row


def _biasgrad_works(tools: Toolchain, folder: Path) -> str | None:
    """None when biasgrad gives the specification's seed-example mean, else why not."""
    if tools.biasgrad is None:
        return "not available (no release binary)"
    example = seed_example(folder)
    result = run_once([str(tools.biasgrad), str(example)] + cmd.BIASGRAD_FLAGS)
    if result.status != 0:
        return f"not available ({describe_failure(result)})"
    try:
        mean = float(json.loads(result.stdout)["mean"])
    except (ValueError, KeyError, TypeError):
        return f"not available (no JSON summary: {result.stdout.strip()[:80]!r})"
    if mean != SEED_EXAMPLE_MEAN:
        return f"not available (seed example mean {mean!r}, expected {SEED_EXAMPLE_MEAN!r})"
    return None


def _check_agreement(results: BenchResults) -> None:
    baseline = results.baseline
    if baseline is None:
        results.checks.append("no baseline: neither biasgrad nor the C++ reference ran")
        return
    name = "biasgrad" if baseline is results.biasgrad else "the C++ reference"
    results.checks.append(f"{name}'s mean: `{baseline.mean!r}`, sum: `{baseline.sum!r}`")

    for row in results.reduce_rows + results.per_sample_rows:
        if row is baseline or row.mean is None:
            continue
        difference = relative_difference(row.mean, baseline.mean)
        if difference > AGREEMENT_TOLERANCE:
            failure = (f"MISMATCH: {row.command.label} mean {row.mean!r} differs "
                       f"from {name}'s by {difference:.1e} relative")
            results.checks.append(failure)
            results.failures.append(failure)
    agreeing = [row for row in results.reduce_rows if row.mean is not None and row is not baseline]
    if agreeing and all(relative_difference(row.mean, baseline.mean) <= AGREEMENT_TOLERANCE
                        for row in agreeing):
        results.checks.append(f"all {len(agreeing)} other means agree with {name}'s within "
                              f"{AGREEMENT_TOLERANCE:g} relative")

    for workers in (1, 2):
        exact, plain = results.row(f"biasgrad-w{workers}"), results.row(f"plain-sum-w{workers}")
        if exact and plain and exact.ok and plain.ok:
            exact_seconds = exact.measurement.median_seconds
            cost = (exact_seconds - plain.measurement.median_seconds) / exact_seconds
            results.checks.append(
                f"the exact reduction costs {cost:.1%} of the {workers}-worker run against a "
                f"plain float sum ({exact_seconds:.3f} s against "
                f"{plain.measurement.median_seconds:.3f} s)")

    worker_rows = [results.row(key) for key in ("biasgrad-w1", "biasgrad-w2")]
    if results.biasgrad and all(row is not None and row.mean is not None for row in worker_rows):
        same = all(row.mean == results.biasgrad.mean for row in worker_rows)
        verdict = "bit-identical" if same else "NOT bit-identical"
        results.checks.append(f"biasgrad's means with 1, 2 and default workers are {verdict}")
        if not same:
            results.failures.append("biasgrad's mean depends on the worker count")


def _run_reduce(results: BenchResults, tools: Toolchain, options: BenchOptions,
                data: str) -> None:
    biasgrad_runs = cmd.biasgrad_commands(tools, data) if tools.biasgrad else []
    peers, notes = cmd.peer_commands(tools, data, options.rows, options.peers)
    results.notes += notes

    for command in biasgrad_runs:
        row = _time(command, options.repeat, tools.repository)
        results.reduce_rows.append(row)
        if command.key == "biasgrad" and not (row.ok and row.mean is not None):
            results.biasgrad_status = f"not available ({row.measurement.failure})"
            tools.biasgrad = None
            break
    if tools.biasgrad and tools.plain_sum and "plain-sum" in options.peers:
        for command in cmd.plain_sum_commands(tools, data):
            results.reduce_rows.append(_time(command, options.repeat, tools.repository))
    for command in peers:
        row = _time(command, options.repeat, tools.repository)
        results.reduce_rows.append(row)
        if not row.ok:
            results.notes.append(f"{command.label} failed: {row.measurement.failure}")


def _head(path: Path, lines: int) -> list[list[float]]:
    records = []
    with path.open() as source:
        source.readline()
        for line in source:
            records.append([float(field) for field in line.split(",")])
            if len(records) == lines:
                break
    return records


def _run_per_sample(results: BenchResults, tools: Toolchain, options: BenchOptions,
                    data: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    output = folder / "per-sample.csv"
    relative = str(output.relative_to(tools.repository))
    heads = {}
    for command in cmd.per_sample_commands(tools, data, relative, options.peers):
        row = _time(command, options.repeat, tools.repository,
                    before_each=lambda: output.unlink(missing_ok=True))
        results.per_sample_rows.append(row)
        if row.ok and output.exists():
            row.output_size = output.stat().st_size
            heads[command.key] = _head(output, COMPARED_PER_SAMPLE_LINES)
        output.unlink(missing_ok=True)

    if len(heads) == 2:
        same = heads["biasgrad-per-sample"] == heads["polars-per-sample"]
        verdict = "hold the same values" if same else "DIFFER"
        results.per_sample_check = (f"The first {COMPARED_PER_SAMPLE_LINES} records of the two "
                                    f"outputs {verdict} (compared as float64, field by field).")
        if not same:
            results.failures.append("per-sample records of biasgrad and polars differ")


def _run_memory(results: BenchResults, tools: Toolchain, options: BenchOptions,
                base: Path) -> None:
    base_row = results.biasgrad
    big = repeated_file(base, MEMORY_COPIES)
    big_data = DataFile(big, results.data.rows * MEMORY_COPIES, big.stat().st_size,
                        results.data.form)
    command = cmd.memory_command(tools, str(big.relative_to(tools.repository)))
    row = _time(command, 1, tools.repository, warm_up=False)
    if not options.keep_data:
        big.unlink()

    results.memory_rows = [(results.data, base_row), (big_data, row)]
    if row.mean is not None:
        same = row.mean == base_row.mean
        growth = row.measurement.peak_rss / max(base_row.measurement.peak_rss, 1)
        results.memory_check = (
            f"Peak RSS on ten times the rows is {growth:.2f} times the base file's. "
            + ("The mean over ten copies is bit-identical to the base file's, as exact "
               "rounding requires." if same else
               "MISMATCH: the mean over ten copies differs from the base file's; exact "
               "rounding requires the same bits."))
        if not same:
            results.failures.append("biasgrad's mean over ten copies differs from the base's")


def _check_biasgrad(results: BenchResults, tools: Toolchain, options: BenchOptions,
                    folder: Path) -> None:
    if "biasgrad" not in options.peers:
        results.biasgrad_status = "not selected (--peers)"
        return
    problem = _biasgrad_works(tools, folder)
    results.biasgrad_status = problem or "works (gives the seed example's mean)"
    if problem:
        tools.biasgrad = None


def _write_report(results: BenchResults, path: Path) -> None:
    results.machine["load average after the run"] = load_average()
    report = render(results)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report)
    print(report)
    log(f"report written to {path}")


def main(argv: list[str]) -> int:
    """Runs the benchmark described by `argv`; exit status 1 when a result check fails."""
    repository = Path(__file__).resolve().parents[2]
    options = parse_options(argv, repository)
    folder = repository / "bench-data"

    tools = prepare(repository, options.peers, options.build)
    base = base_file(tools, folder, options.rows, options.decimals, options.seed)
    data = str(base.relative_to(repository))
    results = BenchResults(DataFile(base, options.rows, base.stat().st_size,
                                    options.decimals_label), options.repeat, options.argv)
    results.notes += tools.notes
    _check_biasgrad(results, tools, options, folder)
    results.machine = machine_facts()
    results.versions = tool_versions(tools)

    _run_reduce(results, tools, options, data)
    _check_agreement(results)
    _run_per_sample(results, tools, options, data, folder / "out")
    if results.biasgrad is not None:
        _run_memory(results, tools, options, base)

    _write_report(results, options.report)
    for failure in results.failures:
        log(f"check failed: {failure}")
    return 1 if results.failures else 0
