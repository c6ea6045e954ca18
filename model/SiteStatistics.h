#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

class Store;

// The site's counts for its dashboard: samples per hour today, results by value, the
// positivity of the last days, the activation codes left. Counts only, never anyone's
// identity; any signed-in role may read them.
//
// Results are secret on disk, so their counts are never a clear column: they live in one
// sealed tally (results by sampling day and value, fixed-size so that its length says
// nothing), updated in the transaction that writes a result, a correction or a
// cancellation (countResultChange, one call), and rebuilt by decrypting once when a store
// has none yet. The dashboard reads it with one decryption, whatever the number of records.
class SiteStatistics
{
    Q_DECLARE_TR_FUNCTIONS(SiteStatistics)

public:
    static const QString TallyKey; // "stats.resultTally" in the meta table, sealed

    explicit SiteStatistics(Store& store);

    struct Results
    {
        int positive = 0;
        int negative = 0;
        int uninterpretable = 0;
        int nonCompliant = 0;

        int total() const { return positive + negative + uninterpretable + nonCompliant; }
        // Positives among positive and negative results, in percent; -1 without any.
        double positivityPercent() const;
        bool operator==(const Results&) const = default;
    };

    // The one call a result write makes, inside its transaction: the record sampled on `day`
    // (YYYY-MM-DD) had the result value `before` and now has `after` (P, N, I, X, or empty
    // for none or cancelled). Nothing to do when they are equal.
    [[nodiscard]] bool countResultChange(const QString& day, const QString& before,
                                         const QString& after, QString* error);

    // The tally again from the records themselves (each result block decrypted; the purged
    // records from their kept counts). Done by itself when the store has no tally.
    [[nodiscard]] bool rebuildTally(QString* error);

    // Results by sampling day, from the tally.
    [[nodiscard]] bool resultsByDay(QMap<QDate, Results>* days, QString* error);

    static constexpr int PositivityDays = 14;
    struct Snapshot
    {
        QDate today;
        QList<int> samplesPerHour; // 24 counts: today's samples by hour of sampling
        int samplesToday = 0;
        int awaitingResultToday = 0;   // today's samples without a validated result yet
        Results resultsToday;          // results of today's samples
        QMap<QDate, Results> lastDays; // the PositivityDays days ending today, every day present
        int codesLeft = 0;             // activation codes usable now
        int codesExpiringSoon = 0;     // among them, those that end within 7 days
    };
    // Everything the dashboard shows, for the day `today` (the local date).
    [[nodiscard]] bool snapshot(const QDate& today, Snapshot* snapshot, QString* error,
                                const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    bool loadTally(QMap<QString, Results>* tally, bool* found, QString* error);
    bool saveTally(const QMap<QString, Results>& tally, QString* error);

    Store& m_store;
};
