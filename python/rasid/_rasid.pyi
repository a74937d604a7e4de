"""Type stubs of the compiled module ``rasid._rasid``."""

from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union
import os

__version__: str

Mention = dict[str, Any]

class RasidError(Exception):
    """An error of rasid, with the message the command line prints after ``rasid: ``."""

class GazetteerError(RasidError):
    """A gazetteer has errors: one ``path:line:col: error: message`` per line."""

class DocumentTooLargeError(RasidError):
    """A document larger than 64 MiB."""

class Tagger:
    """Tags Arabic text with the gazetteers' entities; build once, share between threads."""

    def __init__(
        self,
        gazetteers: Optional[Sequence[Union[str, os.PathLike[str]]]] = None,
        defaults: bool = True,
        person_grammar: bool = True,
        cache: bool = True,
    ) -> None: ...
    def tag(self, text: str, *, explain: bool = False) -> list[Mention]:
        """The mentions of ``text``, as the entities of ``rasid tag --format json``."""
    def tag_many(
        self,
        texts: Iterable[str],
        *,
        threads: Optional[int] = None,
        explain: bool = False,
        batch_size: int = 512,
    ) -> "TagIter":
        """Each text's mentions, in input order, tagged in parallel with the GIL released."""
    def count(
        self,
        documents: Iterable[Union[str, Mapping[str, Any]]],
        *,
        group_by: Optional[str] = None,
        by_document: bool = False,
        text_field: str = "text",
        id_field: str = "id",
        labels: Optional[Sequence[str]] = None,
        countries: Optional[Sequence[str]] = None,
        min_mentions: int = 0,
        top: Optional[int] = None,
        threads: Optional[int] = None,
        batch_size: int = 512,
    ) -> dict[str, Any]:
        """Totals as ``rasid count --format json`` gives them (``documents``, ``entities``, ...)."""
    @property
    def labels(self) -> list[str]: ...
    def __len__(self) -> int: ...

class TagIter(Iterator[list[Mention]]):
    def __iter__(self) -> "TagIter": ...
    def __next__(self) -> list[Mention]: ...

class CheckDiagnostic:
    """One finding of ``check``; ``str()`` is the line ``rasid check`` prints."""

    path: str
    line: int
    column: int
    level: str
    rule: Optional[str]
    message: str

def check(*paths: Union[str, os.PathLike[str]], defaults: bool = True) -> list[CheckDiagnostic]: ...
