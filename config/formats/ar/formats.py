# Django's Arabic locale has DATE_FORMAT but no DATETIME_FORMAT, so dates with a time (the review queue's
# "Submitted") fell back to the English "N j, Y, P" order; this keeps the Arabic day-month-year order.
DATETIME_FORMAT = "j F، Y، H:i"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y H:i"
