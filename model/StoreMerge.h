#pragma once

#include "SamplingRecord.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>

class Database;
class Store;

// Merges a second station's store (a SQLite file) into the site database that already holds
// the site's store (StoreMigration moved the first one). The two stores have different data
// keys, so what depends on a key is carried over to the site's:
//
// - each record's own key is unwrapped and wrapped again under the site's data key; its
//   sealed blocks (records, history, outbox, result entries, drafts) move as they are. A record
//   written before keys of their own gets the station's field key as its key (RecordKeys);
// - the keyed hashes (tube label, names, search buckets, row and outbox state hashes, the
//   tokens of result entries and activation codes) are computed again under the site's keys,
//   from the records' blocks opened with the station's;
// - the station's audit chain, verified first, is appended to the site's as one segment, each
//   entry with its own time and actor, after an entry that names the station's store;
// - accounts are not carried: their key slots open with their passwords only. The report
//   names the station's accounts the site does not have, for the administrator to create.
//
// Refused before anything is written, with the reason: another FINESS, a store that does not
// check out, a record the site already has (merged or moved before), a tube label the site
// already uses, a form in progress whose owner has one on the site too. All in one transaction
// on the site database, checked before it commits: every record opens there as it did on the
// station, every row's hash holds, the whole chain verifies. The file is left as it was.
class StoreMerge
{
    Q_DECLARE_TR_FUNCTIONS(StoreMerge)

public:
    struct Report
    {
        int records = 0;
        int auditEntries = 0;
        int outboxVersions = 0;
        int codes = 0;
        // Codes both stores hold as used (the same delivery imported at both): the site's use
        // is kept.
        int codesUsedAtBoth = 0;
        // Records written before keys of their own: they share the station's former field
        // key as theirs, so they are shredded together only (RecordKeys::wrapFieldKey).
        int underSharedKey = 0;
        QStringList accountsToCreate;
    };

    // `station` is open on a file and `site` on the site database, each signed in as an
    // administrator.
    [[nodiscard]] static bool merge(Store& station, Store& site, Report* report, QString* error);

private:
    StoreMerge(Store& station, Store& site, Report* report);

    bool checkStores(QString* error);
    bool readStation(QString* error);
    bool refuseConflicts(QString* error);
    bool copyRecords(QString* error);
    bool copyKeys(QString* error);
    bool copyHistory(QString* error);
    bool copyOutbox(QString* error);
    bool copyCodes(QString* error);
    bool copyDraftsAndCounts(QString* error);
    bool carryAudit(QString* error);
    bool carryMeta(QString* error);
    bool checkMerged(QString* error);
    void listAccountsToCreate();

    // What to do with one row of the station: copy it (with the values `values` gives by
    // column name instead of the row's), leave it (the site has it), or stop.
    enum class RowFate
    {
        Copy,
        Leave,
        Fail
    };
    using Adjust = std::function<RowFate(const QHash<QString, QVariant>& row,
                                         QHash<QString, QVariant>* values, QString* error)>;
    // Copies every row of `table` (in `order`, without the `skipped` columns), each value as
    // the site's column takes it; returns the number of rows copied, -1 on failure.
    int copyRows(const QString& table, const QString& order, const QStringList& skipped,
                 const QString& onConflict, const Adjust& adjust, QString* error);
    // The site's token, from the station's (or the record's id where rows of before tokens
    // name it), in `tokens`: one of the maps below.
    static QString siteToken(const QHash<QString, QString>& tokens, const QString& stationToken);

    Store& m_station;
    Store& m_site;
    Database& m_from;
    Database& m_to;
    Report& m_report;
    QHash<QString, QString> m_types; // "table.column" -> the site database's type
    QString m_stationStoreId;        // its identity for the national server
    struct StationRecord
    {
        QString id;
        bool purged = false;
        // As the station opens it, without its report (nothing when purged): what the keyed
        // hashes are computed from.
        SamplingRecord record;
        QByteArray digest; // of the whole record, report included, to compare after
    };
    QList<StationRecord> m_records;
    QSet<QString> m_draftOwners;
    // The station's keyed tokens of its records -> the site's, for the same records: what
    // marks a used activation code or a waiting positive, and the key of result entries.
    QHash<QString, QString> m_holderTokens;
    QHash<QString, QString> m_entriesTokens;
};
