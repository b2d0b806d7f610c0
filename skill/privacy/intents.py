"""Intent names the privacy handlers answer (in every locale's interaction model)."""

DELETE_MY_DATA = "DeleteMyDataIntent"
WHAT_DO_YOU_REMEMBER = "WhatDoYouRememberIntent"
SKILL_DISABLED = "AlexaSkillEvent.SkillDisabled"
