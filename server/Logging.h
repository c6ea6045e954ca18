#pragma once

#include <QLoggingCategory>

// The server's one category. Logs name record ids, sites and outcomes, never patient data.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
