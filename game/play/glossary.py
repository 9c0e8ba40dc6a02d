"""The glossary: the words the game uses, each explained in a sentence or two.

The desk, the tutorial's coach and the report open it. Definitions say what the game counts,
the way DESIGN.md §3 does, without judging any policy.
"""

from __future__ import annotations

from game.i18n import t


def glossary() -> list[tuple[str, str]]:
    """(term, definition) pairs in the player's language, in the order a student meets them."""
    return [
        (t("Encounters"),
         t("Each time US border agents stop someone crossing between ports, or turn someone "
           "away at a port. One person stopped three times counts three: encounters count "
           "events, not people.")),
        (t("Apprehensions"),
         t("Each time border agents catch someone who crossed irregularly; like encounters, "
           "they count events, not people. US encounters add the people turned away at ports "
           "of entry; Mexico reports apprehensions of migrants on its territory.")),
        (t("Status quo"),
         t("The same level, with the same luck, if the starting policies were left untouched. "
           "Objectives and scores are judged against it: 50 is the status quo.")),
        (t("Political score"),
         t("0–100 for each government: approval across its constituencies, budget kept, and "
           "relations with partners, compared with the status quo.")),
        (t("Humanitarian score"),
         t("0–100, shared by the region: lives lost in transit, people with strong claims "
           "protected or returned to danger, months waited, people detained or stranded.")),
        (t("Approval"),
         t("How many people approve of the government, from 0 to 100, across its "
           "constituencies.")),
        (t("Returned to danger"),
         t("People with a strong protection claim who were sent back to the danger they fled, "
           "or who never could claim.")),
        (t("Protection granted"),
         t("People whose asylum claim or humanitarian visa gave them the right to stay.")),
        (t("Asylum"),
         t("Protection a country gives to someone who fled persecution or serious danger. The "
           "claim is made in the country or at its border and decided by officers or judges; "
           "while it waits, the person may not be sent back.")),
        (t("Asylum backlog"),
         t("Asylum claims waiting for a decision.")),
        (t("Asylum wait"),
         t("How many months a claim made now would wait for its decision, given the backlog "
           "and how many cases officers and judges decide.")),
        (t("Lever delay"),
         t("Hiring, training and starting programmes take time: a lever reaches its full "
           "effect only after its delay in months.")),
        (t("Budget"),
         t("What your government may spend on its levers in a turn. To spend more in one "
           "place, spend less in another.")),
        (t("Forecast"),
         t("Your advisors run the coming turn many times under your plan: the middle value, "
           "and the range where 8 outcomes in 10 fall (10–90%).")),
        (t("Burden-sharing"),
         t("An agreement on the share of the region's asylum seekers each country "
           "processes.")),
        (t("Safe third country"),
         t("An agreement that lets a country send asylum seekers back to a country they "
           "crossed first, to claim asylum there.")),
        (t("Remain in Mexico"),
         t("Asylum seekers at the US border wait in Mexico while their US claims are "
           "decided.")),
        (t("Stranded in border towns"),
         t("People waiting in Mexican border towns to cross or to claim asylum.")),
        (t("Deaths in transit"),
         t("People who died on the way north: in the desert, the river, on trains. Official "
           "counts miss some; the debrief shows the true numbers.")),
    ]
