#pragma once

#include <QLoggingCategory>

// One category per module. Logs name records by id, never by anything that identifies a
// person.
Q_DECLARE_LOGGING_CATEGORY(lcModel)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
