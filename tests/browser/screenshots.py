"""Screenshots of the public pages for docs/screenshots/, from the two seed documents.

    .venv/bin/python tests/browser/screenshots.py

Imports fixtures/documents (published) into a fresh SQLite file, serves it with gunicorn on 127.0.0.1,
and photographs the home, list, article and person pages at 1280 and 390 pixels wide.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    db = Path(tempfile.mkdtemp()) / "screenshots.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "DJANGO_SECRET_KEY": "screenshots-only-secret-key",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    python = str(ROOT / ".venv" / "bin" / "python")
    manage = [python, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v0"], ["import_documents", "fixtures/documents", "--publish"],
                    ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    pick = (
        "from articles.models import Article, Quote; from django.db.models import Count;"
        "a = Article.objects.published().annotate(n=Count('quotes')).order_by('-n').first();"
        "p = Quote.objects.public().top_speakers(since='1900-01-01').first();"
        "print(a.get_absolute_url()); print(p.get_absolute_url())"
    )
    article, person = subprocess.run(
        manage + ["shell", "-c", pick], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()[-2:]
    port = _free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "newsarchive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=env, cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(base + "/robots.txt")
                break
            except OSError:
                time.sleep(0.2)
        from playwright.sync_api import sync_playwright

        pages = {"home": "/", "list": "/articles/", "article": article, "person": person}
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for label, width in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": 900})
                for name, path in pages.items():
                    page.goto(base + path)
                    page.screenshot(path=str(OUT / f"{name}-{label}.png"), full_page=True)
                    print(OUT / f"{name}-{label}.png")
            browser.close()
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
