"""Benchmark of kcn_crawler.normalize (a script, not a test).

    .venv/bin/python benchmarks/bench_normalize.py [--quick]

Prints dates parsed per second on the fast path and through dateparser (same
inputs, same answers), their ratio, and text cleaning throughput in MB/s on a
few MB of generated Vietnamese text.
"""

from __future__ import annotations

import argparse
import random
import time
import unicodedata
from collections.abc import Callable
from datetime import datetime

from kcn_crawler.normalize.dates import (
    VN_TZ,
    parse_date,
    parse_date_dateparser,
    parse_date_fast,
)
from kcn_crawler.normalize.legacy import encode_tcvn3, repair_legacy
from kcn_crawler.normalize.text import clean_block, clean_inline
from kcn_crawler.normalize.tones import apply_tone_style

NOW = datetime(2026, 7, 20, 12, 0, tzinfo=VN_TZ)
DATES = [
    "31-01-2018",
    "31/01/2018",
    "31/01/2018 08:30",
    "Thứ Tư, 31/01/2018 - 08:30",
    "Cập nhật: 31/01/2018 08:30:15",
    "Ngày 19 tháng 1 năm 2018",
    "ngày 19 tháng 09 năm 2018",
    "31.01.2018",
    "2018-01-31",
    "2018-01-31T08:30:00+07:00",
    "08:30 31/01/2018",
    "31/1/2018",
    "31/01/2018 08:30 CH",
    "31/01/2018 08:30 (GMT+7)",
    "Thứ Năm, 01/02/2018",
]
SENTENCES = [
    "Ủy ban nhân dân tỉnh Thanh Hóa vừa ban hành kế hoạch phát triển khoa học và công nghệ.",
    "Người dân vùng cao đã được hỗ trợ giống lúa mới, năng suất tăng rõ rệt so với năm trước.",
    "Ước tính có khoảng 1.250 hộ gia đình được hưởng lợi từ dự án thủy lợi này.",
    "Đồng chí Phó Giám đốc Sở nhấn mạnh việc ứng dụng tiến bộ kỹ thuật vào sản xuất.",
    "Quỹ phát triển khoa học và công nghệ tỉnh đã giải ngân hơn 12 tỷ đồng trong quý III.",
    "Ở huyện Mường Lát, nhiều mô hình trồng quế, bưởi và nuôi ong mang lại hiệu quả cao.",
    "Hội đồng nghiệm thu đánh giá đề tài đạt loại khá; nhóm nghiên cứu cần bổ sung số liệu.",
    "Khỏe mạnh, hòa thuận và ấm no là mong ước của mỗi gia đình trong dịp Tết cổ truyền.",
]
SEP = "\n\n"
NOISE = ["\u00a0", "\u200b", "&nbsp;", "  ", "\u00ad", "\ufeff", "\t"]


def _rate(fn: Callable[[str], object], inputs: list[str], seconds: float) -> float:
    """Calls per second of ``fn`` over ``inputs`` (cycled) for about ``seconds``."""
    for s in inputs:
        fn(s)  # warm-up (dateparser loads its data on first use)
    calls, start = 0, time.perf_counter()
    while True:
        for s in inputs:
            fn(s)
        calls += len(inputs)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return calls / elapsed


def _text(megabytes: float, seed: int = 7) -> str:
    """Generated Vietnamese paragraphs with NBSP, zero-width chars, &nbsp; and some NFD."""
    rng = random.Random(seed)
    paras: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        words = " ".join(rng.sample(SENTENCES, rng.randint(2, 5))).split(" ")
        for _ in range(rng.randint(0, 4)):
            i = rng.randrange(len(words))
            words[i] = words[i] + rng.choice(NOISE)
        p = " ".join(words)
        if rng.random() < 0.1:
            p = unicodedata.normalize("NFD", p)
        paras.append(p)
        size += len(p.encode("utf-8")) + 2
    return "\n\n".join(paras)


def _throughput(fn: Callable[[str], object], text: str, repeat: int) -> float:
    mb = len(text.encode("utf-8")) / 1_000_000
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return mb / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="shorter runs")
    args = ap.parse_args()
    seconds = 0.5 if args.quick else 2.0

    for raw in DATES:  # same inputs, same answers
        fast, slow = parse_date_fast(raw, now=NOW), parse_date_dateparser(raw, now=NOW)
        assert fast is not None and slow is not None and fast.value == slow.value, raw

    fast = _rate(lambda s: parse_date_fast(s, now=NOW), DATES, seconds)
    full = _rate(lambda s: parse_date(s, now=NOW), DATES, seconds)
    slow = _rate(lambda s: parse_date_dateparser(s, now=NOW), DATES, seconds)

    text = _text(1.0 if args.quick else 3.0)
    mb = len(text.encode("utf-8")) / 1_000_000
    paras = text.split("\n\n")
    cleaned = clean_block(text)
    tcvn3 = "\n\n".join(encode_tcvn3(p) for p in paras[:2000])
    rows = [
        ("dates: fast path", f"{fast:,.0f} dates/s", f"{1e6 / fast:.1f} µs/date"),
        ("dates: parse_date (fast first)", f"{full:,.0f} dates/s", f"{1e6 / full:.1f} µs/date"),
        ("dates: dateparser", f"{slow:,.0f} dates/s", f"{1e6 / slow:.1f} µs/date"),
        ("dates: fast / dateparser", f"{fast / slow:,.0f}×", "target ≥ 50×"),
        ("text: clean_block", f"{_throughput(clean_block, text, 3):.1f} MB/s", f"{mb:.1f} MB"),
        (
            "text: clean_inline per paragraph",
            f"{_throughput(lambda t: [clean_inline(p) for p in paras], text, 3):.1f} MB/s",
            f"{len(paras):,} paragraphs",
        ),
        (
            "text: apply_tone_style new",
            f"{_throughput(lambda t: apply_tone_style(t, 'new'), cleaned, 3):.1f} MB/s",
            "on the cleaned (NFC) text",
        ),
        (
            "text: repair_legacy on TCVN3",
            f"{_throughput(lambda t: [repair_legacy(p) for p in t.split(SEP)], tcvn3, 3):.1f} MB/s",
            "2,000 paragraphs",
        ),
    ]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    print(f"{'measure':<{w0}}  {'value':>{w1}}  note")
    print(f"{'-' * w0}  {'-' * w1}  ----")
    for name, value, note in rows:
        print(f"{name:<{w0}}  {value:>{w1}}  {note}")


if __name__ == "__main__":
    main()
