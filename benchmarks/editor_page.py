#!/usr/bin/env python3
"""The web table editor measured in Debian's Chromium: page weight, first render, actions per change.

    .venv/bin/python benchmarks/editor_page.py [--runs 5] [--shots docs/render]

Drafts a 10-row plan through the console (the real App, offline default engine), serves the
real server app under uvicorn on 127.0.0.1 and opens the editor link in /usr/bin/chromium:
  weight   bytes of the HTML, CSS and JS of the page (the Thai font listed apart)
  render   first render on localhost: navigation start to first contentful paint, DOMContentLoaded
           (after editor.js has sized every text box) and load (fonts included), median of N
           fresh contexts, plus the server's time to answer GET /editor/... (httpx)
  actions  a scripted officer changes 10 fields (one per row: owners, timeline, KPI, measure,
           a step) on the phone layout: actions counted (fill, select, tap) and page time;
           the same 10 changes sent as chat messages: messages and characters typed
Screenshots of the phone (360x740) and desktop (1280x800) layouts go to --shots.
Not a test: it only measures (and checks that every change landed).
"""

from __future__ import annotations

import argparse
import io
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.app import build  # noqa: E402
from bot.channels import console  # noqa: E402
from bot.channels.server import create_app  # noqa: E402
from bot.dialogue.messages import Inbound  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.test_console_edits import SCORES  # noqa: E402

FONT_PATHS = ("/editor/font/Laksaman.ttf", "/editor/font/Laksaman-Bold.ttf")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def drafted(app, user: str) -> None:
    lines = ["สวัสดีครับ", "เทศบาลตำบลนามะเขือ", "1", "ใช้ตามนี้ค่ะ", "2568", *SCORES, "ยืนยันค่ะ"]
    console.run(app, user_id=user, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=io.StringIO())


# The 10 changes, one per row: (row number, what, page value, chat message).
def changes() -> list[tuple[int, str, str, str]]:
    return [
        (1, "owner", "กองคลัง", "แก้ผู้รับผิดชอบแถว 1 เป็น กองคลัง"),
        (2, "timeline", "ม.ค. 69|มี.ค. 69", "แถว 2 ระยะเวลา ม.ค. 69 - มี.ค. 69"),
        (3, "kpi", "ร้อยละ 100 ของบุคลากรผ่านการอบรม", "แก้ตัวชี้วัดแถว 3 เป็น ร้อยละ 100 ของบุคลากรผ่านการอบรม"),
        (4, "owner", "กองช่าง", "แก้ผู้รับผิดชอบแถว 4 เป็น กองช่าง"),
        (5, "timeline", "ต.ค. 68|ธ.ค. 68", "แถว 5 ระยะเวลา ต.ค. 68 - ธ.ค. 68"),
        (6, "measure", "ประชุมชี้แจงแนวทางให้บุคลากรทุกกอง", "แก้มาตรการแถว 6 เป็น ประชุมชี้แจงแนวทางให้บุคลากรทุกกอง"),
        (7, "owner", "กองการศึกษา", "แก้ผู้รับผิดชอบแถว 7 เป็น กองการศึกษา"),
        (8, "kpi", "ผู้รับบริการพึงพอใจร้อยละ 85", "แก้ตัวชี้วัดแถว 8 เป็น ผู้รับบริการพึงพอใจร้อยละ 85"),
        (9, "timeline", "ก.พ. 69|ก.ค. 69", "แถว 9 ระยะเวลา ก.พ. 69 - ก.ค. 69"),
        (10, "step", "สรุปผลเสนอผู้บริหาร", "เพิ่มขั้นตอนแถว 10 สรุปผลเสนอผู้บริหาร"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shots", type=Path, default=REPO / "docs" / "render")
    args = parser.parse_args()

    port = free_port()
    data = Path(tempfile.mkdtemp(prefix="editor-bench-"))
    settings = Settings(
        _env_file=None,
        data_dir=data,
        link_secret="editor-benchmark-secret-0123456789",
        public_base_url=f"http://127.0.0.1:{port}",
    )
    app = build(settings, in_memory_index=True)
    for user in ("page", "chat", "shots"):
        drafted(app, user)
    rows = len(app.sessions.load("console:page").draft.rows)
    asgi = create_app(settings, app)
    server = uvicorn.Server(uvicorn.Config(asgi, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    links = asgi.state.editor.links
    print(f"plan rows: {rows}")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        # ---------------------------------------------------------------- weight and first render
        sizes: dict[str, int] = {}
        dcl, load, parts = [], [], []
        for _ in range(args.runs):
            context = browser.new_context(viewport={"width": 360, "height": 740})
            page = context.new_page()
            seen: dict[str, int] = {}
            page.on(
                "response",
                lambda r, seen=seen: seen.__setitem__(
                    r.url.split(f":{port}")[-1].split("?")[0], len(r.body())
                ),
            )
            page.goto(links.issue("console:page"), wait_until="load")
            timing = page.evaluate(
                "(() => { const n = performance.getEntriesByType('navigation')[0];"
                " const f = performance.getEntriesByName('first-contentful-paint')[0];"
                " return [n.domContentLoadedEventEnd, n.loadEventEnd, n.responseEnd, n.domInteractive,"
                " f ? f.startTime : -1]; })()"
            )
            dcl.append(timing[0])
            parts.append(timing[2:])
            load.append(timing[1])
            sizes = seen
            context.close()
        font = sum(v for k, v in sizes.items() if k in FONT_PATHS)
        other = {
            k if "/editor/e" not in k else "page HTML": v for k, v in sizes.items() if k not in FONT_PATHS
        }
        print("weight without the font:", sum(other.values()), "bytes", other)
        print("font:", font, "bytes")
        print(
            f"first render: DOMContentLoaded median {statistics.median(dcl):.0f} ms, load {statistics.median(load):.0f} ms (n={args.runs})"
        )
        print(
            "  responseEnd / domInteractive / first contentful paint per run (ms):",
            [[round(x) for x in p_] for p_ in parts],
        )
        print(f"  first contentful paint median {statistics.median(p_[2] for p_ in parts):.0f} ms")
        server_ms = []
        with httpx.Client() as client:
            for _ in range(args.runs):
                url = links.issue("console:page")
                start = time.perf_counter()
                assert client.get(url).status_code == 200
                server_ms.append((time.perf_counter() - start) * 1000)
        print(f"server GET /editor/...: median {statistics.median(server_ms):.0f} ms")

        # ---------------------------------------------------------------- 10 changes on the page
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(links.issue("console:page"))
        actions = 0
        start = time.perf_counter()
        for number, what, value, _chat in changes():
            row = page.locator(f"#row-{number}")
            if what == "owner":
                row.locator("input[name=owner]").first.fill(value)
                actions += 1
            elif what == "timeline":
                first, last = value.split("|")
                row.locator("select[name=start_month]").select_option(label=first)
                row.locator("select[name=end_month]").select_option(label=last)
                actions += 2
            elif what == "step":
                row.get_by_role("button", name="+ ขั้นตอน").click()
                row.locator("textarea[name=step]").last.fill(value)
                actions += 2
            else:
                row.locator(f"textarea[name={what}]").fill(value)
                actions += 1
            page.locator(f"#row-{number}").get_by_role("button", name=f"บันทึกแถว {number}").click()
            page.wait_for_selector("#notice")
            actions += 1
        page_seconds = time.perf_counter() - start
        typed_page = sum(len(v.replace("|", "")) for _n, w, v, _c in changes() if w not in ("timeline",))
        context.close()
        stored = {r.number: r for r in app.sessions.load("console:page").draft.rows}
        assert stored[1].owners[0] == "กองคลัง" and stored[2].start_month == "2026-01"
        assert stored[10].steps[-1].endswith("สรุปผลเสนอผู้บริหาร") and stored[6].measure.startswith("ประชุม")
        print(
            f"page: 10 changes in {actions} actions, {page_seconds:.1f} s of scripted interaction, "
            f"{typed_page} characters typed"
        )

        # ---------------------------------------------------------------- the same through chat
        typed_chat = 0
        for _n, _w, _v, message in changes():
            reply = app.dialogue.handle(Inbound("console", "chat", text=message))
            typed_chat += len(message)
            assert reply.texts, message
        chat = {r.number: r for r in app.sessions.load("console:chat").draft.rows}
        landed = sum(
            [
                chat[1].owners == ["กองคลัง"],
                chat[2].start_month == "2026-01",
                chat[3].kpi.startswith("ร้อยละ 100"),
                chat[4].owners == ["กองช่าง"],
                chat[5].end_month == "2025-12",
                chat[6].measure.startswith("ประชุม"),
                chat[7].owners == ["กองการศึกษา"],
                chat[8].kpi.startswith("ผู้รับบริการ"),
                chat[9].start_month == "2026-02",
                chat[10].steps[-1].endswith("สรุปผลเสนอผู้บริหาร"),
            ]
        )
        print(
            f"chat: 10 changes in 10 messages (+10 sends), {typed_chat} characters typed, {landed}/10 landed"
        )

        # ---------------------------------------------------------------- screenshots
        args.shots.mkdir(parents=True, exist_ok=True)
        for name, (width, height) in {"phone": (360, 740), "desktop": (1280, 800)}.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(links.issue("console:shots"))
            page.screenshot(path=str(args.shots / f"editor-{name}.png"))
            context.close()
        browser.close()
    server.should_exit = True
    print("screenshots:", ", ".join(str(args.shots / f"editor-{n}.png") for n in ("phone", "desktop")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
