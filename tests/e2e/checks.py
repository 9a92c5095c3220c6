"""What every page a journey visits must pass: axe-core finds no serious or critical
accessibility violation, and at 375 px the page does not scroll sideways.

axe-core comes from the npm registry (package.json; ``make test`` runs ``npm ci``). It is added
to each page as an init script of the browser context: the browser runs such scripts itself,
outside the page's content security policy, so the app's strict policy stays on in these tests
too (an app script it refused would still fail the test through the console).
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DOCS_SHOTS = ROOT / "docs" / "screenshots"
PHONE_WIDTH = 375
BLOCKING = ("serious", "critical")

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)}));
}"""


def with_axe(context) -> None:
    """Make every page of ``context`` carry axe-core."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` installs axe-core (npm ci)")
    context.add_init_script(path=str(AXE))


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now."""
    page.wait_for_load_state()
    return page.evaluate(RUN_AXE)


WIDEST = """() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right
                 <= document.documentElement.clientWidth + 0.5)
    .slice(0, 5)
    .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
              ? '.' + String(e.className).split(' ').join('.') : '')
              + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')"""


def sideways_at_phone_width(page) -> tuple[int, list[str]]:
    """How many pixels wider than a 375 px phone the page lays out (0: none), and the
    outermost elements that stick out; the window is narrowed for the measure and put back."""
    size = page.viewport_size
    page.set_viewport_size({"width": PHONE_WIDTH, "height": size["height"]})
    try:
        extra = max(0, page.evaluate("document.documentElement.scrollWidth") - PHONE_WIDTH)
        return extra, (page.evaluate(WIDEST) if extra else [])
    finally:
        page.set_viewport_size(size)


def check_page(page, shot: str | None = None) -> None:
    """The page now shown passes axe (nothing serious or critical) and fits a phone; with
    ``shot``, a screenshot of the first screenful goes to docs/screenshots/<shot>.png."""
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    assert blocking == [], f"axe on {page.url}: " + "\n".join(
        f"{v['impact']} {v['id']} ({v['help']}): {v['nodes']}" for v in blocking)
    extra, culprits = sideways_at_phone_width(page)
    assert extra == 0, (f"{page.url} scrolls {extra} px sideways at {PHONE_WIDTH} px: "
                        + ", ".join(culprits))
    if shot:
        DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS_SHOTS / f"{shot}.png"))  # the first screenful


def visit_and_check(page, url: str, shot: str | None = None) -> None:
    """Open ``url`` and check it (``check_page``): one line per page a journey visits."""
    response = page.goto(url)
    assert response is not None and response.status < 400, f"{url} answered {response.status}"
    check_page(page, shot)
