#pragma once

#include <QCoreApplication>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

class Store;
class Vault;

// What authenticates a record's row beyond its sealed blocks, for someone who can write the
// file but has no key:
//
// - The result and report blocks are sealed for the record's version (their associated data
//   names it: column "result@v3"), so the result of an earlier version put back in place
//   after a correction no longer opens as the current one.
// - The identifying blocks are sealed for the version that wrote them (creation or the latest
//   amendment: identity_version), so that the identity of before an amendment put back no
//   longer opens.
// - The clear columns that decide what the views show and what the store does next (version,
//   status, correction, activation_pending, collected_at, and for rows with an
//   identity_version that and slips_printed) carry a keyed hash (row_mac, under
//   the data key's state-MAC key): an edit is damage, reported and never acted on.
// - The audit chain's record.create entries are the manifest of the records: every one the
//   chain created must still have its row (a purge keeps a row with status purged).
//
// Rows written before this (no row_mac, blocks sealed without the version) are sealed once,
// as they stand, at the first signed-in use; the audit chain says so (records.sealed), and
// from then on a row without its hash is damage and a block only opens for its version.
class RecordSeal
{
    Q_DECLARE_TR_FUNCTIONS(RecordSeal)

public:
    // The column name a version-bound block is sealed under ("result" at 3: "result@v3").
    static QString boundColumn(const QString& column, int version);
    // The column name an identifying block is sealed under: bound to identity_version, or
    // the bare name for a row written before it (0).
    static QString identityColumn(const QString& column, int identityVersion);

    struct Clear
    {
        int version = 0;
        QString status;
        QString correction;
        bool activationPending = false;
        QString collectedAt;
        // The version whose amendment (or creation) sealed the identifying blocks; 0 for a
        // row written before identity_version, whose hash covers neither this nor the slips.
        int identityVersion = 0;
        int slipsPrinted = 0;
    };
    static QByteArray rowMac(const Vault& vault, const QString& recordId, const Clear& clear);
    static bool rowIsAuthentic(const Vault& vault, const QString& recordId, const Clear& clear,
                               const QByteArray& mac);
    // The columns rowIsAuthentic() reads, in the order clearFrom() takes them.
    // The Clear of a row read with clearColumns() from column `first` on.
    static Clear clearFrom(const QSqlQuery& select, int first);
    static QString clearColumns(); // "version, status, correction, activation_pending,
                                   // collected_at, row_mac, identity_version, slips_printed"

    // Inside the caller's transaction, after the row was written: its hash, from what it now
    // holds.
    [[nodiscard]] static bool sealRow(Store& store, const QString& recordId, QString* error);
    // Whether the row as it stands matches its hash (false when there is no such row).
    static bool isAuthentic(Store& store, const QString& recordId);

    // Inside the caller's transaction (sign-in, store creation): seals the rows written before
    // this version once and notes it in the audit log; does nothing when already done.
    [[nodiscard]] static bool sealLegacyRows(Store& store, QString* error);

    // For db verify: the rows whose clear columns do not match their hash, and the records
    // the audit chain created that have no row any more. Ids only.
    static QStringList damagedRows(Store& store, QString* error);
    static QStringList missingRecords(Store& store, QString* error);
    // Records whose row says an earlier version than the outbox queued for them (the whole
    // row, hash included, put back as it was).
    static QStringList behindOutbox(Store& store, QString* error);

    static const QString SealedAction; // "records.sealed"
};
