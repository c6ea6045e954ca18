#include "Logging.h"

Q_LOGGING_CATEGORY(lcModel, "sidep.model", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "sidep.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAudit, "sidep.audit", QtWarningMsg)
