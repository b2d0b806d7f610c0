"""Intent names the insurance area answers; each is defined in interaction_models/<locale>.json."""

OVERVIEW = "InsuranceOverviewIntent"
QUESTIONS = "InsurerQuestionsIntent"
PLAN_RULES = "InsurancePlanRulesIntent"
MEDICARE = "MedicareIntent"
ABROAD = "OutsideUSIntent"

COUNTRY_SLOT = "country"
"""Slot of type ``COUNTRY``; value ids below get their own answer, any other a general one."""

ROUTES = ("uk", "canada", "australia")
HOME = "us"

DENIAL = "InsuranceDenialIntent"
COST = "SecondOpinionCostIntent"

PLAN_SLOT = "plan"
"""Slot of type ``PLAN_TYPE``: picks which plan's rules to say, never kept."""

PUBLIC_PLANS = ("MEDICAID", "MEDICARE_ADVANTAGE")
"""``PLAN_TYPE`` ids with their own appeal routes."""
