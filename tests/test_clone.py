"""The clone is the project: nothing tracked reads ../shared or names a build machine's path."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Paths of the machines this project was built on, and any reach outside the checkout.
MACHINE_PATH = re.compile(r"(?<![\w.])/(?:work|root|home/\w+|tmp/kcn)\b/[\w.-]+|\.\./shared\b")
# Tracked directories that only a build makes.
BUILD_OUTPUT = re.compile(r"^(?:\.venv[^/]*|build|dist|exports/(?!README\.md$)|[^/]+\.egg-info)/?")


def tracked_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [name for name in out.split("\0") if name]


def test_no_virtualenv_or_build_output_is_tracked() -> None:
    tracked = [name for name in tracked_files() if BUILD_OUTPUT.match(name)]
    assert tracked == [], tracked[:10]


def test_no_tracked_file_names_a_machine_path_or_shared() -> None:
    offenders = []
    for name in tracked_files():
        if name == "tests/test_clone.py":
            continue
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if MACHINE_PATH.search(line):
                offenders.append(f"{name}:{number}: {line.strip()[:120]}")
    assert offenders == [], "\n".join(offenders[:20])


def test_the_pattern_catches_what_it_guards() -> None:
    assert MACHINE_PATH.search('SEED = Path("/work/shared/portal/seed-page.txt")')
    assert MACHINE_PATH.search("open('../shared/portal/ANATOMY.md')")
    assert MACHINE_PATH.search("#!/root/.pyenv/versions/3.11.7/bin/python")
    assert not MACHINE_PATH.search("https://skhcn.thanhhoa.gov.vn/portal/work/x")
    assert BUILD_OUTPUT.match(".venv-pywb/pyvenv.cfg")
    assert not BUILD_OUTPUT.match("exports/README.md")
