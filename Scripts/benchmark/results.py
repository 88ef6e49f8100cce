"""What one benchmark run found, gathered for the report."""

from dataclasses import dataclass, field
from pathlib import Path

from .commands import Command
from .timing import Measurement

AGREEMENT_TOLERANCE = 1e-9


@dataclass
class Row:
    """One timed command and the mean and sum it printed."""

    command: Command
    measurement: Measurement
    mean: float | None = None
    sum: float | None = None
    output_size: int | None = None

    @property
    def ok(self) -> bool:
        return self.measurement.ok


@dataclass
class DataFile:
    path: Path
    rows: int
    size: int
    form: str


@dataclass
class BenchResults:
    """Everything the report shows."""

    data: DataFile
    repeat: int
    argv: tuple[str, ...]
    machine: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    biasgrad_status: str = "not run"
    reduce_rows: list[Row] = field(default_factory=list)
    per_sample_rows: list[Row] = field(default_factory=list)
    per_sample_check: str | None = None
    memory_rows: list[tuple[DataFile, Row]] = field(default_factory=list)
    memory_check: str | None = None
    checks: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def row(self, key: str) -> Row | None:
        every = self.reduce_rows + self.per_sample_rows + [row for _, row in self.memory_rows]
        return next((row for row in every if row.command.key == key), None)

    @property
    def biasgrad(self) -> Row | None:
        """biasgrad's default run, when it succeeded."""
        row = self.row("biasgrad")
        return row if row is not None and row.ok and row.mean is not None else None

    @property
    def baseline(self) -> Row | None:
        """The value peers are checked against: biasgrad's, else the C++ reference's."""
        if self.biasgrad is not None:
            return self.biasgrad
        row = self.row("reference")
        return row if row is not None and row.ok and row.mean is not None else None


def relative_difference(value: float, expected: float) -> float:
    if value == expected:
        return 0.0
    return abs(value - expected) / max(abs(expected), 1e-300)
