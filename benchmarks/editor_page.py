#!/usr/bin/env python3
"""The web table editor measured in Debian's Chromium: page weight, first render, actions per change.

    .venv/bin/python benchmarks/editor_page.py [--runs 5] [--shots docs/render]

Drafts a 10-row plan through the console (the real App, offline default engine) and a 40-row
plan (the rows the chat drafts for four agencies of four types, put in one plan), serves the
real server app under uvicorn on 127.0.0.1 and opens the editor link in /usr/bin/chromium:
  weight   bytes of the HTML, CSS and JS of the page as sent (gzip) and unpacked, from the
           browser's Resource Timing; the Thai font listed apart
  render   first render: navigation start to first contentful paint, and DOMContentLoaded
           (after editor.js has run), median of N fresh contexts, on localhost and on two fake
           networks set in Chromium (DevTools protocol): "4G" (70 ms latency, 9 Mbit/s down) and
           "3G" (300 ms, 1.6 Mbit/s); plus the server's time to answer GET /editor/... (httpx)
  actions  a scripted officer changes 10 fields (one per row: owners, timeline, KPI, measure,
           a step) on the phone layout: actions counted (fill, select, tap) and page time;
           the same 10 changes sent as chat messages: messages and characters typed
  safety   script and HTML payloads in every kind of cell and the agency name, opened at phone and
           desktop sizes and saved back: scripts run (a payload counts itself in window.xss) and
           dialogs; every route tried with one agency's link and another's user tag, both ways:
           answers that succeed or show the other agency, and drafts changed; 10 conflicts (a chat
           edit of a row while the page edits another cell of it): edits lost
Screenshots of the phone (360x740) and desktop (1280x800) layouts, and of the phone layout
asking before a row is redrafted, go to --shots.
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
from bot.drafting.edits import number_rows  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.test_console_edits import SCORES  # noqa: E402

FONT_PATHS = ("/editor/font/Laksaman.ttf", "/editor/font/Laksaman-Bold.ttf")
# Fake networks (Chromium's Network.emulateNetworkConditions): latency in ms, throughput in bytes/s.
NETWORKS: dict[str, dict | None] = {
    "localhost": None,
    "4G": {"offline": False, "latency": 70, "downloadThroughput": 9e6 / 8, "uploadThroughput": 4e6 / 8},
    "3G": {"offline": False, "latency": 300, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8},
}
# Four agencies of four types (the playbook's type numbers), their chat drafts put in one 40-row plan.
AGENCIES = (
    ("เทศบาลตำบลนามะเขือ", "1"),
    ("องค์การบริหารส่วนตำบลโนนสะอาด", "4"),
    ("โรงเรียนบ้านหนองบัว", "6"),
    ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1", "7"),
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def drafted(app, user: str, name: str = AGENCIES[0][0], kind: str = "1", lower: float = 0.0) -> None:
    scores = [line if line == '"""' else _lowered(line, lower) for line in SCORES]
    lines = ["สวัสดีครับ", name, kind, "ใช้ตามนี้ค่ะ", "2568", *scores, "ยืนยันค่ะ"]
    console.run(app, user_id=user, stdin=io.StringIO("\n".join(lines) + "\n"), stdout=io.StringIO())


def _lowered(line: str, by: float) -> str:
    head, _, score = line.rpartition(" ")
    return f"{head} {float(score) - by:.2f}"


def forty_rows(app, user: str) -> int:
    """Store a 40-row plan for console:`user`: the chat's drafts for four agencies, in one plan."""
    rows = []
    for i, (name, kind) in enumerate(AGENCIES):
        drafted(app, f"{user}-{i}", name, kind, lower=8 + 3 * i)
        draft = app.sessions.load(f"console:{user}-{i}").draft
        rows += [r.model_copy(update={"number": None}) for r in draft.rows]
    drafted(app, user)
    with app.sessions.open(f"console:{user}") as session:
        session.draft = number_rows(session.draft.model_copy(update={"rows": rows}))
        return len(session.draft.rows)


TIMING = """(() => {
  const n = performance.getEntriesByType('navigation')[0];
  const f = performance.getEntriesByName('first-contentful-paint')[0];
  const files = performance.getEntriesByType('resource').map(r => [new URL(r.name).pathname, r.encodedBodySize, r.decodedBodySize]);
  return {dcl: n.domContentLoadedEventEnd, fcp: f ? f.startTime : -1,
          html: [n.encodedBodySize, n.decodedBodySize], files: files};
})()"""


def measure(browser, issue, runs: int, network: dict | None) -> dict:
    """Open fresh links in fresh contexts: sizes (sent, unpacked) and first render, medians of `runs`."""
    fcp, dcl, sizes = [], [], {}
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        if network is not None:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", network)
        page.goto(issue(), wait_until="load")
        got = page.evaluate(TIMING)
        fcp.append(got["fcp"])
        dcl.append(got["dcl"])
        sizes = {"page HTML": got["html"], **{path: [e, d] for path, e, d in got["files"]}}
        context.close()
    font = sum(v[1] for k, v in sizes.items() if k in FONT_PATHS)
    other = {k: v for k, v in sizes.items() if k not in FONT_PATHS}
    return {
        "sent": sum(v[0] for v in other.values()),
        "unpacked": sum(v[1] for v in other.values()),
        "files": other,
        "font": font,
        "fcp": statistics.median(f for f in fcp if f >= 0),  # -1: no paint entry recorded in that run
        "fcp_best": min(f for f in fcp if f >= 0),
        "dcl": statistics.median(dcl),
    }


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


# Each counts itself when it runs; text from documents and the LLM is untrusted, so it goes in every cell.
PAYLOADS = [
    "<script>window.xss=(window.xss||0)+1</script>",
    '<img src=x onerror="window.xss=(window.xss||0)+1">',
    '"><svg onload="window.xss=(window.xss||0)+1">',
    '\'><iframe srcdoc="<script>parent.xss=(parent.xss||0)+1</script>">',
    "</textarea><script>window.xss=(window.xss||0)+1</script>",
    '<a href="javascript:window.xss=(window.xss||0)+1">ลิงก์</a>',
    '{{7*7}}<b onmouseover="window.xss=(window.xss||0)+1">b</b>',
    '<details open ontoggle="window.xss=(window.xss||0)+1">',
]


def xss(app, browser, links, key: str) -> tuple[int, int]:
    """Put every payload in every kind of cell; return (scripts run + dialogs, elements made, cells)."""
    with app.sessions.open(key) as session:
        draft = number_rows(session.draft)
        rows = list(draft.rows)
        for i, text in enumerate(PAYLOADS):
            row = rows[i % len(rows)]
            cells = ("topic", "measure", "analysis", "monitoring", "reporting", "kpi")
            rows[i % len(rows)] = row.model_copy(
                update={**dict.fromkeys(cells, text), "steps": [text, *row.steps[1:]], "owners": [text]}
            )
        agency = draft.agency.model_copy(update={"name": PAYLOADS[1]})
        session.draft = draft.model_copy(update={"rows": rows, "agency": agency})
        session.profile = session.profile.model_copy(update={"units": PAYLOADS})
    ran = injected = 0
    for width, height in ((360, 740), (1280, 800)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d, dialogs=dialogs: (dialogs.append(d.message), d.dismiss()))
        page.goto(links.issue(key))
        for summary in page.locator("summary").all():
            summary.click()
        for area in page.locator("textarea").all()[:40]:
            area.hover()
        page.get_by_role("button", name="บันทึกแถว 1", exact=True).click()  # saved back, shown again
        page.wait_for_selector("#notice")
        ran += page.evaluate("window.xss || 0") + len(dialogs)
        # Markup that became elements (CSP would still stop it running): escaping must leave none.
        injected += page.locator(
            "img, svg, iframe, b, details[ontoggle], script:not([src]), a[href^=javascript]"
        ).count()
        context.close()
    return ran, injected, 2 * len(PAYLOADS) * 9 + 2


def cross_agency(app, links, base: str, mine: str, theirs: str) -> tuple[int, int]:
    """Every route with one agency's token and the other's user tag, both ways, with a valid CSRF pair."""
    before = (app.sessions.load(mine).draft, app.sessions.load(theirs).draft)
    names = [d.agency.name for d in before]
    bad, tries = 0, 0
    for own, other in ((mine, theirs), (theirs, mine)):
        token, _, tag = links.issue(own).partition("/editor/")[2].partition("?u=")
        other_tag = links.issue(other).partition("?u=")[2]
        other_token = links.issue(other).partition("/editor/")[2].partition("?u=")[0]
        with httpx.Client(base_url=base) as client:
            page = client.get(f"/editor/{token}", params={"u": tag}).text  # own page: cookie and token
            csrf = page.split('name="csrf" value="')[1].split('"')[0]
            version = page.split('name="version" value="')[1].split('"')[0]
            form = {"csrf": csrf, "version": version, "measure": "ของหน่วยงานอื่น", "action": "delete"}
            for tok, user in ((token, other_tag), (other_token, tag)):
                for method, path in (
                    ("GET", ""),
                    ("GET", "/file/xlsx"),
                    ("POST", "/row/1"),
                    ("POST", "/act/1"),
                    ("POST", "/undo"),
                ):
                    data = form if method == "POST" else None
                    got = client.request(method, f"/editor/{tok}{path}", params={"u": user}, data=data)
                    tries += 1
                    shown = any(n in got.text for n in names) if got.status_code != 200 else True
                    bad += got.status_code < 400 or shown
    after = (app.sessions.load(mine).draft, app.sessions.load(theirs).draft)
    return bad + sum(a != b for a, b in zip(before, after, strict=True)), tries


def conflicts(app, browser, links, key: str) -> tuple[int, int]:
    """10 rounds: the page is open, chat changes row n's owners, the page saves row n's measure."""
    user = key.partition(":")[2]
    lost = 0
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for n in range(1, 11):
        page.goto(links.issue(key))
        app.dialogue.handle(Inbound("console", user, text=f"แก้ผู้รับผิดชอบแถว {n} เป็น กองช่าง"))
        page.locator(f"#row-{n} textarea[name=measure]").fill(f"มาตรการที่แก้บนหน้าเว็บ {n}")
        page.get_by_role("button", name=f"บันทึกแถว {n}", exact=True).click()
        page.wait_for_selector("#notice.error")  # refused: the draft changed meanwhile
        page.get_by_role("button", name=f"บันทึกแถว {n}", exact=True).click()  # again, as the page kept it
        page.wait_for_selector("#notice:not(.error)")
        row = next(r for r in number_rows(app.sessions.load(key).draft).rows if r.number == n)
        lost += (row.owners != ["กองช่าง"]) + (row.measure != f"มาตรการที่แก้บนหน้าเว็บ {n}")
    context.close()
    return lost, 20


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shots", type=Path, default=REPO / "docs" / "render")
    parser.add_argument("--skip-timing", action="store_true", help="skip page weight and first render")
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
    for user in ("page", "chat", "shots", "redraft", "xss", "conflict"):
        drafted(app, user)
    drafted(app, "other", *AGENCIES[2])  # a school: another agency
    rows = len(app.sessions.load("console:page").draft.rows)
    big = forty_rows(app, "big")
    asgi = create_app(settings, app)
    server = uvicorn.Server(uvicorn.Config(asgi, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    links = asgi.state.editor.links
    print(f"plan rows: {rows} and {big}")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        # ---------------------------------------------------------------- weight and first render
        measure(browser, lambda: links.issue("console:page"), 1, None)  # warm up: not counted
        for key, count in (("console:page", rows), ("console:big", big)) if not args.skip_timing else ():
            for name, network in NETWORKS.items():
                got = measure(browser, lambda key=key: links.issue(key), args.runs, network)
                print(
                    f"{count} rows, {name}: first contentful paint median {got['fcp']:.0f} ms "
                    f"(best {got['fcp_best']:.0f}), "
                    f"DOMContentLoaded {got['dcl']:.0f} ms (n={args.runs})"
                )
            print(
                f"{count} rows: weight without the font {got['sent'] / 1000:.1f} KB sent "
                f"({got['unpacked'] / 1000:.1f} KB unpacked); font {got['font'] / 1000:.0f} KB unpacked"
            )
            print("  sent / unpacked bytes:", {k.rsplit("/", 1)[-1]: v for k, v in got["files"].items()})
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

        # ---------------------------------------------------------------- safety
        ran, injected, cells = xss(app, browser, links, "console:xss")
        print(
            f"XSS: {ran} scripts run or dialogs opened, {injected} elements made from markup, "
            f"of {cells} payload cells shown and saved back"
        )
        bad, tries = cross_agency(app, links, f"http://127.0.0.1:{port}", "console:page", "console:other")
        print(f"cross-agency: {bad} reads or writes of {tries} tries with another agency's link")
        lost, edits = conflicts(app, browser, links, "console:conflict")
        print(f"conflicts: {lost} of {edits} edits lost (10 chat edits, 10 page edits, each row both)")

        # ---------------------------------------------------------------- screenshots
        args.shots.mkdir(parents=True, exist_ok=True)
        for name, (width, height) in {"phone": (360, 740), "desktop": (1280, 800)}.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(links.issue("console:shots"))
            page.screenshot(path=str(args.shots / f"editor-{name}.png"))
            if name == "phone":  # the question before a redraft replaces the officer's own edit
                page.goto(links.issue("console:redraft"))
                page.locator("#row-2 textarea[name=measure]").fill("มาตรการที่เจ้าหน้าที่เขียนเอง")
                page.get_by_role("button", name="บันทึกแถว 2").click()
                page.wait_for_selector("#notice")
                page.locator("#row-2").get_by_role("button", name="ร่างแถว 2 ใหม่").click()
                page.wait_for_selector("#row-2 .confirm")
                page.locator("#row-2 .actions").scroll_into_view_if_needed()
                page.screenshot(path=str(args.shots / "editor-phone-redraft.png"))
            context.close()
        browser.close()
    server.should_exit = True
    shots = ("phone", "desktop", "phone-redraft")
    print("screenshots:", ", ".join(str(args.shots / f"editor-{n}.png") for n in shots))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
