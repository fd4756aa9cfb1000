"""The README inside the release zip: what each file is and how to open the tables."""

from __future__ import annotations

_TEMPLATE = """\
# usiraq data, version {version}

Evidence-linked tables on the 2024 talks between the United States and Iraq on
the future of US troops in Iraq: claims, force figures, events and actors,
coded by hand from news articles. Every coded row carries the article's exact
words (`quote`) and their offsets in the article text (`char_start`,
`char_end`, in Unicode code points), and the `sources` table holds each
article's full text, so every row can be checked against its evidence.

## What is here

- `csv/<table>.csv`: each table as UTF-8 CSV (header row, comma, LF line ends;
  an empty cell is a missing value).
- `parquet/<table>.parquet`: the same tables as Parquet, with their types.
- `datapackage.json`: the Frictionless Data Package: every table's columns,
  types, allowed values, primary and foreign keys, and each file's sha256.
- `usiraq.sqlite`: the same tables as one SQLite database, with primary and foreign
  keys and full-text search over quotes, claim contents, event summaries and article texts.
- `croissant.json`: the same tables described as Croissant (ML Commons) metadata.
- `usiraq.xlsx`: every table as a sheet of one spreadsheet, typed (text stays
  text, dates are dates, true/false are booleans), with a README sheet and a
  codebook sheet.
- `examples/usiraq.R`: reads the tables into R with their types and checks
  every quote against its article (base R and jsonlite).
- `docs/CODEBOOK.md`: what every table, column and value means.
- `docs/CODING.md`: the rules the articles were coded by.
- `docs/DATASHEET.md`: the datasheet: why and how the data were made, and their limits.
- `CHANGELOG.md`: what changed in the data, version by version.
- `CITATION.cff`: how to cite the data.
- `LICENSE-DATA`: the licence of the data (CC BY 4.0) and what it does not cover.
- `LICENSE`: the licence of the software (MIT).

## Opening the tables

Python (pandas):

```python
import pandas as pd
claims = pd.read_parquet("parquet/claims.parquet")   # or pd.read_csv("csv/claims.csv")
```

Python, with the usiraq package installed, typed and offline. usiraq is not
on a package index: install the wheel published beside this zip
(`usiraq-{version}-py3-none-any.whl`), or a source checkout of usiraq:

```sh
pip install usiraq-{version}-py3-none-any.whl   # the wheel of this release
pip install .                               # or: in a source checkout of usiraq
```

```python
import usiraq
claims = usiraq.load("claims")
```

R (base R and jsonlite; dates, booleans and integers typed from datapackage.json,
every quote checked against its article):

```sh
Rscript examples/usiraq.R .
```

```r
source("examples/usiraq.R")          # defines read_usiraq() and check_spans()
tables <- read_usiraq(".")
claims <- tables$claims
```

DuckDB:

```sql
SELECT modality, count(*) FROM 'parquet/claims.parquet' GROUP BY modality;
```

SQLite (full-text search in `<table>_fts`):

```sql
SELECT claim_id, quote FROM claims WHERE rowid IN
  (SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'withdrawal');
```

A spreadsheet program opens `usiraq.xlsx` as it is. Opening a CSV file
directly instead loses types and characters: choose UTF-8 on import, and set
every text column (such as `number_text`, where "2,500" is text) to Text.

## Licence and citation

The coding and the tables are licensed CC BY 4.0; the article texts (the
`sources` table and the quotes) remain their publishers' and are included only
to check the evidence. See LICENSE-DATA. Cite as (CITATION.cff has the
details):

> {citation}

## Files

{files}
"""


def render_readme(version: str, members: list[str], citation: str) -> str:
    """The README for release ``version`` listing ``members`` (paths inside the zip folder)."""
    files = "\n".join(f"- `{name}`" for name in members)
    return _TEMPLATE.format(version=version, files=files, citation=citation)
