"""Bytes → text: find the encoding of a file saved from a Chinese government website.

Order of evidence: a byte-order mark; strict UTF-8; UTF-16 without a mark (recognised by what it
decodes to); then chardet, restricted to the encodings such files use. Trying codecs in turn
cannot work: Big5 bytes decode "successfully" as GB18030. chardet's confidence is low even when
it is right (0.04–0.9 on whole real reports), so its *family* is trusted and the strict decode is
the test; an HTML ``<meta charset>`` is only a second candidate.
Every decode is strict: a file is either read whole or rejected with the reason, except that an
incomplete character cut off at the very end is dropped.
"""

from __future__ import annotations

import codecs
import re

import chardet

from indexer.reading.errors import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# What a detected or declared name means, as the codecs to try (supersets first).
_FAMILIES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn"), ("gb18030",)),
    **dict.fromkeys(("big5", "big5hkscs", "big5-hkscs", "cp950", "x-big5"), ("cp950", "big5hkscs")),
    **dict.fromkeys(("utf-8", "utf8"), ("utf-8",)),
}
# chardet may only answer with these: Chinese files, plus Windows-1252 as the "none of them" answer
# (restricting it avoids EUC-KR / Shift_JIS guesses on short GBK texts).
_DETECTABLE = ("utf-8", "gb18030", "big5hkscs", "windows-1252")

_LABELS = {
    "gb18030": "GB18030",
    "cp950": "Big5",
    "big5hkscs": "Big5-HKSCS",
    "utf-8": "UTF-8",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
    "utf-32-le": "UTF-32LE",
    "utf-32-be": "UTF-32BE",
}

_DECLARATION = re.compile(
    rb"<meta\b[^<>]*charset[^<>]*>|<\?xml\s[^<>]*encoding[^<>]*>", re.IGNORECASE
)
_DECLARED_NAME = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
_TEXT_CHARS = re.compile(
    "[\t\n\r\x20-\x7e\xa0-\u024f\u2000-\u22ff\u2460-\u25ff\u2e80-\u303f\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
_CHINESE_MARKS = frozenset("\n，。、；：")
_UTF8_EVIDENCE = 20  # non-ASCII characters read as UTF-8 before an error: a damaged UTF-8 file
_GB2312_SHARE = 0.5  # a fallback decode must look like Chinese, not Latin bytes read as rare hanzi


def decode(data: bytes) -> str:
    """Decode a file's bytes to text, or raise :class:`ReadError` saying why it cannot be read.

    >>> decode("政务公开".encode("gbk") * 20)[:4]
    '政务公开'
    """
    if not data:
        raise ReadError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict_decode(data[len(bom) :], codec)
    if b"\x00" not in data:
        text = _utf8_text(data)
        if text is not None:
            return text
    utf16 = _utf16_codec(data)
    if utf16:
        return _strict_decode(data, utf16)
    if b"\x00" in data:
        raise ReadError("binary file (NUL bytes)")
    return _decode_detected(data)


def _strict_decode(data: bytes, codec: str) -> str:
    """Decode strictly, dropping only an incomplete character at the very end (a cut file)."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        return decoder.decode(data, final=False)  # keeps a trailing partial sequence pending
    except UnicodeDecodeError as exc:
        raise _invalid(codec, exc) from exc


def _invalid(codec: str, exc: UnicodeDecodeError) -> ReadError:
    return ReadError(f"not valid {_LABELS.get(codec, codec)} text at byte {exc.start}")


def _utf8_text(data: bytes) -> str | None:
    """Strict UTF-8; None if the data is some other encoding, ReadError if it is damaged UTF-8.

    GBK or Big5 text never reads as UTF-8 for long; a UTF-8 file with damage in the middle does.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    try:
        return decoder.decode(data, final=False)
    except UnicodeDecodeError as exc:
        read = data[: exc.start].decode("utf-8")
        if sum(1 for char in read if ord(char) > 0x7F) >= _UTF8_EVIDENCE:
            raise _invalid("utf-8", exc) from exc
        return None


def _decode_detected(data: bytes) -> str:
    # chardet believes a declared charset outright; hide it to get the bytes' own evidence.
    undeclared = _DECLARATION.sub(lambda match: b" " * len(match.group()), data)
    guess = chardet.detect(undeclared, include_encodings=_DETECTABLE)
    if guess["encoding"] is None:
        mime = guess.get("mime_type") or ""
        if mime and not mime.startswith("text/"):
            raise ReadError(f"binary file ({mime})")
        raise ReadError("cannot detect the text encoding")
    detected = _FAMILIES.get(_normalise(guess["encoding"]), ())
    declared = _FAMILIES.get(_normalise(_declared_charset(data)), ())
    errors: list[ReadError] = []
    for codec in dict.fromkeys((*detected, *declared)):
        try:
            return _strict_decode(data, codec)
        except ReadError as exc:
            errors.append(exc)
    if not detected:  # chardet saw no Chinese encoding: a very short or a damaged file
        try:
            return _decode_fallback(data)
        except ReadError as exc:
            errors.append(exc)
    raise errors[0]  # the most likely encoding's reason


def _decode_fallback(data: bytes) -> str:
    """GB18030, the Chinese Windows default, if the text it gives looks Chinese, not Latin bytes
    paired into rare hanzi."""
    text = _strict_decode(data, "gb18030")
    hanzi = [char for char in text if "\u4e00" <= char <= "\u9fff"]
    common = sum(1 for char in hanzi if _in_gb2312(char))
    if not hanzi or common < _GB2312_SHARE * len(hanzi):
        raise ReadError("cannot detect the text encoding")
    return text


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _utf16_codec(data: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order under which the data reads as Chinese text, if any.

    NUL bytes alone cannot tell (ASCII gives NULs in one half, U+4E00 "一" in the other), but the
    wrong byte order or another encoding gives characters from all over Unicode, never mostly hanzi
    with line breaks and Chinese punctuation.
    """
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = _strict_decode(data, codec)
        except ReadError:
            continue
        if _looks_like_text(text):
            return codec
    return None


def _looks_like_text(text: str) -> bool:
    """Almost only ASCII, hanzi and punctuation, with line breaks or Chinese punctuation."""
    if not text or not _CHINESE_MARKS.intersection(text):
        return False
    return len(_TEXT_CHARS.findall(text)) >= 0.95 * len(text)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names, if any."""
    declaration = _DECLARATION.search(data[:4096])
    name = declaration and _DECLARED_NAME.search(declaration.group())
    return name.group(1).decode("ascii") if name else None


def _normalise(name: str | None) -> str:
    return (name or "").strip().lower().replace("_", "-")
