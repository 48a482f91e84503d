"""CSV bytes to a grid of strings: the encoding, the delimiter, and the fields of every record.

pandas' parser is the reference. A big text (ARROW_MIN_CHARS and more) without quote marks is split by Arrow's
multithreaded parser instead, which gives the same cells when every record is as wide as the first and refuses the
rest (a short or long record), which pandas then reads or explains exactly as it always has. Texts with quote marks
stay with pandas: Arrow silently closes a quote left open at the end, where pandas reports it.
"""

from __future__ import annotations

import csv
import io
import itertools
import re

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_SAMPLE_CHARS = 65536
DELIMITER_SAMPLE_RECORDS = 20
BOM = "\ufeff"
UTF8_BOM = b"\xef\xbb\xbf"
ARROW_MIN_CHARS = 1 << 20  # below this pandas alone is quick enough
TEXT = pa.large_string()
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # invisible characters no text file holds
BINARY_SHARE = 0.05  # more control characters than this in the sample: binary data, not text with a stray one
NON_ASCII_LINE = re.compile(rb"[^\n]*[\x80-\xff][^\n]*")
UTF8_LETTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode(data: bytes) -> tuple[str, str] | None:
    """Text and encoding of CSV bytes: UTF-16 when it has a BOM, else UTF-8 (BOM optional), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        attempts = (("utf-16", data),)
    else:
        plain = data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data
        attempts = (("utf-8", plain), ("cp1252", plain))
    for encoding, payload in attempts:
        try:
            return payload.decode(encoding).lstrip(BOM), encoding
        except UnicodeDecodeError:
            continue
    return None


def looks_binary(text: str) -> bool:
    """Whether decoded text is binary data (an .xlsx renamed .csv, UTF-16 without its BOM) rather than a table."""
    sample = text[:DELIMITER_SAMPLE_CHARS]
    return len(CONTROL.findall(sample)) > BINARY_SHARE * len(sample)


def mixed_lines(data: bytes) -> tuple[list[int], list[int]]:
    """Line numbers (from 1) of bytes that are no UTF-8 as a whole: the lines holding UTF-8 beyond ASCII, and the
    lines that are no UTF-8 (Windows-1252); a line that is no UTF-8 but holds a UTF-8 letter (é as C3 A9) is in
    both. Both non-empty: two encodings in one file, which no single one reads."""
    utf8: list[int] = []
    other: list[int] = []
    line, position = 1, 0
    for match in NON_ASCII_LINE.finditer(data):
        line += data.count(b"\n", position, match.start())
        position = match.start()
        try:
            match.group().decode("utf-8")
        except UnicodeDecodeError:
            other.append(line)
            if UTF8_LETTER.search(match.group()):
                utf8.append(line)
        else:
            utf8.append(line)
    return utf8, other


def detect_delimiter(text: str) -> str:
    """The delimiter splitting the header into most fields; ties go to the most consistent one."""
    sample = text[:DELIMITER_SAMPLE_CHARS]
    return max(DELIMITERS, key=lambda delimiter: _delimiter_score(sample, delimiter))


def _delimiter_score(sample: str, delimiter: str) -> tuple[int, int, int]:
    """(header field count, sample records with that count, preference) for one delimiter."""
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    try:
        records = [r for r in itertools.islice(reader, DELIMITER_SAMPLE_RECORDS) if r]
    except csv.Error:
        return (0, 0, 0)
    width = len(records[0]) if records else 0
    consistent = sum(len(record) == width for record in records[1:])
    return (width, consistent, -DELIMITERS.index(delimiter))


def split(body: str, delimiter: str) -> pd.DataFrame:
    """The fields of every record as strings (row 0 = the first line); raises pandas' ParserError if malformed."""
    grid = _arrow_split(body, delimiter) if len(body) >= ARROW_MIN_CHARS and '"' not in body else None
    if grid is not None:
        return grid
    return pd.read_csv(
        io.StringIO(body), sep=delimiter, header=None, dtype=str, keep_default_na=False, skip_blank_lines=False
    )


def _arrow_split(body: str, delimiter: str) -> pd.DataFrame | None:
    """Arrow's split of a CSV without quote marks whose records are all as wide as the first; else None."""
    try:
        width = len(next(csv.reader(io.StringIO(body[:DELIMITER_SAMPLE_CHARS]), delimiter=delimiter)))
    except (csv.Error, StopIteration):
        return None
    names = [str(position) for position in range(width)]
    try:
        table = pacsv.read_csv(
            io.BytesIO(body.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, TEXT), null_values=[], strings_can_be_null=False
            ),
        )
    except pa.ArrowInvalid:
        return None  # pandas reads it, or raises the error that names the row
    grid = table.to_pandas(types_mapper={TEXT: pd.StringDtype("pyarrow")}.get)
    return grid.set_axis(range(width), axis=1)
