"""``usiraq coverage``: what the coding of each article still leaves open, as a work list."""

from __future__ import annotations

from pathlib import Path

import click

from usiraq.cli.options import dataset_root_option


@click.command("coverage")
@click.argument("source_id", required=False)
@dataset_root_option
def command(source_id: str | None, root: Path) -> None:
    """Audit the coding of every article (or of SOURCE_ID).

    Per article: the share of sentences with at least one claim, then a work
    list (file:line: what) of numbers neither coded nor listed uncoded,
    capitalised names neither actors nor reviewed non-actors, and date
    phrases without an event mention. Exit 0 once printed; 1 if the dataset
    does not build; 2 for an unknown SOURCE_ID or a --root that is not a dataset folder.
    """
    from usiraq.builders.errors import BuildError, RefusedError
    from usiraq.builders.outdir import check_dataset_root
    from usiraq.draft.coverage import audit
    from usiraq.draft.text import MissingSpacy

    try:
        from usiraq.builders.inputs import SOURCES_FILE, load
        from usiraq.schema.inputs import SourcesFile

        check_dataset_root(root)
        known = [entry.source_id for entry in load(root / SOURCES_FILE, SourcesFile).model.sources]
        if source_id is not None and source_id not in known:
            raise click.UsageError(f"unknown source id {source_id!r}; the articles are: {', '.join(known)}")
        results = audit(root, [source_id] if source_id else None)
    except (MissingSpacy, RefusedError) as error:
        raise click.UsageError(str(error)) from None
    except BuildError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo("coverage needs a dataset that builds; fix the problems above", err=True)
        raise click.exceptions.Exit(1) from None
    for result in results:
        click.echo(result.summary())
        for line in result.work_list():
            click.echo(f"  {line}")
