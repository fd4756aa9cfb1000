"""``usiraq conflicts``: contradictions and tensions first; lesser differences with ``--all``."""

from __future__ import annotations

from typing import Any

import click

from usiraq.compare import KINDS

WIDTH = 120
"""The readable list keeps each line within this many characters, cutting quotes (never in --csv)."""


@click.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="Also differences of precision, qualifications, attributions.")
@click.option(
    "--kind",
    type=click.Choice(list(KINDS)),
    multiple=True,
    help="Only these kinds (repeatable), whether or not listed by default.",
)
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (with each row's description and whole quotes).")
def command(show_all: bool, kind: tuple[str, ...], as_csv: bool) -> None:
    """List the conflicts between and inside the articles, most serious first, each side with its evidence.

    Each row is a line with its kind and subject, then one line per side: the
    article, the offsets and the quote (cut to fit; --csv has them whole).
    """
    from usiraq.compare import conflicts

    frame = conflicts(all=show_all or bool(kind))
    if kind:
        frame = frame[frame["kind"].isin(kind)]
    if as_csv:
        click.echo(frame.to_csv(index=False, lineterminator="\n"), nl=False)
        return
    for _, row in frame.iterrows():
        within = f" (within {row['source_id_a'][:3]})" if row["scope"] == "within_article" else ""
        click.echo(f"[{row['kind']}] {row['subject']}{within}")
        for side in ("a", "b"):
            click.echo(_side_line(row, side))
    more = "" if show_all or kind else "; --all adds differences that are not conflicts"
    click.echo(f"{len(frame)} rows{more}")


def _side_line(row: Any, side: str) -> str:
    head = f"  {side} {row[f'source_id_{side}'][:3]} [{row[f'char_start_{side}']}:{row[f'char_end_{side}']}] "
    room = WIDTH - len(head) - 2
    quote = str(row[f"quote_{side}"])
    return f'{head}"{quote if len(quote) <= room else quote[: room - 1] + "…"}"'
