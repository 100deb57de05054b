#!/usr/bin/env python3
"""The offline edition (`make offline`): the whole guide in a zip that works opened
straight from the file system, search included.

    make offline                                     # writes site/downloads/friend-like-fox-offline.zip
    .venv/bin/python scripts/make_offline.py --out /tmp/guide.zip

It builds the site with mkdocs.offline.yml (mkdocs.yml plus Material's offline plugin,
without instant navigation) into a temporary folder, adds our copy of iframe-worker's
shim (tools/node_modules, `npm ci --prefix tools`), so search runs from file:// without
loading anything from another host, and zips it under one folder.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.offline.yml"
SHIM = ROOT / "tools" / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_IN_SITE = Path("assets") / "javascripts" / "iframe-worker-shim.js"  # as in mkdocs.offline.yml
ZIP_NAME = "friend-like-fox-offline.zip"
FOLDER = "friend-like-fox-study-guide"  # the folder the zip unpacks to
README = """With a Friend Like Fox: A Study Guide, offline edition

Open index.html in this folder with any web browser. Everything works without a
connection, search included; only links to other sites need one.
"""


def build(site: Path) -> None:
    if not SHIM.exists():
        sys.exit(f"{SHIM.relative_to(ROOT)} is missing: run `npm ci --prefix tools --ignore-scripts`")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(CONFIG),
                    "--site-dir", str(site)], cwd=ROOT, env=env, check=True)
    shutil.copyfile(SHIM, site / SHIM_IN_SITE)
    (site / "README.txt").write_text(README, encoding="utf-8")


def zip_site(site: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")


def make_offline(target: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="guide-offline-") as folder:
        site = Path(folder) / FOLDER
        build(site)
        zip_site(site, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site" / "downloads" / ZIP_NAME,
                        help=f"the zip to write (default: site/downloads/{ZIP_NAME})")
    args = parser.parse_args(argv)
    target = make_offline(args.out.resolve())
    print(f"{target}: {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
