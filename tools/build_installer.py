"""Build the one-folder PyInstaller game in ``dist/borderlines/`` (docs/installing.md).

Usage: ``python tools/build_installer.py`` (or ``make installer``), on the system the build is
for: Windows builds for Windows, macOS for macOS, Linux for Linux. It builds the wheel, installs
it with PyInstaller into a build venv (``build/installer/venv``, kept between builds), and runs
``tools/installer/borderlines.spec`` there, so the bundle holds the game exactly as pip installs
it. Needs Python 3.11+ and network access to PyPI (or a pip cache).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "installer" / "borderlines.spec"
WORK = ROOT / "build" / "installer"
#: PyInstaller 6.10 is the first to support Python 3.13's changes; older ones also miss hooks.
PYINSTALLER = "pyinstaller>=6.10"


def venv_python(folder: Path) -> Path:
    """The interpreter of the venv in ``folder`` (under Scripts on Windows, bin elsewhere)."""
    if sys.platform == "win32":
        return folder / "Scripts" / "python.exe"
    return folder / "bin" / "python"


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    """Run a command, echoing it; stop the build when it fails."""
    print("+", " ".join(map(str, command)), flush=True)
    subprocess.run([str(part) for part in command], check=True, cwd=cwd)


def main(argv: list[str] | None = None) -> int:
    """Build the wheel, install it in the build venv and run PyInstaller; returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the folder `borderlines` is written (default: dist/)")
    parser.add_argument("--fresh", action="store_true",
                        help="recreate the build venv instead of reusing it")
    args = parser.parse_args(argv)

    wheels = WORK / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    # From the sdist, as pip users get it: a wheel built in place may keep deleted files.
    run(sys.executable, "-m", "build", "--outdir", wheels, ROOT)
    (wheel,) = wheels.glob("borderlines-*.whl")

    env = WORK / "venv"
    if args.fresh:
        shutil.rmtree(env, ignore_errors=True)
    if not venv_python(env).exists():
        venv.create(env, with_pip=True)
    python = venv_python(env)
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", PYINSTALLER)
    run(python, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", wheel)
    run(python, "-m", "pip", "install", "--quiet", wheel)  # its dependencies, when new

    # Not from the checkout: `python -m` puts the working folder first on sys.path, and the
    # checkout's `game/` has no assets or levels inside it; the installed package has them.
    run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", args.dist.resolve(),
        "--workpath", WORK / "pyinstaller", SPEC, cwd=WORK)
    print(f"built {args.dist / 'borderlines'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
