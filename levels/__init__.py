"""The shipped levels, installed as the package ``game.levels`` (read with importlib.resources).

This folder stays at the top of the repository; ``pyproject.toml`` maps it into the package
(``package-dir``), and this file lets ``importlib.resources`` find it in an editable install too.
Levels are YAML files; this is the only Python file here.
"""
