"""Figures of the release: a timeline of the events and the force figures by article.

matplotlib is an optional extra (``pip install usiraq[plot]``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PRECISION_COLOURS = {
    "day": "#1b6ca8",
    "week": "#3f9b8c",
    "month": "#e0a33a",
    "season": "#c8553d",
    "year": "#7d5ba6",
}


def _use_matplotlib() -> None:
    """Make matplotlib draw without a display (Agg), or say which extra installs it."""
    try:
        import matplotlib
    except ImportError as error:
        raise ImportError("plots need matplotlib: pip install 'usiraq[plot]'") from error
    matplotlib.use("Agg")


def timeline(events: pd.DataFrame) -> Figure:
    """A timeline of the dated events.

    Each event is a bar from date_start to date_end (a dot for a single day),
    coloured by date precision and labelled with its number of reporting
    articles. Undated events are counted in the title.
    """
    import pandas as pd

    _use_matplotlib()
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    dated = events[events["date_start"].notna()].copy()
    dated["start"] = pd.to_datetime(dated["date_start"].astype("string"))
    dated["end"] = pd.to_datetime(dated["date_end"].astype("string")) + pd.Timedelta(days=1)
    dated = dated.sort_values(["start", "event_id"], ascending=[False, True]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(11, 0.38 * len(dated) + 1.6))
    for y, (_, row) in enumerate(dated.iterrows()):
        colour = PRECISION_COLOURS[str(row["date_precision"])]
        width = row["end"] - row["start"]
        ax.barh(y, width, left=row["start"], height=0.55, color=colour)
        ax.plot(row["start"] + width / 2, y, marker="o", color=colour, markersize=4)
        ax.text(row["end"], y, f"  {row['n_sources']} art.", va="center", fontsize=8)
    ax.set_yticks(range(len(dated)), [str(e) for e in dated["event_id"]], fontsize=8)
    handles = [Rectangle((0, 0), 1, 1, color=c) for c in PRECISION_COLOURS.values()]
    ax.legend(handles, list(PRECISION_COLOURS), title="date precision", loc="lower left", fontsize=8)
    undated = len(events) - len(dated)
    ax.set_title(f"usiraq events by date ({len(dated)} dated, {undated} undated not shown)")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig


def figures_by_article(force_figures: pd.DataFrame) -> Figure:
    """The force figures of every article side by side, one panel per count and place.

    Hollow markers are approximate figures; a triangle marks a lower bound.
    Each point is labelled with the number and its hedge as written.
    """
    _use_matplotlib()
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    frame = force_figures.astype({"quantity": "string", "location_country": "string"})
    frame = frame.assign(place=frame["location_country"].fillna("place unstated"))
    pairs = frame[["quantity", "place"]].dropna().drop_duplicates()
    groups = sorted(zip(pairs["quantity"].astype(str), pairs["place"].astype(str), strict=True))
    sources = sorted(frame["source_id"].unique())
    columns = 3
    rows = -(-len(groups) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(12, 3.8 * rows), squeeze=False)
    for ax, (quantity, place) in zip(axes.flat, groups, strict=False):
        panel = frame[(frame["quantity"] == quantity) & (frame["place"] == place)]
        _draw_panel(ax, panel, sources)
        ax.set_ylim(0, max(int(panel["value"].max()) * 1.8, 2))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(f"{quantity}, {place}", fontsize=9)
    for ax in list(axes.flat)[len(groups) :]:
        ax.set_visible(False)
    fig.suptitle("usiraq force figures by article (hollow: approximate; triangle: lower bound)", fontsize=10)
    fig.tight_layout()
    return fig


def _draw_panel(ax: Axes, panel: pd.DataFrame, sources: list[str]) -> None:
    """Plot one count's figures, one column per article, repeated figures side by side."""
    counts: dict[str, int] = {}
    for _, row in panel.sort_values("figure_id").iterrows():
        source = str(row["source_id"])
        x = sources.index(source) + 0.18 * counts.get(source, 0)
        counts[source] = counts.get(source, 0) + 1
        marker = "^" if not _isna(row["value_low"]) else "o"
        face = "none" if bool(row["approximate"]) else "#1b6ca8"
        ax.scatter(x, int(row["value"]), marker=marker, facecolors=face, edgecolors="#1b6ca8", s=60)
        qualifier = "" if _isna(row["qualifier"]) else f"{row['qualifier']} "
        ax.annotate(
            f"{qualifier}{row['number_text']}",
            (x, int(row["value"])),
            textcoords="offset points",
            xytext=(0, 7),
            rotation=75,
            fontsize=7,
        )
    ax.set_xticks(range(len(sources)), [s[:3] for s in sources])
    ax.set_xlim(-0.5, len(sources) - 0.2)
    ax.set_xlabel("article")
    ax.grid(axis="y", alpha=0.3)


def _isna(value: Any) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def image_formats() -> dict[str, str]:
    """The image formats matplotlib writes: suffix (without the dot) -> name, e.g. ``"png"``."""
    _use_matplotlib()
    from matplotlib.backend_bases import FigureCanvasBase

    return dict(FigureCanvasBase.get_supported_filetypes())


def check_output(path: Path) -> Path:
    """``path`` if a figure can be written there: a known image suffix, in a folder that exists.

    Raises:
        ValueError: naming the path and what is wrong, before anything is drawn.
        ImportError: without matplotlib.

    """
    formats = image_formats()
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in formats:
        problem = f"'.{suffix}' is not an image format" if suffix else "no suffix to name the image format"
        raise ValueError(f"{path}: {problem}; use one of {', '.join(sorted(formats))}")
    if not path.parent.is_dir():
        problem = "is not a folder" if path.parent.exists() else "does not exist"
        raise ValueError(f"{path}: {path.parent} {problem}")
    return path


def save(figure: Figure, path: Path) -> Path:
    """Write a figure as PNG (or the format of the suffix) without a timestamp or software tag."""
    metadata = {"Software": None} if path.suffix.lower() == ".png" else {}
    figure.savefig(path, dpi=110, metadata=metadata)
    return path
