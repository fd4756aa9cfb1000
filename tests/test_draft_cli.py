"""``usiraq draft``'s command line: the JSON it prints, the file it writes, and the input it refuses."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_build_support import REAL

from usiraq.cli import main

ARTICLE = Path(__file__).parent / "fixtures" / "draft" / "invented_article.txt"
FIELDS = {
    "figure": {"value", "value_low", "value_high", "qualifier", "approximate", "counted"},
    "actor_mention": {"actor_id", "actor_type"},
    "new_actor": {"name", "actor_type"},
    "date": {"start", "end", "precision", "basis"},
    "claim": {"speaker_as_written", "speaker_actor_id", "cue", "attribution_kind", "modality"},
    "uncoded_number": {"reason"},
}


def _run(*args: str) -> object:
    return CliRunner().invoke(main, ["draft", *args])


def test_json_gives_every_candidate_with_its_span_and_fields() -> None:
    result = _run(str(ARTICLE), "--published", "2024-02-02", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"source_id", "candidates"}
    assert payload["source_id"] == "invented-article"
    text = ARTICLE.read_text(encoding="utf-8")
    kinds = set()
    for candidate in payload["candidates"]:
        kinds.add(candidate["kind"])
        assert text[candidate["char_start"] : candidate["char_end"]] == candidate["text"]
        assert FIELDS[candidate["kind"]] <= set(candidate)
    assert kinds == set(FIELDS)
    figures = {c["text"]: c for c in payload["candidates"] if c["kind"] == "figure"}
    assert figures["at least 60 service members were wounded"]["value_low"] == 60
    dates = {c["text"]: c for c in payload["candidates"] if c["kind"] == "date"}
    assert (dates["next week"]["start"], dates["next week"]["end"]) == ("2024-02-05", "2024-02-11")


def test_the_draft_file_is_written_once_and_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    first = _run(str(ARTICLE), "--published", "2024-02-02", "--out", str(out), "--root", str(REAL))
    assert first.exit_code == 0, first.output
    written = out.read_bytes()
    again = _run(str(ARTICLE), "--published", "2024-03-01", "--out", str(out))
    assert again.exit_code == 2
    assert "exists; give --force" in again.output
    assert out.read_bytes() == written
    forced = _run(str(ARTICLE), "--published", "2024-03-01", "--source-id", "other", "--out", str(out), "--force")
    assert forced.exit_code == 0
    assert out.read_bytes() != written
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.yaml"]


@pytest.mark.parametrize(
    ("content", "published", "says"),
    [
        (b"caf\xe9 talks\n", "2024-02-02", "not valid UTF-8"),
        (b"", "2024-02-02", "the article is empty"),
        (b" \n\n", "2024-02-02", "the article is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "2024-02-02", "binary"),
        (b"Talks resumed.\n", "2024-02-30", "is not a date"),
        (b"Talks resumed.\n", "last Tuesday", "YYYY-MM-DD"),
        (b"Talks resumed.\n", "24-01-01", "YYYY-MM-DD"),
        (b"Talks resume next year.\n", "9999-12-31", "the year must lie between 1800 and 2200"),
        (b"\xef\xbb\xbfTalks resumed.\n", "2024-02-02", "article.txt:1: starts with a byte order mark"),
        (b"Talks\r\nresumed.\r\n", "2024-02-02", "article.txt:1: a carriage return"),
        (b"Talks\nre\x1bsumed.\n", "2024-02-02", "article.txt:2: a control character U+001B"),
    ],
    ids=[
        *("not utf-8", "empty", "blank", "binary", "impossible date", "not a date"),
        *("short year", "far year", "bom", "crlf", "control"),
    ],
)
def test_unusable_input_exits_2_and_writes_nothing(tmp_path: Path, content: bytes, published: str, says: str) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    out = tmp_path / "out" / "draft.yaml"
    out.parent.mkdir()
    result = _run(str(article), "--published", published, "--out", str(out))
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert "Traceback" not in result.output
    assert list(out.parent.iterdir()) == []


def test_a_missing_published_date_or_article_exits_2(tmp_path: Path) -> None:
    missing = _run(str(ARTICLE), "--out", str(tmp_path / "x.yaml"))
    assert missing.exit_code == 2
    assert "--published" in missing.output
    absent = _run(str(tmp_path / "nowhere.txt"), "--published", "2024-02-02", "--out", str(tmp_path / "x.yaml"))
    assert absent.exit_code == 2
    assert "cannot read the article" in absent.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["/dev/zero", "fifo"])
def test_an_article_that_is_not_a_regular_file_exits_2(tmp_path: Path, name: str) -> None:
    article = Path(name) if name.startswith("/") else tmp_path / name
    if not article.is_absolute() or not article.exists():
        os.mkfifo(article)  # reading it would wait for ever
    result = _run(str(article), "--published", "2024-02-02", "--json")
    assert result.exit_code == 2, result.output
    assert "not a regular file" in result.output


@pytest.mark.parametrize("link", [False, True])
def test_the_article_itself_is_never_the_out_file(tmp_path: Path, link: bool) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(ARTICLE.read_bytes())
    out = article
    if link:
        out = tmp_path / "link.yaml"
        out.symlink_to(article)
    result = _run(str(article), "--published", "2024-02-02", "--out", str(out), "--force")
    assert result.exit_code == 2, result.output
    assert "is the article itself" in result.output
    assert article.read_bytes() == ARTICLE.read_bytes()
