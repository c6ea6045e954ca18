#include "CodeQuota.h"

#include "ActivationCodePool.h"
#include "ServerDatabase.h"

bool CodeQuota::allowance(ServerDatabase* database, const QString& site, int asked,
                          const QDateTime& now, Allowance* result, QString* error) const
{
    *result = {};
    qint64 held = 0;
    qint64 lastDay = 0;
    if (!database->siteCodeUsage(site, ActivationCodePool::utcText(now),
                                 ActivationCodePool::utcText(now.addDays(-1)), &held, &lastDay,
                                 error))
        return false;
    const qint64 byHeld = qMax<qint64>(0, maxHeld - held);
    const qint64 byDay = qMax<qint64>(0, maxPerDay - lastDay);
    result->count = int(qMin<qint64>(asked, qMin(byHeld, byDay)));
    if (result->count < asked) {
        if (byHeld <= byDay) {
            result->reason = tr("the site already holds %1 unused activation codes (at most %2): "
                                "use them before asking for more")
                                 .arg(held)
                                 .arg(maxHeld);
            result->retryAfterSeconds = 3600;
        } else {
            result->reason =
                tr("the site received %1 activation codes in the last 24 hours (at most %2)")
                    .arg(lastDay)
                    .arg(maxPerDay);
            result->retryAfterSeconds = 3600;
        }
    }
    return true;
}
