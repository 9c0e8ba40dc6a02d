"""Checks of a level's story cards and epilogue, and of their images (``bad-image``).

An image is a PNG or JPEG file in the level's own folder or a folder under it. The checker
reads its header and, for a PNG, every chunk, so that a file the game could not show (missing,
outside the folder, another format, huge, cut short) is reported with its line, before a class
sees a blank card. The game itself still shows the card without its picture if the image cannot
be drawn after all.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path, PurePosixPath
from typing import Any

from game.content.check_strategy_campaign import _items, _unique
from game.content.problems import Problem
from game.content.yamlsrc import Document, YamlPath

#: Image files the game draws (pygame reads both).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
#: The largest image file and picture a level may use: a card shows it a few hundred pixels wide.
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_SIDE = 4000
MIN_IMAGE_SIDE = 16
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: JPEG frame markers libjpeg decodes: baseline, extended and progressive Huffman coding.
_JPEG_READABLE = (0xC0, 0xC1, 0xC2)
_JPEG_OTHER_FRAMES = (0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF)
_RESAVE = "open it in an image editor and save it again as an ordinary PNG or JPEG"


def story_checks(doc: Document, turns: int | None) -> list[Problem]:
    """Story cards' turns and ids, and every image of the cards and the epilogue."""
    data = doc.data
    out: list[Problem] = []
    ids: dict[str, YamlPath] = {}
    for i, card in _items(data.get("stories")):
        path: YamlPath = ("stories", i)
        _unique(doc, out, ids, card.get("id"), (*path, "id"), "story")
        turn = card.get("turn")
        if isinstance(turn, int) and turns is not None and turn > turns:
            out.append(doc.problem((*path, "turn"), f"turn {turn} is after the level's last "
                                   f"turn ({turns}), so this story is never told",
                                   f"choose a turn from 1 to {turns}", "turn-outside-level"))
        if turn is not None and card.get("outcome") is not None:
            out.append(doc.problem((*path, "outcome"), "a story has a `turn` or an `outcome`, "
                                   "not both", "keep `turn` to tell it in that turn, or "
                                   "`outcome` to tell it when that happens", "event-timing"))
        out += image_checks(doc, (*path, "image"), card.get("image"))
    epilogue = data.get("epilogue")
    if isinstance(epilogue, dict):
        out += image_checks(doc, ("epilogue", "image"), epilogue.get("image"))
    if data.get("built_in_stories") is False and not _items(data.get("stories")):
        out.append(doc.problem(("built_in_stories",), "`built_in_stories: false` and no "
                               "`stories:`, so no turn report tells a story",
                               "add story cards under `stories:`, or remove this line",
                               "missing-field", severity="warning"))
    return out


def story_text_paths(data: dict[str, Any]) -> list[YamlPath]:
    """Story cards', the epilogue's and news articles' texts, for the translation warnings.

    Sources are left out: like the titles of a level's sources, they name publications in
    their own language.
    """
    out: list[YamlPath] = []
    for i, card in _items(data.get("stories")):
        out += [("stories", i, key) for key in ("title", "text") if key in card]
    epilogue = data.get("epilogue")
    if isinstance(epilogue, dict):
        out += [("epilogue", key) for key in ("title", "text") if key in epilogue]
    out += [("events", i, "body") for i, e in _items(data.get("events")) if "body" in e]
    return out


def image_path(folder: Path, name: str) -> Path | None:
    """The image ``name`` inside ``folder``, or None when the name leaves the folder."""
    if _escapes(name):
        return None
    root = folder.resolve()
    full = (root / name).resolve()
    return full if full.is_relative_to(root) else None


def _escapes(name: str) -> bool:
    """A name that is absolute, has a drive, or climbs out with ``..``."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return True
    return ".." in PurePosixPath(name.replace("\\", "/")).parts


def image_checks(doc: Document, path: YamlPath, name: Any) -> list[Problem]:
    """Problems with one image: where it is, what it is, whether it can be drawn."""
    if not isinstance(name, str) or not name.strip():
        return []  # the model reports a value that is not a file name
    if _escapes(name):
        return [doc.problem(path, f"`{name}` is outside the level's folder",
                            "put the image in the level's folder (or a folder under it) and "
                            "write its name, e.g. `images/camp.jpg`", "bad-image")]
    if "\\" in name:
        return [doc.problem(path, f"`{name}` uses `\\` between folders",
                            f"write `{name.replace(chr(92), '/')}`: `/` works everywhere",
                            "bad-image")]
    if not name.lower().endswith(IMAGE_SUFFIXES):
        return [doc.problem(path, f"`{name}` is not a PNG or JPEG file",
                            "use a .png, .jpg or .jpeg image", "bad-image")]
    if doc.folder is None:
        return []  # a level read from text (a saved game): its folder is not known
    full = image_path(doc.folder, name)
    if full is None:
        return [doc.problem(path, f"`{name}` leads outside the level's folder",
                            "copy the image into the level's folder", "bad-image")]
    problem = image_problem(full)
    if problem is None:
        return []
    message, hint = problem
    return [doc.problem(path, f"`{name}`: {message}", hint, "bad-image")]


def image_problem(file: Path) -> tuple[str, str] | None:
    """(message, hint) when ``file`` is not an image the game can draw, else None."""
    try:
        if not file.is_file():
            return ("no such file in the level's folder",
                    "check the name's spelling and capitals, and that the image is beside "
                    "the level")
        size = file.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return (f"the file is {size / 1024 / 1024:.1f} MB; an image may have at most "
                    f"{MAX_IMAGE_BYTES // 1024 // 1024} MB",
                    "save it smaller, e.g. 1200 pixels wide as a JPEG")
        data = file.read_bytes()
    except OSError as error:
        return (f"cannot read the file ({error.strerror or error})",
                "check that you may read it")
    if data.startswith(_PNG_SIGNATURE):
        found = _png_size(data)
    elif data.startswith(b"\xff\xd8"):
        found = _jpeg_size(data)
    else:
        return ("the file is not a PNG or JPEG image, whatever its name says", _RESAVE)
    if isinstance(found, str):
        return found, _RESAVE
    width, height = found
    if max(width, height) > MAX_IMAGE_SIDE:
        return (f"the picture is {width}×{height} pixels; at most {MAX_IMAGE_SIDE} on a side",
                "scale it down: a card shows it a few hundred pixels wide")
    if min(width, height) < MIN_IMAGE_SIDE:
        return (f"the picture is only {width}×{height} pixels",
                f"use an image at least {MIN_IMAGE_SIDE} pixels on each side")
    return None


def _png_size(data: bytes) -> tuple[int, int] | str:
    """A PNG's size after reading every chunk (CRCs, image data); or what is wrong."""
    pos, size, pixels, inflated = len(_PNG_SIGNATURE), None, zlib.decompressobj(), 0
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        crc = data[pos + 8 + length:pos + 12 + length]
        if len(chunk) < length or len(crc) < 4:
            return "the file is cut short"
        if zlib.crc32(kind + chunk) != struct.unpack(">I", crc)[0]:
            return "the file is damaged (a checksum does not match)"
        if kind == b"IHDR" and length >= 8:
            size = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            inflated = _inflate(pixels, chunk, inflated)
            if inflated < 0:
                return "the picture data is damaged"
        elif kind == b"IEND":
            return size if size is not None else "the file has no header"
        pos += 12 + length
    return "the file is cut short"


def _inflate(pixels: Any, chunk: bytes, done: int) -> int:
    """Unpack one chunk of picture data, 1 MB at a time; bytes so far, or -1 when damaged.

    More than the largest allowed picture could hold (16-bit RGBA) counts as damaged: a file
    that unpacks without end is not a picture.
    """
    limit = MAX_IMAGE_SIDE * (MAX_IMAGE_SIDE * 8 + 1)
    try:
        while chunk:
            done += len(pixels.decompress(chunk, 1 << 20))
            chunk = pixels.unconsumed_tail
            if done > limit:
                return -1
    except zlib.error:
        return -1
    return done


def _jpeg_size(data: bytes) -> tuple[int, int] | str:
    """A JPEG's size from its frame header; or what is wrong."""
    if not data.rstrip(b"\x00\r\n ").endswith(b"\xff\xd9"):
        return "the file is cut short"
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return "the file is damaged"
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        if marker in _JPEG_READABLE and length >= 7:
            height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
            return width, height
        if marker in _JPEG_OTHER_FRAMES:
            return "the JPEG uses a kind of coding the game cannot read"
        if marker == 0xDA:
            break
        pos += 2 + length
    return "the file has no picture header"
