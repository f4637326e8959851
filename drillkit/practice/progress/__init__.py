"""Practice that remembers: the progress store, FSRS review scheduling, statistics, and portable exports."""

from drillkit.practice.progress.plan import DEFAULT_NEW_PER_DAY, STATUSES, ReviewPlan, plan_review, question_ids_with_status
from drillkit.practice.progress.portable import ExportResult, ImportResult, export_progress, import_progress, write_export
from drillkit.practice.progress.records import AttemptRecord, grading_record, record_of
from drillkit.practice.progress.schedule import MASTERED_STABILITY_DAYS, ReviewState, rating_for
from drillkit.practice.progress.stats import ProgressStats, QualificationStats, progress_stats
from drillkit.practice.progress.store import ProgressStore, database_path, open_store

__all__ = [
    "DEFAULT_NEW_PER_DAY",
    "MASTERED_STABILITY_DAYS",
    "STATUSES",
    "AttemptRecord",
    "ExportResult",
    "ImportResult",
    "ProgressStats",
    "ProgressStore",
    "QualificationStats",
    "ReviewPlan",
    "ReviewState",
    "database_path",
    "export_progress",
    "grading_record",
    "import_progress",
    "open_store",
    "plan_review",
    "progress_stats",
    "question_ids_with_status",
    "rating_for",
    "record_of",
    "write_export",
]
