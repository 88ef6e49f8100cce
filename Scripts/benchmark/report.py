"""Turns the results of a run into the Markdown report (docs/benchmarks.md)."""

import shlex

from .results import AGREEMENT_TOLERANCE, BenchResults, DataFile, Row, relative_difference

MEBIBYTE = 1 << 20


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if index == 0 else "---:" for index in range(len(header))) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def _ratio(row: Row, reference: Row | None) -> str:
    if reference is None or not row.ok or row.command.peer == "biasgrad":
        return "—"
    return f"{row.measurement.median_seconds / reference.measurement.median_seconds:.2f}"


def _agreement(row: Row, baseline: Row | None) -> str:
    if row.mean is None:
        return "—"
    if baseline is None or row is baseline:
        return "baseline" if row is baseline else "—"
    difference = relative_difference(row.mean, baseline.mean)
    if difference == 0.0:
        return "identical"
    verdict = "ok" if difference <= AGREEMENT_TOLERANCE else "MISMATCH"
    return f"{difference:.1e} {verdict}"


def _timing_cells(row: Row, data: DataFile) -> list[str]:
    if not row.ok:
        return ["failed", "", "", "", ""]
    median = row.measurement.median_seconds
    return [
        f"{median:.3f}",
        f"{row.measurement.min_seconds:.3f}",
        f"{data.rows / median / 1e6:.1f}",
        f"{data.size / median / 1e6:.0f}",
        f"{row.measurement.peak_rss / MEBIBYTE:.0f}",
    ]


def _reduce_section(results: BenchResults) -> list[str]:
    header = ["command", "median s", "min s", "M rows/s", "MB/s", "peak RSS MiB",
              "peer/biasgrad", "mean", "vs " + _baseline_name(results)]
    rows = []
    for row in results.reduce_rows:
        mean = repr(row.mean) if row.mean is not None else "—"
        rows.append([row.command.label] + _timing_cells(row, results.data)
                    + [_ratio(row, results.biasgrad), mean,
                       _agreement(row, results.baseline)])
    return _table(header, rows)


def _baseline_name(results: BenchResults) -> str:
    baseline = results.baseline
    return "biasgrad" if baseline is results.biasgrad and baseline else (
        "reference" if baseline else "baseline")


def _per_sample_section(results: BenchResults) -> list[str]:
    reference = results.row("biasgrad-per-sample")
    reference = reference if reference is not None and reference.ok else None
    header = ["command", "median s", "min s", "M rows/s", "MB/s in", "peak RSS MiB",
              "output MB", "peer/biasgrad"]
    rows = []
    for row in results.per_sample_rows:
        size = f"{row.output_size / 1e6:.0f}" if row.output_size else "—"
        rows.append([row.command.label] + _timing_cells(row, results.data)
                    + [size, _ratio(row, reference)])
    lines = _table(header, rows)
    if results.per_sample_check:
        lines += ["", results.per_sample_check]
    return lines


def _memory_section(results: BenchResults) -> list[str]:
    header = ["input", "rows", "size MB", "median s", "peak RSS MiB", "mean"]
    rows = []
    for data, row in results.memory_rows:
        timing = f"{row.measurement.median_seconds:.3f}" if row.ok else "failed"
        memory = f"{row.measurement.peak_rss / MEBIBYTE:.0f}" if row.ok else ""
        mean = repr(row.mean) if row.mean is not None else "—"
        rows.append([data.path.name, f"{data.rows:,}", f"{data.size / 1e6:.0f}", timing,
                     memory, mean])
    lines = _table(header, rows)
    if results.memory_check:
        lines += ["", results.memory_check]
    return lines


def _key_values(pairs: dict[str, str]) -> list[str]:
    return _table(["", ""], [[key, f"`{value}`" if value else ""] for key, value in pairs.items()])


def _command_lines(results: BenchResults) -> list[str]:
    seen = []
    rows = results.reduce_rows + results.per_sample_rows + [row for _, row in results.memory_rows]
    for row in rows:
        line = f"# {row.command.label}\n{row.command.shell_line}"
        if line not in seen:
            seen.append(line)
    return ["```sh"] + seen + ["```"]


def _method() -> list[str]:
    return [
        "- Each command runs once untimed (to warm the page cache), then `--repeat` times; "
        "the table gives the median and the fastest of those runs. The machine is shared "
        "and noisy: read the medians and the ratios, not single runs.",
        "- `M rows/s` and `MB/s` are the data file's rows and bytes divided by the median.",
        "- `peak RSS` is the largest peak resident set of the timed runs, as GNU time "
        "(`/usr/bin/time -f %M`) reports it for the command and its children; it includes "
        "the Python interpreter for the Python peers. A program that maps the file (the C++ "
        "reference) counts the mapped page-cache pages it touched as resident.",
        "- `peer/biasgrad` is the peer's median time divided by biasgrad's (default "
        "workers): above 1, biasgrad is faster.",
        "- Python peers' times include starting Python and importing the library, as a user "
        "running them as a command would see. The OpenBLAS core overrides "
        "(`OPENBLAS_CORETYPE`, `OPENBLAS_L2_SIZE`) are removed from their environment.",
        "- Every peer computes `g = (y_hat - y) * y_hat * (1 - y_hat)` per row and reduces "
        "with its own summation (plain, pairwise or other), so its mean may differ from "
        "biasgrad's correctly rounded mean in the last digits; agreement within "
        f"{AGREEMENT_TOLERANCE:g} relative is required.",
        "- The memory run reads a file of ten copies of the data rows under one header, "
        "once, without a warm-up: its exact mean equals the base file's, so biasgrad must "
        "print the same bits, and its peak RSS should stay near the base file's.",
    ]


def render(results: BenchResults) -> str:
    """The whole report as Markdown."""
    data = results.data
    lines = [
        "# Benchmarks",
        "",
        "Written by `Scripts/bench`; rerun it to measure this machine (options: `--rows`, "
        "`--decimals`, `--repeat`, `--peers`, `--no-build`, `--quick`; `Scripts/bench -h`).",
        "",
        f"This run: `{shlex.join(['Scripts/bench', *results.argv])}`, {results.repeat} timed "
        f"runs per command, on {results.machine.get('date', '')}.",
        "",
        f"Data: `{data.path.name}`, {data.rows:,} rows, {data.size / 1e6:.0f} MB, "
        f"y_hat in {data.form} form.",
        "",
        f"biasgrad: {results.biasgrad_status}.",
        "",
        "## Mean and sum of the mse+sigmoid bias gradient",
        "",
    ]
    lines += _reduce_section(results)
    if results.checks:
        lines += [""] + [f"- {check}" for check in results.checks]
    if results.per_sample_rows:
        lines += ["", "## Per-sample output (six columns to a CSV file)", ""]
        lines += _per_sample_section(results)
    if results.memory_rows:
        lines += ["", "## Memory on ten times the rows", ""]
        lines += _memory_section(results)
    lines += ["", "## Machine", ""] + _key_values(results.machine)
    lines += ["", "## Versions", ""] + _key_values(results.versions)
    lines += ["", "## Command lines (from the repository root)", ""] + _command_lines(results)
    if results.notes:
        lines += ["", "## Skipped or missing", ""] + [f"- {note}" for note in results.notes]
    lines += ["", "## Method", ""] + _method()
    return "\n".join(lines) + "\n"
