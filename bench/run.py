"""Benchmark: build, validate and load synthetic corpora of growing size, each beside a reference.

For each size N (articles), in a work folder:

- build: ``usiraq build --root corpus --out release``, against the time to
  parse the same YAML inputs with PyYAML's C loader (every build must read its
  inputs, so parsing them is the floor; the ratio is what the build adds).
- validate: ``usiraq validate``, against ``frictionless validate`` on the
  same datapackage.json.
- load: ``usiraq.load("claims", path=...)`` in a new interpreter, against
  ``pandas.read_parquet`` of the same Parquet file (medians of alternating runs).

Every figure is a new child process: wall-clock seconds and its own peak RSS.
The build's growth is the slope of log(seconds) against log(N). With
``--large-claims``, a release of that many claims is written directly, faults
are seeded into its claims.csv, and both validators must report the same
faults; the ratio of their times is the figure.

Usage:
    python bench/run.py [--sizes 5,500,5000] [--large-claims 1000000] [--build-only] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

import faults
import synth_release
import synthetic
from load import machine, versions
from measure import Run, exponent, measure, python

BIN = Path(sys.executable).parent
CLAIMS_PER_ARTICLE = 18.84
"""Claims per synthetic article (measured), to size a release by its claims."""


def yaml_reference(root: Path) -> list[str]:
    """A command that parses every YAML input of the corpus at ``root`` with PyYAML's C loader."""
    code = (
        "import pathlib, yaml; "
        f"[yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader) for p in pathlib.Path({str(root)!r})"
        ".rglob('*.yaml') if 'release' not in p.parts]"
    )
    return python(code)


def release_rows(release: Path) -> int:
    """Data rows (CSV records, not lines: texts hold line breaks) of all CSV resources."""
    csv.field_size_limit(2**31 - 1)
    total = 0
    for path in (release / "csv").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            total += sum(1 for _ in csv.reader(handle)) - 1
    return total


def validate_steps(release: Path) -> list[str]:
    """A command validating ``release`` that prints the seconds of each step (they run one after another) as JSON."""
    code = (
        "import json, time; "
        "from usiraq.validation.validate import validate_package; marks = []; "
        "mark = lambda step: marks.append((step, time.perf_counter())); "
        f"validate_package({str(release)!r}, progress=mark); "
        "marks.append(('end', time.perf_counter())); "
        "print(json.dumps({a: t2 - t1 for (a, t1), (_, t2) in zip(marks, marks[1:])}))"
    )
    return python(code)


def claims_rows(release: Path) -> int:
    """Rows of claims.parquet."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(release / "parquet" / "claims.parquet").metadata.num_rows


def load_pair(release: Path, repeat: int) -> tuple[Run, Run]:
    """Median runs of a cold ``usiraq.load('claims')`` and a cold pandas read of the same Parquet file."""
    parquet = release / "parquet" / "claims.parquet"
    ours = python(f"import usiraq; usiraq.load('claims', path={str(release)!r})")
    theirs = python(f"import pandas as pd; pd.read_parquet({str(parquet)!r})")
    runs: dict[str, list[Run]] = {"ours": [], "theirs": []}
    for _ in range(repeat):
        runs["ours"].append(measure(ours))
        runs["theirs"].append(measure(theirs))
    return median(runs["ours"]), median(runs["theirs"])


def median(runs: list[Run]) -> Run:
    """The run of median time."""
    return sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]


def line(what: str, rows: int, ours: Run, theirs: Run, reference: str) -> str:
    """One row of the report."""
    return (
        f"{what:<9} {rows:>10,} rows  {ours.seconds:8.2f} s {ours.rate(rows):>11,.0f} rows/s {ours.peak_mb:7.0f} MB"
        f"  | {reference}: {theirs.seconds:8.2f} s {theirs.rate(rows):>11,.0f} rows/s {theirs.peak_mb:7.0f} MB"
        f"  | ratio {theirs.seconds / ours.seconds:6.2f}"
    )


def size_run(workdir: Path, size: int, repeat: int, build_only: bool = False) -> float:
    """Measure one corpus size; print its three lines (the build's alone if ``build_only``); return build seconds."""
    corpus = synthetic.generate(workdir / f"corpus-{size}", size, seed=0)
    release = corpus / "release"
    build = measure([str(BIN / "usiraq"), "build", "--root", str(corpus), "--out", str(release)])
    if build.code != 0:
        raise SystemExit(f"build of {size} articles failed:\n{build.stderr}")
    rows = release_rows(release)
    print(line("build", rows, build, measure(yaml_reference(corpus)), "parse YAML"))
    if build_only:
        return build.seconds
    validate = measure([str(BIN / "usiraq"), "validate", str(release)])
    if validate.code != 0:
        raise SystemExit(f"the release of {size} articles is not valid:\n{validate.stderr}")
    reference = measure([str(BIN / "frictionless"), "validate", str(release / "datapackage.json")])
    print(line("validate", rows, validate, reference, "frictionless"))
    print(line("load", claims_rows(release), *load_pair(release, repeat), "pandas"))
    return build.seconds


def large_run(workdir: Path, claims: int) -> None:
    """A release of ``claims`` claims, written directly, with seeded faults: both validators, same faults."""
    release = workdir / f"release-{claims}"
    synth_release.write_release(release, round(claims / CLAIMS_PER_ARTICLE), seed=0)
    faults.seed(release, claims_rows(release))
    rows = release_rows(release)
    ours_json, theirs_json = workdir / "usiraq.json", workdir / "frictionless.json"
    ours = measure([str(BIN / "usiraq"), "validate", str(release), "--json"], ours_json)
    theirs = measure([str(BIN / "frictionless"), "validate", str(release / "datapackage.json"), "--json"], theirs_json)
    print(line("validate", rows, ours, theirs, "frictionless"))
    print(
        f"CPU seconds (all threads): usiraq {ours.cpu:.1f} (on average {ours.cpu / ours.seconds:.1f} cores busy), "
        f"frictionless {theirs.cpu:.1f}; at 10x, usiraq would have {theirs.seconds / 10:.1f} s of wall time"
    )
    steps_json = workdir / "steps.json"
    measure(validate_steps(release), steps_json)
    steps = json.loads(steps_json.read_text(encoding="utf-8"))
    gate = steps["read"] + steps["standards"]
    print(
        f"one step at a time: the standards gate (read the CSVs, then Frictionless' checks in SQL) {gate:.2f} s, "
        f"{theirs.seconds / gate:.1f}x faster than frictionless; the dataset's own checks: "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in steps.items() if name not in ("read", "standards"))
        + f"; all steps {sum(steps.values()):.1f} s"
    )
    found = faults.usiraq_keys(json.loads(ours_json.read_text(encoding="utf-8")))
    expected = faults.frictionless_keys(json.loads(theirs_json.read_text(encoding="utf-8")))
    print(f"{claims_rows(release):,} claims; faults found by frictionless: {len(expected)}, by usiraq: {len(found)}")
    print(f"same faults (table, error type, row, field): {'yes' if found == expected else 'NO'}")
    for key in sorted(expected ^ found, key=str)[:10]:
        print(f"  only in {'frictionless' if key in expected else 'usiraq'}: {key}")


def main() -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,500,5000", help="corpus sizes in articles (default 5,500,5000)")
    parser.add_argument("--large-claims", type=int, default=0, help="also validate a release of this many claims")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each load command (default 5)")
    parser.add_argument("--build-only", action="store_true", help="measure the build alone at each size")
    parser.add_argument("--workdir", type=Path, default=None, help="where to write corpora (default: a temp folder)")
    args = parser.parse_args()
    print(*machine(), versions(sys.executable), sep="\n")
    print("each line: usiraq, then | the reference; ratio = reference seconds / usiraq seconds")
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.workdir or Path(scratch)
        sizes = [int(size) for size in args.sizes.split(",")]
        seconds = [size_run(workdir, size, args.repeat, args.build_only) for size in sizes]
        if len(sizes) > 1:
            print(f"build time grows as N^{exponent(sizes, seconds):.2f} (least-squares slope of log time on log N)")
            last = exponent(sizes[-2:], seconds[-2:])
            print(f"between the two largest sizes: N^{last:.2f} (start-up, about a second, weighs on the small ones)")
            print("build seconds by N: " + ", ".join(f"{n}: {s:.1f}" for n, s in zip(sizes, seconds, strict=True)))
        if args.large_claims:
            large_run(workdir, args.large_claims)
    return 0


if __name__ == "__main__":
    sys.exit(main())
