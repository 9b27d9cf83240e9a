"""The web editor's local back end: what `decap-server` does for Decap CMS, in Python, so that
`python build.py serve` lets an editor try /admin/ on their own machine without an account.

Decap posts {"action": ..., "params": ...} to /api/v1 and reads and writes files of the
project through it. Only practice files (content/fi, content/sv) and images (static/images)
can be read or written; every path is checked before it is opened.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path, PurePosixPath
from typing import Any

from .web_editor import MEDIA_FOLDER

ENTRY_FOLDERS = ("content/fi", "content/sv")
MEDIA_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".pdf"}


class RefusedPath(ValueError):
    """A path outside what the web editor may touch."""


def _checked(root: Path, path: str, folders: tuple[str, ...], suffixes: set[str]) -> Path:
    relative = PurePosixPath(path)
    parent = relative.parent.as_posix()
    if relative.is_absolute() or ".." in relative.parts or parent not in folders:
        raise RefusedPath(f"{path}: the web editor may only use files in {', '.join(folders)}")
    if relative.suffix.lower() not in suffixes or relative.name.startswith("."):
        raise RefusedPath(f"{path}: not a file the web editor may use")
    target = root / relative
    if target.is_symlink():
        raise RefusedPath(f"{path}: a link to another file")
    return target


def _entry_path(root: Path, path: str) -> Path:
    return _checked(root, path, ENTRY_FOLDERS, {".md"})


def _media_path(root: Path, path: str) -> Path:
    return _checked(root, path, (MEDIA_FOLDER,), MEDIA_SUFFIXES)


def _entry(root: Path, path: str, label: str | None = None) -> dict[str, Any]:
    """A practice file; any other path reads as no file (Decap asks, to avoid overwriting)."""
    try:
        target = _entry_path(root, path)
    except RefusedPath:
        target = None
    if target is None or not target.is_file():
        return {"data": None, "file": {"path": path, "label": label, "id": None}}
    raw = target.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    return {"data": raw.decode("utf-8"), "file": {"path": path, "label": label, "id": sha}}


def _media(root: Path, path: str) -> dict[str, Any]:
    raw = _media_path(root, path).read_bytes()
    return {
        "id": hashlib.sha256(raw).hexdigest(),
        "content": base64.b64encode(raw).decode("ascii"),
        "encoding": "base64",
        "path": path,
        "name": PurePosixPath(path).name,
    }


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.saving")
    temporary.write_bytes(data)
    temporary.replace(target)  # the build never reads half a file


def _listing(root: Path, folder: str, suffix: str) -> list[str]:
    """Files in a folder the editor may list; "content" lists both languages' folders."""
    if folder == "content":
        return [path for sub in ENTRY_FOLDERS for path in _listing(root, sub, suffix)]
    if folder not in (*ENTRY_FOLDERS, MEDIA_FOLDER):
        raise RefusedPath(
            f"{folder}: the web editor may only list {', '.join(ENTRY_FOLDERS)}, {MEDIA_FOLDER}"
        )
    found = sorted((root / folder).iterdir()) if (root / folder).is_dir() else []  # the suffix is no pattern
    return [
        f"{folder}/{file.name}"
        for file in found
        if file.is_file() and file.name.endswith(suffix) and not file.name.startswith(".")
    ]


def _persist_entry(root: Path, params: dict[str, Any]) -> dict[str, Any]:
    files = params.get("dataFiles") or [params["entry"]]
    checked = [(_entry_path(root, f["path"]), str(f["raw"])) for f in files]
    assets = [
        (_media_path(root, a["path"]), base64.b64decode(a["content"])) for a in params.get("assets", [])
    ]
    for target, raw in checked:
        _write(target, raw.encode("utf-8"))
    for target, data in assets:
        _write(target, data)
    return {"message": "entry persisted"}


def _persist_media(root: Path, params: dict[str, Any]) -> dict[str, Any]:
    asset = params["asset"]
    _write(_media_path(root, asset["path"]), base64.b64decode(asset["content"]))
    return _media(root, asset["path"])


def _delete(root: Path, paths: list[str]) -> dict[str, Any]:
    targets = [_media_path(root, path) for path in paths]  # practices are withdrawn, not deleted
    for target in targets:
        target.unlink(missing_ok=True)
    return {"message": f"deleted {', '.join(paths)}"}


def handle(root: Path, request: dict[str, Any]) -> tuple[int, Any]:
    """Answer one request of Decap's proxy protocol: (HTTP status, JSON body)."""
    action = request.get("action")
    params: dict[str, Any] = request.get("params") or {}
    try:
        if action == "info":
            return 200, {"repo": root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            paths = _listing(root, str(params["folder"]).strip("/"), str(params.get("extension", "md")))
            return 200, [_entry(root, path) for path in paths]
        if action == "entriesByFiles":
            return 200, [_entry(root, f["path"], f.get("label")) for f in params["files"]]
        if action == "getEntry":
            return 200, _entry(root, params["path"])
        if action == "persistEntry":
            return 200, _persist_entry(root, params)
        if action == "getMedia":
            return 200, [_media(root, path) for path in _listing(root, MEDIA_FOLDER, "")]
        if action == "getMediaFile":
            return 200, _media(root, params["path"])
        if action == "persistMedia":
            return 200, _persist_media(root, params)
        if action == "deleteFile":
            return 200, _delete(root, [params["path"]])
        if action == "deleteFiles":
            return 200, _delete(root, list(params["paths"]))
        if action == "getDeployPreview":
            return 200, None
    except RefusedPath as refused:
        return 403, {"error": str(refused)}
    except OSError as error:  # a name too long for the file system, a full disk
        return 500, {"error": f"{action}: the file could not be read or written ({error.strerror})"}
    except (
        KeyError,
        TypeError,
        ValueError,
        UnicodeDecodeError,
        AttributeError,
    ) as error:  # a value of another shape
        return 422, {"error": f"{action}: unusable request ({error})"}
    return 422, {"error": f"unknown action {action!r}"}
