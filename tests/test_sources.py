"""sources: discovery order, hidden files, and unreadable files as rejections."""

from __future__ import annotations

import os

import pytest

from vnrok_etl.identity import content_sha256
from vnrok_etl.records import RawDocument, Rejection
from vnrok_etl.sources import SourceError, discover_paths, read_document


def test_folders_are_walked_in_order_skipping_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "a.html").write_text("<html></html>")
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("no")
    found = discover_paths([tmp_path, tmp_path / "a.html"])
    assert found == [str(tmp_path / "a.html"), str(tmp_path / "b" / "2.txt")]


def test_a_missing_path_is_an_error_naming_it(tmp_path):
    with pytest.raises(SourceError, match="no such file or folder: .*missing.txt"):
        discover_paths([tmp_path / "missing.txt"])


def test_reading_gives_bytes_and_hash(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    assert read_document(str(path)) == RawDocument(str(path), b"hello", content_sha256(b"hello"))


def test_a_broken_link_and_an_unreadable_file_are_rejections(tmp_path):
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert discover_paths([tmp_path]) == [str(link)]
    rejection = read_document(str(link))
    assert isinstance(rejection, Rejection) and rejection.reason == "broken symbolic link"
    if os.geteuid() != 0:  # root reads everything
        locked = tmp_path / "locked.txt"
        locked.write_text("secret")
        locked.chmod(0)
        assert "unreadable" in read_document(str(locked)).reason
