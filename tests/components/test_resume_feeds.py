"""Resumed ``-O`` exports: which files are appended to, what they already hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.settings import Settings

from kcn_crawler.params import BadArgument
from kcn_crawler.resume_feeds import cut_torn_record, exported_ids, keep_earlier_exports


def job(tmp_path: Path, state: str) -> Path:
    jobdir = tmp_path / "job"
    jobdir.mkdir()
    (jobdir / "kcn_job.json").write_text(json.dumps({"id": "j1", "state": state, "pid": 1}))
    return jobdir


def settings_for(jobdir: Path, out: Path, fmt: str) -> Settings:
    settings = Settings()
    settings.set("JOBDIR", str(jobdir))
    settings.set("FEEDS", {str(out): {"format": fmt, "overwrite": True}}, priority="cmdline")
    return settings


def test_an_interrupted_job_appends_to_its_jsonl_and_csv(tmp_path: Path) -> None:
    jobdir = job(tmp_path, "interrupted")
    for name, fmt in (("out.jsonl", "jsonl"), ("out.csv", "csv")):
        out = tmp_path / name
        out.write_text('{"id": "a"}\n' if fmt == "jsonl" else "\ufeffid,url\r\na,u\r\n")
        settings = settings_for(jobdir, out, fmt)
        keep_earlier_exports(settings)
        assert settings.getdict("FEEDS")[str(out)]["overwrite"] is False
        assert exported_ids(settings) == {"a"}


def test_a_finished_job_or_no_earlier_file_overwrites_as_asked(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a"}\n')
    finished = settings_for(job(tmp_path, "finished"), out, "jsonl")
    keep_earlier_exports(finished)
    assert finished.getdict("FEEDS")[str(out)]["overwrite"] is True
    absent = settings_for(tmp_path / "job", tmp_path / "new.json", "json")
    (tmp_path / "job" / "kcn_job.json").write_text('{"id": "j2", "state": "interrupted"}')
    keep_earlier_exports(absent)  # nothing to lose: no refusal
    assert exported_ids(absent) == set()


def test_a_format_that_cannot_be_appended_to_is_refused_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text('[{"id": "a"}]')
    with pytest.raises(BadArgument) as error:
        keep_earlier_exports(settings_for(job(tmp_path, "interrupted"), out, "json"))
    assert str(error.value).startswith(f"-O {out}: JOBDIR")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("fmt", "whole", "torn"),
    [
        ("jsonl", b'{"id": "a"}\n', b'{"id": "b", "ti'),
        ("csv", b'\xef\xbb\xbfid,text\r\na,"x\ny"\r\n', b'b,"half\nof'),
    ],
)
def test_a_torn_last_record_is_cut(tmp_path: Path, fmt: str, whole: bytes, torn: bytes) -> None:
    out = tmp_path / f"out.{fmt}"
    out.write_bytes(whole + torn)
    cut_torn_record(out, fmt)
    assert out.read_bytes() == whole
    cut_torn_record(out, fmt)  # a whole file is left alone
    assert out.read_bytes() == whole
