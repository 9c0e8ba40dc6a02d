"""The ``court_ruling`` event."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, WithJsonSchema

from game.content.events.base import EventBase, param
from game.content.models.common import CountryCode, fail
from game.content.names import choices_hint
from game.sim.registry import COURT_BLOCKABLE

#: What a court can block: the lever choices and agreements the model acts on (registry).
BLOCKABLE: tuple[str, ...] = COURT_BLOCKABLE


def _blockable(value: Any) -> Any:
    if value not in BLOCKABLE:
        fail("bad-choice", f"a court cannot block `{value}`",
             choices_hint(value, BLOCKABLE, "the model acts on a court blocking only"))
    return value


Blockable = Annotated[str, BeforeValidator(_blockable),
                      WithJsonSchema({"type": "string", "enum": list(BLOCKABLE)})]


class CourtRuling(EventBase):
    """A court blocks a policy: family separation, an agreement or a removal practice.

    While blocked, the lever choice or agreement named by ``blocks`` cannot be used.

    YAML usage::

        events:
          - kind: court_ruling
            at: 2018-06            # Ms. L. v. ICE ordered families reunited
            country: US
            blocks: detain_separate
    """

    kind: Literal["court_ruling"]
    country: CountryCode = param("court_ruling", "country")
    blocks: Blockable = param("court_ruling", "blocks")
