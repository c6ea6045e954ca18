#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

class Database;
class Vault;

// The append-only audit trail: who created, changed, viewed, exported or printed what, and
// when. Each entry's MAC covers the previous entry's MAC, and the store keeps a MAC'd head
// (last sequence number and MAC), so an entry edited, removed or cut off the end is
// detected by verify(). Entries hold record ids and actions, never identifying data.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    AuditLog(Database& database, const Vault& vault);

    // Appends inside the caller's transaction, so the entry and the change it describes
    // are committed together or not at all. `detail` is stored in clear and must hold
    // nothing identifying; `note` is free text a user typed (a reason) and is encrypted.
    [[nodiscard]] bool append(const QString& actor, const QString& action, const QString& recordId,
                              const QString& detail, QString* error, const QString& note = {});

    struct NewEntry
    {
        QString action;
        QString recordId;
        QString detail;
        QString note;
        // Stored with every field encrypted (the action kept in clear is SealedAction): for
        // what would tell a positive from a negative to someone holding the file, such as a
        // result's validation or an activation QR code printed for a record.
        bool sealed = false;
    };
    // Several entries by one actor, chained in order, with one read and one write of the
    // head: what a batch of records needs.
    [[nodiscard]] bool append(const QString& actor, const QList<NewEntry>& entries, QString* error);

    struct Entry
    {
        qint64 seq = 0;
        QString at;
        QString actor;
        QString action;
        QString recordId;
        QString detail;
        QString note;        // decrypted; empty when the entry has none or it does not open
        bool sealed = false; // read from a sealed entry (see NewEntry::sealed)
    };
    QList<Entry> entries(qint64 fromSeq = 1, int limit = 1000);

    // An entry as written, its note decrypted but a sealed entry left sealed: what a merge
    // carries from one store's chain into another's (StoreMerge).
    struct WrittenEntry
    {
        QString at;
        QString actor;
        QString action;
        QString recordId;
        QString detail;
        QByteArray note;
    };
    // Every entry of the log, in order; false when a note does not open.
    [[nodiscard]] bool writtenEntries(QList<WrittenEntry>* entries, QString* error);
    // Appends another store's entries with their own time and actor, chained and sealed
    // under this store's keys, inside the caller's transaction.
    [[nodiscard]] bool appendWritten(const QList<WrittenEntry>& entries, QString* error);

    // The clear action of a sealed entry; its real action, record and detail are in its
    // encrypted note, and entries() gives them back to a signed-in user.
    static const QString SealedAction;

    // Empty when the chain is intact; otherwise one line per problem found.
    QStringList verify();

    // The sequence number of the last entry, as the MAC'd head says (0 for an empty log);
    // -1 when the head does not check out. Cheap: what each sync round tells the national
    // server (StoreIdentity), the whole chain being verify()'s work.
    qint64 headSequence() const;

private:
    QByteArray entryMac(const QByteArray& previousMac, const Entry& entry,
                        const QByteArray& sealedNote) const;
    QByteArray headMac(qint64 seq, const QByteArray& lastMac) const;
    // Chains `entries` after the last one in the table and moves the head.
    bool write(QList<WrittenEntry> entries, QString* error);

    Database& m_database;
    const Vault& m_vault;
};
