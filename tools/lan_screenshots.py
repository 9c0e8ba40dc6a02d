"""Screenshots of a class on students' devices for docs/classroom.md (issue 19).

Starts a host on 127.0.0.1 with three teams of the June 2019 crisis, lets a few simulated
devices join and play a turn, then takes the phone page at 390×844 in headless chromium and the
projector screen under SDL's dummy video driver::

    SDL_VIDEODRIVER=dummy python tools/lan_screenshots.py [--out docs/screenshots/classroom]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# tools/ holds an i18n.py of its own, which would hide pygame_gui's i18n dependency.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "tools"]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def play_a_turn(host) -> None:  # type: ignore[no-untyped-def]
    """Devices join every team; the US offers Mexico a deal; every team commits."""
    from game.net import protocol as msg

    devices = {c: host.join(host.code, c, n)[1] for c, n in
               (("US", "Ana"), ("MX", "Carla"), ("CA", "Dev"), ("US", "Ben"), ("MX", "Luis"))}
    host.act(devices["US"], msg.SetLever(type="set_lever", seq=1, lever="asylum_officers",
                                         value=1100))
    host.act(devices["CA"], msg.SetLever(type="set_lever", seq=1, lever="asylum_officers",
                                         value=230))
    for c in ("US", "MX", "CA"):
        host.act(devices[c], msg.Commit(type="commit", seq=5))
    host.act(devices["US"], msg.Propose(type="propose", seq=6, kind="safe_third_country",
                                        partners=["MX"], terms={"coverage": 0.6}))
    host.act(devices["MX"], msg.SetLever(type="set_lever", seq=6, lever="asylum_officers",
                                         value=90))
    host.act(devices["CA"], msg.Commit(type="commit", seq=6))


def phone(url: str, code: str, out: Path) -> None:
    """The join page and Mexico's desk on a 390×844 phone screen."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--force-device-scale-factor=1", "--lang=en-US"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2.0}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(f"{url}?code={code}")
        wait = WebDriverWait(driver, 15)
        wait.until(lambda d: d.find_element(By.ID, "join").is_displayed())
        driver.find_element(By.ID, "see-teams").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "button[data-team='MX']"))
        driver.find_element(By.ID, "name").send_keys("Sofía")
        time.sleep(0.3)
        driver.save_screenshot(str(out / "lan_phone_join.png"))
        driver.find_element(By.CSS_SELECTOR, "button[data-team='MX']").click()
        wait.until(lambda d: d.find_element(By.ID, "desk").is_displayed())
        time.sleep(0.8)
        driver.save_screenshot(str(out / "lan_phone_desk.png"))
        for section, name in (("levers", "lan_phone_levers.png"),
                              ("inbox", "lan_phone_deals.png"),
                              ("report", "lan_phone_report.png")):
            element = driver.find_element(By.ID, section)
            driver.execute_script("arguments[0].scrollIntoView({block: 'start'});"
                                  "window.scrollBy(0, -70);", element)
            time.sleep(0.3)
            driver.save_screenshot(str(out / name))
    finally:
        driver.quit()


def projector(running, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The projector and teacher panel at 1280×720."""
    import pygame

    from game.play.settings import Settings
    from game.ui.app import App
    from game.ui.scenes.registry import open_scene

    app = App((1280, 720), settings=Settings())
    scene = open_scene("class_lan", app, running)
    app.switch(scene)
    app.frame(0.6)
    app.frame(0.6)
    pygame.image.save(app.screen, str(out / "lan_projector.png"))
    pygame.quit()


def main() -> int:
    """Host, play, shoot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "classroom")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from game.net.host import LanHost
    from game.net.server import serve
    from game.play.catalog import find_level
    from game.play.classroom import Classroom, ClassSettings, Team

    found = find_level("june-2019-crisis")
    assert not isinstance(found, str), found
    teams = (Team("Eagles", "US"), Team("Jaguars", "MX"), Team("Moose", "CA"))
    room = Classroom(found[0], ClassSettings(teams, timer_minutes=10, simultaneous=True))
    host = LanHost(room, code="K7QMXA", pin="4812")
    play_a_turn(host)
    running = serve(host, "127.0.0.1", 0)
    try:
        phone(running.url, host.code, args.out)
        projector(running, args.out)
    finally:
        running.stop()
    print(f"screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
