import json
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from articles.documents import find_documents
from articles.importers import import_found


class Command(BaseCommand):
    help = (
        "Import scraped article documents into the archive: text scrapes (*.txt), saved web pages "
        "(*.html, *.htm), or folders of them."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="document files (*.txt, *.html) or folders of them")
        parser.add_argument("--dry-run", action="store_true", help="report what would be imported; write nothing")
        parser.add_argument("--publish", action="store_true", help="publish new articles (default: in review)")
        parser.add_argument("--update", action="store_true", help="re-import changed documents, keeping editors' decisions")
        parser.add_argument("--source", metavar="NAME", help="the publication, overriding what the documents say")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print a machine-readable report instead of lines")
        parser.add_argument(
            "--jobs",
            type=int,
            metavar="N",
            help="extract in N worker processes (default: one per core, up to 4, for 100 documents or more)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")

    def handle(self, *args, paths, dry_run, publish, update, source, as_json, jobs, no_progress, **options):
        items = list(find_documents(paths))
        if jobs is None:
            jobs = min(os.cpu_count() or 1, 4) if len(items) >= 100 else 1
        elif jobs < 1:
            raise CommandError("--jobs must be at least 1.")
        progress = _Progress(len(items), enabled=not as_json and not no_progress and len(items) > 1 and sys.stderr.isatty())
        totals: dict[str, int] = {}
        report = []
        for result in import_found(items, source=source, publish=publish, update=update, dry_run=dry_run, jobs=jobs):
            totals[result.status] = totals.get(result.status, 0) + 1
            progress.step()
            if as_json:
                report.append(result.as_dict())
            else:
                progress.clear()
                line = result.summary_line()
                self.stdout.write(self.style.ERROR(line) if result.failed else line)
        progress.clear()
        failed = totals.get("failed", 0)
        if as_json:
            report = {"dry_run": dry_run, "totals": totals, "documents": report}
            self.stdout.write(json.dumps(report, indent=2, ensure_ascii=False, default=str))
        else:
            counts = ", ".join(f"{n} {status}" for status, n in sorted(totals.items())) or "nothing"
            prefix = "Dry run, nothing written: " if dry_run else ""
            self.stdout.write(self.style.SUCCESS(f"{prefix}{len(items)} document(s): {counts}."))
        if failed:
            raise CommandError(f"{failed} of {len(items)} document(s) failed.")


class _Progress:
    """A one-line progress bar on stderr, for batches imported at a terminal."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, 0, enabled

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            filled = int(30 * self.done / self.total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
