"""The benchmark's input files, generated once and cached under bench-data/."""

import os
import shutil
import subprocess
from pathlib import Path

from .environment import Toolchain, log

GENERATOR_VERSION = 1
COPY_BUFFER = 16 << 20


def _data_name(rows: int, decimals: int | None, seed: int) -> str:
    form = "shortest" if decimals is None else f"d{decimals}"
    return f"sigmoid-mse-{rows}-{form}-seed{seed}-v{GENERATOR_VERSION}.csv"


def base_file(tools: Toolchain, folder: Path, rows: int, decimals: int | None,
              seed: int) -> Path:
    """The `y_hat,y` CSV for these parameters, generated on first use."""
    path = folder / _data_name(rows, decimals, seed)
    if path.exists():
        return path
    if not tools.has_packages("numpy", "polars"):
        raise SystemExit("Scripts/bench: generating data needs numpy and polars in .venv-bench")

    log(f"generating {rows:,} rows into {path.name}")
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    script = Path(__file__).with_name("generate_data.py")
    argv = [str(tools.python), str(script), str(partial), str(rows), str(seed)]
    if decimals is not None:
        argv.append(str(decimals))
    subprocess.run(argv, check=True)
    os.replace(partial, path)
    return path


def repeated_file(base: Path, copies: int) -> Path:
    """The base file's header once, then its data rows `copies` times."""
    path = base.with_name(f"{base.stem}-x{copies}.csv")
    if path.exists():
        return path

    log(f"writing {path.name}: the data rows {copies} times")
    partial = path.with_suffix(".partial")
    with base.open("rb") as source, partial.open("wb") as sink:
        header = source.readline()
        sink.write(header)
        for _ in range(copies):
            source.seek(len(header))
            shutil.copyfileobj(source, sink, COPY_BUFFER)
    os.replace(partial, path)
    return path


def seed_example(folder: Path) -> Path:
    """The five-row example of the specification, used to tell whether biasgrad works."""
    path = folder / "seed-example.csv"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text("y_hat,y\n0.91,1\n0.34,0\n0.77,1\n0.12,0\n0.68,1\n")
    return path


SEED_EXAMPLE_MEAN = -0.005753599999999994
