#pragma once

#include "Crypto.h"
#include "SecureBytes.h"

#include <QByteArray>
#include <QString>

// The unlocked data key of a store and the sub-keys derived from it: one to encrypt record
// fields, one for the blind index of tube labels, one to chain the audit log. Exists only
// while a user is signed in; wipes every key when destroyed.
class Vault
{
public:
    explicit Vault(SecureBytes dataKey);

    const SecureBytes& dataKey() const { return m_dataKey; }

    // Encrypts one field of one row. The authenticated data names the table, the row and
    // the column, so a ciphertext copied to another row or column no longer opens. The
    // plaintext is padded (ISO/IEC 7816-4) to a multiple of its column's bucket first, so the
    // length on disk does not tell a positive result from a negative one, a short name from a
    // long one or a report with a picture from one without. Values sealed before padding
    // existed still open.
    QByteArray seal(const QString& table, const QString& rowId, const QString& column,
                    QByteArrayView plaintext) const;
    [[nodiscard]] bool open(const QString& table, const QString& rowId, const QString& column,
                            QByteArrayView sealed, QByteArray* plaintext) const;

    // The same, under another key (a record's own key, RecordKeys): same padding, same
    // authenticated data.
    static QByteArray sealUnder(const GcmKey& key, const QString& table, const QString& rowId,
                                const QString& column, QByteArrayView plaintext);
    [[nodiscard]] static bool openUnder(const GcmKey& key, const QString& table,
                                        const QString& rowId, const QString& column,
                                        QByteArrayView sealed, QByteArray* plaintext);
    // The key seal() uses: what the blocks of a record written before records had keys of
    // their own are sealed under.
    const GcmKey& fieldKey() const { return m_fieldKey; }

    // Keyed hash of a tube label: finds a record by its label without decrypting others,
    // and reveals nothing about the label to someone without the key.
    QByteArray tubeIndex(const QString& accession) const;

    // Keyed hash of a person's name, normalised (case, accents, spaces and hyphens), so a
    // record can be found by the exact name without decrypting every record.
    QByteArray nameIndex(const QString& name) const;
    static QString normalisedName(const QString& name);

    // Keyed hash of a search bucket ("n2:DU", "t:42"), truncated: many records share a
    // bucket, and a search decrypts only that bucket's records to confirm a match.
    QByteArray searchBucket(const QString& bucket) const;
    static constexpr int SearchBucketSize = 8;

    QByteArray auditMac(QByteArrayView data) const;

    // Keyed hash that authenticates a state kept in clear because queries filter on it (an
    // outbox version's "acknowledged"): someone who can write the file but has no key
    // cannot change the state without the hash showing it.
    QByteArray stateMac(QByteArrayView data) const;

    // The padding unit of a column: a sealed value's length on disk is a multiple of it.
    static int paddingBucket(const QString& column);

    // The authenticated data that binds a sealed value to its place.
    static QByteArray associatedData(const QString& table, const QString& rowId,
                                     const QString& column);

private:
    SecureBytes m_dataKey;
    GcmKey m_fieldKey;
    HmacKey m_indexKey;
    HmacKey m_nameIndexKey;
    HmacKey m_searchKey;
    HmacKey m_auditKey;
    HmacKey m_stateKey;
};
