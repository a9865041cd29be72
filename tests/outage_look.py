"""Class mode in chromium while its PostgreSQL is stopped and restarted: screenshots of the
teacher's and a student's screens before, during and after (``screenshots/outage/``), with a
guess sent during the outage. Prints what each screen said and whether an exception showed.

    python tests/outage_look.py
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.crowd import _free_port, start_server  # noqa: E402
from tests.pgserver import PgServer  # noqa: E402

SHOTS = ROOT / "screenshots" / "outage"


def main() -> int:
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg = PgServer()
    os.environ["DATABASE_URL"] = pg.start()
    port = _free_port()
    server = start_server(port, "outage-server.log")
    base = f"http://127.0.0.1:{port}"
    report = []
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            teacher = b.new_context(viewport={"width": 1300, "height": 1000}).new_page()
            phone = b.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()

            def idle(page):
                page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
                time.sleep(1.5)

            def look(page, name):
                idle(page)
                page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
                text = page.inner_text("body")
                exc = page.locator('[data-testid="stException"]').count()
                report.append((name, exc, "not answering" in text))
                print(f"{name}: exceptions {exc}; says storage is not answering: {'not answering' in text}")

            teacher.goto(base + "/classroom?lang=en")
            idle(teacher)
            teacher.get_by_role("button", name="Start a class").click()
            idle(teacher)
            code = teacher.locator("div[style*='letter-spacing']").first.inner_text().strip()
            phone.goto(base + f"/classroom?lang=en&class={code}")
            idle(phone)
            phone.get_by_label("Nickname (optional, at most 24 characters)").fill("Ana")
            phone.get_by_role("button", name="Join").click()
            look(teacher, "1_teacher_before")
            look(phone, "1_student_before")

            pg.halt()
            time.sleep(3)
            phone.get_by_text("sugar", exact=True).first.click()
            phone.get_by_role("button", name="Send my guess").click()
            time.sleep(3)
            look(phone, "2_student_during")
            time.sleep(2)
            look(teacher, "2_teacher_during")

            pg.resume()
            time.sleep(6)
            look(phone, "3_student_after")
            look(teacher, "3_teacher_after")
            b.close()
    finally:
        server.terminate()
        pg.stop()
    return 0 if all(exc == 0 for _, exc, _ in report) else 1


if __name__ == "__main__":
    sys.exit(main())
