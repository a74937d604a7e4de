"""Type stubs of ``rasid``."""

from typing import Any, Iterable, Mapping, Optional, Sequence, Union
import os

from ._rasid import (
    CheckDiagnostic as Diagnostic,
    DocumentTooLargeError as DocumentTooLargeError,
    GazetteerError as GazetteerError,
    RasidError as RasidError,
    TagIter as TagIter,
    Tagger as Tagger,
    __version__ as __version__,
)

COUNT_COLUMNS: tuple[str, ...]
GROUPED_COLUMNS: tuple[str, ...]
DOCUMENT_COLUMNS: tuple[str, ...]

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
    """A pandas DataFrame when pandas is installed, else a list of dicts."""

def check(*paths: Union[str, os.PathLike[str]], defaults: bool = True) -> list[Diagnostic]: ...
