#include "FhirDefinitions.h"

#include <QUrl>
#include <algorithm>
#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Fhir {

namespace {

const QString FrCore = u"https://hl7.fr/ig/fhir/core"_s;

// Every placeholder host ends in one of these words (example.org too).
const QStringList& reservedDomainWords()
{
    static const QStringList words = {u"example"_s, u"test"_s, u"invalid"_s, u"localhost"_s};
    return words;
}

QString frCoreDefinition(const QString& id)
{
    return FrCore + u"/StructureDefinition/"_s + id;
}

QString frCoreCodeSystem(const QString& id)
{
    return FrCore + u"/CodeSystem/"_s + id;
}

QString nos(const QString& name, const QString& id)
{
    return u"https://mos.esante.gouv.fr/NOS/"_s + name + u"/FHIR/"_s + id;
}

} // namespace

QString canonicalBase()
{
    // Written once, in resources/fhir/package.json; CMake passes it in.
    return QStringLiteral(SIDEP_FHIR_CANONICAL);
}

QString ourStructureDefinition(const QString& id)
{
    return canonicalBase() + u"/StructureDefinition/"_s + id;
}

QString ourCodeSystem(const QString& id)
{
    return canonicalBase() + u"/CodeSystem/"_s + id;
}

QString ourValueSet(const QString& id)
{
    return canonicalBase() + u"/ValueSet/"_s + id;
}

QString ourNamingSystem(const QString& id)
{
    return canonicalBase() + u"/NamingSystem/"_s + id;
}

const QString Rfc3986 = u"urn:ietf:rfc:3986"_s;
const QString Loinc = u"http://loinc.org"_s;
const QString Snomed = u"http://snomed.info/sct"_s;
const QString YesNo = u"http://terminology.hl7.org/CodeSystem/v2-0136"_s;
const QString NullFlavor = u"http://terminology.hl7.org/CodeSystem/v3-NullFlavor"_s;
const QString DataAbsentReason = u"http://terminology.hl7.org/CodeSystem/data-absent-reason"_s;
const QString ObservationCategory = u"http://terminology.hl7.org/CodeSystem/observation-category"_s;
const QString DiagnosticServiceSection = u"http://terminology.hl7.org/CodeSystem/v2-0074"_s;
const QString HL7IdentifierType = u"http://terminology.hl7.org/CodeSystem/v2-0203"_s;
const QString DataOperation = u"http://terminology.hl7.org/CodeSystem/v3-DataOperation"_s;
const QString BirthPlaceExtension = u"http://hl7.org/fhir/StructureDefinition/patient-birthPlace"_s;

const QString FrCoreVersion = u"2.1.0"_s;
const QString FrCorePatientProfile = frCoreDefinition(u"fr-core-patient"_s);
const QString FrCorePatientInsProfile = frCoreDefinition(u"fr-core-patient-ins"_s);
const QString FrCorePractitionerProfile = frCoreDefinition(u"fr-core-practitioner"_s);
const QString FrCoreOrganizationProfile = frCoreDefinition(u"fr-core-organization"_s);
const QString FrIdentifierType = frCoreCodeSystem(u"fr-core-cs-v2-0203"_s);
const QString FrIdentityReliability = frCoreCodeSystem(u"fr-core-cs-v2-0445"_s);
const QString IdentityReliabilityExtension = frCoreDefinition(u"fr-core-identity-reliability"_s);
const QString BirthListGivenNameExtension =
    frCoreDefinition(u"fr-core-patient-birth-list-given-name"_s);
const QString AddressInseeCodeExtension = frCoreDefinition(u"fr-core-address-insee-code"_s);
const QString EmailTypeExtension = frCoreDefinition(u"fr-core-contact-point-email-type"_s);
const QString FrOrganizationType = frCoreCodeSystem(u"fr-core-cs-v2-3307"_s);
const QString FinessSystem = u"https://finess.esante.gouv.fr"_s;
const QString IdNatPsSystem = u"urn:oid:1.2.250.1.71.4.2.1"_s;
const QString CogCommunes = nos(u"TRE_R13-CommuneOM"_s, u"TRE-R13-CommuneOM"_s);
const QString CogCountries = nos(u"TRE_R20-Pays"_s, u"TRE-R20-Pays"_s);
const QString MessagingTypes = nos(u"TRE_R256-TypeMessagerie"_s, u"TRE-R256-TypeMessagerie"_s);
const QString RelationTypes = nos(u"TRE_R216-HL7RoleCode"_s, u"TRE-R216-HL7RoleCode"_s);

const QString RecordVersionExtension = ourStructureDefinition(u"sidep-record-version"_s);
const QString BundleProfile = ourStructureDefinition(u"sidep-bundle"_s);
const QString PatientProfile = ourStructureDefinition(u"sidep-patient"_s);
const QString LabResultProfile = ourStructureDefinition(u"sidep-lab-result"_s);
const QString AskAtOrderEntryProfile = ourStructureDefinition(u"sidep-ask-at-order-entry"_s);
const QString SpecimenProfile = ourStructureDefinition(u"sidep-specimen"_s);
const QString ServiceRequestProfile = ourStructureDefinition(u"sidep-service-request"_s);
const QString DiagnosticReportProfile = ourStructureDefinition(u"sidep-diagnostic-report"_s);
const QString ResidenceCodeSystem = ourCodeSystem(u"sidep-residence-type"_s);
const QString SymptomCodeSystem = ourCodeSystem(u"sidep-symptom"_s);
const QString IdentityStatusCodeSystem = ourCodeSystem(u"sidep-identity-status"_s);

QString accessionSystem(const QString& labFiness)
{
    // Tube labels are unique per laboratory: one namespace per FINESS.
    return ourNamingSystem(u"accession-"_s + labFiness);
}

const QList<InsAuthority> InsAuthorities = {
    {u"1.2.250.1.213.1.4.8"_s, u"INS-NIR"_s, u"official"_s},
    {u"1.2.250.1.213.1.4.9"_s, u"INS-NIA"_s, u"temp"_s},
    {u"1.2.250.1.213.1.4.10"_s, u"INS-NIR-TEST"_s, u"official"_s},
    {u"1.2.250.1.213.1.4.11"_s, u"INS-NIR-DEMO"_s, u"official"_s},
};

std::optional<InsAuthority> insAuthority(const QString& oid)
{
    for (const InsAuthority& authority : InsAuthorities) {
        if (authority.oid == oid)
            return authority;
    }
    return std::nullopt;
}

QString oidSystem(const QString& oid)
{
    return u"urn:oid:"_s + oid;
}

const QString DefaultAnalysis = u"94500-6"_s;
const QString DefaultSpecimenType = u"258500001"_s;
const QString HasSymptomsCode = u"95419-8"_s;
const QString SymptomOnsetCode = u"65222-2"_s;
const QString SymptomCode = u"75325-1"_s;
const QString ResidenceCode = u"75617-1"_s;
const QString HealthcareWorkCode = u"95418-0"_s;

const QList<Coded> ResultCodes = {
    {u"P"_s, Snomed, u"10828004"_s, u"Positive"_s},
    {u"N"_s, Snomed, u"260385009"_s, u"Negative"_s},
    {u"I"_s, Snomed, u"373068000"_s, u"Undetermined"_s},
    {u"X"_s, Snomed, u"125154007"_s, u"Specimen unsatisfactory for evaluation"_s},
};

const QList<Coded> SymptomCodes = {
    {u"fever"_s, Snomed, u"386661006"_s, u"Fever"_s},
    {u"cough"_s, Snomed, u"49727002"_s, u"Cough"_s},
    {u"sore_throat"_s, Snomed, u"162397003"_s, u"Pain in throat"_s},
    {u"anosmia_ageusia"_s, SymptomCodeSystem, u"anosmia_ageusia"_s, u"Loss of taste or smell"_s},
    {u"fatigue_pain"_s, SymptomCodeSystem, u"fatigue_pain"_s, u"Unusual fatigue or pain"_s},
    {u"diarrhea"_s, Snomed, u"62315008"_s, u"Diarrhea"_s},
    {u"breathing"_s, Snomed, u"267036007"_s, u"Dyspnea"_s},
};

const QList<Coded> ResidenceCodes = {
    {u"individual"_s, ResidenceCodeSystem, u"individual"_s, u"Individual housing"_s},
    {u"hospitalized"_s, ResidenceCodeSystem, u"hospitalized"_s, u"Hospitalized"_s},
    {u"ehpad"_s, ResidenceCodeSystem, u"ehpad"_s, u"Nursing home (EHPAD) resident"_s},
    {u"prison"_s, ResidenceCodeSystem, u"prison"_s, u"In prison"_s},
    {u"collective_other"_s, ResidenceCodeSystem, u"collective_other"_s,
     u"Other collective housing"_s},
};

const QList<Coded> IdentityStatusCodes = {
    {u"provisional"_s, FrIdentityReliability, u"PROV"_s, u"Identité provisoire"_s},
    {u"retrieved"_s, IdentityStatusCodeSystem, u"RECUP"_s, u"Identité récupérée"_s},
    {u"validated"_s, FrIdentityReliability, u"VALI"_s, u"Identité validée"_s},
};

std::optional<Coded> byValue(const QList<Coded>& codes, const QString& value)
{
    for (const Coded& coded : codes) {
        if (coded.value == value)
            return coded;
    }
    return std::nullopt;
}

std::optional<Coded> byCode(const QList<Coded>& codes, const QString& system, const QString& code)
{
    for (const Coded& coded : codes) {
        if (coded.system == system && coded.code == code)
            return coded;
    }
    return std::nullopt;
}

bool isPlaceholderUrl(const QString& text)
{
    if (!text.startsWith(u"http://"_s) && !text.startsWith(u"https://"_s))
        return false;
    // Most addresses of a Bundle are code systems and profiles: only one whose authority
    // may name a reserved host (or hide one in percent-encoding) is worth parsing as a URL.
    const QStringView rest = QStringView(text).mid(text.indexOf(u"://"_s) + 3);
    const QStringView authority =
        rest.left(std::find_if(rest.cbegin(), rest.cend(),
                               [](QChar c) { return c == u'/' || c == u'?' || c == u'#'; }) -
                  rest.cbegin());
    const QStringList& reservedDomains = reservedDomainWords();
    if (!authority.contains(u'%') &&
        std::none_of(reservedDomains.cbegin(), reservedDomains.cend(),
                     [&authority](const QString& domain) {
                         return authority.contains(domain, Qt::CaseInsensitive);
                     }))
        return false;
    const QString host = QUrl(text).host().toLower();
    static const QStringList exampleHosts = {u"example.org"_s, u"example.com"_s, u"example.net"_s};
    for (const QString& domain : reservedDomains) {
        if (host == domain || host.endsWith(u'.' + domain))
            return true;
    }
    for (const QString& example : exampleHosts) {
        if (host == example || host.endsWith(u'.' + example))
            return true;
    }
    return false;
}

bool mayHoldPlaceholderUrl(QByteArrayView compactJson)
{
    static const QList<QByteArray> reservedDomains = [] {
        QList<QByteArray> latin1;
        for (const QString& domain : reservedDomainWords())
            latin1.append(domain.toLatin1());
        return latin1;
    }();
    // glibc's memmem finds the strings that start with "http" in 3 µs a Bundle, against
    // 9 µs for QByteArrayMatcher and 11 µs for QByteArrayView::indexOf (Qt 6.4).
    static constexpr char StringStart[] = "\"http";
    const char* const data = compactJson.data();
    const qsizetype size = compactJson.size();
    auto next = [&](qsizetype from) -> qsizetype {
        if (from >= size)
            return -1;
        const void* found = memmem(data + from, size_t(size - from), StringStart, 5);
        return found ? static_cast<const char*>(found) - data : -1;
    };
    for (qsizetype at = next(0); at >= 0; at = next(at + 1)) {
        qsizetype from = at + 5;
        if (from < size && compactJson[from] == 's')
            ++from;
        if (!compactJson.sliced(from).startsWith("://"))
            continue;
        from += 3;
        // The authority in lower case; a long one is left to the walk.
        std::array<char, 256> lower;
        qsizetype length = 0;
        for (qsizetype end = from;; ++end) {
            if (end == size || length == qsizetype(lower.size()))
                return true;
            const char c = compactJson[end];
            if (c == '/' || c == '?' || c == '#' || c == '"')
                break;
            // What isPlaceholderUrl() would parse, and what bytes cannot show as a URL's
            // host reads them: percent-encoding, an escape, or a character that folds or
            // maps to ASCII ("ſ" to "s", "ｅ" to "e").
            if (c == '%' || c == '\\' || static_cast<uchar>(c) >= 0x80)
                return true;
            lower[length++] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
        }
        const QByteArrayView authority(lower.data(), length);
        for (const QByteArray& domain : reservedDomains) {
            if (authority.contains(domain))
                return true;
        }
    }
    return false;
}

} // namespace Fhir
