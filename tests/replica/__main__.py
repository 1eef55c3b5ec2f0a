"""CLI: python -m tests.replica --port 8080 --articles 60 --seed 7 --skin classic
[--truth-out FILE] [--broken]. Prints the base URL as the first stdout line, then serves."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys

from . import server, truth
from .app import App
from .site import SKINS, Site


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m tests.replica", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080, help="0 = an ephemeral port")
    p.add_argument("--articles", type=int, default=60)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--skin", choices=SKINS, default="classic")
    p.add_argument("--truth-out", help="write the ground truth JSON here before serving")
    p.add_argument("--broken", action="store_true", help="serve article pages with broken markup")
    return p.parse_args(argv)


async def amain(args: argparse.Namespace) -> None:
    site = Site(args.seed, args.articles, args.skin)
    app = App(site, broken=args.broken)
    srv = await server.start(app, args.host, args.port)
    port = srv.sockets[0].getsockname()[1]
    app.base = f"http://{args.host}:{port}"
    if args.truth_out:
        with open(args.truth_out, "w", encoding="utf-8") as f:
            json.dump(truth.build(site, app.base), f, ensure_ascii=False, indent=1)
    sys.stdout.write(app.base + "\n")
    sys.stdout.flush()
    async with srv:
        await srv.serve_forever()


def main(argv: list[str] | None = None) -> None:
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(amain(parse_args(argv)))


if __name__ == "__main__":
    main()
