"""Calling ``import_documents`` from tests: its output, or its output and the error it ends with."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> str:
    out = StringIO()
    call_command("import_documents", *map(str, args), stdout=out)
    return out.getvalue()


def run_failing(*args) -> tuple[str, str]:
    out = StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_documents", *map(str, args), stdout=out)
    return out.getvalue(), str(excinfo.value)
