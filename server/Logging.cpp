#include "Logging.h"

Q_LOGGING_CATEGORY(lcServer, "sidep.server", QtInfoMsg)
