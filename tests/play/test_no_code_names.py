"""No internal code name reaches a player: decisions, news and labels read as words."""

from __future__ import annotations

import re

from game.play.decisions import SetLever, agreement_label, choice_label, lever_label
from game.play.news import event_news
from game.sim.registry import AGREEMENTS, EVENTS, LEVERS

#: A code name: lower-case words joined by underscores (detain_separate, media_photo).
CODE_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b")


def test_every_decision_of_every_lever_is_told_in_words() -> None:
    for name, spec in LEVERS.items():
        for country in spec.countries:
            values = spec.choices if spec.kind == "choice" else (spec.example,)
            for value in values:
                text = SetLever(country, name, value).describe()
                assert not CODE_NAME.search(text), text


def test_every_label_and_event_headline_is_in_words() -> None:
    labels = [lever_label(n) for n in LEVERS] + [agreement_label(k) for k in AGREEMENTS]
    labels += [choice_label(c) for spec in LEVERS.values() for c in spec.choices]
    for kind, spec in EVENTS.items():
        params = {p.name: p.default for p in spec.params if p.default is not None}
        labels.append(event_news({"kind": kind, "params": params}).text)
    assert [x for x in labels if CODE_NAME.search(x)] == []
