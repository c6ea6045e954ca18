#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QVariant>
#include <memory>

class Database;
class GcmKey;
class Vault;

// The key one record's sealed blocks are under: its own, or for a record written before
// records had keys of their own, the store's field key (Vault::fieldKey). Seals and opens as
// Vault does (same padding, same authenticated data), so only the key differs.
class RecordKey
{
public:
    RecordKey() = default;

    QByteArray seal(const QString& table, const QString& rowId, const QString& column,
                    QByteArrayView plaintext) const;
    [[nodiscard]] bool open(const QString& table, const QString& rowId, const QString& column,
                            QByteArrayView sealed, QByteArray* plaintext) const;
    // False for a record sealed under the field key (written before keys of its own).
    bool isOwn() const { return m_own != nullptr; }

private:
    friend class RecordKeys;
    std::shared_ptr<const GcmKey> m_own;
    const GcmKey* m_key = nullptr;
};

// Crypto-shredding: every record (and every form in progress, a draft) has a random key of
// its own, kept in record_keys wrapped under the data key, and its blocks in every table
// (records, record_versions, outbox, result_entries, drafts) are sealed under it. Erasing a
// record destroys its wrapped key, and with it every copy of its ciphertext that anything
// still holds: PostgreSQL's dead tuples and WAL, a replica, a backup, SQLite's journal. What
// such a copy can still hold afterwards is only the 60-byte wrapped key itself, until the
// site's backups and WAL archive age out (docs/architecture.md).
//
// One per signed-in session (Store), on the session's connection; the unwrapped keys are
// cached for the session and wiped with it.
class RecordKeys
{
    Q_DECLARE_TR_FUNCTIONS(RecordKeys)

public:
    RecordKeys(Database& database, const Vault& vault);
    ~RecordKeys();

    // The key of an existing record: its own, or the field key when record_keys has none
    // for it (written before, or erased: then nothing sealed under its own key opens).
    // False only when the database fails or the wrapped key does not open (damage).
    [[nodiscard]] bool keyOf(const QString& recordId, RecordKey* key, QString* error);
    // The same from a wrapped key a query already read with wrappedKeyColumn() (NULL when
    // the record has none), so that a list reads its rows' keys without a query each.
    [[nodiscard]] bool keyFrom(const QString& recordId, const QVariant& wrapped, RecordKey* key,
                               QString* error);
    // A column expression giving the wrapped key of the record whose id is `idColumn`.
    static QString wrappedKeyColumn(const QString& idColumn);
    // A new record's own key, stored wrapped; inside the caller's transaction. Replaces the
    // key of a draft that had one (a new form in progress starts afresh).
    [[nodiscard]] bool create(const QString& recordId, RecordKey* key, QString* error);
    // Destroys a record's key; inside the caller's transaction. Idempotent.
    [[nodiscard]] bool shred(const QString& recordId, QString* error);

    // For a merge of another store (StoreMerge): the key `from` wrapped for `recordId`,
    // wrapped under `to`'s data key instead. False when it does not open.
    [[nodiscard]] static bool rewrap(const Vault& from, const Vault& to, const QString& recordId,
                                     const QByteArray& wrapped, QByteArray* rewrapped);
    // The same for a record of `from` written before keys of their own: its blocks are under
    // `from`'s field key, which becomes the record's key in `to`, wrapped for it. Every such
    // record of `from` shares that key, so they are shredded together only (as before).
    static QByteArray wrapFieldKey(const Vault& from, const Vault& to, const QString& recordId);

    // The id a draft's key is kept under: drafts are records not yet saved.
    static QString draftKeyId(const QString& owner);

private:
    RecordKey wrap(std::shared_ptr<const GcmKey> own) const;
    void remember(const QString& recordId, const std::shared_ptr<const GcmKey>& own);

    Database& m_database;
    const Vault& m_vault;
    // Keys unwrapped in this session. Bounded: a queue view over 100,000 records does not
    // keep 100,000 keys; it unwraps again (one lookup by primary key) after a clear. A key
    // set up for OpenSSL takes about 2 KiB: 1,024 of them (ten pages of the queue) cost 2 MiB
    // where 4,096 cost 8.
    QHash<QString, std::shared_ptr<const GcmKey>> m_cache;
    static constexpr qsizetype CacheLimit = 1024;
};
