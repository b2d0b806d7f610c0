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
ALL_GATHERED = "RecordsAllGatheredIntent"

RECORD_SLOT = "record"
"""Slot of type ``RECORD_KIND``; its value ids are the checklist item ids."""
RECORD_SLOTS = (RECORD_SLOT, "record_two", "record_three")
"""The slots that name records in one sentence: "i have my test results and my scans"."""
