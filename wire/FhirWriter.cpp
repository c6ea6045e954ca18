#include "FhirWriter.h"

#include "FhirDefinitions.h"

#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

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

QJsonObject codeable(const Fhir::Coded& coded)
{
    return codeable(coded.system, coded.code, coded.display);
}

QJsonObject reference(const QString& fullUrl)
{
    return QJsonObject{{u"reference"_s, fullUrl}};
}

QJsonObject identifier(const QString& system, const QString& value)
{
    return QJsonObject{{u"system"_s, system}, {u"value"_s, value}};
}

QJsonObject typedIdentifier(const QString& system, const QString& value, const QString& typeSystem,
                            const QString& typeCode, const QString& use = {})
{
    QJsonObject json = identifier(system, value);
    if (!use.isEmpty())
        json.insert(u"use"_s, use);
    json.insert(u"type"_s, codeable(typeSystem, typeCode));
    return json;
}

QJsonObject meta(const QStringList& profiles)
{
    return QJsonObject{{u"profile"_s, QJsonArray::fromStringList(profiles)}};
}

// A search on a token, for a conditional create or update; the value may hold any character.
QString tokenQuery(const QString& system, const QString& value)
{
    return u"identifier="_s + QString::fromLatin1(QUrl::toPercentEncoding(system, ":/")) + u"|"_s +
           QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QJsonObject createIfMissing(const QString& type, const QString& system, const QString& value)
{
    return QJsonObject{
        {u"method"_s, u"POST"_s}, {u"url"_s, type}, {u"ifNoneExist"_s, tokenQuery(system, value)}};
}

QJsonObject updateByIdentifier(const QString& type, const QString& system, const QString& value)
{
    return QJsonObject{{u"method"_s, u"PUT"_s},
                       {u"url"_s, QString(type + u"?"_s + tokenQuery(system, value))}};
}

QString firstGivenName(const QString& names)
{
    return names.section(u' ', 0, 0, QString::SectionSkipEmpty);
}

QJsonObject contactPoint(const QString& system, const QString& value, const QString& use)
{
    QJsonObject point{{u"system"_s, system}, {u"value"_s, value}};
    if (!use.isEmpty())
        point.insert(u"use"_s, use);
    return point;
}

QString idNatPs(const Physician& physician)
{
    if (!physician.rpps.isEmpty())
        return u"8"_s + physician.rpps;
    return physician.adeli.isEmpty() ? QString() : u"0"_s + physician.adeli;
}

// The Annex 1 onset category as the period it stands for, in days before the sampling day.
struct OnsetDays
{
    const char16_t* category;
    int from; // days before; -1 when open
    int to;
};
constexpr OnsetDays OnsetPeriods[] = {
    {u"very_recent", 1, 0},
    {u"recent", 4, 2},
    {u"old", 7, 5},
    {u"very_old", -1, 8},
};

QJsonObject askAtOrderEntry(const QString& loinc, const QString& display, const QString& patient,
                            const QString& request, const QString& specimen)
{
    return QJsonObject{
        {u"resourceType"_s, u"Observation"_s},
        {u"meta"_s, meta({Fhir::AskAtOrderEntryProfile})},
        {u"status"_s, u"final"_s},
        {u"category"_s, QJsonArray{codeable(Fhir::ObservationCategory, u"survey"_s)}},
        {u"code"_s, codeable(Fhir::Loinc, loinc, display)},
        {u"subject"_s, reference(patient)},
        {u"basedOn"_s, QJsonArray{reference(request)}},
        {u"specimen"_s, reference(specimen)},
    };
}

QJsonObject yesNo(const QString& answer)
{
    if (answer == u"UNK"_s)
        return codeable(Fhir::NullFlavor, answer, u"unknown"_s);
    return codeable(Fhir::YesNo, answer, answer == u"Y"_s ? u"Yes"_s : u"No"_s);
}

// The parts of a Patient, one helper each (FhirWriter::addPatient).

// What FR Core's Patient INS profile requires (FRCorePatientINSProfile.fsh): the INS, the
// official name with its first given name, and the birth place's INSEE code. The validator
// refuses "qualified" without them; a record that says so all the same (saved before that
// rule) does not travel as qualified.
bool travelsQualified(const Patient& p, const std::optional<Fhir::InsAuthority>& authority,
                      const QString& firstGiven)
{
    return p.identityStatus == u"qualified"_s && !p.ins.isEmpty() && authority &&
           !p.birthName.isEmpty() && !firstGiven.isEmpty() && !p.birthPlace.isEmpty();
}

QJsonArray patientIdentifiers(const Patient& p, const std::optional<Fhir::InsAuthority>& authority,
                              bool qualified)
{
    QJsonArray identifiers;
    if (qualified) {
        identifiers.append(typedIdentifier(Fhir::oidSystem(authority->oid), p.ins,
                                           Fhir::FrIdentifierType, authority->typeCode,
                                           authority->use));
    }
    if (!p.openingRightsNir.isEmpty()) {
        // The insured person's number (ouvrant droit): FR Core's NSS slice, typed NH so that
        // nobody takes it for the INS.
        identifiers.append(typedIdentifier(Fhir::oidSystem(Fhir::InsAuthorities.first().oid),
                                           p.openingRightsNir, Fhir::HL7IdentifierType, u"NH"_s,
                                           u"official"_s));
    }
    return identifiers;
}

QJsonArray patientExtensions(const Patient& p, bool qualified)
{
    QJsonArray extensions;
    // The reliability is always stated, and never more than is true: qualified is VALI with
    // the INS (FR Core 2.1.0 has no QUAL code); a status the record cannot back (qualified
    // short of its INS or traits, or none at all) goes out as the weakest, provisional, so
    // that the receiver checks the identity again rather than trusts it.
    const std::optional<Fhir::Coded> coded =
        Fhir::byValue(Fhir::IdentityStatusCodes, qualified ? u"validated"_s : p.identityStatus);
    const Fhir::Coded reliability =
        coded ? *coded : *Fhir::byValue(Fhir::IdentityStatusCodes, u"provisional"_s);
    extensions.append(QJsonObject{
        {u"url"_s, Fhir::IdentityReliabilityExtension},
        {u"extension"_s,
         QJsonArray{QJsonObject{{u"url"_s, u"identityStatus"_s},
                                {u"valueCoding"_s, coding(reliability.system, reliability.code,
                                                          reliability.display)}}}}});
    if (!p.birthPlace.isEmpty()) {
        // The COG code of the birth commune; born abroad, 99 and the country's code.
        const QString system =
            p.birthPlace.startsWith(u"99"_s) ? Fhir::CogCountries : Fhir::CogCommunes;
        const QJsonObject address{
            {u"extension"_s,
             QJsonArray{QJsonObject{{u"url"_s, Fhir::AddressInseeCodeExtension},
                                    {u"valueCoding"_s, coding(system, p.birthPlace)}}}}};
        extensions.append(
            QJsonObject{{u"url"_s, Fhir::BirthPlaceExtension}, {u"valueAddress"_s, address}});
    }
    return extensions;
}

// The official name is the birth name, with the first birth given name and the whole list
// in FR Core's extension; the usual name only when there is one.
QJsonArray patientNames(const Patient& p, const QString& firstGiven)
{
    QJsonArray names;
    if (!p.birthName.isEmpty()) {
        QJsonObject name{{u"use"_s, u"official"_s}, {u"family"_s, p.birthName}};
        if (!firstGiven.isEmpty()) {
            name.insert(u"given"_s, QJsonArray{firstGiven});
            name.insert(u"extension"_s,
                        QJsonArray{QJsonObject{{u"url"_s, Fhir::BirthListGivenNameExtension},
                                               {u"valueString"_s, p.firstNames.simplified()}}});
        }
        names.append(name);
    }
    if (!p.usualName.isEmpty() || (p.birthName.isEmpty() && !firstGiven.isEmpty())) {
        QJsonObject name{{u"use"_s, u"usual"_s}};
        if (!p.usualName.isEmpty())
            name.insert(u"family"_s, p.usualName);
        // Without a birth name, the usual name carries every given name (FR Core's list
        // extension belongs to the official name).
        const QStringList given = p.birthName.isEmpty()
                                      ? p.firstNames.split(u' ', Qt::SkipEmptyParts)
                                      : QStringList{firstGiven};
        if (!firstGiven.isEmpty())
            name.insert(u"given"_s, QJsonArray::fromStringList(given));
        names.append(name);
    }
    return names;
}

// The patient's own ways of being reached; a relative's go with that relative.
void insertTelecomAndContact(QJsonObject& resource, const Contact& c)
{
    QJsonArray own;
    QJsonArray relatives;
    auto place = [&](const QJsonObject& point, const QString& owner) {
        (owner == u"relative"_s ? relatives : own).append(point);
    };
    if (!c.email.isEmpty())
        place(contactPoint(u"email"_s, c.email, u"home"_s), c.emailOwner);
    if (!c.mobilePhone.isEmpty())
        place(contactPoint(u"phone"_s, c.mobilePhone, u"mobile"_s), c.mobilePhoneOwner);
    if (!c.landlinePhone.isEmpty())
        own.append(contactPoint(u"phone"_s, c.landlinePhone, u"home"_s));
    if (!own.isEmpty())
        resource.insert(u"telecom"_s, own);
    if (!relatives.isEmpty()) {
        resource.insert(u"contact"_s,
                        QJsonArray{QJsonObject{
                            {u"relationship"_s, QJsonArray{codeable(Fhir::RelationTypes, u"FRND"_s,
                                                                    u"Autre proche"_s)}},
                            {u"telecom"_s, relatives}}});
    }
}

QString gender(const QString& sex)
{
    return sex == u"M"_s ? u"male"_s : sex == u"F"_s ? u"female"_s : u"unknown"_s;
}

void insertHomeAddress(QJsonObject& resource, const PostalAddress& a)
{
    if (a.lines.isEmpty() && a.postalCode.isEmpty() && a.city.isEmpty() && a.country.isEmpty())
        return;
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

// The parts of a Practitioner (FhirWriter::addPractitioner).

using PersonName = std::pair<QString, QString>; // family, given

// The names the roles give, in role order. Two names agree when each part is the same or
// missing on one side; a name that agrees with an earlier one only completes it.
QList<PersonName> mergedNames(const QList<const Physician*>& roles)
{
    QList<PersonName> names;
    for (const Physician* role : roles) {
        if (role->familyName.isEmpty() && role->givenName.isEmpty())
            continue;
        const auto agrees = [role](const PersonName& name) {
            return (name.first.isEmpty() || role->familyName.isEmpty() ||
                    name.first == role->familyName) &&
                   (name.second.isEmpty() || role->givenName.isEmpty() ||
                    name.second == role->givenName);
        };
        const auto same = std::find_if(names.begin(), names.end(), agrees);
        if (same == names.end()) {
            names.append({role->familyName, role->givenName});
        } else {
            if (same->first.isEmpty())
                same->first = role->familyName;
            if (same->second.isEmpty())
                same->second = role->givenName;
        }
    }
    return names;
}

QStringList mergedMails(const QList<const Physician*>& roles)
{
    QStringList mails;
    for (const Physician* role : roles) {
        if (!role->mssante.isEmpty() && !mails.contains(role->mssante))
            mails.append(role->mssante);
    }
    return mails;
}

QJsonArray practitionerNames(const QList<PersonName>& names)
{
    QJsonArray nameArray;
    for (const auto& [family, given] : names) {
        QJsonObject name;
        if (!family.isEmpty())
            name.insert(u"family"_s, family);
        if (!given.isEmpty())
            name.insert(u"given"_s, QJsonArray{given});
        nameArray.append(name);
    }
    return nameArray;
}

QJsonArray mssanteTelecom(const QStringList& mails)
{
    QJsonArray telecom;
    for (const QString& address : mails) {
        QJsonObject mail = contactPoint(u"email"_s, address, u"work"_s);
        mail.insert(u"extension"_s,
                    QJsonArray{QJsonObject{
                        {u"url"_s, Fhir::EmailTypeExtension},
                        {u"valueCoding"_s, coding(Fhir::MessagingTypes, u"MSSANTE"_s)}}});
        telecom.append(mail);
    }
    return telecom;
}

QJsonObject structureOrganization(const PractitionerStructure& structure)
{
    QJsonObject organization{{u"resourceType"_s, u"Organization"_s}};
    if (!structure.name.isEmpty())
        organization.insert(u"name"_s, structure.name);
    if (!structure.address.isEmpty())
        organization.insert(u"address"_s, QJsonArray{QJsonObject{{u"text"_s, structure.address}}});
    if (!structure.phone.isEmpty())
        organization.insert(u"telecom"_s,
                            QJsonArray{contactPoint(u"phone"_s, structure.phone, u"work"_s)});
    return organization;
}

} // namespace

FhirWriter::FhirWriter(const SamplingRecord& record, const QString& siteFiness,
                       const BundleOptions& options)
    : m_record(record)
    , m_siteFiness(siteFiness)
    , m_options(options)
{}

QString FhirWriter::fullUrl(const QString& role) const
{
    return u"urn:uuid:"_s + QUuid::createUuidV5(m_record.id, role).toString(QUuid::WithoutBraces);
}

void FhirWriter::add(const QString& url, QJsonObject resource, const QJsonObject& request)
{
    m_urls.append(url);
    m_entries.append(
        QJsonObject{{u"fullUrl"_s, url}, {u"resource"_s, resource}, {u"request"_s, request}});
}

QString FhirWriter::analysis() const
{
    // A cancelled result is gone from the record, but the test it withdraws is still the one
    // ordered and reported on (annex 1 4.1.1): the outbox passes its analysis along.
    if (!m_record.result.analysis.isEmpty())
        return m_record.result.analysis;
    if (m_options.correction == u"entered-in-error"_s && !m_options.cancelledAnalysis.isEmpty())
        return m_options.cancelledAnalysis;
    return Fhir::DefaultAnalysis;
}

QString FhirWriter::addOwn(const QString& role, QJsonObject resource)
{
    const QString url = fullUrl(role);
    const QString type = resource.value(u"resourceType"_s).toString();
    QJsonArray identifiers = resource.value(u"identifier"_s).toArray();
    identifiers.append(identifier(Fhir::Rfc3986, url));
    resource.insert(u"identifier"_s, identifiers);
    add(url, resource, updateByIdentifier(type, Fhir::Rfc3986, url));
    return url;
}

QJsonObject FhirWriter::bundle()
{
    const Specimen& s = m_record.specimen;
    const bool siteIsLab = m_siteFiness == s.finess;
    const QString lab =
        addOrganization(s.finess, s.finessKind, siteIsLab ? m_options.siteName : QString());
    const QString site =
        siteIsLab ? lab : addOrganization(m_siteFiness, u"geographic"_s, m_options.siteName);
    const QString prescriber =
        m_record.prescriber.isEmpty() ? QString() : addPractitioner(m_record.prescriber);
    const QString treating = m_record.treatingPhysician.isEmpty()
                                 ? QString()
                                 : addPractitioner(m_record.treatingPhysician);
    const QString patient = addPatient(treating);
    const QString request = fullUrl(u"ServiceRequest"_s);
    const QString specimen = addSpecimen(patient, site, request);
    const QJsonArray answers = addAskAtOrderEntry(patient, request, specimen);
    addServiceRequest(patient, lab, prescriber, answers);

    const bool hasResult =
        !m_record.result.value.isEmpty() || m_options.correction == u"entered-in-error"_s;
    QStringList changed;
    if (hasResult) {
        const QString result = addResult(patient, lab, request, specimen);
        changed = {result, addDiagnosticReport(patient, lab, request, specimen, result)};
    }
    switch (m_options.change) {
    case BundleOptions::Change::None:
        break;
    case BundleOptions::Change::Correction:
    case BundleOptions::Change::Cancellation:
        addProvenance(changed, lab);
        break;
    case BundleOptions::Change::Amendment:
        addProvenance({patient, specimen, request}, site);
        break;
    }

    const QString recordId = u"urn:uuid:"_s + m_record.id.toString(QUuid::WithoutBraces);
    const QJsonObject version{
        {u"url"_s, Fhir::RecordVersionExtension},
        {u"extension"_s,
         QJsonArray{
             QJsonObject{{u"url"_s, u"record"_s}, {u"valueUuid"_s, recordId}},
             QJsonObject{{u"url"_s, u"version"_s}, {u"valuePositiveInt"_s, m_record.version}}}}};
    QJsonObject bundleMeta = meta({Fhir::BundleProfile});
    bundleMeta.insert(u"extension"_s, QJsonArray{version});
    QJsonObject bundle{
        {u"resourceType"_s, u"Bundle"_s},
        {u"meta"_s, bundleMeta},
        // Each version is a Bundle of its own: its identifier says which.
        {u"identifier"_s, identifier(Fhir::Rfc3986, fullUrl(u"Bundle/version/"_s +
                                                            QString::number(m_record.version)))},
        {u"type"_s, u"transaction"_s},
        {u"entry"_s, m_entries},
    };
    if (m_options.timestamp.isValid())
        bundle.insert(u"timestamp"_s, m_options.timestamp.toString(Qt::ISODate));
    return bundle;
}

QString FhirWriter::addPatient(const QString& treatingReference)
{
    const Patient& p = m_record.patient;
    QJsonObject resource{{u"resourceType"_s, u"Patient"_s}};
    // The INS travels only with a qualified identity, typed as FR Core types it; an
    // identity that is not qualified keeps its traits and sends no INS.
    const std::optional<Fhir::InsAuthority> authority = Fhir::insAuthority(p.insOid);
    const QString firstGiven = firstGivenName(p.firstNames);
    const bool qualified = travelsQualified(p, authority, firstGiven);
    resource.insert(u"meta"_s,
                    meta({qualified ? Fhir::FrCorePatientInsProfile : Fhir::FrCorePatientProfile,
                          Fhir::PatientProfile}));

    const QJsonArray identifiers = patientIdentifiers(p, authority, qualified);
    if (!identifiers.isEmpty())
        resource.insert(u"identifier"_s, identifiers);
    resource.insert(u"extension"_s, patientExtensions(p, qualified));
    const QJsonArray names = patientNames(p, firstGiven);
    if (!names.isEmpty())
        resource.insert(u"name"_s, names);
    insertTelecomAndContact(resource, m_record.contact);

    if (!p.sex.isEmpty())
        resource.insert(u"gender"_s, gender(p.sex));
    if (!p.birthDate.isEmpty())
        resource.insert(u"birthDate"_s, p.birthDate);
    insertHomeAddress(resource, m_record.contact.address);
    if (!treatingReference.isEmpty())
        resource.insert(u"generalPractitioner"_s, QJsonArray{reference(treatingReference)});

    if (qualified) {
        const QString url = fullUrl(u"Patient"_s);
        add(url, resource,
            updateByIdentifier(u"Patient"_s, Fhir::oidSystem(authority->oid), p.ins));
        return url;
    }
    return addOwn(u"Patient"_s, resource);
}

QString FhirWriter::practitionerUrl(const Physician& physician) const
{
    const QString nationalId = idNatPs(physician);
    return fullUrl(u"Practitioner/"_s + (nationalId.isEmpty()
                                             ? physician.familyName + u'/' + physician.givenName
                                             : nationalId));
}

QString FhirWriter::addPractitioner(const Physician& physician)
{
    const QString practitioner = practitionerUrl(physician);
    if (!m_urls.contains(practitioner))
        addPractitionerEntry(physician, practitioner);

    const PractitionerStructure& structure = physician.structure;
    if (structure.name.isEmpty() && structure.address.isEmpty() && structure.phone.isEmpty())
        return practitioner;
    // Where the physician practises: the practitioner's role in that structure.
    const QString roleKey = u"PractitionerRole/"_s + practitioner + u'/' + structure.name + u'/' +
                            structure.address + u'/' + structure.phone;
    const QString role = fullUrl(roleKey);
    if (m_urls.contains(role))
        return role;
    const QString structureUrl =
        addOwn(u"Organization/structure/"_s + role, structureOrganization(structure));
    const QJsonObject practitionerRole{{u"resourceType"_s, u"PractitionerRole"_s},
                                       {u"practitioner"_s, reference(practitioner)},
                                       {u"organization"_s, reference(structureUrl)}};
    return addOwn(roleKey, practitionerRole);
}

void FhirWriter::addPractitionerEntry(const Physician& physician, const QString& practitioner)
{
    // The same person as prescriber and treating physician is one entry, referenced twice
    // (two entries on one conditional identifier would make the transaction fail). It
    // carries what the nurse entered in both roles: a name or MSSante address given in one
    // role only completes the other's; two that disagree both travel, the prescriber's
    // first (docs/fhir-mapping.md, Practitioner).
    const QString nationalId = idNatPs(physician);
    QList<const Physician*> roles;
    for (const Physician* role : {&m_record.prescriber, &m_record.treatingPhysician}) {
        if (!role->isEmpty() && practitionerUrl(*role) == practitioner)
            roles.append(role);
    }
    QJsonObject resource{{u"resourceType"_s, u"Practitioner"_s},
                         {u"meta"_s, meta({Fhir::FrCorePractitionerProfile})}};
    const QJsonArray nameArray = practitionerNames(mergedNames(roles));
    if (!nameArray.isEmpty())
        resource.insert(u"name"_s, nameArray);
    const QJsonArray telecom = mssanteTelecom(mergedMails(roles));
    if (!telecom.isEmpty())
        resource.insert(u"telecom"_s, telecom);
    if (nationalId.isEmpty()) {
        resource.insert(u"identifier"_s, QJsonArray{identifier(Fhir::Rfc3986, practitioner)});
        add(practitioner, resource,
            updateByIdentifier(u"Practitioner"_s, Fhir::Rfc3986, practitioner));
    } else {
        resource.insert(u"identifier"_s,
                        QJsonArray{typedIdentifier(Fhir::IdNatPsSystem, nationalId,
                                                   Fhir::FrIdentifierType, u"IDNPS"_s)});
        // Shared between records: updated on its idNat_PS, so that a new name or
        // MSSante address reaches a server that already has the practitioner (a
        // conditional create would keep the first forever). The last Bundle processed
        // wins; unlike the INS Patient, which the national receiver orders by sampling
        // (docs/fhir-mapping.md, section 5).
        add(practitioner, resource,
            updateByIdentifier(u"Practitioner"_s, Fhir::IdNatPsSystem, nationalId));
    }
}

QString FhirWriter::addOrganization(const QString& finess, const QString& kind, const QString& name)
{
    const QString url = fullUrl(u"Organization/"_s + finess);
    if (m_urls.contains(url))
        return url;
    const bool legal = kind == u"legal"_s;
    QJsonObject resource{
        {u"resourceType"_s, u"Organization"_s},
        {u"meta"_s, meta({Fhir::FrCoreOrganizationProfile})},
        {u"identifier"_s,
         QJsonArray{typedIdentifier(Fhir::FinessSystem, finess, Fhir::FrIdentifierType,
                                    legal ? u"FINEJ"_s : u"FINEG"_s)}},
        {u"type"_s, QJsonArray{codeable(Fhir::FrOrganizationType,
                                        legal ? u"LEGAL-ENTITY"_s : u"GEOGRAPHICAL-ENTITY"_s)}},
    };
    // The workstation names only its own site: that Organization it updates on the FINESS
    // (a renamed site reaches the server). Another site's lab, which it does not name, is
    // created only when missing, so that this Bundle never replaces the lab's own details
    // with fewer.
    if (!name.isEmpty()) {
        resource.insert(u"name"_s, name);
        add(url, resource, updateByIdentifier(u"Organization"_s, Fhir::FinessSystem, finess));
    } else {
        add(url, resource, createIfMissing(u"Organization"_s, Fhir::FinessSystem, finess));
    }
    return url;
}

QString FhirWriter::addSpecimen(const QString& patient, const QString& site, const QString& request)
{
    const Specimen& s = m_record.specimen;
    QJsonObject specimen{
        {u"resourceType"_s, u"Specimen"_s},
        {u"meta"_s, meta({Fhir::SpecimenProfile})},
        {u"accessionIdentifier"_s, QJsonObject{{u"system"_s, Fhir::accessionSystem(s.finess)},
                                               {u"value"_s, s.accession},
                                               {u"assigner"_s, reference(site)}}},
        {u"type"_s, codeable(Fhir::Snomed, s.type.isEmpty() ? Fhir::DefaultSpecimenType : s.type)},
        {u"subject"_s, reference(patient)},
        {u"request"_s, QJsonArray{reference(request)}},
    };
    if (!s.collectedAt.isEmpty())
        specimen.insert(u"collection"_s, QJsonObject{{u"collectedDateTime"_s, s.collectedAt}});
    return addOwn(u"Specimen"_s, specimen);
}

QJsonArray FhirWriter::addAskAtOrderEntry(const QString& patient, const QString& request,
                                          const QString& specimen)
{
    QJsonArray answers;
    auto answer = [&](const QString& role, const QJsonObject& observation) {
        answers.append(reference(addOwn(role, observation)));
    };
    const QString onset = m_record.symptomOnset;
    if (!onset.isEmpty() || !m_record.symptoms.isEmpty()) {
        QJsonObject symptoms = askAtOrderEntry(Fhir::HasSymptomsCode,
                                               u"Has symptoms related to condition of interest"_s,
                                               patient, request, specimen);
        const QString value =
            onset == u"asymptomatic"_s ? u"N"_s
            : !m_record.symptoms.isEmpty() || (!onset.isEmpty() && onset != u"unknown"_s)
                ? u"Y"_s
                : u"UNK"_s;
        symptoms.insert(u"valueCodeableConcept"_s, yesNo(value));
        QJsonArray components;
        for (const QString& symptom : m_record.symptoms) {
            if (const std::optional<Fhir::Coded> coded = Fhir::byValue(Fhir::SymptomCodes, symptom))
                components.append(
                    QJsonObject{{u"code"_s, codeable(Fhir::Loinc, Fhir::SymptomCode, u"Symptom"_s)},
                                {u"valueCodeableConcept"_s, codeable(*coded)}});
        }
        if (!components.isEmpty())
            symptoms.insert(u"component"_s, components);
        answer(u"Observation/symptoms"_s, symptoms);
    }
    // The onset as LOINC asks it: a time, here the period the Annex 1 category stands for;
    // unknown is said as such; "asymptomatic" sends no onset at all.
    const QDateTime collected = QDateTime::fromString(m_record.specimen.collectedAt, Qt::ISODate);
    if (!onset.isEmpty() && onset != u"asymptomatic"_s) {
        QJsonObject observation =
            askAtOrderEntry(Fhir::SymptomOnsetCode, u"Date and time of symptom onset"_s, patient,
                            request, specimen);
        bool written = false;
        for (const OnsetDays& days : OnsetPeriods) {
            if (onset != QStringView(days.category) || !collected.isValid())
                continue;
            const QDate sampled = collected.date();
            QJsonObject period{{u"end"_s, sampled.addDays(-days.to).toString(Qt::ISODate)}};
            if (days.from >= 0)
                period.insert(u"start"_s, sampled.addDays(-days.from).toString(Qt::ISODate));
            observation.insert(u"valuePeriod"_s, period);
            written = true;
        }
        if (!written) {
            observation.insert(u"dataAbsentReason"_s,
                               codeable(Fhir::DataAbsentReason, u"unknown"_s, u"Unknown"_s));
        }
        answer(u"Observation/onset"_s, observation);
    }
    for (const QString& residence : m_record.residence) {
        const std::optional<Fhir::Coded> coded = Fhir::byValue(Fhir::ResidenceCodes, residence);
        if (!coded)
            continue;
        QJsonObject observation =
            askAtOrderEntry(Fhir::ResidenceCode, u"Residence type"_s, patient, request, specimen);
        observation.insert(u"valueCodeableConcept"_s, codeable(*coded));
        answer(u"Observation/residence/"_s + residence, observation);
    }
    if (m_record.healthProfessional.has_value()) {
        QJsonObject observation =
            askAtOrderEntry(Fhir::HealthcareWorkCode, u"Employed in a healthcare setting"_s,
                            patient, request, specimen);
        observation.insert(u"valueCodeableConcept"_s,
                           yesNo(*m_record.healthProfessional ? u"Y"_s : u"N"_s));
        answer(u"Observation/healthProfessional"_s, observation);
    }
    return answers;
}

QString FhirWriter::addServiceRequest(const QString& patient, const QString& lab,
                                      const QString& prescriber, const QJsonArray& supportingInfo)
{
    const TestResult& r = m_record.result;
    const QString status = m_options.correction == u"entered-in-error"_s ? u"revoked"_s
                           : r.value.isEmpty()                           ? u"active"_s
                                                                         : u"completed"_s;
    QJsonObject request{
        {u"resourceType"_s, u"ServiceRequest"_s},
        {u"meta"_s, meta({Fhir::ServiceRequestProfile})},
        {u"status"_s, status},
        {u"intent"_s, u"order"_s},
        {u"code"_s, codeable(Fhir::Loinc, analysis())},
        {u"subject"_s, reference(patient)},
        {u"performer"_s, QJsonArray{reference(lab)}},
        {u"specimen"_s, QJsonArray{reference(fullUrl(u"Specimen"_s))}},
    };
    if (!prescriber.isEmpty())
        request.insert(u"requester"_s, reference(prescriber));
    if (!supportingInfo.isEmpty())
        request.insert(u"supportingInfo"_s, supportingInfo);
    return addOwn(u"ServiceRequest"_s, request);
}

QString FhirWriter::addResult(const QString& patient, const QString& lab, const QString& request,
                              const QString& specimen)
{
    const TestResult& r = m_record.result;
    QJsonObject result{
        {u"resourceType"_s, u"Observation"_s},
        {u"meta"_s, meta({Fhir::LabResultProfile})},
        {u"status"_s, m_options.correction.isEmpty() ? u"final"_s : m_options.correction},
        {u"category"_s, QJsonArray{codeable(Fhir::ObservationCategory, u"laboratory"_s)}},
        {u"code"_s, codeable(Fhir::Loinc, analysis())},
        {u"subject"_s, reference(patient)},
        {u"basedOn"_s, QJsonArray{reference(request)}},
        {u"specimen"_s, reference(specimen)},
        {u"performer"_s, QJsonArray{reference(lab)}},
    };
    if (!m_record.specimen.collectedAt.isEmpty())
        result.insert(u"effectiveDateTime"_s, m_record.specimen.collectedAt);
    if (!r.validatedAt.isEmpty())
        result.insert(u"issued"_s, r.validatedAt);
    if (const std::optional<Fhir::Coded> coded = Fhir::byValue(Fhir::ResultCodes, r.value))
        result.insert(u"valueCodeableConcept"_s, codeable(*coded));
    if (!r.nonConformity.isEmpty())
        result.insert(u"note"_s, QJsonArray{QJsonObject{{u"text"_s, r.nonConformity}}});
    return addOwn(u"Observation/result"_s, result);
}

QString FhirWriter::addDiagnosticReport(const QString& patient, const QString& lab,
                                        const QString& request, const QString& specimen,
                                        const QString& result)
{
    const TestResult& r = m_record.result;
    QJsonObject report{
        {u"resourceType"_s, u"DiagnosticReport"_s},
        {u"meta"_s, meta({Fhir::DiagnosticReportProfile})},
        {u"status"_s, m_options.correction.isEmpty() ? u"final"_s : m_options.correction},
        {u"category"_s,
         QJsonArray{codeable(Fhir::DiagnosticServiceSection, u"LAB"_s, u"Laboratory"_s)}},
        {u"code"_s, codeable(Fhir::Loinc, analysis())},
        {u"subject"_s, reference(patient)},
        {u"basedOn"_s, QJsonArray{reference(request)}},
        {u"specimen"_s, QJsonArray{reference(specimen)}},
        {u"performer"_s, QJsonArray{reference(lab)}},
        {u"result"_s, QJsonArray{reference(result)}},
    };
    if (!m_record.specimen.collectedAt.isEmpty())
        report.insert(u"effectiveDateTime"_s, m_record.specimen.collectedAt);
    if (!r.validatedAt.isEmpty())
        report.insert(u"issued"_s, r.validatedAt);
    if (m_options.includeReport && !r.reportPdf.isEmpty()) {
        report.insert(
            u"presentedForm"_s,
            QJsonArray{QJsonObject{{u"contentType"_s, u"application/pdf"_s},
                                   {u"data"_s, QString::fromLatin1(r.reportPdf.toBase64())}}});
    }
    return addOwn(u"DiagnosticReport"_s, report);
}

void FhirWriter::addProvenance(const QStringList& targets, const QString& agent)
{
    QJsonArray targetReferences;
    for (const QString& target : targets)
        targetReferences.append(reference(target));
    const bool nullify = m_options.change == BundleOptions::Change::Cancellation;
    QDateTime recorded = m_options.changedAt;
    if (!recorded.isValid())
        recorded = QDateTime::fromString(m_record.result.validatedAt, Qt::ISODate);
    if (!recorded.isValid())
        recorded = QDateTime::fromString(m_record.specimen.collectedAt, Qt::ISODate);
    QJsonObject provenance{
        {u"resourceType"_s, u"Provenance"_s},
        {u"target"_s, targetReferences},
        {u"recorded"_s, recorded.toUTC().toString(Qt::ISODate)},
        {u"activity"_s, codeable(Fhir::DataOperation, nullify ? u"NULLIFY"_s : u"UPDATE"_s)},
        {u"agent"_s, QJsonArray{QJsonObject{{u"who"_s, reference(agent)}}}},
    };
    if (!m_options.reason.isEmpty())
        provenance.insert(u"reason"_s, QJsonArray{QJsonObject{{u"text"_s, m_options.reason}}});
    // Provenance has no identifier: one per version, under an id derived from the record
    // and the version, so that a replay writes the same one again rather than another.
    const QString url = fullUrl(u"Provenance/version/"_s + QString::number(m_record.version));
    const QString id = url.mid(9); // the UUID
    provenance.insert(u"id"_s, id);
    add(url, provenance,
        QJsonObject{{u"method"_s, u"PUT"_s}, {u"url"_s, QString(u"Provenance/"_s + id)}});
}
