"""The rules of a level's tutorial: its steps and hints in the player's language, and progress.

The level says what the coach teaches (``tutorial:`` in the level file, see
``game/content/models/tutorial.py``); this module turns it into what the desk shows — each
step's sentence, where it points, what it checks — and remembers, per game, which step the
student is at, whether the tutorial was skipped and which turns' hints were closed.

Progress is kept in ``user_config_dir()/tutorial.json`` keyed by the game's ``game_id``, so a
game continued from its autosave resumes where the student was. Nothing here raises on a bad
or unwritable file: a tutorial that cannot remember starts from what the game's turn implies.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from game.i18n import t
from game.paths import user_config_dir
from game.play.atomic import write_text_atomic
from game.play.decisions import heading, lever_label
from game.play.levelview import text_of

if TYPE_CHECKING:
    from game.content import Level

PROGRESS_FILE = "tutorial.json"
#: Games remembered in the progress file (the oldest are forgotten first).
KEEP_GAMES = 40
#: The desk's tab labels, as the desk shows them (translated where shown).
TAB_LABELS = {"goals": "Goals", "visas": "Visas", "borders": "Borders", "asylum": "Asylum",
              "aid": "Aid", "home": "Home", "diplomacy": "Diplomacy"}


@dataclass(frozen=True)
class CoachStep:
    """One step: what to do (``kind``), what it points at, and the sentence the coach says."""

    kind: str
    text: str
    tab: str | None = None
    lever: str | None = None
    place: str | None = None
    direction: str = "any"

    @property
    def checked(self) -> bool:
        """Whether the coach moves on by itself when the step is done (else Next does)."""
        return self.kind not in ("read",)


@dataclass(frozen=True)
class TurnHint:
    """A later turn's hint and what it points at."""

    turn: int
    text: str
    tab: str | None = None
    lever: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class TutorialPlan:
    """A level's tutorial as the desk shows it: the first turn's steps and later hints."""

    steps: tuple[CoachStep, ...] = ()
    hints: tuple[TurnHint, ...] = ()

    def hint(self, turn: int) -> TurnHint | None:
        """The hint of ``turn``, if the level gives one."""
        return next((h for h in self.hints if h.turn == turn), None)


def shown_text(value: Any) -> str:
    """A tutorial text in the player's language, as the level file gives it ({en: ..., es: ...}).

    The same way as every other level text (docs/levels.md): the shipped tutorial carries its
    own Spanish and French, like a teacher's level.
    """
    return text_of(value)


def default_text(kind: str, tab: str | None = None, lever: str | None = None,
                 place: str | None = None, direction: str = "any") -> str:
    """What the coach says for a step the level gives no text for."""
    if kind == "open_tab" and tab:
        return t("Open the {tab} tab.", tab=t(TAB_LABELS.get(tab, tab)))
    if kind == "change_lever" and lever:
        name = heading(lever_label(lever))
        if direction == "up":
            return t("Raise {lever}: drag its slider to the right, or type a bigger number in "
                     "its field.", lever=name)
        if direction == "down":
            return t("Lower {lever}: drag its slider to the left, or type a smaller number in "
                     "its field.", lever=name)
        return t("Change {lever}: drag its slider, or type a number in its field.", lever=name)
    if kind == "look_at":
        return {"forecast": t("Look at the advisors' forecast under the map: the likely range "
                              "of this turn's numbers."),
                "map": t("Look at the map: the routes north and how many people take them."),
                }.get(place or "", t("Look at the budget bar: what is left to spend this "
                                     "turn."))
    if kind == "open_glossary":
        return t("Open the glossary: the words the game uses, explained.")
    if kind == "end_turn":
        return t("Press End turn. The report then shows which numbers moved, and why.")
    return ""


def plan_of(level: Level) -> TutorialPlan | None:
    """The level's tutorial in the current language, or None when it has none."""
    block = level.tutorial
    if block is None or not (block.steps or block.hints):
        return None
    steps = tuple(CoachStep(
        kind=s.do, tab=s.tab, lever=s.lever, place=s.place, direction=s.direction,
        text=shown_text(s.text) if s.text is not None else default_text(
            s.do, s.tab, s.lever, s.place, s.direction)) for s in block.steps)
    hints = tuple(TurnHint(h.turn, shown_text(h.text), h.tab, h.lever, h.place)
                  for h in block.hints)
    return TutorialPlan(steps, hints)


# --- progress ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Progress:
    """Where a game's tutorial stands: the current step, skipped, hints closed (by turn)."""

    step: int = 0
    skipped: bool = False
    closed_hints: tuple[int, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"step": self.step, "skipped": self.skipped,
                "closed_hints": list(self.closed_hints)}


#: Progress of the games of this run, by game id (the file is read once, written on changes).
_KNOWN: dict[str, Progress] = {}


def _path() -> Any:
    return user_config_dir() / PROGRESS_FILE


def _read_file() -> dict[str, Any]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _from_dict(data: Any) -> Progress | None:
    if not isinstance(data, dict):
        return None
    step, skipped, closed = data.get("step"), data.get("skipped"), data.get("closed_hints")
    if not isinstance(step, int) or isinstance(step, bool) or not 0 <= step <= 1000:
        return None
    hints = tuple(h for h in closed if isinstance(h, int) and not isinstance(h, bool)) \
        if isinstance(closed, list) else ()
    return Progress(step, skipped is True, hints[:200])


def load_progress(game_id: str, turn: int) -> Progress:
    """The game's progress; for a game never seen on turn 2 or later, the steps are done."""
    if game_id in _KNOWN:
        return _KNOWN[game_id]
    found = _from_dict(_read_file().get(game_id))
    if found is None:
        # The first turn's steps end with its End turn: a game past it has done them.
        found = Progress(step=0 if turn <= 1 else 1000)
    _KNOWN[game_id] = found
    return found


def save_progress(game_id: str, progress: Progress) -> None:
    """Remember the game's progress (for this run, and in the file when it can be written)."""
    _KNOWN[game_id] = progress
    data = _read_file()
    data.pop(game_id, None)
    data[game_id] = progress.to_dict()
    kept = dict(list(data.items())[-KEEP_GAMES:])
    try:
        write_text_atomic(_path(), json.dumps(kept, indent=1))
    except OSError:
        pass  # the tutorial still works for this run; only a restart forgets the step


def forget_progress() -> None:
    """Forget what this run remembers (the file is read again on the next load)."""
    _KNOWN.clear()


def advanced(progress: Progress, steps: int) -> Progress:
    """The progress one step on (never past the last step)."""
    return replace(progress, step=min(progress.step + 1, steps))
