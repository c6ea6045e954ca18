#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class ServerDatabase;

// A site's share of the national stock of activation codes, so that one site (or one
// stolen site certificate) cannot drain it: a request is trimmed to what the site may
// still take, and refused (HTTP 429) when that is nothing.
class CodeQuota
{
    Q_DECLARE_TR_FUNCTIONS(CodeQuota)

public:
    // A site asks for 200 when its pool falls below 50 (the workstation's defaults): 1,000
    // unused codes is five refills' worth, weeks of positives for a large site.
    static constexpr int DefaultMaxHeld = 1000;
    // A day of a very large drive-through's positives, twice over.
    static constexpr int DefaultMaxPerDay = 2000;

    int maxHeld = DefaultMaxHeld;     // issued to the site, not used, still valid
    int maxPerDay = DefaultMaxPerDay; // issued to the site in the last 24 hours

    struct Allowance
    {
        int count = 0;  // how many of those asked the site may take now
        QString reason; // when fewer than asked: why
        int retryAfterSeconds = 0;
    };
    // What the site may take of `asked` codes at `now`.
    [[nodiscard]] bool allowance(ServerDatabase* database, const QString& site, int asked,
                                 const QDateTime& now, Allowance* result, QString* error) const;
};
