"""Every path under `content/`, sorted into what the contract knows and what it refuses.

Nothing under `content/` reaches the site unless it is one of: a register, an
entry (a `.md` file directly in an entry folder), a page of the partnership's
(a `.md` file at the top or in a folder of its own), or an attachment (a file
directly in `attachments/`, checked later by its content). Everything else, a
symbolic link above all, is reported by name and never read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..contract.problems import Problem
from ..contract.schema import (
    ATTACHMENT_TYPES,
    ATTACHMENTS_FOLDER,
    COLLECTIONS,
    GENERATED_FOLDERS,
    PRACTITIONERS,
    SCHOOLS_FILE,
    THEMES_FILE,
)

# Folders of pages may nest this deep below content/; a deeper tree is a mistake.
MAX_FOLDER_DEPTH = 3
# Git keeps no empty folder; this placeholder may sit anywhere.
PLACEHOLDERS = frozenset({".gitkeep"})
_PAGE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")


@dataclass(frozen=True)
class ContentFile:
    """A file the contract knows: where it is, how problems name it, and its id or path."""

    path: str
    shown: str
    name: str


@dataclass
class Inventory:
    """What `content/` holds, by the role each file plays."""

    registers: dict[str, ContentFile] = field(default_factory=dict)
    entries: dict[str, list[ContentFile]] = field(default_factory=dict)
    pages: list[ContentFile] = field(default_factory=list)
    attachments: list[ContentFile] = field(default_factory=list)
    # Files refused inside practitioners/ (in a folder there, or misnamed): not entries,
    # but they may name a person, whom the site then withholds.
    refused_people: list[ContentFile] = field(default_factory=list)


# The folder of the people the site lists, and how many refused files in it are read for names.
PEOPLE_FOLDER = PRACTITIONERS.folder
MAX_REFUSED_FILES = 200


def take_inventory(root: str, show: Callable[[str], str], problems: list[Problem]) -> Inventory:
    """Sort every path under `root`; a problem for each that the contract does not know."""
    inventory = Inventory(entries={c.name: [] for c in COLLECTIONS})
    folders = {c.folder: c.name for c in COLLECTIONS}

    def refuse(path: str, why: str) -> None:
        problems.append(Problem(show(path), 1, "", why))

    for item in _listing(root, refuse):
        path = os.path.join(root, item.name)
        if item.is_dir(follow_symlinks=False):
            if item.name in folders:
                refused = inventory.refused_people if item.name == PEOPLE_FOLDER else []
                inventory.entries[folders[item.name]] = _entry_files(path, show, refuse, refused)
            elif item.name == ATTACHMENTS_FOLDER:
                inventory.attachments = _attachment_files(path, show, refuse)
            elif item.name in GENERATED_FOLDERS:
                refuse(path, f"'{item.name}/' is a folder the site writes itself: rename it")
            else:
                inventory.pages += _page_files(path, item.name, 1, show, refuse)
        elif item.name in (THEMES_FILE, SCHOOLS_FILE):
            inventory.registers[item.name] = ContentFile(path, show(path), item.name)
        elif item.name.endswith(".md") and item.name[:-3] in (*folders, *GENERATED_FOLDERS):
            refuse(path, f"'{item.name}' has the name of a section the site makes: rename it")
        elif _PAGE_NAME.match(item.name):
            inventory.pages.append(ContentFile(path, show(path), item.name))
        else:
            refuse(path, _unknown_file(item.name, "at the top of content/"))
    return inventory


def _listing(folder: str, refuse: Callable[[str, str], None]) -> list[os.DirEntry[str]]:
    """The folder's entries by name, less placeholders; symbolic links refused."""
    try:
        with os.scandir(folder) as scan:
            items = sorted(scan, key=lambda item: item.name)
    except OSError as error:
        refuse(folder, f"cannot be read: {error.strerror}")
        return []
    kept = []
    for item in items:
        if item.name in PLACEHOLDERS:
            continue
        if item.is_symlink():
            refuse(
                item.path,
                "is a symbolic link: the site never follows one; "
                "put the file itself here, or remove the link",
            )
        elif not item.is_dir(follow_symlinks=False) and not item.is_file(follow_symlinks=False):
            refuse(item.path, "is not a file or a folder: remove it")
        else:
            kept.append(item)
    return kept


def _entry_files(
    folder: str,
    show: Callable[[str], str],
    refuse: Callable[[str, str], None],
    refused: list[ContentFile],
) -> list[ContentFile]:
    """The entries of a collection's folder; every other file refused, and kept in `refused`."""
    name = os.path.basename(folder)
    files = []
    for item in _listing(folder, refuse):
        if item.is_dir(follow_symlinks=False):
            refuse(
                item.path,
                f"is a folder inside {name}/: each entry is one .md file directly in {name}/; "
                "move its files up, or out of content/",
            )
            refused += _files_below(item.path, show)
        elif item.name.endswith(".md"):
            files.append(ContentFile(item.path, show(item.path), item.name[:-3]))
        else:
            refuse(item.path, _unknown_file(item.name, f"in {name}/"))
            refused.append(ContentFile(item.path, show(item.path), item.name))
    return files


def _files_below(folder: str, show: Callable[[str], str]) -> list[ContentFile]:
    """The plain files under `folder`, at most `MAX_REFUSED_FILES` and never through a link."""
    found: list[ContentFile] = []
    for at, folders, names in os.walk(folder, followlinks=False):
        folders.sort()
        for name in sorted(names):
            path = os.path.join(at, name)
            if len(found) >= MAX_REFUSED_FILES:
                return found
            if os.path.isfile(path) and not os.path.islink(path):
                found.append(ContentFile(path, show(path), name))
    return found


def _attachment_files(
    folder: str, show: Callable[[str], str], refuse: Callable[[str, str], None]
) -> list[ContentFile]:
    files = []
    for item in _listing(folder, refuse):
        extension = item.name.rpartition(".")[2].lower()
        if item.is_dir(follow_symlinks=False):
            refuse(item.path, f"is a folder inside {ATTACHMENTS_FOLDER}/: put files directly in it")
        elif extension not in ATTACHMENT_TYPES or not _PAGE_NAME.match(
            item.name.rpartition(".")[0] + ".md"
        ):
            refuse(
                item.path,
                f"is not an attachment the site publishes: name it in lower-case letters, "
                f"digits and hyphens ending .{', .'.join(ATTACHMENT_TYPES)}",
            )
        else:
            files.append(ContentFile(item.path, show(item.path), item.name))
    return files


def _page_files(
    folder: str,
    relative: str,
    depth: int,
    show: Callable[[str], str],
    refuse: Callable[[str, str], None],
) -> list[ContentFile]:
    """Pages of the partnership's in a folder of their own, and in its subfolders."""
    if depth > MAX_FOLDER_DEPTH or not _PAGE_NAME.match(os.path.basename(folder) + ".md"):
        refuse(
            folder,
            f"is not a folder the site publishes: folders of pages are at most "
            f"{MAX_FOLDER_DEPTH} deep, named in lower-case letters, digits and hyphens",
        )
        return []
    pages = []
    for item in _listing(folder, refuse):
        path = os.path.join(folder, item.name)
        if item.is_dir(follow_symlinks=False):
            pages += _page_files(path, f"{relative}/{item.name}", depth + 1, show, refuse)
        elif _PAGE_NAME.match(item.name):
            pages.append(ContentFile(path, show(path), f"{relative}/{item.name}"))
        else:
            refuse(path, _unknown_file(item.name, f"in {relative}/"))
    return pages


def _unknown_file(name: str, where: str) -> str:
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension in ATTACHMENT_TYPES:
        return (
            f"'{name}' is not published from {where.removeprefix('in ')}: "
            f"put images and documents in content/{ATTACHMENTS_FOLDER}/ and link to them"
        )
    if extension == "md":
        return f"'{name}' is not a valid page name: use lower-case letters, digits and hyphens"
    return (
        f"'{name}' is not a kind of file the site publishes {where}: remove it "
        f"(pages are .md files; images and PDFs go in content/{ATTACHMENTS_FOLDER}/)"
    )
