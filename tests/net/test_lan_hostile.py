"""Hostile devices: every malformed, oversize, forged, replayed or unauthorised message is
refused with an error and leaves the session exactly as it was."""

from __future__ import annotations

import json

import pytest

from game.net import protocol
from tests.net.net_helpers import client_for, join, make_host, of_type, send, snapshot, until


@pytest.fixture()
def joined():
    """A host, a client, and a US device that has joined and drafted one change."""
    host = make_host()
    with client_for(host) as client, client.websocket_connect("/ws") as ws:
        welcome = join(ws, "US", "Ana")
        send(ws, {"type": "set_lever", "seq": 1, "lever": "asylum_officers", "value": 900})
        until(ws, of_type("state"))
        yield host, client, ws, welcome


def refused(ws, host, raw: str) -> str:
    """Send ``raw``; the answer is an error and nothing in the session changed."""
    before, version = snapshot(host), host.version
    ws.send_text(raw)
    # States already on their way (older versions) are skipped; a newer one means a change.
    answer = until(ws, lambda m: m.get("type") in ("error", "welcome", "teacher") or (
        m.get("type") == "state" and m["version"] > version))
    assert answer["type"] == "error", answer
    assert snapshot(host) == before
    return answer["message"]


@pytest.mark.parametrize("raw", [
    "not json", "{", "[]", "null", '"join"', "{}", '{"type": "fly"}',
    '{"type": "set_lever", "seq": 2, "lever": "asylum_officers"}',
    '{"type": "set_lever", "seq": "2", "lever": "asylum_officers", "value": 1}',
    '{"type": "set_lever", "seq": true, "lever": "asylum_officers", "value": 1}',
    '{"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": NaN}',
    '{"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": Infinity}',
    '{"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": 1e400}',
    '{"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": [1, 2]}',
    '{"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": 1, "admin": true}',
    '{"type": "set_lever", "seq": 2, "lever": "no_such_lever", "value": 1}',
    '{"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": -5}',
    '{"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": 99999999}',
    '{"type": "set_lever", "seq": 2, "lever": "exit_controls", "value": 10}',
    '{"type": "answer", "seq": 2, "proposal": 99, "answer": "accept"}',
    '{"type": "answer", "seq": 2, "proposal": 1, "answer": "maybe"}',
    '{"type": "propose", "seq": 2, "kind": "nuke", "partners": ["MX"]}',
    '{"type": "propose", "seq": 2, "kind": "safe_third_country", "partners": ["US"]}',
    '{"type": "join", "code": "ACDEFG", "team": "US", "name": "<b>\\u0000</b>"}',
    '{"type": "join", "code": "ACDEFG", "team": "XX", "name": "Zed"}',
], ids=lambda raw: raw[:60])
def test_a_malformed_or_illegal_message_is_refused_and_changes_nothing(joined, raw) -> None:
    host, _, ws, _ = joined
    refused(ws, host, raw)


def test_an_oversize_message_is_refused_and_the_device_may_go_on(joined) -> None:
    host, _, ws, _ = joined
    padding = "x" * (protocol.MAX_MESSAGE_CHARS + 1)
    message = refused(ws, host, json.dumps({"type": "ping", "pad": padding}))
    assert "too long" in message
    send(ws, {"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": 950})
    assert until(ws, of_type("state"))["team"] == "US"


def test_a_frame_over_the_servers_limit_closes_only_that_socket() -> None:
    host = make_host()
    from game.net.server import serve

    running = serve(host, "127.0.0.1", 0)
    try:
        from websockets.sync.client import connect

        url = f"ws://127.0.0.1:{running.port}/ws"
        before = snapshot(host)
        with connect(url) as ws:
            ws.send("x" * (protocol.MAX_FRAME_BYTES + 10))
            with pytest.raises(Exception):  # noqa: B017 - the server closes with 1009
                ws.recv(timeout=5)
        assert snapshot(host) == before
        with connect(url) as ws:
            ws.send(json.dumps({"type": "ping"}))
            assert json.loads(ws.recv(timeout=5)) == {"type": "pong"}
    finally:
        running.stop()


def test_a_binary_frame_is_refused(joined) -> None:
    host, _, ws, _ = joined
    before = snapshot(host)
    ws.send_bytes(b'{"type": "commit", "seq": 5}')
    assert until(ws, of_type("error"))
    assert snapshot(host) == before


def test_an_action_for_another_team_is_refused(joined) -> None:
    host, _, ws, _ = joined
    message = refused(ws, host, json.dumps({"type": "set_lever", "seq": 2, "country": "MX",
                                            "lever": "asylum_officers", "value": 100}))
    assert "own country" in message
    refused(ws, host, json.dumps({"type": "commit", "seq": 3, "country": "CA"}))
    assert host.room.desk.draft("MX") == {} and host.room.committed == []


def test_an_answer_to_another_teams_proposal_is_refused(joined) -> None:
    host, client, ws, _ = joined
    with client.websocket_connect("/ws") as ca:
        join(ca, "CA", "Dev")
        send(ws, {"type": "propose", "seq": 2, "kind": "safe_third_country", "partners": ["MX"],
                  "terms": {"coverage": 1.0}})
        until(ca, lambda m: m.get("type") == "state")
        proposal = host.room.session.table.proposals[0].id
        refused(ca, host, json.dumps({"type": "answer", "seq": 1, "proposal": proposal,
                                      "answer": "accept"}))
        assert host.room.session.table.proposals[0].status == "pending"


def test_a_forged_token_is_refused(joined) -> None:
    host, client, _, welcome = joined
    with client.websocket_connect("/ws") as intruder:
        forged = welcome["token"][:-2] + ("AA" if not welcome["token"].endswith("AA") else "BB")
        refused(intruder, host, json.dumps({"type": "resume", "token": forged}))
        refused(intruder, host, json.dumps({"type": "resume", "token": ""}))
        # Without a token the socket may do nothing.
        refused(intruder, host, json.dumps({"type": "commit", "seq": 1}))


def test_a_token_from_another_session_is_refused() -> None:
    old = make_host()
    token, _ = old.join("ACDEFG", "US", "Ana")
    host = make_host()
    with client_for(host) as client, client.websocket_connect("/ws") as ws:
        refused(ws, host, json.dumps({"type": "resume", "token": token}))


def test_a_replayed_action_is_refused(joined) -> None:
    host, client, ws, welcome = joined
    send(ws, {"type": "set_lever", "seq": 2, "lever": "asylum_officers", "value": 950})
    until(ws, of_type("state"))
    # The same message again, on this socket and on another one holding the stolen token.
    replay = json.dumps({"type": "set_lever", "seq": 2, "lever": "asylum_officers",
                         "value": 800})
    assert "already received" in refused(ws, host, replay)
    with client.websocket_connect("/ws") as other:
        send(other, {"type": "resume", "token": welcome["token"]})
        until(other, of_type("welcome"))
        assert "already received" in refused(other, host, replay)
    assert host.room.desk.draft("US") == {"asylum_officers": 950}


def test_a_wrong_join_code_is_refused(joined) -> None:
    host, client, _, _ = joined
    with client.websocket_connect("/ws") as ws:
        refused(ws, host, json.dumps({"type": "join", "code": "ZZZZZZ", "team": "MX",
                                      "name": "Eve"}))
        refused(ws, host, json.dumps({"type": "lobby", "code": "ZZZZZZ"}))


@pytest.mark.parametrize("action", ["end_turn", "reopen", "skip", "move", "status"])
def test_a_wrong_pin_is_refused(joined, action) -> None:
    host, _, ws, welcome = joined
    message = refused(ws, host, json.dumps({"type": "teacher", "pin": "1357", "action": action,
                                            "team": "US", "device": welcome["id"]}))
    assert "PIN" in message


def test_guessing_the_pin_stops_after_a_few_tries(joined) -> None:
    host, _, ws, _ = joined
    for guess in range(protocol.PIN_TRIES):
        refused(ws, host, json.dumps({"type": "teacher", "pin": f"{guess:04d}",
                                      "action": "end_turn"}))
    # Even the right PIN is refused on this connection now.
    message = refused(ws, host, json.dumps({"type": "teacher", "pin": "2468",
                                            "action": "end_turn"}))
    assert "Too many" in message


def test_a_flood_of_messages_is_slowed_down(joined) -> None:
    host, _, ws, _ = joined
    for _ in range(protocol.RATE_BURST + 10):
        send(ws, {"type": "ping"})
    answers = [ws.receive_json() for _ in range(protocol.RATE_BURST + 10)]
    assert any(a["type"] == "error" and "slow down" in a["message"] for a in answers)


def test_a_page_from_another_site_cannot_open_a_socket() -> None:
    from starlette.websockets import WebSocketDisconnect

    host = make_host()
    with client_for(host) as client, pytest.raises(WebSocketDisconnect):
        with client.websocket_connect("/ws", headers={"origin": "http://evil.example"}) as ws:
            ws.receive_json()


def test_names_are_kept_as_text_and_the_page_never_uses_innerhtml() -> None:
    from game.net.app import WEB

    host = make_host()
    token, device = host.join("ACDEFG", "US", "<img src=x onerror=1>")
    assert device.name == "<img src=x onerror=1>"  # shown with textContent only
    script = (WEB / "static" / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "eval(" not in script and "document.write" not in script


def test_the_page_forbids_scripts_from_anywhere_else() -> None:
    host = make_host()
    with client_for(host) as client:
        page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_a_page_reached_by_a_domain_name_is_refused() -> None:
    """DNS rebinding: another site's name pointed at this computer gets neither page nor socket."""
    from starlette.websockets import WebSocketDisconnect

    host = make_host()
    with client_for(host) as client:
        assert client.get("/", headers={"host": "evil.example:8719"}).status_code == 421
        assert client.get("/", headers={"host": "192.168.1.20:8719"}).status_code == 200
        with pytest.raises(WebSocketDisconnect), client.websocket_connect(
                "/ws", headers={"host": "evil.example:8719",
                                "origin": "http://evil.example:8719"}) as ws:
            ws.receive_json()
