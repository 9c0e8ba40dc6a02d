"""The messages a student's device and the host exchange over the WebSocket, and their limits.

Every message is one JSON object with a ``type``. A message that is not valid JSON, is longer
than :data:`MAX_MESSAGE_CHARS`, has an unknown ``type``, an unknown field, a value of the wrong
type (``"5"`` for a number, ``true`` for an id), a non-finite number or a string over its limit
is refused by :func:`parse` before anything reads it; the host then changes nothing.

Actions that change the session (levers, proposals, the commit) carry ``seq``, a number that
must grow with every action of a device: a message captured and sent again is refused.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

#: Longest message accepted, in characters (a lever change is about 80).
MAX_MESSAGE_CHARS = 4096
#: Hard limit given to the WebSocket server itself: a bigger frame closes the socket.
MAX_FRAME_BYTES = 16 * 1024
#: Messages a device may send per second on average, and in one burst.
RATE_PER_SECOND = 10.0
RATE_BURST = 30
#: A device that keeps sending this many refused-for-rate messages in a row is disconnected.
RATE_STRIKES = 200
#: Wrong teacher PINs a connection may try before it is closed.
PIN_TRIES = 5
#: Longest student name (characters).
NAME_CHARS = 24

Short = Annotated[str, Field(max_length=40)]
Code = Annotated[str, Field(max_length=3)]
Number = Annotated[float, Field(allow_inf_nan=False, ge=-1e12, le=1e12)]
Terms = Annotated[dict[Short, Number | Short], Field(max_length=12)]
Seq = Annotated[int, Field(ge=1, le=2**53)]


class Message(BaseModel):
    """Common rules: no unknown field, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Lobby(Message):
    """Which teams a join code opens (sent before joining)."""

    type: Literal["lobby"]
    code: Annotated[str, Field(max_length=12)]


class Join(Message):
    """Join ``team`` (a country code) as ``name`` with the session's join code."""

    type: Literal["join"]
    code: Annotated[str, Field(max_length=12)]
    team: Code
    name: Annotated[str, Field(max_length=NAME_CHARS * 2)]


class Resume(Message):
    """Come back with the device's token (after a dropped connection or a reload)."""

    type: Literal["resume"]
    token: Annotated[str, Field(max_length=64)]


class Action(Message):
    """An action of the device's team: ``seq`` grows; ``country``, if sent, must be its own."""

    seq: Seq
    country: Code | None = None


class SetLever(Action):
    """Put a lever change in the team's draft."""

    type: Literal["set_lever"]
    lever: Short
    value: Number | Short | Annotated[dict[Code, Number], Field(max_length=6)]


class ClearLever(Action):
    """Take a lever change back out of the draft."""

    type: Literal["clear_lever"]
    lever: Short


class Propose(Action):
    """Offer an agreement (or make a tariff threat) to partners."""

    type: Literal["propose"]
    kind: Short
    partners: Annotated[list[Code], Field(max_length=6)]
    terms: Terms = {}


class Answer(Action):
    """Accept, reject or counter a proposal waiting for the team."""

    type: Literal["answer"]
    proposal: Annotated[int, Field(ge=1, le=1_000_000)]
    answer: Literal["accept", "reject", "counter"]
    terms: Terms = {}


class Withdraw(Action):
    """Leave an agreement in force (a broken promise) or withdraw a threat."""

    type: Literal["withdraw"]
    kind: Short
    partners: Annotated[list[Code], Field(max_length=6)] = []


class Commit(Action):
    """The team is done for this turn."""

    type: Literal["commit"]


class Teacher(Message):
    """A teacher's control, with the PIN shown on the projector."""

    type: Literal["teacher"]
    pin: Annotated[str, Field(max_length=12)]
    action: Literal["status", "end_turn", "move", "reopen", "skip"]
    team: Code | None = None
    device: Annotated[str, Field(max_length=16)] | None = None


class Ping(Message):
    """Keeps a quiet connection open through Wi-Fi access points that drop idle ones."""

    type: Literal["ping"]


AnyMessage = Annotated[Lobby | Join | Resume | SetLever | ClearLever | Propose | Answer
                       | Withdraw | Commit | Teacher | Ping, Field(discriminator="type")]
_ADAPTER: TypeAdapter[AnyMessage] = TypeAdapter(AnyMessage)


class Malformed(ValueError):
    """A message refused before reading: its text is safe to send back."""


def parse(text: str | bytes) -> AnyMessage:
    """The message in ``text`` (raises :class:`Malformed` with a short reason)."""
    if isinstance(text, bytes):
        raise Malformed("send text frames, not binary ones")
    if len(text) > MAX_MESSAGE_CHARS:
        raise Malformed(f"message too long (over {MAX_MESSAGE_CHARS} characters)")
    try:
        return _ADAPTER.validate_json(text)
    except ValidationError as error:
        details = error.errors()
        where = ".".join(str(p) for p in details[0]["loc"]) if details else ""
        kind = details[0]["type"] if details else "invalid"
        raise Malformed(f"malformed message ({where}: {kind})") from None
