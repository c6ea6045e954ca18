#include "PatientRegister.h"

#include "FhirDefinitions.h"
#include "JsonText.h"
#include "SamplingRecord.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

QJsonObject PatientRegister::patientOf(const QJsonObject& bundle)
{
    const QJsonArray entries = bundle.value(u"entry"_s).toArray();
    for (const QJsonValue& entry : entries) {
        const QJsonObject resource = entry.toObject().value(u"resource"_s).toObject();
        if (resource.value(u"resourceType"_s).toString() == u"Patient"_s)
            return resource;
    }
    return {};
}

QString PatientRegister::identifier(const QJsonObject& patient, const SamplingRecord& record)
{
    // The reader keeps an INS only for a qualified identity (VALI), typed by its authority.
    if (!record.patient.ins.isEmpty())
        return Fhir::oidSystem(record.patient.insOid) + u'|' + record.patient.ins;
    const QJsonArray identifiers = patient.value(u"identifier"_s).toArray();
    for (const QJsonValue& value : identifiers) {
        const QJsonObject id = value.toObject();
        if (id.value(u"system"_s).toString() == Fhir::Rfc3986)
            return Fhir::Rfc3986 + u'|' + id.value(u"value"_s).toString();
    }
    return {};
}

bool PatientRegister::rowFor(const QJsonObject& bundle, const SamplingRecord& record,
                             const QString& site, ServerDatabase::PatientRow* row, QString* error)
{
    const QJsonObject patient = patientOf(bundle);
    row->identifier = identifier(patient, record);
    // Fixed-width UTC text, so that the database compares times from any offset as text.
    const QDateTime sampled = QDateTime::fromString(record.specimen.collectedAt, Qt::ISODate);
    if (row->identifier.isEmpty() || !sampled.isValid()) {
        *error = tr("the Patient has no identifier or the Specimen no collection time");
        return false;
    }
    row->sampledAt = sampled.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
    row->site = site;
    row->bundleId = record.id.toString(QUuid::WithoutBraces);
    row->version = record.version;
    row->patient = QString::fromUtf8(JsonText::compact(patient));
    return true;
}

bool PatientRegister::keep(const ServerDatabase::PatientRow& row, bool* written, QString* error)
{
    *written = false;
    return m_database->keepPatient(row, written, error);
}

bool PatientRegister::find(const QString& identifier, ServerDatabase::PatientRow* row, bool* found,
                           QString* error)
{
    return m_database->patient(identifier, row, found, error);
}
