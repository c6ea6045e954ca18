#include "FhirBundle.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

const QString FhirBundle::ExtensionBase = u"https://sidep-portal.example/fhir"_s;

namespace {

const QString Rfc3986 = u"urn:ietf:rfc:3986"_s;
const QString Loinc = u"http://loinc.org"_s;
const QString Snomed = u"http://snomed.info/sct"_s;
const QString YesNo = u"http://terminology.hl7.org/CodeSystem/v2-0136"_s;
const QString NullFlavor = u"http://terminology.hl7.org/CodeSystem/v3-NullFlavor"_s;
const QString IdentifierType = u"http://terminology.hl7.org/CodeSystem/v2-0203"_s;
const QString FrIdentifierType = u"https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203"_s;
const QString IdNatPs = u"urn:oid:1.2.250.1.71.4.2.1"_s;
const QString Finess = u"http://finess.sante.gouv.fr"_s;
const QString BirthPlaceUrl = u"http://hl7.org/fhir/StructureDefinition/patient-birthPlace"_s;
const QString DefaultAnalysis = u"94500-6"_s;
const QString DefaultSpecimenType = u"258500001"_s;
const QString SymptomsCode = u"95419-8"_s;
const QString OnsetCode = u"65222-2"_s;
const QString ResidenceCode = u"75617-1"_s;
const QString HealthcareCode = u"95418-0"_s;
const QStringList InsOids = {u"1.2.250.1.213.1.4.8"_s, u"1.2.250.1.213.1.4.9"_s,
                             u"1.2.250.1.213.1.4.10"_s, u"1.2.250.1.213.1.4.11"_s};

QString ext(const QString& name)
{
    return FhirBundle::ExtensionBase + u"/StructureDefinition/"_s + name;
}
QString codeSystem(const QString& name)
{
    return FhirBundle::ExtensionBase + u"/CodeSystem/"_s + name;
}

struct ResultCode
{
    QString value;
    QString snomed;
    QString display;
};
const ResultCode ResultCodes[] = {
    {u"P"_s, u"10828004"_s, u"Positive"_s},
    {u"N"_s, u"260385009"_s, u"Negative"_s},
    {u"I"_s, u"373068000"_s, u"Undetermined"_s},
    {u"X"_s, u"125154007"_s, u"Specimen unsatisfactory for evaluation"_s},
};

// ---- writing -------------------------------------------------------------------------

QJsonObject coding(const QString& system, const QString& code, const QString& display = {})
{
    QJsonObject json{{u"system"_s, system}, {u"code"_s, code}};
    if (!display.isEmpty())
        json.insert(u"display"_s, display);
    return json;
}

QJsonObject codeable(const QString& system, const QString& code, const QString& display = {})
{
    return QJsonObject{{u"coding"_s, QJsonArray{coding(system, code, display)}}};
}

QJsonObject reference(const QString& fullUrl)
{
    return QJsonObject{{u"reference"_s, fullUrl}};
}

QJsonObject identifier(const QString& system, const QString& value)
{
    return QJsonObject{{u"system"_s, system}, {u"value"_s, value}};
}

QJsonObject stringExtension(const QString& url, const QString& value)
{
    return QJsonObject{{u"url"_s, url}, {u"valueString"_s, value}};
}

QJsonObject codeExtension(const QString& url, const QString& value)
{
    return QJsonObject{{u"url"_s, url}, {u"valueCode"_s, value}};
}

// A search query for a conditional create or update; the value may hold any character.
QString tokenQuery(const QString& parameter, const QString& system, const QString& value)
{
    return parameter + u"="_s + QString::fromLatin1(QUrl::toPercentEncoding(system, ":/")) +
           u"|"_s + QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QJsonArray givenNames(const QString& names)
{
    return QJsonArray::fromStringList(names.split(u' ', Qt::SkipEmptyParts));
}

class Writer
{
public:
    Writer(const SamplingRecord& record)
        : m_record(record)
    {}

    // Stable per record and resource, so that a resend is byte-for-byte the same Bundle.
    QString fullUrl(const QString& name) const
    {
        return u"urn:uuid:"_s +
               QUuid::createUuidV5(m_record.id, name).toString(QUuid::WithoutBraces);
    }

    // Adds the record-derived identifier every resource carries.
    void add(const QString& name, QJsonObject resource, const QString& ifNoneExist = {},
             bool update = false)
    {
        const QString url = fullUrl(name);
        const QString type = resource.value(u"resourceType"_s).toString();
        QJsonArray identifiers = resource.value(u"identifier"_s).toArray();
        identifiers.append(identifier(Rfc3986, url));
        resource.insert(u"identifier"_s, identifiers);

        QJsonObject request;
        if (update) {
            request.insert(u"method"_s, u"PUT"_s);
            request.insert(u"url"_s,
                           QString(type + u"?"_s + tokenQuery(u"identifier"_s, Rfc3986, url)));
        } else {
            request.insert(u"method"_s, u"POST"_s);
            request.insert(u"url"_s, type);
            request.insert(u"ifNoneExist"_s, ifNoneExist.isEmpty()
                                                 ? tokenQuery(u"identifier"_s, Rfc3986, url)
                                                 : ifNoneExist);
        }
        m_entries.append(
            QJsonObject{{u"fullUrl"_s, url}, {u"resource"_s, resource}, {u"request"_s, request}});
    }

    QJsonArray entries() const { return m_entries; }

private:
    const SamplingRecord& m_record;
    QJsonArray m_entries;
};

QJsonObject patientResource(const SamplingRecord& record, const QString& treatingUrl)
{
    const Patient& p = record.patient;
    QJsonObject resource{{u"resourceType"_s, u"Patient"_s}};
    QJsonArray identifiers;
    if (!p.ins.isEmpty()) {
        QJsonObject ins = identifier(u"urn:oid:"_s + p.insOid, p.ins);
        ins.insert(u"use"_s, u"official"_s);
        identifiers.append(ins);
    }
    if (!p.openingRightsNir.isEmpty()) {
        // The insured person's number (ouvrant droit): a subscriber number, not the INS.
        QJsonObject nir = identifier(u"urn:oid:"_s + InsOids.first(), p.openingRightsNir);
        nir.insert(u"use"_s, u"secondary"_s);
        nir.insert(u"type"_s, codeable(IdentifierType, u"SN"_s, u"Subscriber Number"_s));
        identifiers.append(nir);
    }
    if (!identifiers.isEmpty())
        resource.insert(u"identifier"_s, identifiers);

    QJsonArray extensions;
    if (!p.birthPlace.isEmpty()) {
        const QJsonObject address{
            {u"extension"_s, QJsonArray{codeExtension(ext(u"insee-cog"_s), p.birthPlace)}}};
        extensions.append(QJsonObject{{u"url"_s, BirthPlaceUrl}, {u"valueAddress"_s, address}});
    }
    if (!p.identityStatus.isEmpty())
        extensions.append(codeExtension(ext(u"identity-status"_s), p.identityStatus));
    if (!extensions.isEmpty())
        resource.insert(u"extension"_s, extensions);

    QJsonArray names;
    if (!p.birthName.isEmpty() || !p.firstNames.isEmpty()) {
        QJsonObject name{{u"use"_s, u"official"_s}};
        if (!p.birthName.isEmpty())
            name.insert(u"family"_s, p.birthName);
        if (!p.firstNames.isEmpty())
            name.insert(u"given"_s, givenNames(p.firstNames));
        names.append(name);
    }
    if (!p.usualName.isEmpty()) {
        QJsonObject name{{u"use"_s, u"usual"_s}, {u"family"_s, p.usualName}};
        if (!p.firstNames.isEmpty())
            name.insert(u"given"_s, givenNames(p.firstNames));
        names.append(name);
    }
    if (!names.isEmpty())
        resource.insert(u"name"_s, names);

    const Contact& c = record.contact;
    QJsonArray telecom;
    auto addTelecom = [&telecom](const QString& system, const QString& value, const QString& use,
                                 const QString& owner) {
        if (value.isEmpty())
            return;
        QJsonObject point{{u"system"_s, system}, {u"value"_s, value}, {u"use"_s, use}};
        if (!owner.isEmpty())
            point.insert(u"extension"_s,
                         QJsonArray{codeExtension(ext(u"contact-point-owner"_s), owner)});
        telecom.append(point);
    };
    addTelecom(u"email"_s, c.email, u"home"_s, c.emailOwner);
    addTelecom(u"phone"_s, c.mobilePhone, u"mobile"_s, c.mobilePhoneOwner);
    addTelecom(u"phone"_s, c.landlinePhone, u"home"_s, {});
    if (!telecom.isEmpty())
        resource.insert(u"telecom"_s, telecom);

    if (!p.sex.isEmpty()) {
        const QString gender = p.sex == u"M"_s   ? u"male"_s
                               : p.sex == u"F"_s ? u"female"_s
                                                 : u"unknown"_s;
        resource.insert(u"gender"_s, gender);
    }
    if (!p.birthDate.isEmpty())
        resource.insert(u"birthDate"_s, p.birthDate);

    const PostalAddress& a = c.address;
    if (!a.lines.isEmpty() || !a.postalCode.isEmpty() || !a.city.isEmpty() ||
        !a.country.isEmpty()) {
        QJsonObject address{{u"use"_s, u"home"_s}};
        if (!a.lines.isEmpty())
            address.insert(u"line"_s, QJsonArray::fromStringList(a.lines));
        if (!a.city.isEmpty())
            address.insert(u"city"_s, a.city);
        if (!a.postalCode.isEmpty())
            address.insert(u"postalCode"_s, a.postalCode);
        if (!a.country.isEmpty())
            address.insert(u"country"_s, a.country);
        resource.insert(u"address"_s, QJsonArray{address});
    }
    if (!treatingUrl.isEmpty())
        resource.insert(u"generalPractitioner"_s, QJsonArray{reference(treatingUrl)});
    return resource;
}

QJsonObject practitionerResource(const Physician& physician)
{
    QJsonObject resource{{u"resourceType"_s, u"Practitioner"_s}};
    QJsonArray identifiers;
    if (!physician.rpps.isEmpty())
        identifiers.append(identifier(IdNatPs, u"8"_s + physician.rpps));
    if (!physician.adeli.isEmpty())
        identifiers.append(identifier(IdNatPs, u"0"_s + physician.adeli));
    if (!identifiers.isEmpty())
        resource.insert(u"identifier"_s, identifiers);

    const PractitionerStructure& s = physician.structure;
    if (!s.name.isEmpty() || !s.address.isEmpty() || !s.phone.isEmpty()) {
        QJsonArray parts;
        if (!s.name.isEmpty())
            parts.append(stringExtension(u"name"_s, s.name));
        if (!s.address.isEmpty())
            parts.append(stringExtension(u"address"_s, s.address));
        if (!s.phone.isEmpty())
            parts.append(stringExtension(u"phone"_s, s.phone));
        resource.insert(u"extension"_s,
                        QJsonArray{QJsonObject{{u"url"_s, ext(u"practice-structure"_s)},
                                               {u"extension"_s, parts}}});
    }
    if (!physician.familyName.isEmpty() || !physician.givenName.isEmpty()) {
        QJsonObject name{{u"use"_s, u"official"_s}};
        if (!physician.familyName.isEmpty())
            name.insert(u"family"_s, physician.familyName);
        if (!physician.givenName.isEmpty())
            name.insert(u"given"_s, QJsonArray{physician.givenName});
        resource.insert(u"name"_s, QJsonArray{name});
    }
    if (!physician.mssante.isEmpty())
        resource.insert(u"telecom"_s, QJsonArray{QJsonObject{{u"system"_s, u"email"_s},
                                                             {u"value"_s, physician.mssante},
                                                             {u"use"_s, u"work"_s}}});
    return resource;
}

QString physicianKey(const Physician& physician)
{
    return physician.rpps.isEmpty()
               ? (physician.adeli.isEmpty() ? QString() : u"0"_s + physician.adeli)
               : u"8"_s + physician.rpps;
}

QJsonObject organizationResource(const QString& finess, const QString& kind)
{
    QJsonObject id = identifier(Finess, finess);
    if (!kind.isEmpty())
        id.insert(u"type"_s,
                  codeable(FrIdentifierType, kind == u"legal"_s ? u"FINEJ"_s : u"FINEG"_s));
    return QJsonObject{{u"resourceType"_s, u"Organization"_s}, {u"identifier"_s, QJsonArray{id}}};
}

QString accessionSystem(const QString& labFiness)
{
    return u"https://finess.sante.gouv.fr/"_s + labFiness + u"/accession"_s;
}

QJsonObject askAtOrderEntry(const QString& loinc, const QString& display, const QString& patientUrl,
                            const QString& requestUrl, const QString& specimenUrl)
{
    return QJsonObject{
        {u"resourceType"_s, u"Observation"_s},
        {u"status"_s, u"final"_s},
        {u"category"_s,
         QJsonArray{codeable(u"http://terminology.hl7.org/CodeSystem/observation-category"_s,
                             u"survey"_s)}},
        {u"code"_s, codeable(Loinc, loinc, display)},
        {u"subject"_s, reference(patientUrl)},
        {u"basedOn"_s, QJsonArray{reference(requestUrl)}},
        {u"specimen"_s, reference(specimenUrl)},
    };
}

QJsonObject yesNo(const QString& code)
{
    if (code == u"UNK"_s)
        return codeable(NullFlavor, code, u"unknown"_s);
    return codeable(YesNo, code, code == u"Y"_s ? u"Yes"_s : u"No"_s);
}

} // namespace

QJsonObject FhirBundle::fromRecord(const SamplingRecord& record, const QString& siteFiness,
                                   const BundleOptions& options)
{
    Writer writer(record);
    const QString patientUrl = writer.fullUrl(u"Patient"_s);
    const QString prescriberUrl = writer.fullUrl(u"Practitioner/prescriber"_s);
    const QString treatingUrl = writer.fullUrl(u"Practitioner/treating"_s);
    const QString labUrl = writer.fullUrl(u"Organization/lab"_s);
    const QString siteUrl =
        siteFiness == record.specimen.finess ? labUrl : writer.fullUrl(u"Organization/site"_s);
    const QString specimenUrl = writer.fullUrl(u"Specimen"_s);
    const QString requestUrl = writer.fullUrl(u"ServiceRequest"_s);
    const QString resultUrl = writer.fullUrl(u"Observation/result"_s);
    const bool hasPrescriber = !record.prescriber.isEmpty();
    const bool hasTreating = !record.treatingPhysician.isEmpty();

    const QJsonObject patient = patientResource(record, hasTreating ? treatingUrl : QString());
    const QString ins = record.patient.ins.isEmpty()
                            ? QString()
                            : tokenQuery(u"identifier"_s, u"urn:oid:"_s + record.patient.insOid,
                                         record.patient.ins);
    writer.add(u"Patient"_s, patient, ins);

    auto addPractitioner = [&writer](const QString& name, const Physician& physician) {
        const QString key = physicianKey(physician);
        writer.add(name, practitionerResource(physician),
                   key.isEmpty() ? QString() : tokenQuery(u"identifier"_s, IdNatPs, key));
    };
    if (hasPrescriber)
        addPractitioner(u"Practitioner/prescriber"_s, record.prescriber);
    if (hasTreating)
        addPractitioner(u"Practitioner/treating"_s, record.treatingPhysician);

    const Specimen& s = record.specimen;
    writer.add(u"Organization/lab"_s, organizationResource(s.finess, s.finessKind),
               tokenQuery(u"identifier"_s, Finess, s.finess));
    if (siteUrl != labUrl)
        writer.add(u"Organization/site"_s, organizationResource(siteFiness, {}),
                   tokenQuery(u"identifier"_s, Finess, siteFiness));

    QJsonObject specimen{
        {u"resourceType"_s, u"Specimen"_s},
        {u"accessionIdentifier"_s, QJsonObject{{u"system"_s, accessionSystem(s.finess)},
                                               {u"value"_s, s.accession},
                                               {u"assigner"_s, reference(siteUrl)}}},
        {u"type"_s, codeable(Snomed, s.type.isEmpty() ? DefaultSpecimenType : s.type)},
        {u"subject"_s, reference(patientUrl)},
        {u"request"_s, QJsonArray{reference(requestUrl)}},
    };
    if (!s.collectedAt.isEmpty())
        specimen.insert(u"collection"_s, QJsonObject{{u"collectedDateTime"_s, s.collectedAt}});
    writer.add(u"Specimen"_s, specimen,
               tokenQuery(u"accession"_s, accessionSystem(s.finess), s.accession));

    const TestResult& r = record.result;
    const QString analysis = r.analysis.isEmpty() ? DefaultAnalysis : r.analysis;
    const bool hasResult = !r.value.isEmpty() || !options.correction.isEmpty();

    // Ask-at-order-entry answers, each its own Observation referenced by the order.
    QJsonArray supportingInfo;
    auto addAnswer = [&](const QString& name, const QJsonObject& observation) {
        writer.add(name, observation);
        supportingInfo.append(reference(writer.fullUrl(name)));
    };
    if (!record.symptomOnset.isEmpty() || !record.symptoms.isEmpty()) {
        QJsonObject symptoms =
            askAtOrderEntry(SymptomsCode, u"Has symptoms related to condition of interest"_s,
                            patientUrl, requestUrl, specimenUrl);
        const QString onset = record.symptomOnset;
        const QString answer = onset == u"asymptomatic"_s ? u"N"_s
                               : onset == u"unknown"_s || onset.isEmpty()
                                   ? (record.symptoms.isEmpty() ? u"UNK"_s : u"Y"_s)
                                   : u"Y"_s;
        symptoms.insert(u"valueCodeableConcept"_s, yesNo(answer));
        QJsonArray components;
        for (const QString& symptom : record.symptoms)
            components.append(QJsonObject{{u"code"_s, codeable(codeSystem(u"symptom"_s), symptom)},
                                          {u"valueBoolean"_s, true}});
        if (!components.isEmpty())
            symptoms.insert(u"component"_s, components);
        addAnswer(u"Observation/symptoms"_s, symptoms);
    }
    if (!record.symptomOnset.isEmpty()) {
        QJsonObject onset = askAtOrderEntry(OnsetCode, u"Date and time of symptom onset"_s,
                                            patientUrl, requestUrl, specimenUrl);
        onset.insert(u"valueCodeableConcept"_s,
                     codeable(codeSystem(u"symptom-onset"_s), record.symptomOnset));
        addAnswer(u"Observation/onset"_s, onset);
    }
    for (const QString& residence : record.residence) {
        QJsonObject observation = askAtOrderEntry(ResidenceCode, u"Residence type"_s, patientUrl,
                                                  requestUrl, specimenUrl);
        observation.insert(u"valueCodeableConcept"_s,
                           codeable(codeSystem(u"residence"_s), residence));
        addAnswer(u"Observation/residence/"_s + residence, observation);
    }
    if (record.healthProfessional.has_value()) {
        QJsonObject observation =
            askAtOrderEntry(HealthcareCode, u"Employed in a healthcare setting"_s, patientUrl,
                            requestUrl, specimenUrl);
        observation.insert(u"valueCodeableConcept"_s,
                           yesNo(*record.healthProfessional ? u"Y"_s : u"N"_s));
        addAnswer(u"Observation/healthProfessional"_s, observation);
    }

    QJsonObject request{
        {u"resourceType"_s, u"ServiceRequest"_s},
        {u"status"_s, hasResult ? u"completed"_s : u"active"_s},
        {u"intent"_s, u"order"_s},
        {u"code"_s, codeable(Loinc, analysis)},
        {u"subject"_s, reference(patientUrl)},
        {u"performer"_s, QJsonArray{reference(labUrl)}},
        {u"specimen"_s, QJsonArray{reference(specimenUrl)}},
    };
    if (hasPrescriber)
        request.insert(u"requester"_s, reference(prescriberUrl));
    if (!supportingInfo.isEmpty())
        request.insert(u"supportingInfo"_s, supportingInfo);
    writer.add(u"ServiceRequest"_s, request);

    const QString status = options.correction.isEmpty() ? u"final"_s : options.correction;
    const bool update = !options.correction.isEmpty();
    if (hasResult) {
        QJsonObject result{
            {u"resourceType"_s, u"Observation"_s},
            {u"status"_s, status},
            {u"category"_s,
             QJsonArray{codeable(u"http://terminology.hl7.org/CodeSystem/observation-category"_s,
                                 u"laboratory"_s)}},
            {u"code"_s, codeable(Loinc, analysis)},
            {u"subject"_s, reference(patientUrl)},
            {u"basedOn"_s, QJsonArray{reference(requestUrl)}},
            {u"specimen"_s, reference(specimenUrl)},
            {u"performer"_s, QJsonArray{reference(labUrl)}},
        };
        if (!s.collectedAt.isEmpty())
            result.insert(u"effectiveDateTime"_s, s.collectedAt);
        if (!r.validatedAt.isEmpty())
            result.insert(u"issued"_s, r.validatedAt);
        for (const ResultCode& code : ResultCodes) {
            if (code.value == r.value)
                result.insert(u"valueCodeableConcept"_s,
                              codeable(Snomed, code.snomed, code.display));
        }
        if (!r.nonConformity.isEmpty())
            result.insert(u"note"_s, QJsonArray{QJsonObject{{u"text"_s, r.nonConformity}}});
        const Activation& a = record.activation;
        if (!a.code.isEmpty() || !a.link.isEmpty()) {
            QJsonArray parts;
            if (!a.code.isEmpty())
                parts.append(stringExtension(u"code"_s, a.code));
            if (!a.link.isEmpty())
                parts.append(QJsonObject{{u"url"_s, u"link"_s}, {u"valueUri"_s, a.link}});
            result.insert(u"extension"_s, QJsonArray{QJsonObject{{u"url"_s, ext(u"activation"_s)},
                                                                 {u"extension"_s, parts}}});
        }
        writer.add(u"Observation/result"_s, result, {}, update);

        if (options.includeReport && !r.reportPdf.isEmpty()) {
            QJsonObject report{
                {u"resourceType"_s, u"DiagnosticReport"_s},
                {u"status"_s, status},
                {u"code"_s, codeable(Loinc, analysis)},
                {u"subject"_s, reference(patientUrl)},
                {u"basedOn"_s, QJsonArray{reference(requestUrl)}},
                {u"specimen"_s, QJsonArray{reference(specimenUrl)}},
                {u"performer"_s, QJsonArray{reference(labUrl)}},
                {u"result"_s, QJsonArray{reference(resultUrl)}},
                {u"presentedForm"_s,
                 QJsonArray{QJsonObject{{u"contentType"_s, u"application/pdf"_s},
                                        {u"data"_s, QString::fromLatin1(r.reportPdf.toBase64())}}}},
            };
            if (!s.collectedAt.isEmpty())
                report.insert(u"effectiveDateTime"_s, s.collectedAt);
            if (!r.validatedAt.isEmpty())
                report.insert(u"issued"_s, r.validatedAt);
            writer.add(u"DiagnosticReport"_s, report, {}, update);
        }
    }

    QJsonObject bundle{
        {u"resourceType"_s, u"Bundle"_s},
        {u"meta"_s, QJsonObject{{u"versionId"_s, QString::number(record.version)}}},
        {u"identifier"_s,
         identifier(Rfc3986, u"urn:uuid:"_s + record.id.toString(QUuid::WithoutBraces))},
        {u"type"_s, u"transaction"_s},
        {u"entry"_s, writer.entries()},
    };
    if (options.timestamp.isValid())
        bundle.insert(u"timestamp"_s, options.timestamp.toString(Qt::ISODate));
    return bundle;
}

// ---- reading ---------------------------------------------------------------------------

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FhirBundle", text);
}

// Walks untrusted JSON: every accessor checks the type and records a Problem at its JSON
// path instead of assuming, so a hostile Bundle costs a list of problems, never a crash.
class Reader
{
public:
    explicit Reader(QList<Problem>* problems)
        : m_problems(problems)
    {}

    void problem(const QString& path, const QString& rule, const QString& message)
    {
        if (m_problems)
            m_problems->append(Problem{Problem::Severity::Error, path, rule, message});
        m_failed = true;
    }
    bool failed() const { return m_failed; }

    QString text(const QJsonObject& object, const QString& path, const QString& key,
                 bool required = false)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                problem(join(path, key), u"required"_s, tr("missing"));
            return {};
        }
        if (!value.isString()) {
            problem(join(path, key), u"type"_s, tr("must be a string"));
            return {};
        }
        if (value.toString().isEmpty())
            problem(join(path, key), u"format"_s, tr("must not be empty"));
        return value.toString();
    }

    QJsonObject object(const QJsonObject& parent, const QString& path, const QString& key,
                       bool required = false)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                problem(join(path, key), u"required"_s, tr("missing"));
            return {};
        }
        if (!value.isObject()) {
            problem(join(path, key), u"type"_s, tr("must be an object"));
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(const QJsonObject& parent, const QString& path, const QString& key,
                     bool required = false)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                problem(join(path, key), u"required"_s, tr("missing"));
            return {};
        }
        if (!value.isArray()) {
            problem(join(path, key), u"type"_s, tr("must be an array"));
            return {};
        }
        return value.toArray();
    }

    // The objects of an array, with their paths; non-objects are problems.
    QList<std::pair<QJsonObject, QString>> objects(const QJsonObject& parent, const QString& path,
                                                   const QString& key, bool required = false)
    {
        QList<std::pair<QJsonObject, QString>> list;
        const QJsonArray items = array(parent, path, key, required);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPath = join(path, key) + u"["_s + QString::number(i) + u"]"_s;
            if (!items.at(i).isObject())
                problem(itemPath, u"type"_s, tr("must be an object"));
            else
                list.append({items.at(i).toObject(), itemPath});
        }
        return list;
    }

    QStringList strings(const QJsonObject& parent, const QString& path, const QString& key)
    {
        QStringList list;
        const QJsonArray items = array(parent, path, key);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString() || items.at(i).toString().isEmpty())
                problem(join(path, key) + u"["_s + QString::number(i) + u"]"_s, u"type"_s,
                        tr("must be a non-empty string"));
            else
                list.append(items.at(i).toString());
        }
        return list;
    }

    // The code of the first coding of `system` in a CodeableConcept.
    QString code(const QJsonObject& parent, const QString& path, const QString& key,
                 const QString& system, bool required = true)
    {
        const QJsonObject codeableConcept = object(parent, path, key, required);
        if (codeableConcept.isEmpty())
            return {};
        const QString conceptPath = join(path, key);
        for (const auto& [coding, codingPath] :
             objects(codeableConcept, conceptPath, u"coding"_s, true)) {
            if (text(coding, codingPath, u"system"_s) == system)
                return text(coding, codingPath, u"code"_s, true);
        }
        problem(conceptPath, u"code"_s, tr("no coding from the expected code system"));
        return {};
    }

    static QString join(const QString& path, const QString& key)
    {
        return path.isEmpty() ? key : path + u"."_s + key;
    }

private:
    QList<Problem>* m_problems;
    bool m_failed = false;
};

struct Entry
{
    QJsonObject resource;
    QString path; // entry[i].resource
    QString type;
};

class BundleReader
{
public:
    BundleReader(Reader& reader)
        : m_in(reader)
    {}

    bool load(const QJsonObject& bundle)
    {
        for (const auto& [entry, path] : m_in.objects(bundle, {}, u"entry"_s, true)) {
            const QString fullUrl = m_in.text(entry, path, u"fullUrl"_s, true);
            const QJsonObject resource = m_in.object(entry, path, u"resource"_s, true);
            const QJsonObject request = m_in.object(entry, path, u"request"_s, true);
            const QString requestPath = Reader::join(path, u"request"_s);
            if (!request.isEmpty()) {
                const QString method = m_in.text(request, requestPath, u"method"_s, true);
                if (!method.isEmpty() && method != u"POST"_s && method != u"PUT"_s)
                    m_in.problem(Reader::join(requestPath, u"method"_s), u"code"_s,
                                 tr("only POST and PUT are sent"));
                m_in.text(request, requestPath, u"url"_s, true);
            }
            if (resource.isEmpty())
                continue;
            const QString resourcePath = Reader::join(path, u"resource"_s);
            const QString type = m_in.text(resource, resourcePath, u"resourceType"_s, true);
            if (fullUrl.isEmpty() || type.isEmpty())
                continue;
            if (m_byUrl.contains(fullUrl)) {
                m_in.problem(Reader::join(path, u"fullUrl"_s), u"duplicate"_s,
                             tr("two entries have the same fullUrl"));
                continue;
            }
            const Entry item{resource, resourcePath, type};
            m_byUrl.insert(fullUrl, item);
            m_entries.append(item);
        }
        return !m_entries.isEmpty();
    }

    QList<Entry> ofType(const QString& type) const
    {
        QList<Entry> list;
        for (const Entry& entry : m_entries) {
            if (entry.type == type)
                list.append(entry);
        }
        return list;
    }

    // Exactly one resource of the type (a problem at `entry` otherwise).
    std::optional<Entry> single(const QString& type, bool required)
    {
        const QList<Entry> list = ofType(type);
        if (list.size() > 1)
            m_in.problem(list.at(1).path, u"duplicate"_s, tr("only one %1 is expected").arg(type));
        if (list.isEmpty()) {
            if (required)
                m_in.problem(u"entry"_s, u"required"_s, tr("a %1 is required").arg(type));
            return std::nullopt;
        }
        return list.first();
    }

    // The resource a Reference points to inside the Bundle.
    std::optional<Entry> resolve(const QJsonObject& ref, const QString& path, const QString& type)
    {
        const QString target = m_in.text(ref, path, u"reference"_s, true);
        if (target.isEmpty())
            return std::nullopt;
        const auto it = m_byUrl.constFind(target);
        if (it == m_byUrl.constEnd() || it->type != type) {
            m_in.problem(Reader::join(path, u"reference"_s), u"reference"_s,
                         tr("does not point to a %1 of the Bundle").arg(type));
            return std::nullopt;
        }
        return *it;
    }

    std::optional<Entry> resolveMember(const QJsonObject& parent, const QString& path,
                                       const QString& key, const QString& type, bool required)
    {
        const QJsonObject ref = m_in.object(parent, path, key, required);
        if (ref.isEmpty())
            return std::nullopt;
        return resolve(ref, Reader::join(path, key), type);
    }

    std::optional<Entry> resolveFirst(const QJsonObject& parent, const QString& path,
                                      const QString& key, const QString& type, bool required)
    {
        const auto refs = m_in.objects(parent, path, key, required);
        if (refs.isEmpty()) {
            if (required && parent.contains(key))
                m_in.problem(Reader::join(path, key), u"required"_s, tr("missing"));
            return std::nullopt;
        }
        return resolve(refs.first().first, refs.first().second, type);
    }

private:
    Reader& m_in;
    QList<Entry> m_entries;
    QHash<QString, Entry> m_byUrl;
};

QString extensionText(Reader& in, const QJsonObject& parent, const QString& path,
                      const QString& url, const QString& valueKey)
{
    for (const auto& [extension, extPath] : in.objects(parent, path, u"extension"_s)) {
        if (in.text(extension, extPath, u"url"_s, true) == url)
            return in.text(extension, extPath, valueKey, true);
    }
    return {};
}

QJsonObject complexExtension(Reader& in, const QJsonObject& parent, const QString& path,
                             const QString& url, QString* extPathOut)
{
    for (const auto& [extension, extPath] : in.objects(parent, path, u"extension"_s)) {
        if (in.text(extension, extPath, u"url"_s, true) == url) {
            *extPathOut = extPath;
            return extension;
        }
    }
    return {};
}

QString joinedGiven(Reader& in, const QJsonObject& name, const QString& path)
{
    return in.strings(name, path, u"given"_s).join(u' ');
}

void readPatient(Reader& in, const Entry& entry, SamplingRecord* record)
{
    Patient& p = record->patient;
    Contact& c = record->contact;
    const QJsonObject& r = entry.resource;
    const QString& path = entry.path;

    for (const auto& [id, idPath] : in.objects(r, path, u"identifier"_s)) {
        const QString system = in.text(id, idPath, u"system"_s);
        if (!system.startsWith(u"urn:oid:"_s) || !InsOids.contains(system.mid(8)))
            continue;
        const QString value = in.text(id, idPath, u"value"_s, true);
        if (in.text(id, idPath, u"use"_s) == u"secondary"_s) {
            p.openingRightsNir = value;
        } else {
            p.ins = value;
            p.insOid = system.mid(8);
        }
    }

    for (const auto& [extension, extPath] : in.objects(r, path, u"extension"_s)) {
        if (in.text(extension, extPath, u"url"_s, true) != BirthPlaceUrl)
            continue;
        const QJsonObject address = in.object(extension, extPath, u"valueAddress"_s, true);
        p.birthPlace = extensionText(in, address, Reader::join(extPath, u"valueAddress"_s),
                                     ext(u"insee-cog"_s), u"valueCode"_s);
        if (p.birthPlace.isEmpty())
            in.problem(Reader::join(extPath, u"valueAddress"_s), u"required"_s,
                       tr("the birth place has no INSEE COG code"));
    }
    p.identityStatus = extensionText(in, r, path, ext(u"identity-status"_s), u"valueCode"_s);

    for (const auto& [name, namePath] : in.objects(r, path, u"name"_s)) {
        const QString use = in.text(name, namePath, u"use"_s);
        if (use == u"official"_s) {
            p.birthName = in.text(name, namePath, u"family"_s);
            p.firstNames = joinedGiven(in, name, namePath);
        } else if (use == u"usual"_s) {
            p.usualName = in.text(name, namePath, u"family"_s);
            if (p.firstNames.isEmpty())
                p.firstNames = joinedGiven(in, name, namePath);
        }
    }

    const QString gender = in.text(r, path, u"gender"_s);
    if (gender == u"male"_s)
        p.sex = u"M"_s;
    else if (gender == u"female"_s)
        p.sex = u"F"_s;
    else if (gender == u"unknown"_s || gender == u"other"_s)
        p.sex = u"U"_s;
    else if (!gender.isEmpty())
        in.problem(Reader::join(path, u"gender"_s), u"code"_s, tr("not a FHIR gender"));
    p.birthDate = in.text(r, path, u"birthDate"_s);

    for (const auto& [point, pointPath] : in.objects(r, path, u"telecom"_s)) {
        const QString system = in.text(point, pointPath, u"system"_s, true);
        const QString use = in.text(point, pointPath, u"use"_s);
        const QString value = in.text(point, pointPath, u"value"_s, true);
        const QString owner =
            extensionText(in, point, pointPath, ext(u"contact-point-owner"_s), u"valueCode"_s);
        if (system == u"email"_s) {
            c.email = value;
            c.emailOwner = owner;
        } else if (system == u"phone"_s && use == u"mobile"_s) {
            c.mobilePhone = value;
            c.mobilePhoneOwner = owner;
        } else if (system == u"phone"_s) {
            c.landlinePhone = value;
        }
    }

    const auto addresses = in.objects(r, path, u"address"_s);
    if (!addresses.isEmpty()) {
        const auto& [address, addressPath] = addresses.first();
        c.address.lines = in.strings(address, addressPath, u"line"_s);
        c.address.postalCode = in.text(address, addressPath, u"postalCode"_s);
        c.address.city = in.text(address, addressPath, u"city"_s);
        c.address.country = in.text(address, addressPath, u"country"_s);
    }
}

void readPractitioner(Reader& in, const Entry& entry, Physician* physician)
{
    const QJsonObject& r = entry.resource;
    const QString& path = entry.path;
    for (const auto& [id, idPath] : in.objects(r, path, u"identifier"_s)) {
        if (in.text(id, idPath, u"system"_s) != IdNatPs)
            continue;
        const QString value = in.text(id, idPath, u"value"_s, true);
        if (value.startsWith(u'8'))
            physician->rpps = value.mid(1);
        else if (value.startsWith(u'0'))
            physician->adeli = value.mid(1);
        else if (!value.isEmpty())
            in.problem(Reader::join(idPath, u"value"_s), u"format"_s,
                       tr("an idNat_PS starts with 8 (RPPS) or 0 (ADELI)"));
    }
    const auto names = in.objects(r, path, u"name"_s);
    if (!names.isEmpty()) {
        const auto& [name, namePath] = names.first();
        physician->familyName = in.text(name, namePath, u"family"_s);
        physician->givenName = joinedGiven(in, name, namePath);
    }
    for (const auto& [point, pointPath] : in.objects(r, path, u"telecom"_s)) {
        if (in.text(point, pointPath, u"system"_s, true) == u"email"_s)
            physician->mssante = in.text(point, pointPath, u"value"_s, true);
    }
    QString structurePath;
    const QJsonObject structure =
        complexExtension(in, r, path, ext(u"practice-structure"_s), &structurePath);
    if (!structure.isEmpty()) {
        physician->structure.name =
            extensionText(in, structure, structurePath, u"name"_s, u"valueString"_s);
        physician->structure.address =
            extensionText(in, structure, structurePath, u"address"_s, u"valueString"_s);
        physician->structure.phone =
            extensionText(in, structure, structurePath, u"phone"_s, u"valueString"_s);
    }
}

QString finessOf(Reader& in, const Entry& entry, QString* kind = nullptr)
{
    for (const auto& [id, idPath] : in.objects(entry.resource, entry.path, u"identifier"_s)) {
        if (in.text(id, idPath, u"system"_s) != Finess)
            continue;
        if (kind && id.contains(u"type"_s)) {
            const QString type = in.code(id, idPath, u"type"_s, FrIdentifierType);
            if (type == u"FINEG"_s)
                *kind = u"geographic"_s;
            else if (type == u"FINEJ"_s)
                *kind = u"legal"_s;
            else if (!type.isEmpty())
                in.problem(Reader::join(idPath, u"type"_s), u"code"_s,
                           tr("a FINESS is FINEG or FINEJ"));
        }
        return in.text(id, idPath, u"value"_s, true);
    }
    in.problem(Reader::join(entry.path, u"identifier"_s), u"required"_s,
               tr("the organisation has no FINESS"));
    return {};
}

// Y, N or UNK from a yes/no/unknown answer.
QString yesNoAnswer(Reader& in, const Entry& entry)
{
    const QJsonObject codeableConcept =
        in.object(entry.resource, entry.path, u"valueCodeableConcept"_s, true);
    const QString conceptPath = Reader::join(entry.path, u"valueCodeableConcept"_s);
    for (const auto& [coding, codingPath] :
         in.objects(codeableConcept, conceptPath, u"coding"_s, true)) {
        const QString system = in.text(coding, codingPath, u"system"_s);
        const QString code = in.text(coding, codingPath, u"code"_s, true);
        if ((system == YesNo && (code == u"Y"_s || code == u"N"_s)) ||
            (system == NullFlavor && code == u"UNK"_s))
            return code;
    }
    if (!codeableConcept.isEmpty())
        in.problem(conceptPath, u"code"_s, tr("expected Y, N or UNK"));
    return {};
}

} // namespace

bool FhirBundle::parse(const QJsonObject& bundle, SamplingRecord* record, QString* siteFiness,
                       QList<Problem>* problems, BundleOptions* options)
{
    Reader in(problems);
    SamplingRecord out;
    BundleOptions readOptions;
    readOptions.includeReport = false;

    if (in.text(bundle, {}, u"resourceType"_s, true) != u"Bundle"_s &&
        bundle.value(u"resourceType"_s).isString())
        in.problem(u"resourceType"_s, u"code"_s, tr("must be Bundle"));
    const QString type = in.text(bundle, {}, u"type"_s, true);
    if (!type.isEmpty() && type != u"transaction"_s)
        in.problem(u"type"_s, u"code"_s, tr("must be transaction"));

    const QJsonObject id = in.object(bundle, {}, u"identifier"_s, true);
    if (!id.isEmpty()) {
        if (in.text(id, u"identifier"_s, u"system"_s, true) != Rfc3986)
            in.problem(u"identifier.system"_s, u"code"_s, tr("must be urn:ietf:rfc:3986"));
        const QString value = in.text(id, u"identifier"_s, u"value"_s, true);
        out.id = value.startsWith(u"urn:uuid:"_s) ? QUuid::fromString(value.mid(9)) : QUuid();
        if (out.id.isNull() && !value.isEmpty())
            in.problem(u"identifier.value"_s, u"format"_s, tr("must be urn:uuid: and a UUID"));
    }
    const QJsonObject meta = in.object(bundle, {}, u"meta"_s);
    const QString versionText = in.text(meta, u"meta"_s, u"versionId"_s);
    if (!versionText.isEmpty()) {
        bool ok = false;
        out.version = versionText.toInt(&ok);
        if (!ok || out.version < 1) {
            in.problem(u"meta.versionId"_s, u"format"_s, tr("must be a positive number"));
            out.version = 1;
        }
    }
    const QString timestamp = in.text(bundle, {}, u"timestamp"_s);
    if (!timestamp.isEmpty())
        readOptions.timestamp = QDateTime::fromString(timestamp, Qt::ISODate);

    BundleReader entries(in);
    entries.load(bundle);

    if (const auto patient = entries.single(u"Patient"_s, true)) {
        readPatient(in, *patient, &out);
        if (const auto treating =
                entries.resolveFirst(patient->resource, patient->path, u"generalPractitioner"_s,
                                     u"Practitioner"_s, false))
            readPractitioner(in, *treating, &out.treatingPhysician);
    }

    const auto request = entries.single(u"ServiceRequest"_s, true);
    if (request) {
        if (const auto prescriber = entries.resolveMember(request->resource, request->path,
                                                          u"requester"_s, u"Practitioner"_s, false))
            readPractitioner(in, *prescriber, &out.prescriber);
        if (const auto lab = entries.resolveFirst(request->resource, request->path, u"performer"_s,
                                                  u"Organization"_s, true))
            out.specimen.finess = finessOf(in, *lab, &out.specimen.finessKind);
        in.code(request->resource, request->path, u"code"_s, Loinc);
    }

    if (const auto specimen = entries.single(u"Specimen"_s, true)) {
        const QJsonObject& r = specimen->resource;
        const QJsonObject accession = in.object(r, specimen->path, u"accessionIdentifier"_s, true);
        const QString accessionPath = Reader::join(specimen->path, u"accessionIdentifier"_s);
        out.specimen.accession =
            in.text(accession, accessionPath, u"value"_s, !accession.isEmpty());
        if (const auto site = entries.resolveMember(accession, accessionPath, u"assigner"_s,
                                                    u"Organization"_s, !accession.isEmpty())) {
            if (siteFiness)
                *siteFiness = finessOf(in, *site);
        }
        const QJsonObject collection = in.object(r, specimen->path, u"collection"_s, true);
        out.specimen.collectedAt =
            in.text(collection, Reader::join(specimen->path, u"collection"_s),
                    u"collectedDateTime"_s, !collection.isEmpty());
        out.specimen.type = in.code(r, specimen->path, u"type"_s, Snomed, false);
    }

    std::optional<Entry> result;
    for (const Entry& observation : entries.ofType(u"Observation"_s)) {
        const QString code = in.code(observation.resource, observation.path, u"code"_s, Loinc);
        if (code == SymptomsCode) {
            yesNoAnswer(in, observation);
            for (const auto& [component, componentPath] :
                 in.objects(observation.resource, observation.path, u"component"_s)) {
                const QString symptom =
                    in.code(component, componentPath, u"code"_s, codeSystem(u"symptom"_s));
                if (!symptom.isEmpty())
                    out.symptoms.append(symptom);
            }
        } else if (code == OnsetCode) {
            out.symptomOnset = in.code(observation.resource, observation.path,
                                       u"valueCodeableConcept"_s, codeSystem(u"symptom-onset"_s));
        } else if (code == ResidenceCode) {
            const QString residence =
                in.code(observation.resource, observation.path, u"valueCodeableConcept"_s,
                        codeSystem(u"residence"_s));
            if (!residence.isEmpty())
                out.residence.append(residence);
        } else if (code == HealthcareCode) {
            const QString answer = yesNoAnswer(in, observation);
            if (answer == u"Y"_s || answer == u"N"_s)
                out.healthProfessional = answer == u"Y"_s;
        } else if (!code.isEmpty()) {
            if (result)
                in.problem(observation.path, u"duplicate"_s, tr("only one result is expected"));
            else
                result = observation;
        }
    }

    if (result) {
        const QJsonObject& r = result->resource;
        const QString& path = result->path;
        // A cancellation keeps no result: its code only names the test it cancels.
        const QString analysis = in.code(r, path, u"code"_s, Loinc);
        const QString status = in.text(r, path, u"status"_s, true);
        if (status == u"corrected"_s || status == u"amended"_s)
            readOptions.correction = u"corrected"_s;
        else if (status == u"entered-in-error"_s)
            readOptions.correction = status;
        else if (status != u"final"_s && !status.isEmpty())
            in.problem(Reader::join(path, u"status"_s), u"code"_s,
                       tr("must be final, corrected or entered-in-error"));
        out.result.validatedAt = in.text(r, path, u"issued"_s);
        if (r.contains(u"valueCodeableConcept"_s)) {
            const QString snomed = in.code(r, path, u"valueCodeableConcept"_s, Snomed);
            for (const ResultCode& code : ResultCodes) {
                if (code.snomed == snomed)
                    out.result.value = code.value;
            }
            if (out.result.value.isEmpty() && !snomed.isEmpty())
                in.problem(Reader::join(path, u"valueCodeableConcept"_s), u"code"_s,
                           tr("not a result code of the JDV Résultat qualitatif"));
        } else if (readOptions.correction != u"entered-in-error"_s) {
            in.problem(Reader::join(path, u"valueCodeableConcept"_s), u"required"_s,
                       tr("a result needs a value"));
        }
        if (!out.result.value.isEmpty())
            out.result.analysis = analysis;
        const auto notes = in.objects(r, path, u"note"_s);
        if (!notes.isEmpty())
            out.result.nonConformity =
                in.text(notes.first().first, notes.first().second, u"text"_s, true);
        QString activationPath;
        const QJsonObject activation =
            complexExtension(in, r, path, ext(u"activation"_s), &activationPath);
        if (!activation.isEmpty()) {
            out.activation.code =
                extensionText(in, activation, activationPath, u"code"_s, u"valueString"_s);
            out.activation.link =
                extensionText(in, activation, activationPath, u"link"_s, u"valueUri"_s);
        }
    }

    if (const auto report = entries.single(u"DiagnosticReport"_s, false)) {
        const auto forms = in.objects(report->resource, report->path, u"presentedForm"_s, true);
        for (const auto& [form, formPath] : forms) {
            if (in.text(form, formPath, u"contentType"_s, true) != u"application/pdf"_s)
                continue;
            const auto decoded =
                QByteArray::fromBase64Encoding(in.text(form, formPath, u"data"_s, true).toLatin1(),
                                               QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || !decoded.decoded.startsWith("%PDF-"))
                in.problem(Reader::join(formPath, u"data"_s), u"format"_s,
                           tr("must be a PDF in base64"));
            else
                out.result.reportPdf = decoded.decoded;
            readOptions.includeReport = true;
        }
    }

    out.status = out.result.value.isEmpty() ? RecordStatus::Sampled : RecordStatus::Resulted;
    if (record)
        *record = out;
    if (options)
        *options = readOptions;
    return !in.failed();
}
