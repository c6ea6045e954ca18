#include "Vault.h"

#include "Crypto.h"

using namespace Qt::StringLiterals;

Vault::Vault(SecureBytes dataKey)
    : m_dataKey(std::move(dataKey))
    , m_fieldKey(Crypto::hkdf(m_dataKey, "sidep/v1/field-encryption"))
    , m_indexKey(Crypto::hkdf(m_dataKey, "sidep/v1/tube-index"))
    , m_nameIndexKey(Crypto::hkdf(m_dataKey, "sidep/v1/name-index"))
    , m_searchKey(Crypto::hkdf(m_dataKey, "sidep/v1/search-bucket"))
    , m_auditKey(Crypto::hkdf(m_dataKey, "sidep/v1/audit-chain"))
    , m_stateKey(Crypto::hkdf(m_dataKey, "sidep/v1/state-mac"))
{}

QByteArray Vault::associatedData(const QString& table, const QString& rowId, const QString& column)
{
    return (u"sidep/v1|"_s + table + u'|' + rowId + u'|' + column).toUtf8();
}

QByteArray Vault::seal(const QString& table, const QString& rowId, const QString& column,
                       QByteArrayView plaintext) const
{
    return m_fieldKey.seal(plaintext, associatedData(table, rowId, column));
}

bool Vault::open(const QString& table, const QString& rowId, const QString& column,
                 QByteArrayView sealed, QByteArray* plaintext) const
{
    return m_fieldKey.open(sealed, associatedData(table, rowId, column), plaintext);
}

QByteArray Vault::tubeIndex(const QString& accession) const
{
    return m_indexKey.mac(accession.toUtf8());
}

QByteArray Vault::auditMac(QByteArrayView data) const
{
    return m_auditKey.mac(data);
}

QByteArray Vault::stateMac(QByteArrayView data) const
{
    return m_stateKey.mac(data);
}

QString Vault::normalisedName(const QString& name)
{
    // "Lefèvre-Martin" and "LEFEVRE MARTIN" are the same name to a nurse at a counter.
    const QString decomposed = name.normalized(QString::NormalizationForm_D);
    QString result;
    result.reserve(decomposed.size());
    bool pendingSpace = false;
    for (QChar ch : decomposed) {
        if (ch.category() == QChar::Mark_NonSpacing)
            continue;
        if (ch.isLetter()) {
            if (pendingSpace && !result.isEmpty())
                result.append(u' ');
            pendingSpace = false;
            result.append(ch.toUpper());
        } else {
            pendingSpace = true; // spaces, hyphens, apostrophes
        }
    }
    return result;
}

QByteArray Vault::nameIndex(const QString& name) const
{
    const QString normalised = normalisedName(name);
    return normalised.isEmpty() ? QByteArray() : m_nameIndexKey.mac(normalised.toUtf8());
}

QByteArray Vault::searchBucket(const QString& bucket) const
{
    return m_searchKey.mac(bucket.toUtf8()).left(SearchBucketSize);
}
