"""``usiraq draft``: draft the coding of a new article, every entry a suggestion to review."""

from __future__ import annotations

import json
from pathlib import Path

import click

from usiraq.cli.options import dataset_root_option, json_option, out_option


@click.command("draft")
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", required=True, help="The article's publication date: YYYY-MM-DD (or YYYY-MM, YYYY).")
@click.option("--source-id", default=None, help="The article's id. Default: its file name without '.txt'.")
@out_option(
    "Where to write the draft. Default: <root>/annotations/<source id>.yaml (not written with --json).", folder=False
)
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@json_option("Print the candidates as JSON on stdout.")
@dataset_root_option
def command(
    article: Path,
    published: str,
    source_id: str | None,
    out: Path | None,
    force: bool,
    as_json: bool,
    root: Path,
) -> None:
    """Draft ARTICLE (UTF-8 text): actors, figures, uncoded numbers, dates and attributed claims.

    Writes an annotation file whose every entry is marked `suggested: true`;
    the build refuses such entries until a coder reviews them and deletes the
    marker. With --json, prints {"source_id": ..., "candidates": [...]} and
    writes a file only if --out is given. Unusable input (not UTF-8, empty,
    binary, a bad --published, an existing --out): a message and exit 2,
    nothing written. The rules: docs/DRAFTING.md.
    """
    from usiraq.builders.errors import BuildError
    from usiraq.draft.actors import Registry
    from usiraq.draft.article import Article, draft_article
    from usiraq.draft.candidates import as_json as candidate_json
    from usiraq.draft.source import UnusableInput, check_out, parse_published, read_article, source_id_for
    from usiraq.draft.text import MissingSpacy
    from usiraq.draft.writer import OutputExistsError, render, write_atomically

    try:
        entry = parse_published(published)
        sid = source_id_for(article, source_id)
        text = read_article(article)
        target = out if out is not None else (None if as_json else root / "annotations" / f"{sid}.yaml")
        if target is not None:
            check_out(target, article, force=force)
        registry = Registry.load(root)
    except UnusableInput as error:
        raise click.UsageError(str(error)) from None
    except BuildError as error:
        raise click.UsageError(f"the registry cannot be read:\n{error}") from None
    try:
        draft = draft_article(Article(sid, text, entry), registry)
    except MissingSpacy as error:
        raise click.UsageError(str(error)) from None
    if target is not None:
        try:
            write_atomically(target, render(draft, article.name), force=force)
        except OutputExistsError:
            raise click.UsageError(f"{target}: exists; give --force to overwrite it, or another --out") from None
        except OSError as error:
            raise click.UsageError(f"{target}: cannot write the draft: {error.strerror or error}") from None
    if as_json:
        payload = {"source_id": sid, "candidates": [candidate_json(c) for c in draft.candidates]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        counts: dict[str, int] = {}
        for candidate in draft.candidates:
            counts[candidate.KIND] = counts.get(candidate.KIND, 0) + 1
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
        click.echo(f"wrote {target}: {summary}")
