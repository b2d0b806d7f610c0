"""Intent names the records area answers; each is defined in interaction_models/<locale>.json."""

OVERVIEW = "RecordsOverviewIntent"
CHECKLIST = "RecordsChecklistIntent"
REQUEST = "RecordsRequestIntent"
RIGHTS = "RecordsRightsIntent"
DETAIL = "RecordDetailIntent"
GATHERED = "RecordGatheredIntent"
NOT_GATHERED = "RecordNotGatheredIntent"
MISSING = "RecordsMissingIntent"
RESET = "RecordsResetIntent"

RECORD_SLOT = "record"
"""Slot of type ``RECORD_KIND``; its value ids are the checklist item ids."""
