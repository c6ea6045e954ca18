#include "Vault.h"

#include "Crypto.h"
#include "StoreFormat.h"

using namespace Qt::StringLiterals;

Vault::Vault(SecureBytes dataKey)
    : m_dataKey(std::move(dataKey))
    , m_fieldKey(Crypto::hkdf(m_dataKey, StoreFormat::FieldKeyLabel))
    , m_indexKey(Crypto::hkdf(m_dataKey, StoreFormat::TubeIndexKeyLabel))
    , m_nameIndexKey(Crypto::hkdf(m_dataKey, StoreFormat::NameIndexKeyLabel))
    , m_searchKey(Crypto::hkdf(m_dataKey, StoreFormat::SearchBucketKeyLabel))
    , m_auditKey(Crypto::hkdf(m_dataKey, StoreFormat::AuditChainKeyLabel))
    , m_stateKey(Crypto::hkdf(m_dataKey, StoreFormat::StateMacKeyLabel))
{}

QByteArray Vault::associatedData(const QString& table, const QString& rowId, const QString& column)
{
    return (StoreFormat::SealedValuePrefix + table + u'|' + rowId + u'|' + column).toUtf8();
}

namespace {

// Marks a padded value in its authenticated data, so that a padded and an unpadded
// ciphertext can never be taken for one another.
constexpr char PaddedMarker[] = "|padded";
constexpr char PaddingStart = '\x80';

QByteArray padded(QByteArrayView plaintext, int bucket)
{
    // At least one byte of padding: 0x80 then zeros up to the next multiple of the bucket.
    const qsizetype length = (plaintext.size() / bucket + 1) * bucket;
    QByteArray result;
    result.reserve(length);
    result.append(plaintext);
    result.append(PaddingStart);
    result.append(length - result.size(), '\0');
    return result;
}

bool unpad(QByteArray* value)
{
    qsizetype end = value->size();
    while (end > 0 && value->at(end - 1) == '\0')
        --end;
    if (end == 0 || value->at(end - 1) != PaddingStart)
        return false;
    value->truncate(end - 1);
    return true;
}

} // namespace

int Vault::paddingBucket(const QString& fullColumn)
{
    // A column bound to a version ("result@v3") pads as its column.
    const qsizetype at = fullColumn.indexOf(u'@');
    const QStringView column = at < 0 ? QStringView(fullColumn) : QStringView(fullColumn).left(at);
    // Chosen so that every value a column commonly holds fits one bucket: a result (with its
    // validation time, method and activation code) in 1 KiB, a reason or an audit note in 256
    // bytes, a block of Annex 1 fields or a FHIR version in 4 KiB, a PDF report in 64 KiB.
    if (column == u"result" || column == u"entry")
        return 1024;
    if (column == u"reason" || column == u"note")
        return 256;
    if (column == u"payload" || column == u"blocks" || column == u"content")
        return 4096;
    if (column == u"report")
        return 64 * 1024;
    return 256; // identity, contact and other blocks: a name's length is not told either
}

QByteArray Vault::seal(const QString& table, const QString& rowId, const QString& column,
                       QByteArrayView plaintext) const
{
    return sealUnder(m_fieldKey, table, rowId, column, plaintext);
}

bool Vault::open(const QString& table, const QString& rowId, const QString& column,
                 QByteArrayView sealed, QByteArray* plaintext) const
{
    return openUnder(m_fieldKey, table, rowId, column, sealed, plaintext);
}

QByteArray Vault::sealUnder(const GcmKey& key, const QString& table, const QString& rowId,
                            const QString& column, QByteArrayView plaintext)
{
    return key.seal(padded(plaintext, paddingBucket(column)),
                    QByteArray(associatedData(table, rowId, column) + PaddedMarker));
}

bool Vault::openUnder(const GcmKey& key, const QString& table, const QString& rowId,
                      const QString& column, QByteArrayView sealed, QByteArray* plaintext)
{
    const QByteArray place = associatedData(table, rowId, column);
    if (key.open(sealed, QByteArray(place + PaddedMarker), plaintext))
        return unpad(plaintext);
    // Sealed before values were padded.
    return key.open(sealed, place, plaintext);
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
