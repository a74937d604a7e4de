"""rasid (راصد): places, armed groups, people and organisations in Arabic news text.

A gazetteer tagger whose every mention carries its exact offsets in the text as written. This
package is the Rust library itself, compiled; the ``rasid`` command line gives the same results.

>>> import rasid
>>> tagger = rasid.Tagger()
>>> [m["id"] for m in tagger.tag("اشتباكات بين داعش وقسد في البوكمال")]   # doctest: +SKIP
['group:isis', 'group:sdf', 'place:...']

``rasid.spark`` (with PySpark installed) tags DataFrames and counts over them.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from ._rasid import (
    CheckDiagnostic as Diagnostic,
    DocumentTooLargeError,
    GazetteerError,
    RasidError,
    TagIter,
    Tagger,
    __version__,
    check as _check,
)

__all__ = [
    "Diagnostic",
    "DocumentTooLargeError",
    "GazetteerError",
    "RasidError",
    "Tagger",
    "TagIter",
    "check",
    "count",
    "__version__",
]

# The tagger `count` builds when given none: compiling the defaults takes about a second, so it is
# built once per process.
_default_tagger: Optional[Tagger] = None


def _tagger_for(tagger: Optional[Tagger]) -> Tagger:
    global _default_tagger
    if tagger is not None:
        return tagger
    if _default_tagger is None:
        _default_tagger = Tagger()
    return _default_tagger


def _table(rows: list, columns: Sequence[str]) -> Any:
    """A pandas DataFrame of ``rows`` when pandas is installed, else the rows themselves."""
    try:
        import pandas
    except ImportError:
        return rows
    return pandas.DataFrame.from_records(rows, columns=list(columns))


COUNT_COLUMNS = ("id", "label", "name", "name_en", "mentions", "documents", "country", "lat", "lon")
GROUPED_COLUMNS = ("group",) + COUNT_COLUMNS
DOCUMENT_COLUMNS = ("doc_id", "id", "label", "mentions", "name")


def count(
    documents: Iterable[Union[str, Mapping[str, Any]]],
    *,
    tagger: Optional[Tagger] = None,
    group_by: Optional[str] = None,
    by_document: bool = False,
    text_field: str = "text",
    id_field: str = "id",
    labels: Optional[Sequence[str]] = None,
    countries: Optional[Sequence[str]] = None,
    min_mentions: int = 0,
    top: Optional[int] = None,
    threads: Optional[int] = None,
) -> Any:
    """Counts mentions and documents per entity, as ``rasid count`` does.

    Args:
        documents: texts, or dicts with a text field (JSON Lines records, say); a dict without
            the text field is skipped, as ``rasid count`` skips such a line.
        tagger: the tagger to use; by default one over the built-in gazetteers, built once.
        group_by: a field of the dicts to count per value of (``source``, say), or ``"month"``
            for the ``YYYY-MM`` of their ``date`` field (ISO, day-first or epoch dates, as
            ``rasid count --group-by month`` reads them); texts and dicts without it fall in
            group ``""``.
        by_document: one row per document and entity (``doc_id``, ``id``, ``label``,
            ``mentions``, ``name``) instead of totals; ``doc_id`` is the ``id_field``, else the
            position.
        text_field, id_field: the dicts' fields holding the text and the document id.
        labels, countries, min_mentions, top: ``rasid count``'s ``--label`` (any case),
            ``--country`` (ISO codes; places of other countries are left out), ``--min-mentions``
            and ``--top`` (per group).
        threads: threads to tag on, 1 to 256; every core when ``None``.

    Returns:
        A pandas DataFrame when pandas is installed, else a list of dicts. Totals have the
        columns of ``rasid count --format json`` (``id``, ``label``, ``name``, ``name_en``,
        ``mentions``, ``documents``, ``country``, ``lat``, ``lon``; ``group`` first when
        grouping), sorted by group, then mentions (most first), then id.

    Raises:
        TypeError: an item is neither a str nor a dict, or its text is not a str.
        ValueError: ``threads`` is out of range, or a label is unknown (the message lists the
            known ones).
    """
    result = _tagger_for(tagger).count(
        documents,
        group_by=group_by,
        by_document=by_document,
        text_field=text_field,
        id_field=id_field,
        labels=labels,
        countries=countries,
        min_mentions=min_mentions,
        top=top,
        threads=threads,
    )
    if by_document:
        return _table(result["by_document"], DOCUMENT_COLUMNS)
    columns = GROUPED_COLUMNS if group_by is not None else COUNT_COLUMNS
    return _table(result["entities"], columns)


def check(*paths: Union[str, os.PathLike[str]], defaults: bool = True) -> list[Diagnostic]:
    """Checks gazetteer files or directories, as ``rasid check`` does.

    Returns every finding of the given files as a :class:`Diagnostic` (``path``, ``line``,
    ``column``, ``level``, ``rule``, ``message``; ``str()`` gives the line ``rasid check`` prints).
    The files are judged together with the built-in gazetteers unless ``defaults=False``; with no
    paths the built-in gazetteers themselves are checked.

    Raises:
        RasidError: a file cannot be read.
    """
    return _check(*paths, defaults=defaults)
