"""Copy the ts-fsrs browser build (UMD) from tools/node_modules into docs/assets/vendor/ts-fsrs/.

Run `make vendor` after changing the ts-fsrs pin in tools/package.json (it runs `npm ci` first).
The copy is the package's dist/index.umd.js without its last line (a sourceMappingURL comment
pointing at a map we do not ship), its LICENSE, and a README naming the version and source.
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tools" / "node_modules" / "ts-fsrs"
TARGET = ROOT / "docs" / "assets" / "vendor" / "ts-fsrs"


def main() -> None:
    version = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    pinned = json.loads((ROOT / "tools" / "package.json").read_text(encoding="utf-8"))["devDependencies"]["ts-fsrs"]
    if version != pinned:
        raise SystemExit(f"tools/node_modules has ts-fsrs {version}, tools/package.json pins {pinned}: run npm ci --prefix tools")
    TARGET.mkdir(parents=True, exist_ok=True)
    lines = (PACKAGE / "dist" / "index.umd.js").read_text(encoding="utf-8").splitlines()
    if lines and lines[-1].startswith("//# sourceMappingURL="):
        lines = lines[:-1]
    (TARGET / "ts-fsrs.umd.js").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (TARGET / "LICENSE").write_text((PACKAGE / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8")
    (TARGET / "README.txt").write_text(
        f"ts-fsrs {version} (vendored)\n\n"
        "The FSRS spaced-repetition scheduler used by the flashcards page (docs/study/flashcards.md,\n"
        "docs/assets/js/flashcards.js). Loaded only on that page.\n\n"
        f"- Package: ts-fsrs {version} (npm package),\n"
        "  source <https://github.com/open-spaced-repetition/ts-fsrs>, MIT licence (LICENSE beside this file).\n"
        "- File: the package's `dist/index.umd.js` (global `FSRS`), copied as is except its last line,\n"
        "  a `sourceMappingURL` comment for a map not shipped here.\n"
        "- To update: change the version in tools/package.json, then `make vendor`\n"
        "  (npm ci, then scripts/vendor_ts_fsrs.py).\n",
        encoding="utf-8")
    print(f"copied ts-fsrs {version} to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
