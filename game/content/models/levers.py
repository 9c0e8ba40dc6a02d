"""Lever values per country and agreement entries, generated from the registry.

One levers model per country lists exactly the levers that country has (so editors complete
them and a lever of another country is caught where it is written), and one agreement model per
kind lists that agreement's terms. Nothing here names a lever or a term: the registry does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union, cast

from pydantic import BeforeValidator, Field, WithJsonSchema, create_model

from game.content.models.common import (
    ContentModel,
    CountryCode,
    LeverName,
    MetricName,
    OriginCode,
    fail,
    shown,
)
from game.content.models.conditions import AgreementTiming
from game.content.names import (
    choices_hint,
    country_by_name,
    did_you_mean,
    format_number,
    join_and,
    lever_example,
)
from game.sim.registry import (
    AGREEMENTS,
    AID_RECIPIENTS,
    COUNTRIES,
    LEVERS,
    AgreementSpec,
    LeverSpec,
    TermSpec,
    levers_for,
)


def _range_text(spec: LeverSpec) -> str:
    return f"{format_number(spec.low)}–{format_number(spec.high)} {spec.unit}"


def _aid_value(spec: LeverSpec, country: str) -> Any:
    """Validator for a splittable aid lever: a total, or amounts by recipient."""

    def check(value: Any) -> Any:
        example = lever_example(spec.name, country)
        if isinstance(value, bool) or not isinstance(value, int | float | dict):
            fail("wrong-type", f"`{spec.name}` needs an amount in {spec.unit}, "
                 f"got {shown(value)}",
                 f"write a total such as {example}, or split it: "
                 "{GT: 200, HN: 150, SV: 100}")
        if isinstance(value, dict):
            total = 0.0
            for recipient, amount in value.items():
                if recipient not in AID_RECIPIENTS:
                    code = country_by_name(recipient)
                    near = f"use the code: `{code}`" if code in AID_RECIPIENTS else \
                        did_you_mean(recipient, AID_RECIPIENTS)
                    fail("aid-split", f"`{spec.name}` cannot go to `{recipient}`",
                         f"aid goes to {join_and(AID_RECIPIENTS)}" + (f"; {near}" if near
                                                                      else ""))
                if isinstance(amount, bool) or not isinstance(amount, int | float):
                    fail("wrong-type", f"the amount for {recipient} is {shown(amount)}",
                         f"write a number of {spec.unit}, e.g. 100")
                if amount < 0:
                    fail("out-of-range", f"the amount for {recipient} is negative",
                         "aid amounts are 0 or more")
                total += float(amount)
            if total > spec.high:
                fail("out-of-range", f"`{spec.name}` adds up to {format_number(total)}, above "
                     f"the plausible maximum of {format_number(spec.high)} {spec.unit}",
                     f"the plausible range is {_range_text(spec)}")
            return {k: float(v) for k, v in value.items()}
        if not spec.low <= value <= spec.high:
            fail("out-of-range", f"`{spec.name}` is {format_number(value)}, outside the "
                 f"plausible range {_range_text(spec)}", f"for example {example}")
        return float(value)

    schema = {
        "anyOf": [
            {"type": "number", "minimum": spec.low, "maximum": spec.high},
            {"type": "object", "additionalProperties": False,
             "properties": {r: {"type": "number", "minimum": 0} for r in AID_RECIPIENTS}},
        ],
        "description": f"{spec.description} Unit: {spec.unit}; a total, or split by recipient "
        "{GT: 200, HN: 150, SV: 100}.",
        "examples": [spec.example],
    }
    return Annotated[float | dict[str, float], BeforeValidator(check), WithJsonSchema(schema)]


def _lever_field(spec: LeverSpec, country: str) -> tuple[Any, Any]:
    """(annotation, field) of one lever for one country."""
    default_text = f" Default for {country}: {format_number(spec.default.get(country, ''))}."
    delay = spec.delay_months.get(country)
    delay_text = f" Takes effect after about {delay} months." if delay else ""
    description = spec.description + default_text + delay_text
    extra: dict[str, Any] = {"unit": spec.unit, "examples": [spec.example]}
    if spec.kind == "choice":
        annotation: Any = Literal[spec.choices]  # type: ignore[valid-type]
        return annotation | None, Field(None, description=description, json_schema_extra=extra)
    if spec.splittable:
        return _aid_value(spec, country) | None, Field(None, description=description)
    return float | None, Field(None, ge=spec.low, le=spec.high,
                               description=f"{description} Unit: {spec.unit}.",
                               json_schema_extra=extra)


class LeversBase(ContentModel):
    """Starting or new lever values of one country; a lever left out keeps its value."""

    #: The country whose levers these are (set on each generated subclass).
    country_code: ClassVar[str] = ""

    @classmethod
    def unknown_key(cls, key: str) -> tuple[str, str, str]:
        """A lever another country has, or a misspelt lever."""
        country = str(cls.country_code)
        own = [spec.name for spec in levers_for(country)]
        if key in LEVERS:
            holders = join_and(LEVERS[key].countries)
            return ("lever-not-for-country", f"{country} has no lever `{key}`",
                    f"only {holders} can set `{key}`; {country}'s levers are "
                    + ", ".join(f"`{n}`" for n in own))
        near = did_you_mean(key, own) or did_you_mean(key, LEVERS)
        hint = near or f"{country}'s levers are " + ", ".join(f"`{n}`" for n in own)
        return "unknown-lever", f"unknown lever `{key}`", hint

    def values(self) -> dict[str, Any]:
        """The levers that were set, by name."""
        return {k: v for k, v in self.model_dump().items()
                if v is not None}


def _levers_model(country: str) -> type[LeversBase]:
    fields = {spec.name: _lever_field(spec, country) for spec in levers_for(country)}
    model = create_model(  # type: ignore[call-overload]
        f"Levers{country}", __base__=LeversBase, __doc__=f"{country}'s lever values.", **fields)
    model.country_code = country
    return model  # type: ignore[no-any-return]


#: The levers model of each country.
LEVERS_MODELS: dict[str, type[LeversBase]] = {c: _levers_model(c) for c in COUNTRIES}


# --- Agreements --------------------------------------------------------------------------------

def term_annotation(term: TermSpec) -> tuple[Any, Any]:
    """(annotation, field) for an agreement term or event parameter from its registry entry."""
    extra: dict[str, Any] = {"unit": term.unit}
    if term.default is not None:
        extra["examples"] = [term.default]
    description = f"{term.description} Unit: {term.unit}."
    if term.names == "origin":
        return OriginCode, Field(term.default, description=description)
    if term.names == "country":
        return CountryCode, Field(term.default, description=description)
    if term.names == "metric":
        return MetricName, Field(term.default, description=description)
    if term.names == "lever":
        return LeverName, Field(term.default, description=description)
    if isinstance(term.default, str) or term.unit in ("policy", "lever's unit"):
        # Checked by the class using it (a lever's own unit, a blockable policy).
        return Any, Field(term.default, description=description)
    if term.unit == "months":
        return int, Field(term.default, ge=int(term.low), le=int(term.high),
                          description=description, json_schema_extra=extra)
    return float, Field(term.default, ge=term.low, le=term.high, description=description,
                        json_schema_extra=extra)


class AgreementEntryBase(ContentModel):
    """An agreement a country makes, with its partners and terms."""

    kind: str
    with_: CountryCode | list[CountryCode] | None = Field(
        None, alias="with",
        description="The partner country (or a list of them). Left out, the partner is filled "
        "in when only one country can be it.")
    by: CountryCode | None = Field(
        None, description="The country that accepts or carries out the agreement, when it is "
        "not the one writing it (e.g. `by: MX` for returns_acceptance).")
    starts: AgreementTiming | None = Field(
        None, description="In a level: when it comes into force (`{turn: 3}`, or "
        "`{when: ...}`); left out, it is in force from the start.")
    ends: AgreementTiming | None = Field(
        None, description="In a level: when it ends (`{turn: 6}`, or `{when: ...}`); left "
        "out, it lasts unless a player ends it.")

    def parties(self, country: str) -> tuple[str, ...]:
        """The parties, proposer first, when ``country`` writes this entry (see :func:`parties`)."""
        return parties(AGREEMENTS[self.kind], country, self.partners())

    def partners(self) -> list[str]:
        """The countries named by ``with`` and ``by``."""
        named = [self.with_] if isinstance(self.with_, str) else list(self.with_ or [])
        if self.by and self.by not in named:
            named.append(self.by)
        return named

    def term_values(self) -> dict[str, Any]:
        """The terms as plain values (defaults filled in)."""
        terms = getattr(self, "terms", None)
        return terms.model_dump() if terms is not None else {}


def parties(spec: AgreementSpec, country: str, named: list[str]) -> tuple[str, ...]:
    """The parties of an agreement written by ``country``, proposer first.

    ``named`` are the partners given by ``with``/``by``. A partner is filled in when only one
    country can be it (``returns_acceptance`` written by MX is proposed by the US). Raises
    ValueError with a sentence when these countries cannot make this agreement.
    """
    able = set(spec.proposers) | set(spec.acceptors)
    for code in [country, *named]:
        if code not in able:
            raise ValueError(f"{code} cannot take part in `{spec.kind}` (it is proposed by "
                             f"{join_and(spec.proposers)} and accepted by "
                             f"{join_and(spec.acceptors)})")
    named = [c for c in dict.fromkeys(named) if c != country]
    if country in spec.proposers:
        proposer = country
    else:
        candidates = [c for c in named if c in spec.proposers] or (
            list(spec.proposers) if len(spec.proposers) == 1 else [])
        if not candidates:
            raise ValueError(f"`{spec.kind}` needs a proposer ({join_and(spec.proposers)}); "
                             "name it with `with:`")
        proposer = candidates[0]
    others = [c for c in dict.fromkeys([country, *named]) if c != proposer]
    if spec.needs_acceptance and not any(c in spec.acceptors for c in others):
        candidates = [c for c in spec.acceptors if c != proposer]
        if others or len(candidates) != 1:
            raise ValueError(f"`{spec.kind}` needs a partner that accepts it "
                             f"({join_and(candidates)}); name it with `with:`")
        others = candidates
    return (proposer, *others)


class TermsBase(ContentModel):
    """The terms of one agreement kind."""

    kind_name: ClassVar[str] = ""

    @classmethod
    def unknown_key(cls, key: str) -> tuple[str, str, str]:
        """A term this agreement does not have."""
        names = list(cls.model_fields)
        if not names:
            return ("unknown-term", f"`{cls.kind_name}` has no terms",
                    "remove `terms:`")
        return ("unknown-term", f"`{cls.kind_name}` has no term `{key}`",
                did_you_mean(key, names) or "its terms are "
                + ", ".join(f"`{n}`" for n in names))


def _agreement_model(spec: AgreementSpec) -> type[AgreementEntryBase]:
    term_fields = {t.name: term_annotation(t) for t in spec.terms}
    terms_model = create_model(  # type: ignore[call-overload]
        f"Terms_{spec.kind}", __base__=TermsBase, __doc__=f"Terms of {spec.kind}.",
        **term_fields)
    terms_model.kind_name = spec.kind
    model = create_model(  # type: ignore[call-overload]
        f"Agreement_{spec.kind}", __base__=AgreementEntryBase,
        __doc__=spec.description,
        kind=(cast(Any, Literal[spec.kind]), Field(description=spec.description)),
        terms=(terms_model, Field(default_factory=terms_model,
                                  description="The agreement's terms; left out, the defaults.")),
    )
    return model  # type: ignore[no-any-return]


#: The entry model of each agreement kind.
AGREEMENT_MODELS: dict[str, type[AgreementEntryBase]] = {
    kind: _agreement_model(spec) for kind, spec in AGREEMENTS.items()
}


def _agreement_kind(value: Any) -> Any:
    """Catch a misspelt or missing ``kind`` before the union, for a message with a hint."""
    if isinstance(value, dict):
        kind = value.get("kind")
        if kind is None:
            fail("missing-field", "this agreement has no `kind`",
                 "add e.g. `kind: returns_acceptance`; the kinds are "
                 + ", ".join(f"`{k}`" for k in AGREEMENTS))
        if not isinstance(kind, str) or kind not in AGREEMENTS:
            fail("unknown-agreement", f"unknown agreement `{kind}`",
                 choices_hint(kind, AGREEMENTS, "the agreements are"), at="kind")
    elif not isinstance(value, dict):
        fail("wrong-type", f"an agreement is a mapping, got {shown(value)}",
             "write `{kind: returns_acceptance, with: MX}`")
    return value


#: One agreement entry of any kind, told apart by its ``kind`` (type checkers see the base).
if TYPE_CHECKING:
    AgreementEntry = AgreementEntryBase
else:
    AgreementEntry = Annotated[
        Union[tuple(AGREEMENT_MODELS.values())],  # type: ignore[valid-type]  # noqa: UP007
        Field(discriminator="kind"),
        BeforeValidator(_agreement_kind),
    ]
