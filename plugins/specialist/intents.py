"""Intent names the specialist area answers; each is defined in interaction_models/<locale>.json."""

OVERVIEW = "FindSpecialistIntent"
SOURCES = "SpecialistSourcesIntent"
CREDENTIALS = "SpecialistCredentialsIntent"
CENTERS = "SpecialistCentersIntent"
VIRTUAL = "VirtualOpinionIntent"

CONDITION_SLOT = "condition"
"""Slot of type ``CONDITION``: only picks which general hint to add, never kept or repeated."""

CANCER_IDS = frozenset({"CANCER", "BLOOD_CANCER", "BRAIN_TUMOR", "SARCOMA"})
"""``CONDITION`` ids (besides every ``*_CANCER``) for which designated cancer centers apply."""
