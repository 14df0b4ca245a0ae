from django.core.management import call_command
from django.core.management.base import BaseCommand

# Tags first, then what refers to them: loaddata resolves references within one fixture either way,
# but this order keeps the file readable.
ARCHIVE_MODELS = [
    "taggit.Tag",
    "sources.Source",
    "sources.Organisation",
    "sources.TaggedOrganisation",
    "sources.Person",
    "sources.TaggedPerson",
    "articles.Article",
    "articles.TaggedArticle",
    "articles.Quote",
    "articles.TaggedQuote",
]


class Command(BaseCommand):
    help = "Write the whole archive (sources, people, organisations, articles, quotes, tags) as a JSON fixture."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    def handle(self, *args, output, **options):
        call_command("dumpdata", *ARCHIVE_MODELS, indent=2, output=output, stdout=self.stdout)
        if output:
            self.stderr.write(f"Wrote the archive to {output}; restore it with `manage.py loaddata {output}`.")
