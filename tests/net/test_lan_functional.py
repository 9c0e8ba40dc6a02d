"""Three teams on their devices: levers, a deal across teams, commits, a private report."""

from __future__ import annotations

from tests.net.net_helpers import client_for, join, make_host, of_type, send, until


def state_with(pred):
    return lambda m: m.get("type") == "state" and pred(m)


def test_three_teams_play_a_turn_with_a_deal_and_each_sees_only_its_own_report() -> None:
    host = make_host()
    with client_for(host) as client, client.websocket_connect("/ws") as us, \
            client.websocket_connect("/ws") as us2, client.websocket_connect("/ws") as mx, \
            client.websocket_connect("/ws") as ca:
        join(us, "US", "Ana")
        join(us2, "US", "Ben")
        join(mx, "MX", "Carla")
        join(ca, "CA", "Dev")
        # A lever change reaches the teammate, with the advisors' forecast for the new draft.
        send(us, {"type": "set_lever", "seq": 1, "lever": "asylum_officers", "value": 900})
        seen = until(us2, state_with(lambda m: any(
            lv["name"] == "asylum_officers" and lv["value"] == 900 for lv in m["levers"])))
        assert seen["team"] == "US" and seen["forecast"] and seen["members"] == ["Ana", "Ben"]
        # Mexico never sees the United States' draft.
        assert host.team_state("MX")["levers"] != seen["levers"]
        assert "asylum_officers" not in host.room.desk.draft("MX")
        # The US proposes a safe third country agreement; Mexico accepts through the same decisions.
        send(us2, {"type": "propose", "seq": 1, "kind": "safe_third_country", "partners": ["MX"],
                   "terms": {"coverage": 1.0}})
        offer = until(mx, state_with(lambda m: bool(m["inbox"])))["inbox"][0]
        assert offer["kind"] == "safe_third_country" and offer["by"] == "US"
        send(mx, {"type": "answer", "seq": 1, "proposal": offer["id"], "answer": "accept"})
        until(us, state_with(lambda m: any(p["kind"] == "safe_third_country"
                                           for p in m["pacts"])))
        assert "safe_third_country" in [p.agreement.kind
                                        for p in host.room.session.table.active_pacts("MX")]
        # Canada moves officers elsewhere and everybody commits: the turn is played at once.
        send(ca, {"type": "set_lever", "seq": 1, "lever": "asylum_officers", "value": 200})
        send(ca, {"type": "commit", "seq": 2})
        send(mx, {"type": "commit", "seq": 2})
        until(us, state_with(lambda m: [c["committed"] for c in m["class"]] == [False, True, True]))
        send(us, {"type": "commit", "seq": 2})
        reports = {}
        for country, ws in (("US", us), ("MX", mx), ("CA", ca)):
            reports[country] = until(ws, state_with(lambda m: m["report"] is not None))
    assert host.room.turn == 2 and len(host.reports) == 1
    assert host.room.session.table.policy.value("US", "asylum_officers") == 900
    assert host.room.session.table.policy.value("CA", "asylum_officers") == 200
    # Each report carries the team's own secret objectives and nobody else's.
    for country, state in reports.items():
        report = state["report"]
        assert report["turn"] == 1 and report["headlines"]
        secrets = [o for o in report["objectives"] if o["secret"]]
        own = [o.id for o in host.room.objectives_for(country) if o.team is not None]
        assert sorted(o["id"] for o in secrets) == sorted(own)
    hidden = {o.id for c in ("US", "MX", "CA") for o in host.room.objectives_for(c) if o.team}
    us_ids = {o["id"] for o in reports["US"]["report"]["objectives"]}
    mx_secret = {o.id for o in host.room.objectives_for("MX") if o.team}
    assert hidden and not (us_ids & mx_secret)


def test_a_dropped_device_comes_back_to_its_team_with_the_draft_intact() -> None:
    host = make_host()
    with client_for(host) as client:
        with client.websocket_connect("/ws") as first:
            welcome = join(first, "MX", "Eva")
            send(first, {"type": "set_lever", "seq": 1, "lever": "asylum_officers", "value": 450})
            until(first, lambda m: m.get("type") == "state" and any(
                lv["name"] == "asylum_officers" and lv["drafted"] for lv in m["levers"]))
        # The Wi-Fi drops; the page reconnects with its token and its last action number.
        with client.websocket_connect("/ws") as again:
            send(again, {"type": "resume", "token": welcome["token"]})
            back = until(again, of_type("welcome"))
            assert (back["team"], back["name"], back["seq"]) == ("MX", "Eva", 1)
            state = until(again, of_type("state"))
            lever = next(lv for lv in state["levers"] if lv["name"] == "asylum_officers")
            assert lever["value"] == 450 and lever["drafted"]
            send(again, {"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": 500})
            until(again, lambda m: m.get("type") == "state" and any(
                lv["name"] == "asylum_officers" and lv["value"] == 500 for lv in m["levers"]))


def test_a_late_joiner_picks_up_the_current_turn_and_the_teacher_can_end_it() -> None:
    host = make_host()
    with client_for(host) as client, client.websocket_connect("/ws") as us, \
            client.websocket_connect("/ws") as teacher:
        join(us, "US", "Ana")
        send(us, {"type": "commit", "seq": 1})
        send(teacher, {"type": "teacher", "pin": "2468", "action": "end_turn"})
        until(teacher, of_type("teacher"))
        assert host.room.turn == 2
        with client.websocket_connect("/ws") as late:
            join(late, "CA", "Zoe")
            state = until(late, of_type("state"))
            assert state["turn"] == 2 and state["report"]["turn"] == 1


def test_the_teacher_moves_a_device_reopens_a_commit_and_skips_an_absent_team() -> None:
    host = make_host()
    with client_for(host) as client, client.websocket_connect("/ws") as ws, \
            client.websocket_connect("/ws") as teacher:
        welcome = join(ws, "US", "Ana")
        send(teacher, {"type": "teacher", "pin": "2468", "action": "move", "team": "CA",
                       "device": welcome["id"]})
        until(teacher, of_type("teacher"))
        assert host.members("CA") == ["Ana"] and host.members("US") == []
        send(ws, {"type": "commit", "seq": 1})
        until(ws, lambda m: m.get("type") == "state" and m["team"] == "CA" and m["committed"])
        send(teacher, {"type": "teacher", "pin": "2468", "action": "reopen", "team": "CA"})
        until(teacher, of_type("teacher"))
        assert "CA" not in host.room.committed
        send(teacher, {"type": "teacher", "pin": "2468", "action": "skip", "team": "MX"})
        until(teacher, of_type("teacher"))
        assert host.room.committed == ["MX"]
        # The classroom's own skip: in the teacher log, so a resumed class knows it.
        from game.play.classroom import skipped_teams

        assert skipped_teams(host.room) == ["MX"]


def test_a_teams_devices_are_sent_the_threat_aimed_at_it() -> None:
    host = make_host()
    host.room.propose("US", "tariff_threat", ["MX"], {"rate": 0.05, "target_reduction": 0.3,
                                                      "deadline_months": 2})
    [notice] = host.team_state("MX", fresh=False)["notices"]
    assert notice["kind"] == "threat" and notice["running"]
    assert notice["text"].startswith("Team ") and "5% tariff on your exports" in notice["text"]
    assert host.team_state("CA", fresh=False)["notices"] == []


def test_a_crashed_host_resumes_with_its_devices(tmp_path) -> None:
    from game.net.host import resume_host
    from game.play.saves import autosave, game_folder

    host = make_host()
    host.room.on_save = autosave
    host.devices_path = tmp_path / "lan-devices.json"
    token, _ = host.join("ACDEFG", "MX", "Eva")
    host.room.set_lever("MX", "asylum_officers", 450)
    host.room.commit("US")  # saves the turn in progress, Mexico's draft included
    record = host.room.record
    again = resume_host(record, devices_path=host.devices_path)
    assert (again.code, again.pin) == ("ACDEFG", "2468")
    assert again.resume(token).country == "MX"
    assert again.room.desk.draft("MX") == {"asylum_officers": 450}
    assert again.room.committed == ["US"] and again.room.settings.simultaneous
    assert game_folder(record).exists()


def test_the_page_strings_come_in_every_language_with_the_same_keys() -> None:
    import json

    from game.net.app import PAGE_LANGUAGES, WEB

    english = json.loads((WEB / "strings" / "en.json").read_text(encoding="utf-8"))
    for code in PAGE_LANGUAGES:
        strings = json.loads((WEB / "strings" / f"{code}.json").read_text(encoding="utf-8"))
        assert set(strings) == set(english), code
    host = make_host()
    with client_for(host) as client:
        assert client.get("/strings/es.json").json()["commit"] == "Confirmar nuestro turno"
        assert client.get("/strings/xx.json").json()["commit"] == "Commit our turn"
        # A path that tries to leave the folder gets nothing but the English strings.
        sneaky = client.get("/strings/..%2f..%2fpyproject.json")
        assert sneaky.status_code == 404 or sneaky.json()["commit"] == "Commit our turn"
