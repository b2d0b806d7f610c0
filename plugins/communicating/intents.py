"""Intent names the communicating area answers; they match interaction_models/*.json."""

TELL_DOCTOR = "TellDoctorIntent"
DOCTOR_REACTION = "DoctorReactionIntent"
WHAT_TO_SAY = "WhatToSayIntent"
ASK_REFERRAL = "AskForReferralIntent"
QUESTIONS = "QuestionsForSecondDoctorIntent"
NOT_DISTRUST = "NotDistrustIntent"
MEDICINE = "MedicineQuestionIntent"
