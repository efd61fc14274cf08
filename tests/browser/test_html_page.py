"""The HTML export in headless Chromium: every event shown, text as text, nothing fetched,
no console error, search narrows the list, j/k move between events."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from timeline.store import Store, export_file


@pytest.fixture
def page(browser, export_store: Store, tmp_path: Path):
    target = tmp_path / "timeline.html"
    export_file(export_store, target)
    browser.goto(target.as_uri())
    return browser


def test_every_event_is_one_element_and_text_stays_text(page) -> None:
    assert page.evaluate("document.querySelectorAll('[data-event-id]').length") == 10
    ids = page.evaluate(
        "[...document.querySelectorAll('[data-event-id]')].map(e => e.dataset.eventId)"
    )
    assert ids == ["2", "1", "3", "4", "5", "6", "7", "8", "9", "10"]
    assert page.evaluate("document.querySelector('[data-event-id=\"8\"] h4').textContent") == (
        "</script><b>not bold</b>"
    )
    assert page.evaluate("document.querySelectorAll('main b, main script').length") == 0
    headings = page.evaluate("[...document.querySelectorAll('h2')].map(h => h.textContent)")
    assert headings == ["44 BCE", "2012", "2021", "2022", "Undated"]
    dates = page.evaluate("[...document.querySelectorAll('time')].map(t => t.textContent)")
    assert dates[:3] == ["c. 44 BCE", "Mar 44 BCE", "2012"]
    assert "30–31 Aug 2022" in dates and "31 Aug 2022 14:30" in dates
    assert page.evaluate("document.querySelectorAll('#chart .bar').length") == 5


def test_the_page_requests_nothing_and_logs_no_error(page) -> None:
    requests = [
        e["params"]["request"]["url"]
        for e in page.events
        if e["method"] == "Network.requestWillBeSent"
    ]
    assert all(url.startswith("file://") for url in requests) and len(requests) == 1
    errors = [
        e
        for e in page.events
        if e["method"] == "Runtime.exceptionThrown"
        or (e["method"] == "Runtime.consoleAPICalled" and e["params"]["type"] == "error")
        or (e["method"] == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
    ]
    assert errors == []


def test_the_policy_refuses_a_request_made_from_the_page(page) -> None:
    page.evaluate("fetch('https://example.org/').catch(() => null); 1")
    page.evaluate("new Promise(r => setTimeout(r, 100))")
    blocked = [
        e
        for e in page.events
        if e["method"] == "Log.entryAdded"
        and "Content Security Policy" in e["params"]["entry"]["text"]
    ]
    sent = [
        e
        for e in page.events
        if e["method"] == "Network.requestWillBeSent"
        and e["params"]["request"]["url"].startswith("https:")
    ]
    assert blocked and not sent


def _shown(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('[data-event-id]')]"
        ".filter(e => e.offsetParent !== null).map(e => e.dataset.eventId)"
    )


def test_search_narrows_the_list_as_you_type(page) -> None:
    page.press("/", "Slash", "/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.send("Input.insertText", {"text": "visit"})
    assert _shown(page) == ["3", "6"]
    assert page.evaluate("document.getElementById('count').textContent") == "2 of 10 events"
    visible_years = "[...document.querySelectorAll('h2')].filter(h => h.offsetParent).length"
    assert page.evaluate(visible_years) == 2
    page.send("Input.insertText", {"text": " lasted"})
    assert _shown(page) == ["6"]
    page.press("Escape", "Escape")
    assert len(_shown(page)) == 10


def test_j_and_k_move_between_events(page) -> None:
    focused = "document.activeElement.dataset.eventId"
    page.press("j", "KeyJ", "j")
    assert page.evaluate(focused) == "2"
    page.press("j", "KeyJ", "j")
    page.press("ArrowDown", "ArrowDown")
    assert page.evaluate(focused) == "3"
    page.press("k", "KeyK", "k")
    assert page.evaluate(focused) == "1"


def test_a_screenshot_can_be_taken(page, tmp_path: Path) -> None:
    shot = page.send("Page.captureScreenshot", {"format": "png"})
    data = base64.b64decode(shot["data"])
    assert data.startswith(b"\x89PNG") and len(data) > 5000
