#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

class Store;

// Erases the identifying data of records the national server has, once the site's retention
// window has passed (kept meanwhile for reprints and corrections). A record is due when
// the server acknowledged its current version more than `retention.days` ago; a record not
// acknowledged, or corrected since (a new version waiting), is never due, whatever its age.
//
// What goes: every encrypted block (identity, contact, address, residence, physicians,
// specimen with the tube label, result with the activation code), the report PDF, the
// blind indexes of the tube label and the names, the replaced versions and their reasons,
// pending result entries, the link from the activation code to the record, and the exact
// sampling and creation times (the days are kept; the queue tells a purged record by its
// missing sampling time). What stays: the record's id, sampling day,
// version, status (purged), correction kind, slip count and its outbox row, and its result
// as a count per day, analysis and value (purged_results), so that the statistics keep
// their totals. Forms in progress (drafts) older than the window go too.
//
// Erasure that holds on both engines: every record (and draft) has a key of its own
// (RecordKeys), and the purge destroys it, so every copy of its ciphertext that remains
// (PostgreSQL's dead tuples, WAL and backups) can never be opened again; records written
// before keys of their own were erased as rows only. On SQLite the store also runs with
// secure_delete, so SQLite zeroes what it frees, and after the purge's transaction a TRUNCATE
// checkpoint writes the WAL back and empties it, so the old pages leave the journal as well.
class RecordPurge
{
    Q_DECLARE_TR_FUNCTIONS(RecordPurge)

public:
    static const QString RetentionSetting; // retention.days
    static constexpr int DefaultRetentionDays = 7;
    // One day at least: a result must stay correctable and its slip reprintable for a while
    // after the server has it (the GUI purges after every sync, once a minute).
    static constexpr int MinRetentionDays = 1;
    static constexpr int MaxRetentionDays = 90;

    // Checks a value for the retention setting: a whole number of days in range. The
    // message names the setting and the rule.
    [[nodiscard]] static bool checkRetentionDays(const QString& value, int* days, QString* error);

    explicit RecordPurge(Store& store);

    // The window in force: the setting, or the default when unset. A value stored before it
    // was checked is brought into range rather than ignored.
    int retentionDays();

    struct Report
    {
        int retentionDays = 0;
        QDateTime acknowledgedBefore; // records acknowledged before this are due
        int records = 0;              // records erased (or due, for a dry run)
        int drafts = 0;               // drafts erased (or due)
        bool journalEmptied = false;  // the checkpoint wrote the WAL back and truncated it
    };

    // Erases every due record and stale draft in one transaction, writes one audit entry
    // with the counts (no record id, nothing identifying) when there was something to
    // erase, then checkpoints. Any signed-in account may run it: it erases only what the
    // administrator's window says must go and shows nothing. Running it again erases
    // nothing more. A checkpoint kept from finishing by another reader is not an error
    // (report->journalEmptied says so; the next purge tries again).
    [[nodiscard]] bool purgeDue(const QDateTime& now, Report* report, QString* error);
    // What purgeDue would erase now, changing nothing (a dry run).
    [[nodiscard]] bool countDue(const QDateTime& now, Report* report, QString* error);

private:
    struct Due;
    // The records due for the purge whose acknowledgement and seal are authentic.
    [[nodiscard]] bool selectDue(const QString& cutoff, QList<Due>* due, QString* error);
    // Erases `due`, keeping a count of their results; inside the purge's transaction.
    [[nodiscard]] bool eraseDue(const QList<Due>& due, const QDateTime& now, QString* error);
    // Erases the drafts saved before `cutoff` and destroys their keys.
    [[nodiscard]] bool eraseStaleDrafts(const QString& cutoff, int* erased, QString* error);
    bool start(const QDateTime& now, Report* report, QString* error);

    Store& m_store;
};
