"""Every way the inputs can be wrong gives `file:line: message`, exit code 1 and no traceback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_build_support import FIXTURE, LOCATION, copy_dataset, edit, line_of, run_cli, run_process

FX1 = "annotations/fx1_focus.yaml"
FX2 = "annotations/fx2_icaro.yaml"
TENSIONS = "registry/tensions.yaml"


@dataclass(frozen=True)
class Case:
    """A way to break the fixture dataset, and what the build must then say."""

    name: str
    breaks: Callable[[Path], None]
    file: str
    needle: str | None  # text on the line the message must name (None: the message names no line)
    says: tuple[str, ...]


def _write(relative: str, data: bytes) -> Callable[[Path], None]:
    return lambda root: (root / relative).write_bytes(data)


def _edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root / relative, old, new)


def _remove(relative: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).unlink()


NBSP_ORIGINAL = (
    'quote: "The US and Iraq are\\u00a0expected to soon begin\\u00a0talks on the future of the US military presence'
    ' in the country, according to sources familiar with the matter"'
)
NBSP_QUOTE = "quote: The US and Iraq are expected to soon begin talks on the future of the US military presence"
CASES = [
    Case(
        "quote missing (plain spaces for no-break spaces)",
        _edit(FX1, NBSP_ORIGINAL, NBSP_QUOTE),
        FX1,
        NBSP_QUOTE,
        (
            "claims[0].quote: not found in the article",
            "Closest passage (char 21, line 3)",
            "the article has a no-break space (U+00A0) where the quote has a space (U+0020)",
        ),
    ),
    Case(
        "quote missing (a word changed)",
        _edit(FX1, "quote: The US and Iraq agreed to form", "quote: The US and Iraq decided to form"),
        FX1,
        "quote: The US and Iraq decided to form",
        ("event_mentions[1].quote: not found in the article", "The article has 'agreed' where the quote has 'decided'"),
    ),
    Case(
        "ambiguous quote",
        _edit(FX1, 'quote: "expected to soon begin\\u00a0talks"', "quote: US military"),
        FX1,
        "quote: US military",
        ("event_mentions[0].quote: 'US military' occurs 3 times (at chars 91, 586, 819)", "`occurrence:`", "`prefix:`"),
    ),
    Case(
        "prefix fits no occurrence",
        _edit(FX1, 'quote: "expected to soon begin\\u00a0talks"', "quote: US military\n    prefix: the Iraqi"),
        FX1,
        "prefix: the Iraqi",
        ("event_mentions[0].prefix: prefix 'the Iraqi' is not just before any of the 3 occurrence(s)",),
    ),
    Case(
        "occurrence beyond the count",
        _edit(FX1, 'quote: "expected to soon begin\\u00a0talks"', "quote: US military\n    occurrence: 4"),
        FX1,
        "occurrence: 4",
        ("event_mentions[0].occurrence: occurrence 4 asked for, but 'US military' occurs only 3 time(s)",),
    ),
    Case(
        "unknown date phrase",
        _edit(FX2, "date: {as_written: last week}", "date: {as_written: occurred last week}"),
        FX2,
        "date: {as_written: occurred last week}",
        (
            "event_mentions[0].date.as_written: unknown date phrase 'occurred last week'",
            "the supported forms are:",
            "last summer",
        ),
    ),
    Case(
        "vague date phrase",
        _edit(FX1, "    status: expected\n", "    status: expected\n    date: {as_written: soon, direction: future}\n"),
        FX1,
        "date: {as_written: soon",
        ("event_mentions[0].date.as_written: 'soon' has no definite interval; give the date explicitly",),
    ),
    Case(
        "date as written not in the quote",
        _edit(FX2, "date: {as_written: on Monday}", "date: {as_written: on Tuesday}"),
        FX2,
        "date: {as_written: on Tuesday}",
        ("event_mentions[1].date.as_written: 'on Tuesday' is not in the quote",),
    ),
    Case(
        "bad enum value",
        _edit(FX1, "modality: asserted", "modality: maybe"),
        FX1,
        "modality: maybe",
        ("claims[1].modality: 'maybe' is not one of asserted, expected, intended, planned,",),
    ),
    Case(
        "unknown key",
        _edit(FX1, "modality: asserted", "modalty: asserted"),
        FX1,
        "modalty: asserted",
        ("claims[1].modalty: unknown key; did you mean 'modality'?",),
    ),
    Case(
        "dangling reference",
        _edit(FX2, "speaker_actor_id: pat-ryder", "speaker_actor_id: pat-rider"),
        FX2,
        "speaker_actor_id: pat-rider",
        ("claims[0].speaker_actor_id: actor 'pat-rider' does not exist; did you mean 'pat-ryder'?",),
    ),
    Case(
        "dangling event reference",
        _edit(FX2, "event_id: ryder-statement-2024-01-08", "event_id: ryder-statement"),
        FX2,
        "event_id: ryder-statement",
        ("event_mentions[1].event_id: event 'ryder-statement' does not exist",),
    ),
    Case(
        "duplicate id",
        _edit(FX2, "claim_id: fx2-ryder-invitation", "claim_id: fx1-troops-2500"),
        FX2,
        "claim_id: fx1-troops-2500",
        ("claims[0].claim_id: claim 'fx1-troops-2500' is already used at", "fx1_focus.yaml:12"),
    ),
    Case(
        "sha256 mismatch",
        _edit("sources.yaml", "sha256: 56727c4f", "sha256: 06727c4f"),
        "sources.yaml",
        "sha256: 06727c4f",
        ("sources[0].sha256: 06727c4f", "is not the sha256 of", "fx1_focus.txt, which is 56727c4f"),
    ),
    Case(
        "missing article file",
        _remove("sources/fx2_icaro.txt"),
        "sources.yaml",
        "file_name: fx2_icaro.txt",
        ("sources[1].file_name: the article", "fx2_icaro.txt is not there"),
    ),
    Case(
        "malformed YAML",
        _edit("registry/actors.yaml", "    name: Iraq\n", "    name: Iraq\n   type: [state\n"),
        "registry/actors.yaml",
        "   type: [state",
        ("YAML syntax error",),
    ),
    Case(
        "repeated key",
        _edit("registry/actors.yaml", "    name: Iraq\n", "    name: Iraq\n    name: Irak\n"),
        "registry/actors.yaml",
        "name: Irak",
        ("actors[1].name: repeated key",),
    ),
    Case(
        "non-UTF-8 article",
        _write("sources/fx2_icaro.txt", "ICARO Media Group\n\nIraq\u2019s".encode("cp1252")),
        "sources/fx2_icaro.txt",
        None,
        ("not valid UTF-8: byte 0x92 at byte offset 23",),
    ),
    Case(
        "event mentions whose dates do not overlap",
        _edit(FX2, "event_id: us-combat-mission-end-2021", "event_id: higher-military-commission-agreed-2023"),
        "registry/events.yaml",
        "- event_id: higher-military-commission-agreed-2023",
        (
            "events[1]: the dates of two of its mentions do not overlap:",
            "fx2_icaro.yaml:52 (event_mentions[2], 'at the end of 2021': 2021-12-01..2021-12-31)",
            "fx1_focus.yaml:38 (event_mentions[1], 'last summer': 2023-06-01..2023-08-31)",
            "needs an explicit date in events.yaml",
        ),
    ),
    Case(
        "not_mention that is no alias",
        _edit(FX2, "  - quote: Baghdad\n", "  - quote: drone strike\n"),
        FX2,
        "- quote: drone strike",
        ("not_mentions[0].quote: 'drone strike' at char", "is not an occurrence of an actor alias"),
    ),
    Case(
        "missing annotation file",
        _remove(FX2),
        "sources.yaml",
        "- source_id: fx2_icaro",
        ("sources[1]: no annotation file annotations/fx2_icaro.yaml for this article",),
    ),
    Case(
        "annotation file for an unknown source",
        lambda root: (root / "annotations" / "fx3_other.yaml").write_text("source_id: fx3_other\n", encoding="utf-8"),
        "annotations/fx3_other.yaml",
        "source_id: fx3_other",
        ("annotation file for 'fx3_other', which is not in sources.yaml",),
    ),
    Case(
        "invalid row (country code)",
        _edit(FX2, "location_country: SYR", "location_country: XYZ"),
        FX2,
        "- figure_id: fx2-troops-syria-900",
        ("figures[1]: this makes an invalid force_figures row: location_country: 'XYZ' is not an ISO 3166-1",),
    ),
    Case(
        "tension whose scope its sides contradict",
        _edit(TENSIONS, "scope: within_article", "scope: between_articles"),
        TENSIONS,
        "- tension_id: fx2-no-intention-or-no-notification",
        ("tensions[0]: scope between_articles, but both sides quote one article; use within_article",),
    ),
    Case(
        "tension side naming a claim of another article",
        _edit(TENSIONS, "claim_id: fx2-ryder-invitation", "claim_id: fx1-talks-expected"),
        TENSIONS,
        "claim_id: fx1-talks-expected",
        ("tensions[0].b[0].claim_id: claim 'fx1-talks-expected' does not exist", "in the annotation file of fx2_icaro"),
    ),
    Case(
        "tension side naming a claim on other words",
        _edit(
            TENSIONS,
            "no intentions to withdraw forces from Iraq\n",
            "no intentions to withdraw forces from Iraq\n        claim_id: fx2-ryder-invitation\n",
        ),
        TENSIONS,
        "claim_id: fx2-ryder-invitation",
        ("tensions[0].a[0].claim_id: claim 'fx2-ryder-invitation' quotes other words of the article",),
    ),
    Case(
        "words said to be in the quote are not",
        _edit(FX2, "cue: stated", "cue: said"),
        FX2,
        "cue: said",
        ("claims[0].cue: 'said' is not in the quote",),
    ),
]


def _broken(tmp_path: Path, case: Case) -> Path:
    root = copy_dataset(FIXTURE, tmp_path / "dataset")
    case.breaks(root)
    return root


def _check(output: str, root: Path, case: Case) -> None:
    assert "Traceback" not in output
    for text in case.says:
        assert text in output, f"{text!r} not in:\n{output}"
    expected_file = (root / case.file).as_posix()
    lines = [line for line in output.splitlines() if line.startswith(expected_file)]
    assert lines, f"no message names {expected_file}:\n{output}"
    if case.needle is not None:
        line = line_of(root / case.file, case.needle)
        assert any(line_text.startswith(f"{expected_file}:{line}: ") for line_text in lines), output
    assert "build failed" in output


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_cli_reports_the_problem(tmp_path: Path, case: Case) -> None:
    root = _broken(tmp_path, case)
    result = run_cli("--root", str(root))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    _check(result.stderr, root, case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_subprocess_reports_the_problem(tmp_path: Path, case: Case) -> None:
    root = _broken(tmp_path, case)
    process = run_process("--root", str(root))
    assert process.returncode == 1, process.stderr
    assert process.stdout == ""
    _check(process.stderr, root, case)


def test_every_problem_line_names_a_file_and_line(tmp_path: Path) -> None:
    root = copy_dataset(FIXTURE, tmp_path / "dataset")
    edit(root / FX1, "modality: asserted", "modality: maybe")
    edit(root / FX2, "speaker_actor_id: pat-ryder", "speaker_actor_id: pat-rider")
    result = run_cli("--root", str(root))
    problems = [line for line in result.stderr.splitlines() if not line.startswith("build failed")]
    assert len(problems) == 1  # validation stops before references: one file at a time is enough
    assert all(LOCATION.match(line) for line in problems)


def test_several_broken_quotes_are_all_reported(tmp_path: Path) -> None:
    root = copy_dataset(FIXTURE, tmp_path / "dataset")
    edit(root / FX1, "quote: The US and Iraq agreed to form", "quote: The US and Iraq decided to form")
    edit(root / FX2, "  - quote: 09/01/2024 21h43\n", "  - quote: 09/01/2024 21:43\n")
    result = run_cli("--root", str(root))
    assert result.exit_code == 1
    assert "2 problems;" in result.stderr


def test_a_missing_dataset_folder_is_reported(tmp_path: Path) -> None:
    result = run_cli("--root", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output
