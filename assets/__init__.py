"""The game's theme, fonts, map and translations, installed as the package ``game.assets``.

This folder stays at the top of the repository; ``pyproject.toml`` maps it into the package
(``package-dir``), and this file lets ``importlib.resources`` find it in an editable install too.
"""
