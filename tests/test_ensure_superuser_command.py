import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_creates_a_superuser_once_with_a_printed_password():
    out = StringIO()
    call_command("ensure_superuser", stdout=out)
    password = re.search(r"password: (\S+)", out.getvalue()).group(1)
    assert authenticate(username="admin", password=password).is_superuser

    again = StringIO()
    call_command("ensure_superuser", stdout=again)
    assert "exists already" in again.getvalue()
    assert "password" not in again.getvalue()
    assert get_user_model().objects.count() == 1
