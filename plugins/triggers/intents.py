"""Intent and slot names the triggers area answers; they match interaction_models/*.json."""

CHECK = "SecondOpinionCheckIntent"
WHAT_IS = "WhatIsSecondOpinionIntent"
OVERVIEW = "WhenToGetSecondOpinionIntent"
SURGERY = "SurgeryRecommendedIntent"
COMPLEX_DIAGNOSIS = "ComplexDiagnosisIntent"
NO_DIAGNOSIS = "NoClearDiagnosisIntent"
NOT_WORKING = "TreatmentNotWorkingIntent"
UNEASY = "FeelingUneasyIntent"
NOTHING_CAN_BE_DONE = "NothingCanBeDoneIntent"
REQUIRED = "SecondOpinionRequiredIntent"
WAITING = "IsWaitingSafeIntent"
NOT_SURE = "NotSureIntent"

START_OVER = "AMAZON.StartOverIntent"
HELP = "AMAZON.HelpIntent"
FALLBACK = "AMAZON.FallbackIntent"

CONDITION_SLOT = "condition"
PROCEDURE_SLOT = "procedure"

FINDING = "TestFindingIntent"
FRESH_REVIEW = "FreshReviewIntent"
SCARED = "FeelingScaredIntent"
HOW_LONG = "HowLongIntent"
ARE_YOU_A_DOCTOR = "AreYouADoctorIntent"

STAGE_SLOT = "stage"
