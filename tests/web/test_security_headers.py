"""Every page forbids inline scripts and framing; no template needs an inline script."""
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "quizapp" / "templates"


def test_pages_carry_a_strict_content_security_policy(app, client):
    response = client.get("/auth/login")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_template_has_an_inline_script_or_style():
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text("utf-8")
        for line in text.splitlines():
            if "<script" in line:
                assert "src=" in line, f"{path.name}: inline script"
        assert " style=" not in text and " onclick=" not in text, path.name
