"""What importing one document came to, as the command and the admin report it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportResult:
    filename: str
    status: str  # created, updated, unchanged, changed (skipped), duplicate, failed
    title: str = ""
    slug: str = ""
    people: int = 0
    new_people: int = 0
    organisations: int = 0
    new_organisations: int = 0
    quotes: int = 0
    warnings: list[str] = field(default_factory=list)
    message: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def summary_line(self) -> str:
        if self.failed:  # one line, whatever the reason's text (a database error's can run to several)
            return f"failed     {self.filename}: {' '.join(self.message.split())}"
        if self.status in ("unchanged", "duplicate", "changed"):
            return f"{self.status:<10} {self.filename}: {self.message}"
        return (
            f"{self.status:<10} {self.filename}: “{self.title}” — {self.people} people ({self.new_people} new), "
            f"{self.organisations} organisations ({self.new_organisations} new), {self.quotes} quotes"
            + (f"; {len(self.warnings)} warning(s)" if self.warnings else "")
        )

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}
