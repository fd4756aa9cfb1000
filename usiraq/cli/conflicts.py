"""``usiraq conflicts``: every contradiction and difference between articles."""

from __future__ import annotations

import click


@click.command("conflicts")
@click.option(
    "--kind",
    type=click.Choice(["contradiction", "qualification", "attribution", "figure", "date"]),
    multiple=True,
    help="Only these kinds (repeatable). Default: all.",
)
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a readable list.")
def command(kind: tuple[str, ...], as_csv: bool) -> None:
    """List every contradiction and difference between articles, each side with its evidence."""
    from usiraq.compare import conflicts

    frame = conflicts()
    if kind:
        frame = frame[frame["kind"].isin(kind)]
    if as_csv:
        click.echo(frame.to_csv(index=False, lineterminator="\n"), nl=False)
        return
    for _, row in frame.iterrows():
        click.echo(f"[{row['kind']}] {row['subject']}: {row['description']}")
        for side in ("a", "b"):
            click.echo(
                f"  {row[f'source_id_{side}']} {row[f'row_id_{side}']} ({row[f'value_{side}']})"
                f' [{row[f"char_start_{side}"]}:{row[f"char_end_{side}"]}] "{row[f"quote_{side}"]}"'
            )
    click.echo(f"{len(frame)} conflicts")
