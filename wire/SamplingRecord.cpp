#include "SamplingRecord.h"

#include <QCborMap>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MaxReportSize = 10 * 1024 * 1024;

struct StatusName
{
    RecordStatus status;
    const char16_t* name;
};

constexpr StatusName StatusNames[] = {
    {RecordStatus::Draft, u"draft"},
    {RecordStatus::Sampled, u"sampled"},
    {RecordStatus::Resulted, u"resulted"},
    {RecordStatus::Purged, u"purged"},
};

// Reads one JSON object of the record, remembering which keys were consumed so that
// anything left over is reported as an unknown key.
class BlockReader
{
    Q_DECLARE_TR_FUNCTIONS(SamplingRecord)

public:
    BlockReader(const QJsonObject& object, const QString& prefix, QList<Problem>* problems)
        : m_object(object)
        , m_prefix(prefix)
        , m_problems(problems)
    {}

    ~BlockReader()
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!m_consumed.contains(it.key()))
                report(it.key(), u"unknown"_s, tr("unknown key"));
        }
    }

    QString text(const QString& key)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString()) {
            report(key, u"type"_s, tr("must be a string"));
            return {};
        }
        return value.toString().trimmed();
    }

    QStringList textList(const QString& key)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            report(key, u"type"_s, tr("must be a list of strings"));
            return {};
        }
        QStringList list;
        for (const QJsonValue& item : value.toArray()) {
            if (!item.isString()) {
                report(key, u"type"_s, tr("must be a list of strings"));
                return {};
            }
            list.append(item.toString().trimmed());
        }
        return list;
    }

    std::optional<bool> boolean(const QString& key)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isBool()) {
            report(key, u"type"_s, tr("must be true or false"));
            return std::nullopt;
        }
        return value.toBool();
    }

    std::optional<int> integer(const QString& key)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isDouble() || value.toDouble() != double(value.toInt())) {
            report(key, u"type"_s, tr("must be a whole number"));
            return std::nullopt;
        }
        return value.toInt();
    }

    QJsonObject object(const QString& key)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isObject()) {
            report(key, u"type"_s, tr("must be an object"));
            return {};
        }
        return value.toObject();
    }

    QString path(const QString& key) const
    {
        return m_prefix.isEmpty() ? key : m_prefix + u'.' + key;
    }

    void report(const QString& key, const QString& rule, const QString& message)
    {
        m_problems->append({Problem::Severity::Error, path(key), rule, message});
    }

private:
    QJsonValue take(const QString& key)
    {
        m_consumed.append(key);
        return m_object.value(key);
    }

    QJsonObject m_object;
    QString m_prefix;
    QList<Problem>* m_problems;
    QStringList m_consumed;
};

// Writes only what is set, so that exported JSON mirrors what was captured.
void put(QJsonObject& object, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void put(QJsonObject& object, const QString& key, const QStringList& values)
{
    if (!values.isEmpty())
        object.insert(key, QJsonArray::fromStringList(values));
}

void put(QJsonObject& object, const QString& key, const QJsonObject& value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

Physician readPhysician(BlockReader& parent, const QString& key, QList<Problem>* problems)
{
    Physician physician;
    BlockReader reader(parent.object(key), parent.path(key), problems);
    physician.rpps = reader.text(u"rpps"_s);
    physician.adeli = reader.text(u"adeli"_s);
    physician.mssante = reader.text(u"mssante"_s);
    physician.familyName = reader.text(u"familyName"_s);
    physician.givenName = reader.text(u"givenName"_s);
    BlockReader structure(reader.object(u"structure"_s), reader.path(u"structure"_s), problems);
    physician.structure.name = structure.text(u"name"_s);
    physician.structure.address = structure.text(u"address"_s);
    physician.structure.phone = structure.text(u"phone"_s);
    return physician;
}

// result.reportPdf arrives as base64 or as the path of a PDF file.
QByteArray readReport(BlockReader& reader, const QString& value, const QString& baseDir)
{
    if (value.isEmpty())
        return {};
    const auto decoded =
        QByteArray::fromBase64Encoding(value.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (decoded && decoded.decoded.startsWith("%PDF-"))
        return decoded.decoded;
    QFile file(QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir).filePath(value));
    if (!file.open(QIODevice::ReadOnly)) {
        reader.report(u"reportPdf"_s, u"report.file"_s,
                      BlockReader::tr("neither base64 of a PDF nor a readable file"));
        return {};
    }
    // Read at most one byte more than allowed, whatever the file claims: a device such as
    // /dev/zero says it is empty and never ends.
    QByteArray report = file.read(MaxReportSize + 1);
    if (report.size() > MaxReportSize) {
        reader.report(u"reportPdf"_s, u"report.size"_s,
                      BlockReader::tr("the report is larger than 10 MiB"));
        return {};
    }
    return report;
}

} // namespace

QString recordStatusName(RecordStatus status)
{
    for (const StatusName& entry : StatusNames) {
        if (entry.status == status)
            return QString::fromUtf16(entry.name);
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<RecordStatus> recordStatusFromName(const QString& name)
{
    for (const StatusName& entry : StatusNames) {
        if (name == QStringView(entry.name))
            return entry.status;
    }
    return std::nullopt;
}

bool isAllowedTransition(RecordStatus from, RecordStatus to)
{
    switch (from) {
    case RecordStatus::Draft:
        return to == RecordStatus::Sampled;
    case RecordStatus::Sampled:
        return to == RecordStatus::Resulted;
    case RecordStatus::Resulted:
        return to == RecordStatus::Purged || to == RecordStatus::Resulted;
    case RecordStatus::Purged:
        return false;
    }
    return false;
}

bool Physician::isEmpty() const
{
    return rpps.isEmpty() && adeli.isEmpty() && mssante.isEmpty() && familyName.isEmpty() &&
           givenName.isEmpty() && structure.name.isEmpty() && structure.address.isEmpty() &&
           structure.phone.isEmpty();
}

bool TestResult::isEmpty() const
{
    return analysis.isEmpty() && value.isEmpty() && validatedAt.isEmpty() && reportPdf.isEmpty() &&
           nonConformity.isEmpty();
}

QString SamplingRecord::blockName(Block block)
{
    switch (block) {
    case Block::Patient:
        return u"patient"_s;
    case Block::Contact:
        return u"contact"_s;
    case Block::Clinical:
        return u"clinical"_s;
    case Block::Physicians:
        return u"physicians"_s;
    case Block::Specimen:
        return u"specimen"_s;
    case Block::Result:
        return u"result"_s;
    }
    Q_UNREACHABLE();
    return {};
}

namespace {

// Walks the fields of one block in a fixed order and hands each to a writer, so that the
// JSON form and the compact binary form that the store encrypts come from one list.
// Writers leave out empty values, as toJson() promises.
template <typename Writer>
void writeBlock(const SamplingRecord& r, SamplingRecord::Block block, Writer& w)
{
    auto physician = [&w](const QString& key, const Physician& doctor) {
        if (doctor.isEmpty())
            return;
        w.beginObject(key);
        w.text(u"rpps"_s, doctor.rpps);
        w.text(u"adeli"_s, doctor.adeli);
        w.text(u"mssante"_s, doctor.mssante);
        w.text(u"familyName"_s, doctor.familyName);
        w.text(u"givenName"_s, doctor.givenName);
        const PractitionerStructure& place = doctor.structure;
        if (!place.name.isEmpty() || !place.address.isEmpty() || !place.phone.isEmpty()) {
            w.beginObject(u"structure"_s);
            w.text(u"name"_s, place.name);
            w.text(u"address"_s, place.address);
            w.text(u"phone"_s, place.phone);
            w.endObject();
        }
        w.endObject();
    };

    switch (block) {
    case SamplingRecord::Block::Patient:
        w.beginObject(u"patient"_s);
        w.text(u"birthName"_s, r.patient.birthName);
        w.text(u"firstNames"_s, r.patient.firstNames);
        w.text(u"sex"_s, r.patient.sex);
        w.text(u"birthDate"_s, r.patient.birthDate);
        w.text(u"birthPlace"_s, r.patient.birthPlace);
        w.text(u"ins"_s, r.patient.ins);
        w.text(u"insOid"_s, r.patient.insOid);
        w.text(u"identityStatus"_s, r.patient.identityStatus);
        w.text(u"usualName"_s, r.patient.usualName);
        w.text(u"openingRightsNir"_s, r.patient.openingRightsNir);
        w.endObject();
        break;
    case SamplingRecord::Block::Contact: {
        w.beginObject(u"contact"_s);
        const PostalAddress& address = r.contact.address;
        if (!address.lines.isEmpty() || !address.postalCode.isEmpty() || !address.city.isEmpty() ||
            !address.country.isEmpty()) {
            w.beginObject(u"address"_s);
            w.list(u"lines"_s, address.lines);
            w.text(u"postalCode"_s, address.postalCode);
            w.text(u"city"_s, address.city);
            w.text(u"country"_s, address.country);
            w.endObject();
        }
        w.text(u"email"_s, r.contact.email);
        w.text(u"emailOwner"_s, r.contact.emailOwner);
        w.text(u"mobilePhone"_s, r.contact.mobilePhone);
        w.text(u"mobilePhoneOwner"_s, r.contact.mobilePhoneOwner);
        w.text(u"landlinePhone"_s, r.contact.landlinePhone);
        w.endObject();
        break;
    }
    case SamplingRecord::Block::Clinical:
        w.list(u"residence"_s, r.residence);
        if (r.healthProfessional)
            w.boolean(u"healthProfessional"_s, *r.healthProfessional);
        w.text(u"symptomOnset"_s, r.symptomOnset);
        w.list(u"symptoms"_s, r.symptoms);
        break;
    case SamplingRecord::Block::Physicians:
        physician(u"prescriber"_s, r.prescriber);
        physician(u"treatingPhysician"_s, r.treatingPhysician);
        break;
    case SamplingRecord::Block::Specimen:
        w.beginObject(u"specimen"_s);
        w.text(u"accession"_s, r.specimen.accession);
        w.text(u"collectedAt"_s, r.specimen.collectedAt);
        w.text(u"finess"_s, r.specimen.finess);
        w.text(u"finessKind"_s, r.specimen.finessKind);
        w.text(u"type"_s, r.specimen.type);
        w.endObject();
        break;
    case SamplingRecord::Block::Result:
        if (!r.result.analysis.isEmpty() || !r.result.value.isEmpty() ||
            !r.result.validatedAt.isEmpty() || !r.result.nonConformity.isEmpty()) {
            w.beginObject(u"result"_s);
            w.text(u"analysis"_s, r.result.analysis);
            w.text(u"value"_s, r.result.value);
            w.text(u"validatedAt"_s, r.result.validatedAt);
            w.text(u"nonConformity"_s, r.result.nonConformity);
            w.endObject();
        }
        if (!r.activation.code.isEmpty() || !r.activation.link.isEmpty()) {
            w.beginObject(u"activation"_s);
            w.text(u"code"_s, r.activation.code);
            w.text(u"link"_s, r.activation.link);
            w.endObject();
        }
        break;
    }
}

class JsonBlockWriter
{
public:
    QJsonObject result() const { return m_stack.first(); }
    void beginObject(const QString& key)
    {
        m_keys.append(key);
        m_stack.append(QJsonObject());
    }
    void endObject()
    {
        const QJsonObject done = m_stack.takeLast();
        put(m_stack.last(), m_keys.takeLast(), done);
    }
    void text(const QString& key, const QString& value) { put(m_stack.last(), key, value); }
    void list(const QString& key, const QStringList& values) { put(m_stack.last(), key, values); }
    void boolean(const QString& key, bool value) { m_stack.last().insert(key, value); }

private:
    QList<QJsonObject> m_stack{QJsonObject()};
    QStringList m_keys;
};

// CBOR (RFC 8949) straight to bytes: several times cheaper than building a QJsonObject,
// which matters on the save path. The store encrypts these bytes.
class CborBlockWriter
{
public:
    explicit CborBlockWriter(QByteArray* out)
        : m_writer(out)
    {
        m_writer.startMap();
    }
    void finish() { m_writer.endMap(); }
    void beginObject(const QString& key)
    {
        m_writer.append(key);
        m_writer.startMap();
    }
    void endObject() { m_writer.endMap(); }
    void text(const QString& key, const QString& value)
    {
        if (value.isEmpty())
            return;
        m_writer.append(key);
        m_writer.append(value);
    }
    void list(const QString& key, const QStringList& values)
    {
        if (values.isEmpty())
            return;
        m_writer.append(key);
        m_writer.startArray(quint64(values.size()));
        for (const QString& value : values)
            m_writer.append(value);
        m_writer.endArray();
    }
    void boolean(const QString& key, bool value)
    {
        m_writer.append(key);
        m_writer.append(value);
    }

private:
    QCborStreamWriter m_writer;
};

} // namespace

QJsonObject SamplingRecord::blockJson(Block block) const
{
    JsonBlockWriter writer;
    writeBlock(*this, block, writer);
    return writer.result();
}

QByteArray SamplingRecord::blockCbor(Block block) const
{
    QByteArray bytes;
    CborBlockWriter writer(&bytes);
    writeBlock(*this, block, writer);
    writer.finish();
    return bytes;
}

bool SamplingRecord::mergeBlockCbor(QByteArrayView cbor, QJsonObject* merged)
{
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(cbor.data(), cbor.size(), &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return false;
    const QJsonObject fragment = value.toMap().toJsonObject();
    for (auto it = fragment.constBegin(); it != fragment.constEnd(); ++it)
        merged->insert(it.key(), it.value());
    return true;
}

QJsonObject SamplingRecord::toJson(bool includeReport) const
{
    QJsonObject json;
    if (!id.isNull())
        json.insert(u"id"_s, id.toString(QUuid::WithoutBraces));
    json.insert(u"status"_s, recordStatusName(status));
    json.insert(u"version"_s, version);
    for (Block block : AllBlocks) {
        const QJsonObject fragment = blockJson(block);
        for (auto it = fragment.constBegin(); it != fragment.constEnd(); ++it)
            json.insert(it.key(), it.value());
    }
    if (includeReport && !result.reportPdf.isEmpty()) {
        QJsonObject resultFields = json.value(u"result"_s).toObject();
        resultFields.insert(u"reportPdf"_s, QString::fromLatin1(result.reportPdf.toBase64()));
        json.insert(u"result"_s, resultFields);
    }
    return json;
}

SamplingRecord SamplingRecord::fromJson(const QJsonObject& json, QList<Problem>* problems,
                                        const QString& baseDir)
{
    SamplingRecord record;
    BlockReader root(json, {}, problems);

    // id, status and version are the store's business; they are accepted on import so
    // that an exported record reads back, and checked for form only.
    const QString id = root.text(u"id"_s);
    if (!id.isEmpty()) {
        record.id = QUuid::fromString(id);
        if (record.id.isNull())
            root.report(u"id"_s, u"uuid"_s, BlockReader::tr("must be a UUID"));
    }
    const QString status = root.text(u"status"_s);
    if (!status.isEmpty()) {
        if (const auto parsed = recordStatusFromName(status))
            record.status = *parsed;
        else
            root.report(u"status"_s, u"status"_s, BlockReader::tr("unknown status"));
    }
    if (const auto version = root.integer(u"version"_s)) {
        if (*version < 1)
            root.report(u"version"_s, u"version"_s, BlockReader::tr("must be 1 or more"));
        else
            record.version = *version;
    }

    {
        BlockReader reader(root.object(u"patient"_s), u"patient"_s, problems);
        record.patient.birthName = reader.text(u"birthName"_s);
        record.patient.firstNames = reader.text(u"firstNames"_s);
        record.patient.sex = reader.text(u"sex"_s);
        record.patient.birthDate = reader.text(u"birthDate"_s);
        record.patient.birthPlace = reader.text(u"birthPlace"_s);
        record.patient.ins = reader.text(u"ins"_s);
        record.patient.insOid = reader.text(u"insOid"_s);
        record.patient.identityStatus = reader.text(u"identityStatus"_s);
        record.patient.usualName = reader.text(u"usualName"_s);
        record.patient.openingRightsNir = reader.text(u"openingRightsNir"_s);
    }
    {
        BlockReader reader(root.object(u"contact"_s), u"contact"_s, problems);
        BlockReader address(reader.object(u"address"_s), u"contact.address"_s, problems);
        record.contact.address.lines = address.textList(u"lines"_s);
        record.contact.address.postalCode = address.text(u"postalCode"_s);
        record.contact.address.city = address.text(u"city"_s);
        record.contact.address.country = address.text(u"country"_s);
        record.contact.email = reader.text(u"email"_s);
        record.contact.emailOwner = reader.text(u"emailOwner"_s);
        record.contact.mobilePhone = reader.text(u"mobilePhone"_s);
        record.contact.mobilePhoneOwner = reader.text(u"mobilePhoneOwner"_s);
        record.contact.landlinePhone = reader.text(u"landlinePhone"_s);
    }
    record.residence = root.textList(u"residence"_s);
    record.healthProfessional = root.boolean(u"healthProfessional"_s);
    record.symptomOnset = root.text(u"symptomOnset"_s);
    record.symptoms = root.textList(u"symptoms"_s);
    record.prescriber = readPhysician(root, u"prescriber"_s, problems);
    record.treatingPhysician = readPhysician(root, u"treatingPhysician"_s, problems);
    {
        BlockReader reader(root.object(u"specimen"_s), u"specimen"_s, problems);
        record.specimen.accession = reader.text(u"accession"_s);
        record.specimen.collectedAt = reader.text(u"collectedAt"_s);
        record.specimen.finess = reader.text(u"finess"_s);
        record.specimen.finessKind = reader.text(u"finessKind"_s);
        record.specimen.type = reader.text(u"type"_s);
    }
    {
        BlockReader reader(root.object(u"result"_s), u"result"_s, problems);
        record.result.analysis = reader.text(u"analysis"_s);
        record.result.value = reader.text(u"value"_s);
        record.result.validatedAt = reader.text(u"validatedAt"_s);
        record.result.nonConformity = reader.text(u"nonConformity"_s);
        record.result.reportPdf = readReport(reader, reader.text(u"reportPdf"_s), baseDir);
    }
    {
        BlockReader reader(root.object(u"activation"_s), u"activation"_s, problems);
        record.activation.code = reader.text(u"code"_s);
        record.activation.link = reader.text(u"link"_s);
    }
    return record;
}
