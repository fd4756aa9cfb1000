"""``usiraq conflicts``: contradictions and tensions first; lesser differences with ``--all``."""

from __future__ import annotations

import click

from usiraq.compare import KINDS

QUOTE_WIDTH = 110
"""Quotes longer than this are cut in the readable list (never in --csv); the offsets locate them whole."""


@click.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="Also differences of precision, qualifications, attributions.")
@click.option(
    "--kind",
    type=click.Choice(list(KINDS)),
    multiple=True,
    help="Only these kinds (repeatable), whether or not listed by default.",
)
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a readable list.")
def command(show_all: bool, kind: tuple[str, ...], as_csv: bool) -> None:
    """List the conflicts between and inside the articles, most serious first, each side with its evidence."""
    from usiraq.compare import conflicts

    frame = conflicts(all=show_all or bool(kind))
    if kind:
        frame = frame[frame["kind"].isin(kind)]
    if as_csv:
        click.echo(frame.to_csv(index=False, lineterminator="\n"), nl=False)
        return
    for _, row in frame.iterrows():
        within = " (within one article)" if row["scope"] == "within_article" else ""
        click.echo(f"[{row['kind']}] {row['subject']}{within}: {row['description']}")
        for side in ("a", "b"):
            click.echo(
                f"  {side} {row[f'source_id_{side}'][:3]} [{row[f'char_start_{side}']}:{row[f'char_end_{side}']}]"
                f' "{_cut(row[f"quote_{side}"])}"'
            )
    shown = "" if show_all or kind else "; add --all for differences that are not conflicts"
    click.echo(f"{len(frame)} rows{shown}")


def _cut(quote: str) -> str:
    return quote if len(quote) <= QUOTE_WIDTH else quote[: QUOTE_WIDTH - 1] + "…"
