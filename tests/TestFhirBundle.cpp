#include "FhirBundle.h"
#include "FhirDefinitions.h"
#include "JsonText.h"
#include "fhir/FhirSamples.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QString FrCoreIdentifierType = u"https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203"_s;
const QString FrCoreReliability =
    u"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability"_s;
const QString Snomed = u"http://snomed.info/sct"_s;
const QString Loinc = u"http://loinc.org"_s;

QJsonObject bundleOf(const FhirSamples::Sample& s)
{
    return FhirBundle::fromRecord(s.record, s.siteFiness, s.options);
}

QJsonObject codingOf(const QJsonValue& codeableConcept)
{
    return codeableConcept.toObject().value(u"coding"_s).toArray().first().toObject();
}

QList<QJsonObject> entriesOf(const QJsonObject& bundle, const QString& type)
{
    QList<QJsonObject> list;
    for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray()) {
        if (entry[u"resource"_s][u"resourceType"_s].toString() == type)
            list.append(entry.toObject());
    }
    return list;
}

// "Patient", "Practitioner#1" (the second one), "Observation:95419-8" (by LOINC code).
QJsonObject entryFor(const QJsonObject& bundle, const QString& selector)
{
    QString type = selector;
    QString loinc;
    int nth = 0;
    if (selector.contains(u':'))
        std::tie(type, loinc) = std::pair(selector.section(u':', 0, 0), selector.section(u':', 1));
    if (selector.contains(u'#')) {
        type = selector.section(u'#', 0, 0);
        nth = selector.section(u'#', 1).toInt();
    }
    for (const QJsonObject& entry : entriesOf(bundle, type)) {
        const QJsonObject resource = entry[u"resource"_s].toObject();
        if (!loinc.isEmpty() && codingOf(resource.value(u"code"_s)).value(u"code"_s) != loinc)
            continue;
        if (nth-- == 0)
            return entry;
    }
    return {};
}

// A value by a slash path inside an entry's resource: "name/0/given/1".
QJsonValue valueAt(const QJsonObject& bundle, const QString& selector, const QString& path)
{
    QJsonValue value = entryFor(bundle, selector).value(u"resource"_s);
    for (const QString& part : path.split(u'/', Qt::SkipEmptyParts)) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(part);
    }
    return value;
}

// What travels as qualified: the INS and what FR Core's Patient INS profile requires with it.
bool isQualified(const Patient& p)
{
    return p.identityStatus == u"qualified"_s && !p.ins.isEmpty() &&
           Fhir::insAuthority(p.insOid).has_value() && !p.birthName.isEmpty() &&
           !p.firstNames.trimmed().isEmpty() && !p.birthPlace.isEmpty();
}

// Everything a record says that a Bundle carries, as its JSON, with the defaults the wire
// format fills in: an identity that is not qualified keeps its INS at home, and no Bundle
// carries an activation code.
QJsonObject normalised(SamplingRecord record)
{
    if (record.specimen.type.isEmpty())
        record.specimen.type = u"258500001"_s;
    if (record.specimen.finessKind.isEmpty())
        record.specimen.finessKind = u"geographic"_s;
    if (!isQualified(record.patient)) {
        record.patient.ins.clear();
        record.patient.insOid.clear();
        // A status the record cannot back travels as the weakest.
        if (!QStringList{u"provisional"_s, u"retrieved"_s, u"validated"_s}.contains(
                record.patient.identityStatus))
            record.patient.identityStatus = u"provisional"_s;
    }
    record.activation = {};
    return record.toJson(true);
}

// Every string of a JSON value, with its path.
void strings(const QJsonValue& value, const QString& path, QList<std::pair<QString, QString>>* out)
{
    if (value.isString()) {
        out->append({path, value.toString()});
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            strings(array.at(i), path + u'[' + QString::number(i) + u']', out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            strings(it.value(), path + u'.' + it.key(), out);
    }
}

struct Parsed
{
    bool ok = false;
    SamplingRecord record;
    QString siteFiness;
    BundleOptions options;
    QList<Problem> problems;

    bool has(const QString& fieldPattern, const QString& rule) const
    {
        const QRegularExpression pattern(u"^"_s + fieldPattern + u"$"_s);
        for (const Problem& problem : problems) {
            if (pattern.match(problem.field).hasMatch() && problem.rule == rule)
                return true;
        }
        return false;
    }
    QString seen() const
    {
        QStringList list;
        for (const Problem& problem : problems)
            list << problem.field + u" "_s + problem.rule;
        return list.join(u"; "_s);
    }
};

// Every Bundle is read twice: alone, and with its compact text as sidep-server reads it
// (the text lets the reader skip its walk for placeholder addresses). Both readings must
// find the same problems, or the test that reads fails.
Parsed parse(const QJsonObject& bundle)
{
    Parsed parsed;
    parsed.ok = FhirBundle::parse(bundle, &parsed.record, &parsed.siteFiness, &parsed.problems,
                                  &parsed.options);
    Parsed withText;
    withText.ok =
        FhirBundle::parse(bundle, &withText.record, &withText.siteFiness, &withText.problems,
                          &withText.options, JsonText::compact(bundle));
    auto described = [](const Parsed& reading) {
        QStringList list;
        for (const Problem& problem : reading.problems)
            list << problem.field + u' ' + problem.rule + u' ' + problem.message;
        return list.join(u"; "_s);
    };
    QTest::qCompare(described(withText), described(parsed), "problems read with the text",
                    "problems read from the Bundle alone", __FILE__, __LINE__);
    QTest::qCompare(withText.ok, parsed.ok, "read with the text", "read alone", __FILE__, __LINE__);
    return parsed;
}

// The Bundle with one resource edited (the first of its type).
QJsonObject editResource(QJsonObject bundle, const QString& selector,
                         const std::function<void(QJsonObject&)>& edit)
{
    const QJsonObject target = entryFor(bundle, selector);
    QJsonArray entries = bundle.value(u"entry"_s).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i][u"fullUrl"_s] != target[u"fullUrl"_s])
            continue;
        QJsonObject entry = entries[i].toObject();
        QJsonObject resource = entry[u"resource"_s].toObject();
        edit(resource);
        entry[u"resource"_s] = resource;
        entries[i] = entry;
    }
    bundle[u"entry"_s] = entries;
    return bundle;
}

qsizetype indexOf(const QJsonObject& bundle, const QString& selector)
{
    const QJsonValue url = entryFor(bundle, selector)[u"fullUrl"_s];
    const QJsonArray entries = bundle.value(u"entry"_s).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i][u"fullUrl"_s] == url)
            return i;
    }
    return -1;
}

QString resourcePath(const QJsonObject& bundle, const QString& selector)
{
    return u"entry\\["_s + QString::number(indexOf(bundle, selector)) + u"\\]\\.resource"_s;
}

QDate sampledOn(const SamplingRecord& record)
{
    return QDateTime::fromString(record.specimen.collectedAt, Qt::ISODate).date();
}

// A sample whose record meets a condition.
FhirSamples::Sample sampleWhere(const std::function<bool(const FhirSamples::Sample&)>& wanted)
{
    for (int i = 0; i < 200; ++i) {
        FhirSamples::Sample s = FhirSamples::sample(i);
        if (wanted(s))
            return s;
    }
    qFatal("no sample fits");
}

// Our FHIR definitions package (resources/fhir), as its index lists it.
struct OurPackage
{
    QString version;
    QHash<QString, QJsonObject> byUrl; // every definition with a url
    QStringList identifierPrefixes;    // NamingSystem uniqueIds (accession-<FINESS>)
    QString problems;

    // Whether a URL under our base names a definition of the package.
    bool defines(const QString& url) const
    {
        if (byUrl.contains(url))
            return true;
        for (const QString& prefix : identifierPrefixes) {
            static const QRegularExpression finess(u"^\\d{9}$"_s);
            if (url.startsWith(prefix) && finess.match(url.mid(prefix.size())).hasMatch())
                return true;
        }
        return false;
    }
    bool hasCode(const QString& system, const QString& code) const
    {
        for (const QJsonValue& defined : byUrl.value(system)[u"concept"_s].toArray()) {
            if (defined[u"code"_s].toString() == code)
                return true;
        }
        return false;
    }
    // The codes a ValueSet of the package lists explicitly or takes whole from a CodeSystem
    // of the package, as "system|code".
    QSet<QString> valueSet(const QString& url) const
    {
        QSet<QString> codes;
        for (const QJsonValue& include : byUrl.value(url)[u"compose"_s][u"include"_s].toArray()) {
            const QString system = include[u"system"_s].toString();
            const QJsonArray concepts = include.toObject().contains(u"concept"_s)
                                            ? include[u"concept"_s].toArray()
                                            : byUrl.value(system)[u"concept"_s].toArray();
            for (const QJsonValue& defined : concepts)
                codes.insert(system + u'|' + defined[u"code"_s].toString());
            for (const QJsonValue& other : include[u"valueSet"_s].toArray())
                codes.unite(valueSet(other.toString()));
        }
        return codes;
    }
};

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

OurPackage ourPackage()
{
    OurPackage package;
    const QDir dir(QStringLiteral(SIDEP_FHIR_PACKAGE_DIR));
    const QJsonObject manifest = readJson(dir.filePath(u"package.json"_s));
    package.version = manifest[u"version"_s].toString();
    if (manifest[u"canonical"_s].toString() != Fhir::canonicalBase())
        package.problems += u"package.json's canonical is not the build's; "_s;
    for (const QJsonValue& file : readJson(dir.filePath(u".index.json"_s))[u"files"_s].toArray()) {
        const QJsonObject resource = readJson(dir.filePath(file[u"filename"_s].toString()));
        if (resource.isEmpty() || resource[u"id"_s] != file[u"id"_s])
            package.problems += file[u"filename"_s].toString() + u" does not match the index; "_s;
        if (resource[u"resourceType"_s] == u"NamingSystem"_s) {
            for (const QJsonValue& id : resource[u"uniqueId"_s].toArray())
                package.identifierPrefixes << id[u"value"_s].toString();
            continue;
        }
        if (resource[u"version"_s].toString() != package.version)
            package.problems +=
                file[u"filename"_s].toString() + u" is not at the package's version; "_s;
        package.byUrl.insert(resource[u"url"_s].toString(), resource);
    }
    return package;
}

} // namespace

class TestFhirBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundleEnvelope()
    {
        const FhirSamples::Sample s = FhirSamples::sample(1);
        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(bundle.value(u"resourceType"_s).toString(), u"Bundle"_s);
        QCOMPARE(bundle.value(u"type"_s).toString(), u"transaction"_s);
        QCOMPARE(bundle[u"identifier"_s][u"system"_s].toString(), u"urn:ietf:rfc:3986"_s);
        QVERIFY(bundle[u"identifier"_s][u"value"_s].toString().startsWith(u"urn:uuid:"_s));
        QVERIFY(!bundle.contains(u"timestamp"_s));

        QSet<QString> urls;
        for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray()) {
            const QString url = entry[u"fullUrl"_s].toString();
            QVERIFY2(url.startsWith(u"urn:uuid:"_s), qPrintable(url));
            QVERIFY(!urls.contains(url));
            urls.insert(url);
            // Conditional writes only: a resource is updated on its identifier (the record's
            // own, or a national one), another site's lab created when missing; a replay
            // changes nothing.
            const QJsonObject request = entry[u"request"_s].toObject();
            const QString type = entry[u"resource"_s][u"resourceType"_s].toString();
            const QString method = request.value(u"method"_s).toString();
            QVERIFY2(method == u"PUT"_s || method == u"POST"_s, qPrintable(type));
            if (method == u"POST"_s) {
                QCOMPARE(request.value(u"url"_s).toString(), type);
                QVERIFY(!request.value(u"ifNoneExist"_s).toString().isEmpty());
            } else {
                QVERIFY2(request.value(u"url"_s).toString().startsWith(type + u"?identifier="_s) ||
                             request.value(u"url"_s).toString().startsWith(type + u"/"_s),
                         qPrintable(request.value(u"url"_s).toString()));
            }
        }
        // The same version of a record gives the same Bundle: resends are recognisable byte
        // for byte; another version is another Bundle of the same record.
        QCOMPARE(bundleOf(s), bundle);
        FhirSamples::Sample next = s;
        ++next.record.version;
        QVERIFY(bundleOf(next)[u"identifier"_s] != bundle[u"identifier"_s]);
        QUuid record;
        int version = 0;
        QVERIFY(FhirBundle::recordVersion(bundleOf(next), &record, &version));
        QCOMPARE(record, s.record.id);
        QCOMPARE(version, s.record.version + 1);
    }

    // The record's version is ours, in our extension; Bundle.meta.versionId belongs
    // to the server that stores the Bundle.
    void recordVersionNotInMetaVersionId()
    {
        const FhirSamples::Sample s = FhirSamples::sample(4);
        const QJsonObject bundle = bundleOf(s);
        const QJsonObject meta = bundle.value(u"meta"_s).toObject();
        QVERIFY(!meta.contains(u"versionId"_s));
        const QJsonObject version = meta[u"extension"_s][0].toObject();
        QCOMPARE(version[u"url"_s].toString(), Fhir::RecordVersionExtension);
        QCOMPARE(version[u"extension"_s][0][u"valueUuid"_s].toString(),
                 u"urn:uuid:"_s + s.record.id.toString(QUuid::WithoutBraces));
        QCOMPARE(version[u"extension"_s][1][u"valuePositiveInt"_s].toInt(), s.record.version);

        // A Bundle that says its version in meta.versionId is refused, with the path.
        QJsonObject old = bundle;
        QJsonObject oldMeta = meta;
        oldMeta.insert(u"versionId"_s, QString::number(s.record.version));
        old.insert(u"meta"_s, oldMeta);
        const Parsed parsed = parse(old);
        QVERIFY(!parsed.ok);
        QVERIFY2(parsed.has(u"meta\\.versionId"_s, u"format"_s), qPrintable(parsed.seen()));
    }

    void fieldPlacement_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("expected");

        // Sample 1: a qualified identity (NIR), relatives' contacts, a treating physician
        // with a structure, a legal FINESS, a negative result with its PDF.
        const FhirSamples::Sample s = FhirSamples::sample(1);
        const SamplingRecord& r = s.record;
        const QDate sampled = sampledOn(r);
        auto row = [](const char* name, const QString& selector, const QString& path,
                      const QString& expected) {
            QTest::newRow(name) << selector << path << QJsonValue(expected);
        };
        row("patient INS profile", u"Patient"_s, u"meta/profile/0"_s,
            Fhir::FrCorePatientInsProfile);
        row("INS system", u"Patient"_s, u"identifier/0/system"_s, u"urn:oid:1.2.250.1.213.1.4.8"_s);
        row("INS value", u"Patient"_s, u"identifier/0/value"_s, r.patient.ins);
        row("INS use", u"Patient"_s, u"identifier/0/use"_s, u"official"_s);
        row("INS type system", u"Patient"_s, u"identifier/0/type/coding/0/system"_s,
            FrCoreIdentifierType);
        row("INS type", u"Patient"_s, u"identifier/0/type/coding/0/code"_s, u"INS-NIR"_s);
        row("opening rights NIR", u"Patient"_s, u"identifier/1/value"_s,
            r.patient.openingRightsNir);
        row("opening rights type system", u"Patient"_s, u"identifier/1/type/coding/0/system"_s,
            u"http://terminology.hl7.org/CodeSystem/v2-0203"_s);
        row("opening rights type", u"Patient"_s, u"identifier/1/type/coding/0/code"_s, u"NH"_s);
        row("identity reliability", u"Patient"_s, u"extension/0/url"_s, FrCoreReliability);
        row("identity status slice", u"Patient"_s, u"extension/0/extension/0/url"_s,
            u"identityStatus"_s);
        row("identity status", u"Patient"_s, u"extension/0/extension/0/valueCoding/code"_s,
            u"VALI"_s);
        row("identity status system", u"Patient"_s, u"extension/0/extension/0/valueCoding/system"_s,
            u"https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445"_s);
        row("birth place url", u"Patient"_s, u"extension/1/url"_s,
            u"http://hl7.org/fhir/StructureDefinition/patient-birthPlace"_s);
        row("birth place INSEE", u"Patient"_s, u"extension/1/valueAddress/extension/0/url"_s,
            u"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code"_s);
        row("birth place COG", u"Patient"_s,
            u"extension/1/valueAddress/extension/0/valueCoding/code"_s, r.patient.birthPlace);
        row("birth place COG system", u"Patient"_s,
            u"extension/1/valueAddress/extension/0/valueCoding/system"_s, Fhir::CogCommunes);
        row("official name use", u"Patient"_s, u"name/0/use"_s, u"official"_s);
        row("birth name", u"Patient"_s, u"name/0/family"_s, r.patient.birthName);
        row("first given", u"Patient"_s, u"name/0/given/0"_s,
            r.patient.firstNames.split(u' ').first());
        row("birth given names url", u"Patient"_s, u"name/0/extension/0/url"_s,
            u"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name"_s);
        row("birth given names", u"Patient"_s, u"name/0/extension/0/valueString"_s,
            r.patient.firstNames);
        row("usual name use", u"Patient"_s, u"name/1/use"_s, u"usual"_s);
        row("usual name", u"Patient"_s, u"name/1/family"_s, r.patient.usualName);
        row("gender", u"Patient"_s, u"gender"_s, u"female"_s);
        row("birth date", u"Patient"_s, u"birthDate"_s, r.patient.birthDate);
        row("landline", u"Patient"_s, u"telecom/0/value"_s, r.contact.landlinePhone);
        row("landline use", u"Patient"_s, u"telecom/0/use"_s, u"home"_s);
        row("relative", u"Patient"_s, u"contact/0/relationship/0/coding/0/code"_s, u"FRND"_s);
        row("relative's email", u"Patient"_s, u"contact/0/telecom/0/value"_s, r.contact.email);
        row("relative's email system", u"Patient"_s, u"contact/0/telecom/0/system"_s, u"email"_s);
        row("relative's mobile", u"Patient"_s, u"contact/0/telecom/1/value"_s,
            r.contact.mobilePhone);
        row("relative's mobile use", u"Patient"_s, u"contact/0/telecom/1/use"_s, u"mobile"_s);
        row("address line 3", u"Patient"_s, u"address/0/line/2"_s, r.contact.address.lines.at(2));
        row("postal code", u"Patient"_s, u"address/0/postalCode"_s, r.contact.address.postalCode);
        row("city", u"Patient"_s, u"address/0/city"_s, r.contact.address.city);
        row("country", u"Patient"_s, u"address/0/country"_s, u"FR"_s);
        row("practitioner profile", u"Practitioner"_s, u"meta/profile/0"_s,
            Fhir::FrCorePractitionerProfile);
        row("RPPS system", u"Practitioner"_s, u"identifier/0/system"_s,
            u"urn:oid:1.2.250.1.71.4.2.1"_s);
        row("RPPS value", u"Practitioner"_s, u"identifier/0/value"_s,
            QString(u"8"_s + r.prescriber.rpps));
        row("RPPS type", u"Practitioner"_s, u"identifier/0/type/coding/0/code"_s, u"IDNPS"_s);
        row("RPPS type system", u"Practitioner"_s, u"identifier/0/type/coding/0/system"_s,
            FrCoreIdentifierType);
        row("prescriber name", u"Practitioner"_s, u"name/0/family"_s, r.prescriber.familyName);
        row("prescriber given", u"Practitioner"_s, u"name/0/given/0"_s, r.prescriber.givenName);
        row("ADELI value", u"Practitioner#1"_s, u"identifier/0/value"_s,
            QString(u"0"_s + r.treatingPhysician.adeli));
        row("ADELI type", u"Practitioner#1"_s, u"identifier/0/type/coding/0/code"_s, u"IDNPS"_s);
        row("MSSante", u"Practitioner#1"_s, u"telecom/0/value"_s, r.treatingPhysician.mssante);
        row("MSSante type", u"Practitioner#1"_s, u"telecom/0/extension/0/valueCoding/code"_s,
            u"MSSANTE"_s);
        row("structure", u"Organization#1"_s, u"name"_s, r.treatingPhysician.structure.name);
        row("structure phone", u"Organization#1"_s, u"telecom/0/value"_s,
            r.treatingPhysician.structure.phone);
        row("organization profile", u"Organization"_s, u"meta/profile/0"_s,
            Fhir::FrCoreOrganizationProfile);
        row("lab FINESS system", u"Organization"_s, u"identifier/0/system"_s,
            u"https://finess.esante.gouv.fr"_s);
        row("lab FINESS", u"Organization"_s, u"identifier/0/value"_s, r.specimen.finess);
        row("FINESS kind", u"Organization"_s, u"identifier/0/type/coding/0/code"_s, u"FINEJ"_s);
        row("FINESS kind system", u"Organization"_s, u"identifier/0/type/coding/0/system"_s,
            FrCoreIdentifierType);
        row("organization type", u"Organization"_s, u"type/0/coding/0/code"_s, u"LEGAL-ENTITY"_s);
        row("organization type system", u"Organization"_s, u"type/0/coding/0/system"_s,
            u"https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-3307"_s);
        row("site name", u"Organization"_s, u"name"_s, s.options.siteName);
        row("accession", u"Specimen"_s, u"accessionIdentifier/value"_s, r.specimen.accession);
        row("accession system", u"Specimen"_s, u"accessionIdentifier/system"_s,
            Fhir::accessionSystem(r.specimen.finess));
        row("collected", u"Specimen"_s, u"collection/collectedDateTime"_s, r.specimen.collectedAt);
        row("specimen type", u"Specimen"_s, u"type/coding/0/code"_s, u"258500001"_s);
        row("specimen type system", u"Specimen"_s, u"type/coding/0/system"_s, Snomed);
        row("order code", u"ServiceRequest"_s, u"code/coding/0/code"_s, r.result.analysis);
        row("order system", u"ServiceRequest"_s, u"code/coding/0/system"_s, Loinc);
        row("order status", u"ServiceRequest"_s, u"status"_s, u"completed"_s);
        row("symptoms answer", u"Observation:95419-8"_s, u"valueCodeableConcept/coding/0/code"_s,
            u"Y"_s);
        row("symptoms answer system", u"Observation:95419-8"_s,
            u"valueCodeableConcept/coding/0/system"_s,
            u"http://terminology.hl7.org/CodeSystem/v2-0136"_s);
        row("symptom question", u"Observation:95419-8"_s, u"component/0/code/coding/0/code"_s,
            u"75325-1"_s);
        row("fever", u"Observation:95419-8"_s, u"component/0/valueCodeableConcept/coding/0/code"_s,
            u"386661006"_s);
        row("cough", u"Observation:95419-8"_s, u"component/1/valueCodeableConcept/coding/0/code"_s,
            u"49727002"_s);
        row("symptom system", u"Observation:95419-8"_s,
            u"component/1/valueCodeableConcept/coding/0/system"_s, Snomed);
        row("onset start", u"Observation:65222-2"_s, u"valuePeriod/start"_s,
            sampled.addDays(-1).toString(Qt::ISODate));
        row("onset end", u"Observation:65222-2"_s, u"valuePeriod/end"_s,
            sampled.toString(Qt::ISODate));
        row("residence 1", u"Observation:75617-1"_s, u"valueCodeableConcept/coding/0/code"_s,
            u"ehpad"_s);
        row("residence 2", u"Observation#3"_s, u"valueCodeableConcept/coding/0/code"_s,
            u"hospitalized"_s);
        row("health professional", u"Observation:95418-0"_s,
            u"valueCodeableConcept/coding/0/code"_s, u"N"_s);
        row("result code", u"Observation:94500-6"_s, u"code/coding/0/code"_s, u"94500-6"_s);
        row("result status", u"Observation:94500-6"_s, u"status"_s, u"final"_s);
        row("result value", u"Observation:94500-6"_s, u"valueCodeableConcept/coding/0/code"_s,
            u"260385009"_s);
        row("effective", u"Observation:94500-6"_s, u"effectiveDateTime"_s, r.specimen.collectedAt);
        row("issued", u"Observation:94500-6"_s, u"issued"_s, r.result.validatedAt);
        row("report status", u"DiagnosticReport"_s, u"status"_s, u"final"_s);
        row("report category", u"DiagnosticReport"_s, u"category/0/coding/0/code"_s, u"LAB"_s);
        row("report category system", u"DiagnosticReport"_s, u"category/0/coding/0/system"_s,
            u"http://terminology.hl7.org/CodeSystem/v2-0074"_s);
        row("report type", u"DiagnosticReport"_s, u"presentedForm/0/contentType"_s,
            u"application/pdf"_s);
        row("report data", u"DiagnosticReport"_s, u"presentedForm/0/data"_s,
            QString::fromLatin1(r.result.reportPdf.toBase64()));
    }

    void fieldPlacement()
    {
        QFETCH(QString, selector);
        QFETCH(QString, path);
        QFETCH(QJsonValue, expected);
        QVERIFY(!expected.toString().isEmpty());
        const QJsonObject bundle = bundleOf(FhirSamples::sample(1));
        QCOMPARE(valueAt(bundle, selector, path), expected);
    }

    void references()
    {
        const QJsonObject bundle = bundleOf(FhirSamples::sample(1));
        auto url = [&](const QString& selector) {
            return entryFor(bundle, selector)[u"fullUrl"_s].toString();
        };
        const QString patient = url(u"Patient"_s);
        const QString request = url(u"ServiceRequest"_s);
        const QString specimen = url(u"Specimen"_s);
        const QString result = url(u"Observation:94500-6"_s);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"requester/reference"_s).toString(),
                 url(u"Practitioner"_s));
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"subject/reference"_s).toString(), patient);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"performer/0/reference"_s).toString(),
                 url(u"Organization"_s));
        // The treating physician practises in a structure: a PractitionerRole names both.
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"generalPractitioner/0/reference"_s).toString(),
                 url(u"PractitionerRole"_s));
        QCOMPARE(valueAt(bundle, u"PractitionerRole"_s, u"practitioner/reference"_s).toString(),
                 url(u"Practitioner#1"_s));
        QCOMPARE(valueAt(bundle, u"PractitionerRole"_s, u"organization/reference"_s).toString(),
                 url(u"Organization#1"_s));
        QCOMPARE(valueAt(bundle, u"Specimen"_s, u"subject/reference"_s).toString(), patient);
        QCOMPARE(valueAt(bundle, u"Specimen"_s, u"request/0/reference"_s).toString(), request);
        QCOMPARE(valueAt(bundle, u"Observation:94500-6"_s, u"basedOn/0/reference"_s).toString(),
                 request);
        QCOMPARE(valueAt(bundle, u"Observation:94500-6"_s, u"specimen/reference"_s).toString(),
                 specimen);
        QCOMPARE(valueAt(bundle, u"DiagnosticReport"_s, u"result/0/reference"_s).toString(),
                 result);
        // symptoms, onset, two residences, health professional
        const QJsonArray answers =
            valueAt(bundle, u"ServiceRequest"_s, u"supportingInfo"_s).toArray();
        QCOMPARE(answers.size(), 5);
        for (const QJsonValue& answer : answers) {
            bool found = false;
            for (const QJsonObject& observation : entriesOf(bundle, u"Observation"_s))
                found = found || observation[u"fullUrl"_s] == answer[u"reference"_s];
            QVERIFY(found);
        }
    }

    void resultCodes_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("snomed");
        QTest::newRow("positive") << u"P"_s << u"10828004"_s;
        QTest::newRow("negative") << u"N"_s << u"260385009"_s;
        QTest::newRow("undetermined") << u"I"_s << u"373068000"_s;
        QTest::newRow("unsatisfactory") << u"X"_s << u"125154007"_s;
    }

    void resultCodes()
    {
        QFETCH(QString, value);
        QFETCH(QString, snomed);
        FhirSamples::Sample s = FhirSamples::sample(2);
        s.record.result.value = value;
        s.record.result.nonConformity = value == u"X"_s ? u"volume insuffisant"_s : QString();
        const QJsonObject bundle = bundleOf(s);
        const QJsonObject coding = codingOf(valueAt(
            bundle, u"Observation:"_s + s.record.result.analysis, u"valueCodeableConcept"_s));
        QCOMPARE(coding.value(u"system"_s).toString(), Snomed);
        QCOMPARE(coding.value(u"code"_s).toString(), snomed);

        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.record.result.value, value);
        QCOMPARE(back.record.result.nonConformity, s.record.result.nonConformity);
    }

    void analyses_data()
    {
        QTest::addColumn<QString>("analysis");
        QTest::newRow("RT-PCR") << u"94500-6"_s;
        QTest::newRow("antigen") << u"94558-4"_s;
    }

    // Annex 1 4.1.1: the analysis is the lab's (R+), LOINC, 94500-6 by default. The record's
    // analysis names the test in the ServiceRequest, the result and the report alike; a
    // registration, which has none yet, orders the default, and its result's version replaces
    // that code with the analysis done.
    void analyses()
    {
        QFETCH(QString, analysis);
        FhirSamples::Sample s = FhirSamples::sample(2);
        FhirSamples::Sample registration = s;
        registration.record.result = {};
        registration.record.status = RecordStatus::Sampled;
        registration.record.version = 1;
        const QJsonObject registered = bundleOf(registration);
        QCOMPARE(valueAt(registered, u"ServiceRequest"_s, u"code/coding/0/code"_s).toString(),
                 u"94500-6"_s);
        QCOMPARE(valueAt(registered, u"ServiceRequest"_s, u"code/coding/0/system"_s).toString(),
                 Loinc);
        QVERIFY(entryFor(registered, u"DiagnosticReport"_s).isEmpty());
        QCOMPARE(entryFor(registered, u"ServiceRequest"_s)[u"request"_s][u"url"_s].toString(),
                 entryFor(bundleOf(s), u"ServiceRequest"_s)[u"request"_s][u"url"_s].toString());

        s.record.result.analysis = analysis;
        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"code/coding/0/code"_s).toString(),
                 analysis);
        QCOMPARE(
            valueAt(bundle, u"Observation:"_s + analysis, u"code/coding/0/system"_s).toString(),
            Loinc);
        QCOMPARE(valueAt(bundle, u"DiagnosticReport"_s, u"code/coding/0/code"_s).toString(),
                 analysis);
    }

    // A cancellation withdraws the result, analysis included, from the record; the outbox
    // passes the cancelled result's analysis, and the Bundle names that test everywhere
    // (the ServiceRequest too), never the default. The reader gives it back and refuses a
    // ServiceRequest that names another test than the one cancelled.
    void cancellationNamesTheCancelledTest()
    {
        FhirSamples::Sample s = FhirSamples::sample(5);
        QCOMPARE(s.options.correction, u"entered-in-error"_s);
        QVERIFY(s.record.result.analysis.isEmpty());
        s.options.cancelledAnalysis = u"94558-4"_s;
        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"status"_s).toString(), u"revoked"_s);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"code/coding/0/code"_s).toString(),
                 u"94558-4"_s);
        QCOMPARE(valueAt(bundle, u"Observation:94558-4"_s, u"status"_s).toString(),
                 u"entered-in-error"_s);
        QCOMPARE(valueAt(bundle, u"DiagnosticReport"_s, u"code/coding/0/code"_s).toString(),
                 u"94558-4"_s);
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.options.cancelledAnalysis, u"94558-4"_s);
        QVERIFY(back.record.result.analysis.isEmpty());
        QCOMPARE(FhirBundle::fromRecord(back.record, back.siteFiness, back.options), bundle);

        // Only a cancellation takes it: a result's own analysis wins, and a version that is
        // not cancelled ignores it.
        FhirSamples::Sample resulted = FhirSamples::sample(1);
        resulted.options.cancelledAnalysis = u"94558-4"_s;
        QCOMPARE(
            valueAt(bundleOf(resulted), u"ServiceRequest"_s, u"code/coding/0/code"_s).toString(),
            resulted.record.result.analysis);
        FhirSamples::Sample registration = FhirSamples::sample(0);
        QVERIFY(registration.record.result.analysis.isEmpty());
        registration.options.cancelledAnalysis = u"94558-4"_s;
        QCOMPARE(valueAt(bundleOf(registration), u"ServiceRequest"_s, u"code/coding/0/code"_s)
                     .toString(),
                 u"94500-6"_s);

        // The ServiceRequest of a cancellation orders the test cancelled, nothing else.
        const QJsonObject other = editResource(bundle, u"ServiceRequest"_s, [](QJsonObject& r) {
            r[u"code"_s] = QJsonObject{
                {u"coding"_s, QJsonArray{QJsonObject{{u"system"_s, u"http://loinc.org"_s},
                                                     {u"code"_s, u"94500-6"_s}}}}};
        });
        const Parsed refused = parse(other);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.has(resourcePath(other, u"ServiceRequest"_s) + u"\\.code"_s, u"code"_s),
                 qPrintable(refused.seen()));
    }

    // Everything of ours a Bundle names is defined in our package (resources/fhir): every
    // URL under the canonical base (profiles, extensions, code systems, the accession
    // namespace) in the 200 samples, and every code of our code systems, in the samples and
    // in the writer's code lists; the value sets our profiles bind cover every code the
    // writer can send for those answers. A code or an extension added to the writer without
    // its definition fails here.
    void ourDefinitionsAreInThePackage()
    {
        const OurPackage package = ourPackage();
        QVERIFY2(package.problems.isEmpty(), qPrintable(package.problems));
        QVERIFY(package.byUrl.size() > 10);
        const QString base = Fhir::canonicalBase() + u'/';
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const FhirSamples::Sample s = FhirSamples::sample(i);
            QJsonObject bundle = bundleOf(s);
            QList<std::pair<QString, QString>> found;
            strings(bundle, u"Bundle"_s, &found);
            for (const auto& [path, text] : std::as_const(found)) {
                if (!text.startsWith(base))
                    continue;
                const QString url = text.section(u'|', 0, 0);
                QVERIFY2(package.defines(url), qPrintable(path + u": "_s + url));
                seen.insert(url.startsWith(Fhir::accessionSystem({})) ? Fhir::accessionSystem({})
                                                                      : url);
                if (!path.endsWith(u".system"_s) || !package.byUrl.contains(url))
                    continue;
                // A coding of one of our code systems: its code is defined there.
                const QString codePath = path.chopped(int(qstrlen("system"))) + u"code"_s;
                for (const auto& [otherPath, code] : std::as_const(found)) {
                    if (otherPath == codePath)
                        QVERIFY2(package.hasCode(url, code),
                                 qPrintable(path + u": "_s + url + u"#"_s + code));
                }
            }
        }
        // The samples name every definition of ours the writer has.
        for (const QString& url :
             {Fhir::RecordVersionExtension, Fhir::BundleProfile, Fhir::PatientProfile,
              Fhir::LabResultProfile, Fhir::AskAtOrderEntryProfile, Fhir::SpecimenProfile,
              Fhir::ServiceRequestProfile, Fhir::DiagnosticReportProfile, Fhir::ResidenceCodeSystem,
              Fhir::SymptomCodeSystem, Fhir::IdentityStatusCodeSystem, Fhir::accessionSystem({})})
            QVERIFY2(seen.contains(url), qPrintable(url));

        // Every code of the writer's lists: defined when it is ours, and in the value set
        // our profiles bind for that answer.
        const auto valueSet = [&](const char* id) {
            return package.valueSet(Fhir::ourValueSet(QString::fromLatin1(id)));
        };
        const std::pair<const QList<Fhir::Coded>*, QSet<QString>> lists[] = {
            {&Fhir::SymptomCodes, valueSet("sidep-symptom")},
            {&Fhir::ResidenceCodes, valueSet("sidep-residence-type")},
            {&Fhir::IdentityStatusCodes, valueSet("sidep-identity-reliability")},
            {&Fhir::ResultCodes, valueSet("sidep-result-value")},
        };
        for (const auto& [codes, bound] : lists) {
            QVERIFY(!bound.isEmpty());
            for (const Fhir::Coded& coded : *codes) {
                if (coded.system.startsWith(base))
                    QVERIFY2(package.hasCode(coded.system, coded.code), qPrintable(coded.code));
                QVERIFY2(bound.contains(coded.system + u'|' + coded.code), qPrintable(coded.code));
            }
        }
    }

    // Registration, result, correction, cancellation, amendment: what each version carries.
    void versions_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("requestStatus");
        QTest::addColumn<QString>("resultStatus"); // "" when no result is sent
        QTest::addColumn<bool>("hasValue");
        QTest::addColumn<bool>("hasPdf");
        QTest::addColumn<QString>("activity"); // "" when no Provenance
        QTest::addColumn<QStringList>("targets");
        QTest::newRow("registration")
            << 0 << u"active"_s << QString() << false << false << QString() << QStringList();
        QTest::newRow("result with PDF")
            << 1 << u"completed"_s << u"final"_s << true << true << QString() << QStringList();
        QTest::newRow("result without PDF")
            << 2 << u"completed"_s << u"final"_s << true << false << QString() << QStringList();
        QTest::newRow("correction")
            << 4 << u"completed"_s << u"corrected"_s << true << true << u"UPDATE"_s
            << QStringList{u"Observation"_s, u"DiagnosticReport"_s};
        QTest::newRow("cancellation")
            << 5 << u"revoked"_s << u"entered-in-error"_s << false << false << u"NULLIFY"_s
            << QStringList{u"Observation"_s, u"DiagnosticReport"_s};
        QTest::newRow("amendment")
            << 6 << u"completed"_s << u"final"_s << true << true << u"UPDATE"_s
            << QStringList{u"Patient"_s, u"Specimen"_s, u"ServiceRequest"_s};
    }

    void versions()
    {
        QFETCH(int, index);
        QFETCH(QString, requestStatus);
        QFETCH(QString, resultStatus);
        QFETCH(bool, hasValue);
        QFETCH(bool, hasPdf);
        QFETCH(QString, activity);
        QFETCH(QStringList, targets);
        const FhirSamples::Sample s = FhirSamples::sample(index);
        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"status"_s).toString(), requestStatus);

        const QString analysis =
            s.record.result.analysis.isEmpty() ? u"94500-6"_s : s.record.result.analysis;
        const QJsonObject result = entryFor(bundle, u"Observation:"_s + analysis);
        const QJsonObject report = entryFor(bundle, u"DiagnosticReport"_s);
        QCOMPARE(result.isEmpty(), resultStatus.isEmpty());
        // A DiagnosticReport on every result, of category LAB, the PDF when there is one.
        QCOMPARE(report.isEmpty(), resultStatus.isEmpty());
        if (!resultStatus.isEmpty()) {
            QCOMPARE(result[u"resource"_s][u"status"_s].toString(), resultStatus);
            QCOMPARE(result[u"resource"_s].toObject().contains(u"valueCodeableConcept"_s),
                     hasValue);
            QCOMPARE(report[u"resource"_s][u"status"_s].toString(), resultStatus);
            QCOMPARE(
                valueAt(bundle, u"DiagnosticReport"_s, u"category/0/coding/0/code"_s).toString(),
                u"LAB"_s);
            QCOMPARE(report[u"resource"_s].toObject().contains(u"presentedForm"_s), hasPdf);
            // Every version updates the same result (same identifier): never a second test.
            FhirSamples::Sample first = s;
            first.options = {};
            first.options.siteName = s.options.siteName;
            first.record.result.value = u"N"_s;
            const QJsonObject firstResult = entryFor(bundleOf(first), u"Observation:"_s + analysis);
            QCOMPARE(result[u"fullUrl"_s], firstResult[u"fullUrl"_s]);
            QCOMPARE(result[u"request"_s][u"method"_s].toString(), u"PUT"_s);
            QCOMPARE(
                result[u"request"_s][u"url"_s].toString(),
                u"Observation?identifier=urn:ietf:rfc:3986|"_s +
                    QString::fromLatin1(QUrl::toPercentEncoding(result[u"fullUrl"_s].toString())));
        }

        const QList<QJsonObject> provenances = entriesOf(bundle, u"Provenance"_s);
        QCOMPARE(provenances.isEmpty(), activity.isEmpty());
        if (!activity.isEmpty()) {
            const QJsonObject provenance = provenances.first()[u"resource"_s].toObject();
            QCOMPARE(codingOf(provenance[u"activity"_s]).value(u"code"_s).toString(), activity);
            // The reason the user gave travels with the version.
            QCOMPARE(provenance[u"reason"_s][0][u"text"_s].toString(), s.options.reason);
            QStringList targetTypes;
            for (const QJsonValue& target : provenance[u"target"_s].toArray()) {
                for (const QJsonValue& entry : bundle[u"entry"_s].toArray()) {
                    if (entry[u"fullUrl"_s] == target[u"reference"_s])
                        targetTypes << entry[u"resource"_s][u"resourceType"_s].toString();
                }
            }
            QCOMPARE(targetTypes, targets);
        }

        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.options.change, s.options.change);
        QCOMPARE(back.options.reason, s.options.reason);
        QCOMPARE(back.options.correction, s.options.correction);
        QCOMPARE(back.record.version, s.record.version);
        QCOMPARE(back.record.status, s.record.status);
    }

    // The INS travels only with a qualified identity; any other keeps its traits.
    void insOnlyWhenQualified_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reliability");
        QTest::addColumn<bool>("insSent");
        QTest::newRow("provisional") << u"provisional"_s << u"PROV"_s << false;
        QTest::newRow("retrieved") << u"retrieved"_s << u"RECUP"_s << false;
        QTest::newRow("validated") << u"validated"_s << u"VALI"_s << false;
        QTest::newRow("qualified") << u"qualified"_s << u"VALI"_s << true;
    }

    void insOnlyWhenQualified()
    {
        QFETCH(QString, status);
        QFETCH(QString, reliability);
        QFETCH(bool, insSent);
        FhirSamples::Sample s = FhirSamples::sample(0);
        s.record.patient.identityStatus = status;
        QVERIFY(!s.record.patient.ins.isEmpty());
        const QJsonObject bundle = bundleOf(s);
        const QJsonObject patient = entryFor(bundle, u"Patient"_s);
        const QString text = QString::fromUtf8(QJsonDocument(bundle).toJson());
        QCOMPARE(text.contains(s.record.patient.ins), insSent);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"meta/profile/0"_s).toString(),
                 insSent ? Fhir::FrCorePatientInsProfile : Fhir::FrCorePatientProfile);
        QCOMPARE(
            valueAt(bundle, u"Patient"_s, u"extension/0/extension/0/valueCoding/code"_s).toString(),
            reliability);
        // The traits stay, whatever the status.
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"name/0/family"_s).toString(),
                 s.record.patient.birthName);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"birthDate"_s).toString(),
                 s.record.patient.birthDate);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"gender"_s).toString(), u"female"_s);
        // Only a qualified identity is found again by its INS on the national side.
        QCOMPARE(patient[u"request"_s][u"url"_s].toString().startsWith(
                     u"Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|"_s),
                 insSent);

        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.record.patient.identityStatus, status);
        QCOMPARE(back.record.patient.ins, insSent ? s.record.patient.ins : QString());
    }

    void insAuthorities_data()
    {
        QTest::addColumn<QString>("oid");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("use");
        QTest::newRow("NIR") << u"1.2.250.1.213.1.4.8"_s << u"INS-NIR"_s << u"official"_s;
        QTest::newRow("NIA") << u"1.2.250.1.213.1.4.9"_s << u"INS-NIA"_s << u"temp"_s;
        QTest::newRow("test") << u"1.2.250.1.213.1.4.10"_s << u"INS-NIR-TEST"_s << u"official"_s;
        QTest::newRow("demo") << u"1.2.250.1.213.1.4.11"_s << u"INS-NIR-DEMO"_s << u"official"_s;
    }

    void insAuthorities()
    {
        QFETCH(QString, oid);
        QFETCH(QString, type);
        QFETCH(QString, use);
        FhirSamples::Sample s = FhirSamples::sample(1);
        s.record.patient.insOid = oid;
        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"identifier/0/system"_s).toString(),
                 u"urn:oid:"_s + oid);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"identifier/0/type/coding/0/system"_s).toString(),
                 FrCoreIdentifierType);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"identifier/0/type/coding/0/code"_s).toString(),
                 type);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"identifier/0/use"_s).toString(), use);
        QCOMPARE(entryFor(bundle, u"Patient"_s)[u"request"_s][u"url"_s].toString(),
                 u"Patient?identifier=urn:oid:"_s + oid + u"|"_s + s.record.patient.ins);
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.record.patient.insOid, oid);
        QCOMPARE(back.record.patient.ins, s.record.patient.ins);
    }

    // The identity status in FR Core's identity-reliability extension, none of ours.
    void identityStatusInFrCoreExtension()
    {
        for (int i = 0; i < 24; ++i) {
            const QJsonObject bundle = bundleOf(FhirSamples::sample(i));
            const QJsonArray extensions = valueAt(bundle, u"Patient"_s, u"extension"_s).toArray();
            QCOMPARE(extensions.first()[u"url"_s].toString(), FrCoreReliability);
            for (const QJsonValue& extension : extensions) {
                const QString url = extension[u"url"_s].toString();
                QVERIFY2(!url.startsWith(Fhir::canonicalBase()), qPrintable(url));
            }
        }
    }

    // FR Core's Patient INS profile (FRCorePatientINSProfile.fsh) goes with the INS, the
    // official name and the birth place's INSEE code. Short of one, the identity does not
    // travel as qualified: no INS, no INS profile, and its reliability says PROV.
    void qualifiedNeedsItsTraits_data()
    {
        QTest::addColumn<QString>("missing");
        QTest::newRow("INS") << u"ins"_s;
        QTest::newRow("INS authority") << u"insOid"_s;
        QTest::newRow("birth place") << u"birthPlace"_s;
        QTest::newRow("birth name") << u"birthName"_s;
    }

    void qualifiedNeedsItsTraits()
    {
        QFETCH(QString, missing);
        FhirSamples::Sample s = FhirSamples::sample(1);
        Patient& p = s.record.patient;
        QCOMPARE(p.identityStatus, u"qualified"_s);
        QVERIFY(!p.birthPlace.isEmpty() && !p.birthName.isEmpty());
        // Complete, it travels as qualified: the check below means something.
        QCOMPARE(valueAt(bundleOf(s), u"Patient"_s, u"meta/profile/0"_s).toString(),
                 Fhir::FrCorePatientInsProfile);
        const QString ins = p.ins;
        if (missing == u"ins"_s)
            p.ins.clear();
        else if (missing == u"insOid"_s)
            p.insOid.clear();
        else if (missing == u"birthPlace"_s)
            p.birthPlace.clear();
        else
            p.birthName.clear();

        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"meta/profile/0"_s).toString(),
                 Fhir::FrCorePatientProfile);
        QVERIFY(!QString::fromUtf8(QJsonDocument(bundle).toJson()).contains(ins));
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"extension/0/url"_s).toString(), FrCoreReliability);
        QCOMPARE(
            valueAt(bundle, u"Patient"_s, u"extension/0/extension/0/valueCoding/code"_s).toString(),
            u"PROV"_s);
        QVERIFY(!entryFor(bundle, u"Patient"_s)[u"request"_s][u"url"_s].toString().startsWith(
            u"Patient?identifier=urn:oid:"_s));
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.record.patient.identityStatus, u"provisional"_s);
        QVERIFY(back.record.patient.ins.isEmpty());
    }

    // Identity vigilance: the reliability extension is always there and never says more than
    // the record backs (it used to be left out for "qualified" without an INS, and for a
    // record with no status).
    void reliabilityAlwaysStated_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("withIns");
        QTest::addColumn<QString>("code");
        QTest::newRow("no status") << QString() << true << u"PROV"_s;
        QTest::newRow("unknown status") << u"certain"_s << true << u"PROV"_s;
        QTest::newRow("qualified without INS") << u"qualified"_s << false << u"PROV"_s;
        QTest::newRow("validated without INS") << u"validated"_s << false << u"VALI"_s;
        QTest::newRow("retrieved") << u"retrieved"_s << true << u"RECUP"_s;
        QTest::newRow("qualified") << u"qualified"_s << true << u"VALI"_s;
    }

    void reliabilityAlwaysStated()
    {
        QFETCH(QString, status);
        QFETCH(bool, withIns);
        QFETCH(QString, code);
        FhirSamples::Sample s = FhirSamples::sample(1);
        s.record.patient.identityStatus = status;
        if (!withIns) {
            s.record.patient.ins.clear();
            s.record.patient.insOid.clear();
        }
        const QJsonObject bundle = bundleOf(s);
        const QJsonArray extensions = valueAt(bundle, u"Patient"_s, u"extension"_s).toArray();
        int found = 0;
        for (const QJsonValue& extension : extensions) {
            if (extension[u"url"_s].toString() != FrCoreReliability)
                continue;
            ++found;
            const QJsonObject coding = extension[u"extension"_s][0][u"valueCoding"_s].toObject();
            QCOMPARE(coding.value(u"code"_s).toString(), code);
        }
        QCOMPARE(found, 1);
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
    }

    // The birth place's COG code: a commune (Corsica and overseas included) in TRE_R13, a
    // birth abroad (99 and the country's code) in TRE_R20, never the other way round. FR
    // Core's insee-code extension takes "99 and the country's code" for a foreign place
    // (FRCoreAddressInseeCodeExtension.fsh), and pairs the two systems in its COG value set
    // (FRCoreValueSetCOGCommunePays.fsh).
    void birthPlaceCodeSystem_data()
    {
        QTest::addColumn<QString>("cog");
        QTest::addColumn<QString>("system");
        QTest::newRow("commune") << u"75056"_s << Fhir::CogCommunes;
        QTest::newRow("Corsica") << u"2A004"_s << Fhir::CogCommunes;
        QTest::newRow("overseas") << u"97411"_s << Fhir::CogCommunes;
        QTest::newRow("abroad, Germany") << u"99109"_s << Fhir::CogCountries;
        QTest::newRow("abroad, Greece") << u"99126"_s << Fhir::CogCountries;
    }

    void birthPlaceCodeSystem()
    {
        QFETCH(QString, cog);
        QFETCH(QString, system);
        FhirSamples::Sample s = FhirSamples::sample(1);
        s.record.patient.birthPlace = cog;
        const QJsonObject bundle = bundleOf(s);
        const QString coding = u"extension/1/valueAddress/extension/0/valueCoding/"_s;
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"extension/1/url"_s).toString(),
                 Fhir::BirthPlaceExtension);
        QCOMPARE(valueAt(bundle, u"Patient"_s, coding + u"system"_s).toString(), system);
        QCOMPARE(valueAt(bundle, u"Patient"_s, coding + u"code"_s).toString(), cog);
        // The other system appears nowhere in the Patient.
        const QString other = system == Fhir::CogCommunes ? Fhir::CogCountries : Fhir::CogCommunes;
        QVERIFY(!QString::fromUtf8(QJsonDocument(entryFor(bundle, u"Patient"_s)).toJson())
                     .contains(other));
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.record.patient.birthPlace, cog);
    }

    // The insured person's number is typed NH, never taken for the INS.
    void insuredNumberTyped()
    {
        FhirSamples::Sample s = FhirSamples::sample(1);
        s.record.patient.identityStatus = u"provisional"_s; // no INS: only the NIR ouvrant droit
        const QJsonObject bundle = bundleOf(s);
        const QJsonArray identifiers = valueAt(bundle, u"Patient"_s, u"identifier"_s).toArray();
        // Beside it, only the record's own identifier (an unqualified Patient is the record's).
        QCOMPARE(identifiers.size(), 2);
        QCOMPARE(identifiers[1][u"system"_s].toString(), u"urn:ietf:rfc:3986"_s);
        QCOMPARE(identifiers[0][u"value"_s].toString(), s.record.patient.openingRightsNir);
        QCOMPARE(codingOf(identifiers[0][u"type"_s]).value(u"code"_s).toString(), u"NH"_s);
        QCOMPARE(codingOf(identifiers[0][u"type"_s]).value(u"system"_s).toString(),
                 u"http://terminology.hl7.org/CodeSystem/v2-0203"_s);
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.record.patient.openingRightsNir, s.record.patient.openingRightsNir);
        QVERIFY(back.record.patient.ins.isEmpty());
        QCOMPARE(back.record.patient.identityStatus, u"provisional"_s);
    }

    // Birth given names, birth place, a relative's contacts, the official name only
    // with a birth name.
    void patientDetails()
    {
        FhirSamples::Sample s = FhirSamples::sample(9); // born abroad, relatives' contacts
        QCOMPARE(s.record.patient.birthPlace, u"99109"_s);
        QJsonObject bundle = bundleOf(s);
        QCOMPARE(valueAt(bundle, u"Patient"_s,
                         u"extension/1/valueAddress/extension/0/valueCoding/system"_s)
                     .toString(),
                 Fhir::CogCountries);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"name/0/extension/0/valueString"_s).toString(),
                 s.record.patient.firstNames);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"name/0/given"_s).toArray().size(), 1);
        // The relative's e-mail and mobile go with the relative, not with the patient.
        for (const QJsonValue& point : valueAt(bundle, u"Patient"_s, u"telecom"_s).toArray()) {
            QVERIFY(point[u"value"_s] != s.record.contact.email);
            QVERIFY(point[u"value"_s] != s.record.contact.mobilePhone);
        }
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"contact/0/telecom"_s).toArray().size(), 2);

        // Without a birth name, no official name: the usual name carries the given names.
        s.record.patient.birthName.clear();
        bundle = bundleOf(s);
        const QJsonArray names = valueAt(bundle, u"Patient"_s, u"name"_s).toArray();
        QCOMPARE(names.size(), 1);
        QCOMPARE(names[0][u"use"_s].toString(), u"usual"_s);
        QCOMPARE(names[0][u"given"_s].toArray().size(),
                 s.record.patient.firstNames.split(u' ', Qt::SkipEmptyParts).size());
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QVERIFY(back.record.patient.birthName.isEmpty());
        QCOMPARE(back.record.patient.firstNames, s.record.patient.firstNames);
        QCOMPARE(back.record.contact.emailOwner, u"relative"_s);
        QCOMPARE(back.record.contact.mobilePhoneOwner, u"relative"_s);
        QCOMPARE(back.record.patient.birthPlace, u"99109"_s);
    }

    // Prescriber and treating physician who are one person are one entry.
    void samePhysicianOnce()
    {
        const FhirSamples::Sample s = FhirSamples::sample(4);
        QCOMPARE(s.record.treatingPhysician.rpps, s.record.prescriber.rpps);
        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(entriesOf(bundle, u"Practitioner"_s).size(), 1);
        const QString practitioner = entryFor(bundle, u"Practitioner"_s)[u"fullUrl"_s].toString();
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"requester/reference"_s).toString(),
                 practitioner);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"generalPractitioner/0/reference"_s).toString(),
                 practitioner);
        QCOMPARE(
            valueAt(bundle, u"Practitioner"_s, u"identifier/0/type/coding/0/code"_s).toString(),
            u"IDNPS"_s);
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.record.treatingPhysician.rpps, s.record.prescriber.rpps);
    }

    // One person in both roles is one Practitioner, and it carries what the nurse entered in
    // either role: a name part or an MSSante address given in one role only completes the
    // other's; a name or an address the two roles disagree on travels twice, the
    // prescriber's first, and each role reads its own back.
    void samePhysicianMerged_data()
    {
        QTest::addColumn<QString>("prescriberFamily");
        QTest::addColumn<QString>("prescriberGiven");
        QTest::addColumn<QString>("prescriberMail");
        QTest::addColumn<QString>("treatingFamily");
        QTest::addColumn<QString>("treatingGiven");
        QTest::addColumn<QString>("treatingMail");
        QTest::addColumn<QStringList>("names");    // family/given of each HumanName
        QTest::addColumn<QStringList>("mails");    // each telecom's value
        QTest::addColumn<QStringList>("readBack"); // prescriber's then treating's family/given/mail
        const QString a = u"a.martin@medecin.mssante.fr"_s;
        const QString b = u"cabinet.martin@medecin.mssante.fr"_s;
        QTest::newRow("treating adds the address")
            << u"Martin"_s << u"Paul"_s << QString() << u"Martin"_s << u"Paul"_s << a
            << QStringList{u"Martin/Paul"_s} << QStringList{a}
            << QStringList{u"Martin/Paul/"_s + a, u"Martin/Paul/"_s + a};
        QTest::newRow("treating adds the given name")
            << u"Martin"_s << QString() << a << u"Martin"_s << u"Paul"_s << a
            << QStringList{u"Martin/Paul"_s} << QStringList{a}
            << QStringList{u"Martin/Paul/"_s + a, u"Martin/Paul/"_s + a};
        QTest::newRow("only the treating physician named")
            << QString() << QString() << QString() << u"Martin"_s << u"Paul"_s << b
            << QStringList{u"Martin/Paul"_s} << QStringList{b}
            << QStringList{u"Martin/Paul/"_s + b, u"Martin/Paul/"_s + b};
        QTest::newRow("names and addresses disagree")
            << u"Martin"_s << u"Paul"_s << a << u"Martin-Leroy"_s << u"Paul"_s << b
            << QStringList{u"Martin/Paul"_s, u"Martin-Leroy/Paul"_s} << QStringList{a, b}
            << QStringList{u"Martin/Paul/"_s + a, u"Martin-Leroy/Paul/"_s + b};
    }

    void samePhysicianMerged()
    {
        QFETCH(QString, prescriberFamily);
        QFETCH(QString, prescriberGiven);
        QFETCH(QString, prescriberMail);
        QFETCH(QString, treatingFamily);
        QFETCH(QString, treatingGiven);
        QFETCH(QString, treatingMail);
        QFETCH(QStringList, names);
        QFETCH(QStringList, mails);
        QFETCH(QStringList, readBack);
        FhirSamples::Sample s = FhirSamples::sample(0);
        Physician& prescriber = s.record.prescriber;
        QVERIFY(!prescriber.rpps.isEmpty());
        prescriber.familyName = prescriberFamily;
        prescriber.givenName = prescriberGiven;
        prescriber.mssante = prescriberMail;
        s.record.treatingPhysician = Physician{};
        s.record.treatingPhysician.rpps = prescriber.rpps;
        s.record.treatingPhysician.familyName = treatingFamily;
        s.record.treatingPhysician.givenName = treatingGiven;
        s.record.treatingPhysician.mssante = treatingMail;

        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(entriesOf(bundle, u"Practitioner"_s).size(), 1);
        const QJsonObject practitioner = entryFor(bundle, u"Practitioner"_s);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"requester/reference"_s),
                 practitioner[u"fullUrl"_s]);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"generalPractitioner/0/reference"_s),
                 practitioner[u"fullUrl"_s]);
        QStringList written;
        for (const QJsonValue& name : practitioner[u"resource"_s][u"name"_s].toArray())
            written << name[u"family"_s].toString() + u'/' + name[u"given"_s][0].toString();
        QCOMPARE(written, names);
        QStringList writtenMails;
        for (const QJsonValue& point : practitioner[u"resource"_s][u"telecom"_s].toArray()) {
            writtenMails << point[u"value"_s].toString();
            QCOMPARE(point[u"extension"_s][0][u"valueCoding"_s][u"code"_s].toString(),
                     u"MSSANTE"_s);
        }
        QCOMPARE(writtenMails, mails);

        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        const auto summary = [](const Physician& p) -> QString {
            return p.familyName + u'/' + p.givenName + u'/' + p.mssante;
        };
        QCOMPARE(
            (QStringList{summary(back.record.prescriber), summary(back.record.treatingPhysician)}),
            readBack);
        QCOMPARE(back.record.treatingPhysician.rpps, prescriber.rpps);
        // What was read writes the same Bundle again.
        QCOMPARE(FhirBundle::fromRecord(back.record, back.siteFiness, back.options), bundle);
    }

    // FINESS on FR Core's system; the site's Organization with its type and name.
    void siteOtherThanLab()
    {
        const FhirSamples::Sample s = FhirSamples::sample(5);
        QVERIFY(s.siteFiness != s.record.specimen.finess);
        QVERIFY(!s.options.siteName.isEmpty());
        const QJsonObject bundle = bundleOf(s);
        const QJsonObject site = entryFor(bundle, u"Organization#1"_s);
        const QJsonObject resource = site[u"resource"_s].toObject();
        QCOMPARE(resource[u"identifier"_s][0][u"system"_s].toString(),
                 u"https://finess.esante.gouv.fr"_s);
        QCOMPARE(resource[u"identifier"_s][0][u"value"_s].toString(), s.siteFiness);
        QCOMPARE(codingOf(resource[u"identifier"_s][0][u"type"_s]).value(u"code"_s).toString(),
                 u"FINEG"_s);
        QCOMPARE(codingOf(resource[u"type"_s][0]).value(u"code"_s).toString(),
                 u"GEOGRAPHICAL-ENTITY"_s);
        QCOMPARE(resource[u"name"_s].toString(), s.options.siteName);
        QCOMPARE(valueAt(bundle, u"Specimen"_s, u"accessionIdentifier/assigner/reference"_s),
                 site[u"fullUrl"_s]);
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.siteFiness, s.siteFiness);
        QCOMPARE(back.options.siteName, s.options.siteName);
    }

    // Shared resources that change: a practitioner with an idNat_PS, and the site's own
    // Organization, are conditional updates on their national identifier (PUT
    // Type?identifier=...), so a new name reaches a server that has them already; another
    // site's lab, which the workstation does not name, is only created when missing.
    void sharedResourcesUpdated()
    {
        FhirSamples::Sample s = FhirSamples::sample(5);
        QVERIFY(s.siteFiness != s.record.specimen.finess);
        QVERIFY(!s.record.prescriber.rpps.isEmpty());
        const QJsonObject bundle = bundleOf(s);

        const QJsonObject practitioner = entryFor(bundle, u"Practitioner"_s);
        const QString nationalId = u"8"_s + s.record.prescriber.rpps;
        QCOMPARE(practitioner[u"request"_s][u"method"_s].toString(), u"PUT"_s);
        QCOMPARE(practitioner[u"request"_s][u"url"_s].toString(),
                 u"Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|"_s + nationalId);
        QVERIFY(!practitioner[u"request"_s].toObject().contains(u"ifNoneExist"_s));

        const QJsonObject lab = entryFor(bundle, u"Organization"_s);
        QCOMPARE(lab[u"resource"_s][u"identifier"_s][0][u"value"_s].toString(),
                 s.record.specimen.finess);
        QVERIFY(!lab[u"resource"_s].toObject().contains(u"name"_s));
        QCOMPARE(lab[u"request"_s][u"method"_s].toString(), u"POST"_s);
        QCOMPARE(lab[u"request"_s][u"ifNoneExist"_s].toString(),
                 u"identifier=https://finess.esante.gouv.fr|"_s + s.record.specimen.finess);

        const QJsonObject site = entryFor(bundle, u"Organization#1"_s);
        QCOMPARE(site[u"resource"_s][u"name"_s].toString(), s.options.siteName);
        QCOMPARE(site[u"request"_s][u"method"_s].toString(), u"PUT"_s);
        QCOMPARE(site[u"request"_s][u"url"_s].toString(),
                 u"Organization?identifier=https://finess.esante.gouv.fr|"_s + s.siteFiness);

        // The prescriber renamed (a typo fixed) and the site renamed: the next Bundle writes
        // the same resources, found by the same identifiers, with the new names.
        FhirSamples::Sample renamed = s;
        renamed.record.prescriber.familyName = u"Martin-Durand"_s;
        renamed.options.siteName = u"Centre de prélèvement Nord"_s;
        const QJsonObject next = bundleOf(renamed);
        QCOMPARE(entryFor(next, u"Practitioner"_s)[u"request"_s][u"url"_s].toString(),
                 practitioner[u"request"_s][u"url"_s].toString());
        QCOMPARE(valueAt(next, u"Practitioner"_s, u"name/0/family"_s).toString(),
                 u"Martin-Durand"_s);
        QCOMPARE(entryFor(next, u"Organization#1"_s)[u"request"_s][u"url"_s].toString(),
                 site[u"request"_s][u"url"_s].toString());
        QCOMPARE(valueAt(next, u"Organization#1"_s, u"name"_s).toString(),
                 u"Centre de prélèvement Nord"_s);
        const Parsed back = parse(next);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.record.prescriber.familyName, u"Martin-Durand"_s);

        // The site is the lab and named: the lab's Organization is the site's, updated.
        const FhirSamples::Sample own = FhirSamples::sample(1);
        QCOMPARE(own.siteFiness, own.record.specimen.finess);
        QVERIFY(!own.options.siteName.isEmpty());
        const QJsonObject ownBundle = bundleOf(own);
        const QJsonObject ownSite = entryFor(ownBundle, u"Organization"_s);
        QCOMPARE(ownSite[u"resource"_s][u"identifier"_s][0][u"value"_s].toString(), own.siteFiness);
        QCOMPARE(ownSite[u"resource"_s][u"name"_s].toString(), own.options.siteName);
        QCOMPARE(ownSite[u"request"_s][u"method"_s].toString(), u"PUT"_s);
    }

    // Symptoms in SNOMED CT; the onset as LOINC 65222-2 expects it.
    void symptoms_data()
    {
        QTest::addColumn<QString>("onset");
        QTest::addColumn<QStringList>("symptoms");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<int>("from"); // days before the sampling; -1 open; -2 no onset sent
        QTest::addColumn<int>("to");
        const QStringList all = {u"fever"_s,           u"cough"_s,        u"sore_throat"_s,
                                 u"anosmia_ageusia"_s, u"fatigue_pain"_s, u"diarrhea"_s,
                                 u"breathing"_s};
        QTest::newRow("asymptomatic") << u"asymptomatic"_s << QStringList() << u"N"_s << -2 << 0;
        QTest::newRow("very recent") << u"very_recent"_s << all << u"Y"_s << 1 << 0;
        QTest::newRow("recent") << u"recent"_s << QStringList{u"fever"_s} << u"Y"_s << 4 << 2;
        QTest::newRow("old") << u"old"_s << QStringList{u"cough"_s} << u"Y"_s << 7 << 5;
        QTest::newRow("very old") << u"very_old"_s << QStringList{u"diarrhea"_s} << u"Y"_s << -1
                                  << 8;
        QTest::newRow("unknown with symptoms")
            << u"unknown"_s << QStringList{u"breathing"_s} << u"Y"_s << -3 << 0;
        QTest::newRow("unknown") << u"unknown"_s << QStringList() << u"UNK"_s << -3 << 0;
    }

    void symptoms()
    {
        QFETCH(QString, onset);
        QFETCH(QStringList, symptoms);
        QFETCH(QString, answer);
        QFETCH(int, from);
        QFETCH(int, to);
        FhirSamples::Sample s = FhirSamples::sample(0);
        s.record.symptomOnset = onset;
        s.record.symptoms = symptoms;
        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(valueAt(bundle, u"Observation:95419-8"_s, u"valueCodeableConcept/coding/0/code"_s)
                     .toString(),
                 answer);
        const QJsonArray components =
            valueAt(bundle, u"Observation:95419-8"_s, u"component"_s).toArray();
        QCOMPARE(components.size(), symptoms.size());
        for (qsizetype i = 0; i < components.size(); ++i) {
            const QJsonObject coding = codingOf(components[i][u"valueCodeableConcept"_s]);
            const bool joined =
                symptoms[i] == u"anosmia_ageusia"_s || symptoms[i] == u"fatigue_pain"_s;
            // SNOMED CT wherever one concept says the same as Annex 1.
            QCOMPARE(coding.value(u"system"_s).toString(),
                     joined ? Fhir::SymptomCodeSystem : Snomed);
            QCOMPARE(codingOf(components[i][u"code"_s]).value(u"code"_s).toString(), u"75325-1"_s);
        }
        const QJsonObject observation =
            entryFor(bundle, u"Observation:65222-2"_s)[u"resource"_s].toObject();
        // "asymptomatic" is no onset: nothing is sent that would mean something else.
        QCOMPARE(observation.isEmpty(), from == -2);
        if (from == -3) {
            QCOMPARE(codingOf(observation[u"dataAbsentReason"_s]).value(u"code"_s).toString(),
                     u"unknown"_s);
            QVERIFY(!observation.contains(u"valuePeriod"_s));
            QVERIFY(!observation.contains(u"valueCodeableConcept"_s));
        } else if (from != -2) {
            const QDate sampled = sampledOn(s.record);
            const QJsonObject period = observation[u"valuePeriod"_s].toObject();
            QCOMPARE(period[u"end"_s].toString(), sampled.addDays(-to).toString(Qt::ISODate));
            QCOMPARE(period.contains(u"start"_s), from >= 0);
            if (from >= 0)
                QCOMPARE(period[u"start"_s].toString(),
                         sampled.addDays(-from).toString(Qt::ISODate));
            QVERIFY(!observation.contains(u"dataAbsentReason"_s));
        }
        const Parsed back = parse(bundle);
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(back.record.symptomOnset, onset);
        QCOMPARE(back.record.symptoms, symptoms);
    }

    // No placeholder domain anywhere in a Bundle (the patient's own e-mail address
    // is what the patient gave and is left aside).
    void noPlaceholderDomains_data() { roundTrip_data(); }

    void noPlaceholderDomains()
    {
        QFETCH(int, index);
        QVERIFY(!Fhir::isPlaceholderUrl(Fhir::canonicalBase() + u"/"_s));
        const FhirSamples::Sample s = FhirSamples::sample(index);
        QList<std::pair<QString, QString>> all;
        strings(bundleOf(s), u"Bundle"_s, &all);
        static const QRegularExpression placeholder(
            u"(^|[/.@])(example(\\.(org|com|net))?|[a-z0-9-]+\\.(example|test|invalid))([/:|?#]|$)"_s);
        for (const auto& [path, text] : std::as_const(all)) {
            if (text == s.record.contact.email)
                continue;
            QVERIFY2(!Fhir::isPlaceholderUrl(text), qPrintable(path + u" "_s + text));
            QVERIFY2(!placeholder.match(text).hasMatch(), qPrintable(path + u" "_s + text));
        }
    }

    // Which addresses are placeholders: the host alone decides, whatever its case, user,
    // port or path; a reserved word in the path or query is not a host.
    void placeholderAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("placeholder");
        QTest::newRow("example.org") << u"http://example.org/fhir"_s << true;
        QTest::newRow("upper case") << u"https://WWW.EXAMPLE.COM"_s << true;
        QTest::newRow("user and port") << u"http://nurse@localhost:8443/x"_s << true;
        QTest::newRow(".test with a query") << u"https://lab.test?q=1"_s << true;
        QTest::newRow(".invalid with a fragment") << u"http://a.b.invalid#top"_s << true;
        QTest::newRow("LOINC") << u"http://loinc.org"_s << false;
        QTest::newRow("example in the path") << u"https://hl7.fr/ig/fhir/core/example"_s << false;
        QTest::newRow("test in the query") << u"https://hl7.fr/fhir?test=example.org"_s << false;
        QTest::newRow("look-alike host") << u"http://examples.org/"_s << false;
        QTest::newRow("not http") << u"urn:oid:1.2.250.1.213.1.4.8"_s << false;
    }

    void placeholderAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, placeholder);
        QCOMPARE(Fhir::isPlaceholderUrl(address), placeholder);
    }

    // The text test that lets the server skip the walk for placeholders never misses one:
    // every address isPlaceholderUrl() refuses, among addresses built from the pieces that
    // test looks at (reserved words in any case, percent-encoding, escapes, characters whose
    // case folds to ASCII, full-width letters), is seen in the Bundle's compact text, at
    // any depth. And it does skip: no sample Bundle's text gives it a reason to walk.
    void placeholderTextTestMissesNone()
    {
        const QStringList schemes = {u"http://"_s, u"https://"_s, u"HTTP://"_s, u"http:/"_s};
        const QStringList pieces = {
            u"example"_s,   u"EXAMPLE"_s,      u"Example"_s, u"test"_s,   u"tEsT"_s,   u"invalid"_s,
            u"localhost"_s, u"org"_s,          u"com"_s,     u"."_s,      u"-"_s,      u"a"_s,
            u"x1"_s,        u"%2E"_s,          u"%65"_s,     u"\u017F"_s, u"\u212A"_s, u"\u00E9"_s,
            u"\uFF45"_s,    QString(QChar(0)), u"\""_s,      u"\\"_s,     u"@"_s,      u":"_s,
            u"8443"_s,      u"xample"_s,       u"te"_s,      u"t"_s};
        const QStringList tails = {QString(), u"/"_s, u"/fhir"_s, u"?q=example"_s, u"#test"_s};
        QRandomGenerator random(20261207);
        int placeholders = 0;
        for (int i = 0; i < 20000; ++i) {
            QString address = schemes[random.bounded(schemes.size())];
            for (int n = random.bounded(1, 6); n > 0; --n)
                address += pieces[random.bounded(pieces.size())];
            address += tails[random.bounded(tails.size())];
            if (!Fhir::isPlaceholderUrl(address))
                continue;
            ++placeholders;
            const QJsonObject bundle{
                {u"resourceType"_s, u"Bundle"_s},
                {u"entry"_s,
                 QJsonArray{QJsonObject{{u"resource"_s, QJsonObject{{u"system"_s, address}}}}}}};
            QVERIFY2(Fhir::mayHoldPlaceholderUrl(JsonText::compact(bundle)),
                     qPrintable(QString::fromUtf8(JsonText::compact(bundle))));
        }
        // The pieces make placeholders often enough for this to mean something (714 with this
        // seed).
        QVERIFY2(placeholders > 500, qPrintable(QString::number(placeholders)));

        for (int index = 0; index < 60; ++index) {
            const QByteArray text = JsonText::compact(bundleOf(FhirSamples::sample(index)));
            QVERIFY2(!Fhir::mayHoldPlaceholderUrl(text), qPrintable(QString::number(index)));
        }
        // A placeholder the walk finds in a real Bundle: the text test sees it too.
        QJsonObject bundle = bundleOf(FhirSamples::sample(0));
        bundle = editResource(bundle, u"Patient"_s, [](QJsonObject& r) {
            r[u"meta"_s] = QJsonObject{{u"profile"_s, QJsonArray{u"https://Fhir.Example/p"_s}}};
        });
        QVERIFY(Fhir::mayHoldPlaceholderUrl(JsonText::compact(bundle)));
        QVERIFY(parse(bundle).has(u"entry\\[\\d+\\]\\.resource\\.meta\\.profile\\[0\\]"_s,
                                  u"placeholder"_s));
    }

    // No activation code in any Bundle, a positive one included.
    void noActivationCode()
    {
        FhirSamples::Sample s = sampleWhere([](const FhirSamples::Sample& candidate) {
            return candidate.record.result.value == u"P"_s;
        });
        s.record.activation.code = u"QZ7K-4MWP-9TXR"_s;
        s.record.activation.link = u"https://bonjour.tousanticovid.gouv.fr/app/code/QZ7K4MWP9TXR"_s;
        const QString text = QString::fromUtf8(QJsonDocument(bundleOf(s)).toJson());
        QVERIFY(!text.contains(u"QZ7K"_s));
        QVERIFY(!text.contains(u"tousanticovid"_s));
        QVERIFY(!text.contains(u"activation"_s, Qt::CaseInsensitive));
        QCOMPARE(bundleOf(s), [&] {
            FhirSamples::Sample without = s;
            without.record.activation = {};
            return bundleOf(without);
        }());
    }

    // What sidep-server refuses with 422 and the path (server/BundleIntake turns each
    // Problem into an OperationOutcome issue whose expression is the field): the reader must
    // report each rule of the wire format a Bundle can break (FR Core typing, Annex 1 values,
    // the result's report), at the element that breaks it.
    void readerRejects_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("selector"); // the resource the path starts with
        QTest::addColumn<QString>("field");    // regular expression after the resource
        QTest::addColumn<QString>("rule");
        auto row = [](const char* name, int index, const QString& mutation, const QString& selector,
                      const QString& field, const QString& rule) {
            QTest::newRow(name) << index << mutation << selector << field << rule;
        };
        row("INS on a provisional identity", 1, u"reliability=PROV"_s, u"Patient"_s,
            u"\\.identifier\\[0\\]"_s, u"fr-core"_s);
        row("INS added to an unqualified identity", 0, u"add INS"_s, u"Patient"_s,
            u"\\.identifier\\[0\\]"_s, u"fr-core"_s);
        row("untyped INS", 1, u"INS untyped"_s, u"Patient"_s, u"\\.identifier\\[0\\]\\.type"_s,
            u"fr-core"_s);
        row("INS typed as another authority's", 1, u"INS typed INS-NIA"_s, u"Patient"_s,
            u"\\.identifier\\[0\\]\\.type"_s, u"fr-core"_s);
        row("INS typed with our code system", 1, u"INS typed SN"_s, u"Patient"_s,
            u"\\.identifier\\[0\\]\\.type"_s, u"fr-core"_s);
        row("INS of the wrong use", 1, u"INS use=temp"_s, u"Patient"_s,
            u"\\.identifier\\[0\\]\\.use"_s, u"fr-core"_s);
        row("INS without the INS profile", 1, u"no profile"_s, u"Patient"_s, u"\\.meta\\.profile"_s,
            u"fr-core"_s);
        row("placeholder system", 1, u"placeholder accession"_s, u"Specimen"_s,
            u"\\.accessionIdentifier\\.system"_s, u"placeholder"_s);
        row("placeholder profile", 0, u"placeholder profile"_s, u"Patient"_s,
            u"\\.meta\\.profile\\[1\\]"_s, u"placeholder"_s);
        row("untyped idNat_PS", 1, u"idNat untyped"_s, u"Practitioner"_s,
            u"\\.identifier\\[0\\]\\.type"_s, u"fr-core"_s);
        row("untyped FINESS", 1, u"FINESS untyped"_s, u"Organization"_s,
            u"\\.identifier\\[0\\]\\.type"_s, u"fr-core"_s);
        row("report not LAB", 1, u"report category"_s, u"DiagnosticReport"_s, u"\\.category"_s,
            u"code"_s);
        row("result without report", 1, u"drop report"_s, QString(), u"entry"_s, u"required"_s);
        row("onset outside Annex 1", 1, u"onset period"_s, u"Observation:65222-2"_s,
            u"\\.valuePeriod"_s, u"code"_s);
        row("request code other than the analysis", 1, u"request antigen"_s, u"ServiceRequest"_s,
            u"\\.code"_s, u"code"_s);
        row("no identity reliability", 0, u"drop reliability"_s, u"Patient"_s, u"\\.extension"_s,
            u"fr-core"_s);
        row("qualified without birth place", 1, u"drop birth place"_s, u"Patient"_s,
            u"\\.extension"_s, u"fr-core"_s);
        row("qualified without official name", 1, u"official name to usual"_s, u"Patient"_s,
            u"\\.name"_s, u"fr-core"_s);
        row("birth abroad coded as a commune", 1, u"abroad under TRE_R13"_s, u"Patient"_s,
            u"\\.extension\\[1\\]\\.valueAddress\\.extension\\[0\\]\\.valueCoding\\.system"_s,
            u"code"_s);
        row("commune coded as a country", 1, u"commune under TRE_R20"_s, u"Patient"_s,
            u"\\.extension\\[1\\]\\.valueAddress\\.extension\\[0\\]\\.valueCoding\\.system"_s,
            u"code"_s);
    }

    void readerRejects()
    {
        QFETCH(int, index);
        QFETCH(QString, mutation);
        QFETCH(QString, selector);
        QFETCH(QString, field);
        QFETCH(QString, rule);
        QJsonObject bundle = bundleOf(FhirSamples::sample(index));
        QVERIFY(parse(bundle).ok);
        const QString prefix = selector.isEmpty() ? QString() : resourcePath(bundle, selector);
        auto typed = [](const QString& system, const QString& code) {
            return QJsonObject{
                {u"coding"_s, QJsonArray{QJsonObject{{u"system"_s, system}, {u"code"_s, code}}}}};
        };
        auto editFirstIdentifier = [&](const QString& type,
                                       const std::function<void(QJsonObject&)>& edit) {
            bundle = editResource(bundle, type, [&](QJsonObject& r) {
                QJsonArray ids = r[u"identifier"_s].toArray();
                QJsonObject id = ids[0].toObject();
                edit(id);
                ids[0] = id;
                r[u"identifier"_s] = ids;
            });
        };
        if (mutation == u"reliability=PROV"_s) {
            bundle = editResource(bundle, u"Patient"_s, [](QJsonObject& r) {
                QJsonArray extensions = r[u"extension"_s].toArray();
                QJsonObject reliability = extensions[0].toObject();
                reliability[u"extension"_s] = QJsonArray{QJsonObject{
                    {u"url"_s, u"identityStatus"_s},
                    {u"valueCoding"_s, QJsonObject{{u"system"_s, Fhir::FrIdentityReliability},
                                                   {u"code"_s, u"PROV"_s}}}}};
                extensions[0] = reliability;
                r[u"extension"_s] = extensions;
            });
        } else if (mutation == u"add INS"_s) {
            const QString ins = FhirSamples::sample(index).record.patient.ins;
            bundle = editResource(bundle, u"Patient"_s, [&](QJsonObject& r) {
                QJsonObject id{{u"system"_s, u"urn:oid:1.2.250.1.213.1.4.8"_s},
                               {u"value"_s, ins},
                               {u"use"_s, u"official"_s},
                               {u"type"_s, typed(FrCoreIdentifierType, u"INS-NIR"_s)}};
                QJsonArray ids = r[u"identifier"_s].toArray();
                ids.prepend(id);
                r[u"identifier"_s] = ids;
            });
        } else if (mutation == u"INS untyped"_s) {
            editFirstIdentifier(u"Patient"_s, [](QJsonObject& id) { id.remove(u"type"_s); });
        } else if (mutation == u"INS typed INS-NIA"_s) {
            editFirstIdentifier(u"Patient"_s, [&](QJsonObject& id) {
                id[u"type"_s] = typed(FrCoreIdentifierType, u"INS-NIA"_s);
            });
        } else if (mutation == u"INS typed SN"_s) {
            editFirstIdentifier(u"Patient"_s, [&](QJsonObject& id) {
                id[u"type"_s] = typed(u"http://terminology.hl7.org/CodeSystem/v2-0203"_s, u"SN"_s);
            });
        } else if (mutation == u"INS use=temp"_s) {
            editFirstIdentifier(u"Patient"_s, [](QJsonObject& id) { id[u"use"_s] = u"temp"_s; });
        } else if (mutation == u"no profile"_s) {
            bundle = editResource(bundle, u"Patient"_s, [](QJsonObject& r) {
                r[u"meta"_s] = QJsonObject{
                    {u"profile"_s, QJsonArray{Fhir::FrCorePatientProfile, Fhir::PatientProfile}}};
            });
        } else if (mutation == u"placeholder accession"_s) {
            bundle = editResource(bundle, u"Specimen"_s, [](QJsonObject& r) {
                QJsonObject accession = r[u"accessionIdentifier"_s].toObject();
                accession[u"system"_s] = u"https://sidep.example/accession"_s;
                r[u"accessionIdentifier"_s] = accession;
            });
        } else if (mutation == u"placeholder profile"_s) {
            bundle = editResource(bundle, u"Patient"_s, [](QJsonObject& r) {
                r[u"meta"_s] = QJsonObject{
                    {u"profile"_s,
                     QJsonArray{Fhir::FrCorePatientProfile,
                                u"http://example.org/fhir/StructureDefinition/sidep-patient"_s}}};
            });
        } else if (mutation == u"idNat untyped"_s) {
            editFirstIdentifier(u"Practitioner"_s, [](QJsonObject& id) { id.remove(u"type"_s); });
        } else if (mutation == u"FINESS untyped"_s) {
            editFirstIdentifier(u"Organization"_s, [](QJsonObject& id) { id.remove(u"type"_s); });
        } else if (mutation == u"report category"_s) {
            bundle = editResource(bundle, u"DiagnosticReport"_s, [&](QJsonObject& r) {
                r[u"category"_s] =
                    QJsonArray{typed(u"http://terminology.hl7.org/CodeSystem/v2-0074"_s, u"MB"_s)};
            });
        } else if (mutation == u"drop report"_s) {
            QJsonArray entries = bundle[u"entry"_s].toArray();
            entries.removeAt(indexOf(bundle, u"DiagnosticReport"_s));
            bundle[u"entry"_s] = entries;
        } else if (mutation == u"onset period"_s) {
            bundle = editResource(bundle, u"Observation:65222-2"_s, [](QJsonObject& r) {
                r[u"valuePeriod"_s] =
                    QJsonObject{{u"start"_s, u"2020-01-01"_s}, {u"end"_s, u"2020-01-02"_s}};
            });
        } else if (mutation == u"request antigen"_s) {
            QCOMPARE(FhirSamples::sample(index).record.result.analysis, u"94500-6"_s);
            bundle = editResource(bundle, u"ServiceRequest"_s, [&](QJsonObject& r) {
                r[u"code"_s] = typed(Loinc, u"94558-4"_s);
            });
        } else if (mutation == u"drop reliability"_s || mutation == u"drop birth place"_s) {
            const QString url =
                mutation == u"drop reliability"_s ? FrCoreReliability : Fhir::BirthPlaceExtension;
            bundle = editResource(bundle, u"Patient"_s, [&](QJsonObject& r) {
                QJsonArray kept;
                for (const QJsonValue& extension : r[u"extension"_s].toArray()) {
                    if (extension[u"url"_s].toString() != url)
                        kept.append(extension);
                }
                QCOMPARE(kept.size(), r[u"extension"_s].toArray().size() - 1);
                r[u"extension"_s] = kept;
            });
        } else if (mutation == u"official name to usual"_s) {
            bundle = editResource(bundle, u"Patient"_s, [](QJsonObject& r) {
                QJsonArray names;
                for (const QJsonValue& name : r[u"name"_s].toArray()) {
                    if (name[u"use"_s].toString() != u"official"_s)
                        names.append(name);
                }
                r[u"name"_s] = names;
            });
        } else if (mutation == u"abroad under TRE_R13"_s ||
                   mutation == u"commune under TRE_R20"_s) {
            const bool abroad = mutation == u"abroad under TRE_R13"_s;
            bundle = editResource(bundle, u"Patient"_s, [&](QJsonObject& r) {
                QJsonArray extensions = r[u"extension"_s].toArray();
                QJsonObject place = extensions[1].toObject();
                QCOMPARE(place[u"url"_s].toString(), Fhir::BirthPlaceExtension);
                place[u"valueAddress"_s] = QJsonObject{
                    {u"extension"_s,
                     QJsonArray{QJsonObject{
                         {u"url"_s, Fhir::AddressInseeCodeExtension},
                         {u"valueCoding"_s,
                          QJsonObject{
                              {u"system"_s, abroad ? Fhir::CogCommunes : Fhir::CogCountries},
                              {u"code"_s, abroad ? u"99109"_s : u"75056"_s}}}}}}};
                extensions[1] = place;
                r[u"extension"_s] = extensions;
            });
        } else {
            QFAIL("unknown mutation");
        }
        const Parsed parsed = parse(bundle);
        QVERIFY(!parsed.ok);
        QVERIFY2(parsed.has(prefix + field, rule), qPrintable(parsed.seen()));
        for (const Problem& problem : parsed.problems)
            QVERIFY(!problem.message.isEmpty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < 60; ++i)
            QTest::addRow("sample %d", i) << i;
    }

    // FhirReader reads back what FhirWriter writes, for every Annex 1 shape of the
    // samples (INS qualified or not, NIA, relatives, symptoms, corrections, cancellations,
    // amendments, reports).
    void roundTrip()
    {
        QFETCH(int, index);
        const FhirSamples::Sample s = FhirSamples::sample(index);
        const QJsonObject bundle = bundleOf(s);
        // Through text, as it travels.
        const Parsed back = parse(
            QJsonDocument::fromJson(QJsonDocument(bundle).toJson(QJsonDocument::Compact)).object());
        QVERIFY2(back.ok, qPrintable(back.seen()));
        QCOMPARE(normalised(back.record), normalised(s.record));
        QCOMPARE(back.siteFiness, s.siteFiness);
        QCOMPARE(back.options.correction, s.options.correction);
        QCOMPARE(back.options.change, s.options.change);
        QCOMPARE(back.options.reason, s.options.reason);
        QCOMPARE(back.options.siteName, s.options.siteName);
        QCOMPARE(back.options.includeReport, !s.record.result.reportPdf.isEmpty());
        // And the Bundle of what was read is the same Bundle.
        QCOMPARE(FhirBundle::fromRecord(back.record, back.siteFiness, back.options), bundle);
    }

    void noIdentifyingDataOutsidePatientAndPractitioner_data() { roundTrip_data(); }

    void noIdentifyingDataOutsidePatientAndPractitioner()
    {
        QFETCH(int, index);
        const FhirSamples::Sample s = FhirSamples::sample(index);
        const QJsonObject bundle = bundleOf(s);
        QStringList identifying = TestSupport::identifyingStrings(index);
        identifying << s.record.patient.ins << s.record.patient.birthDate << s.record.contact.email
                    << s.record.contact.mobilePhone << s.record.contact.address.postalCode
                    << s.record.contact.address.lines;
        if (!s.record.patient.usualName.isEmpty())
            identifying << s.record.patient.usualName << s.record.patient.openingRightsNir
                        << s.record.contact.landlinePhone << s.record.patient.birthPlace;
        int checked = 0;
        for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray()) {
            const QString type = entry[u"resource"_s][u"resourceType"_s].toString();
            if (type == u"Patient"_s || type == u"Practitioner"_s)
                continue;
            const QString text = QString::fromUtf8(QJsonDocument(entry.toObject()).toJson());
            for (const QString& value : std::as_const(identifying)) {
                if (!value.isEmpty())
                    QVERIFY2(!text.contains(value, Qt::CaseInsensitive),
                             qPrintable(type + u" holds identifying data"_s));
            }
            ++checked;
        }
        QVERIFY(checked >= 5);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("field"); // regular expression
        QTest::addColumn<QString>("rule");
        QTest::newRow("not a bundle")
            << u"resourceType=Patient"_s << u"resourceType"_s << u"code"_s;
        QTest::newRow("batch") << u"type=batch"_s << u"type"_s << u"code"_s;
        QTest::newRow("no identifier") << u"-identifier"_s << u"identifier"_s << u"required"_s;
        QTest::newRow("bad record uuid")
            << u"record=urn:uuid:nope"_s
            << u"meta\\.extension\\[0\\]\\.extension\\[0\\]\\.valueUuid"_s << u"format"_s;
        QTest::newRow("bad version")
            << u"version=0"_s << u"meta\\.extension\\[0\\]\\.extension\\[1\\]\\.valuePositiveInt"_s
            << u"format"_s;
        QTest::newRow("no version")
            << u"-meta.extension"_s << u"meta\\.extension"_s << u"required"_s;
        QTest::newRow("entry not array") << u"entry=5"_s << u"entry"_s << u"type"_s;
        QTest::newRow("no entries") << u"-entry"_s << u"entry"_s << u"required"_s;
        QTest::newRow("no patient") << u"drop Patient"_s << u"entry"_s << u"required"_s;
        QTest::newRow("two specimens")
            << u"dup Specimen"_s << u"entry\\[9\\]\\.fullUrl"_s << u"duplicate"_s;
        QTest::newRow("dangling requester")
            << u"drop Practitioner"_s << u"entry\\[\\d+\\]\\.resource\\.requester\\.reference"_s
            << u"reference"_s;
        QTest::newRow("requester is the patient")
            << u"requester=Patient"_s << u"entry\\[\\d+\\]\\.resource\\.requester\\.reference"_s
            << u"reference"_s;
        QTest::newRow("gender") << u"Patient.gender=7"_s << u"entry\\[\\d+\\]\\.resource\\.gender"_s
                                << u"type"_s;
        QTest::newRow("gender code")
            << u"Patient.gender=woman"_s << u"entry\\[\\d+\\]\\.resource\\.gender"_s << u"code"_s;
        QTest::newRow("result code")
            << u"result.snomed=123"_s << u"entry\\[\\d+\\]\\.resource\\.valueCodeableConcept"_s
            << u"code"_s;
        QTest::newRow("result status") << u"result.status=preliminary"_s
                                       << u"entry\\[\\d+\\]\\.resource\\.status"_s << u"code"_s;
        QTest::newRow("pdf") << u"report.data=!!!"_s
                             << u"entry\\[\\d+\\]\\.resource\\.presentedForm\\[0\\]\\.data"_s
                             << u"format"_s;
        QTest::newRow("idNat") << u"Practitioner.id=9123"_s
                               << u"entry\\[\\d+\\]\\.resource\\.identifier\\[0\\]\\.value"_s
                               << u"format"_s;
        QTest::newRow("method") << u"method=DELETE"_s << u"entry\\[0\\]\\.request\\.method"_s
                                << u"code"_s;
    }

    void malformed()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, field);
        QFETCH(QString, rule);
        QJsonObject bundle = bundleOf(FhirSamples::sample(1));
        auto setVersionPart = [&](int part, const QJsonValue& value) {
            QJsonObject meta = bundle[u"meta"_s].toObject();
            QJsonArray extensions = meta[u"extension"_s].toArray();
            QJsonObject version = extensions[0].toObject();
            QJsonArray parts = version[u"extension"_s].toArray();
            QJsonObject changed = parts[part].toObject();
            changed[part == 0 ? u"valueUuid"_s : u"valuePositiveInt"_s] = value;
            parts[part] = changed;
            version[u"extension"_s] = parts;
            extensions[0] = version;
            meta[u"extension"_s] = extensions;
            bundle[u"meta"_s] = meta;
        };
        auto dropFirst = [&](const QString& selector) {
            QJsonArray entries = bundle[u"entry"_s].toArray();
            entries.removeAt(indexOf(bundle, selector));
            bundle[u"entry"_s] = entries;
        };

        if (mutation == u"resourceType=Patient"_s) {
            bundle[u"resourceType"_s] = u"Patient"_s;
        } else if (mutation == u"type=batch"_s) {
            bundle[u"type"_s] = u"batch"_s;
        } else if (mutation == u"-identifier"_s) {
            bundle.remove(u"identifier"_s);
        } else if (mutation == u"record=urn:uuid:nope"_s) {
            setVersionPart(0, u"urn:uuid:nope"_s);
        } else if (mutation == u"version=0"_s) {
            setVersionPart(1, 0);
        } else if (mutation == u"-meta.extension"_s) {
            bundle[u"meta"_s] = QJsonObject{};
        } else if (mutation == u"entry=5"_s) {
            bundle[u"entry"_s] = 5;
        } else if (mutation == u"-entry"_s) {
            bundle.remove(u"entry"_s);
        } else if (mutation == u"drop Patient"_s) {
            dropFirst(u"Patient"_s);
        } else if (mutation == u"dup Specimen"_s) {
            QJsonArray entries = bundle[u"entry"_s].toArray();
            QJsonObject copy = entryFor(bundle, u"Specimen"_s);
            copy[u"fullUrl"_s] = entries[0][u"fullUrl"_s];
            entries.insert(9, copy);
            bundle[u"entry"_s] = entries;
        } else if (mutation == u"drop Practitioner"_s) {
            dropFirst(u"Practitioner"_s);
        } else if (mutation == u"requester=Patient"_s) {
            // A reference into the Bundle, to a resource of the wrong type.
            const QJsonValue patientUrl = entryFor(bundle, u"Patient"_s)[u"fullUrl"_s];
            bundle = editResource(bundle, u"ServiceRequest"_s, [&](QJsonObject& r) {
                r[u"requester"_s] = QJsonObject{{u"reference"_s, patientUrl}};
            });
        } else if (mutation == u"Patient.gender=7"_s) {
            bundle = editResource(bundle, u"Patient"_s, [](QJsonObject& r) { r[u"gender"_s] = 7; });
        } else if (mutation == u"Patient.gender=woman"_s) {
            bundle = editResource(bundle, u"Patient"_s,
                                  [](QJsonObject& r) { r[u"gender"_s] = u"woman"_s; });
        } else if (mutation == u"result.snomed=123"_s) {
            bundle = editResource(bundle, u"Observation:94500-6"_s, [](QJsonObject& r) {
                r[u"valueCodeableConcept"_s] = QJsonObject{
                    {u"coding"_s,
                     QJsonArray{QJsonObject{{u"system"_s, Snomed}, {u"code"_s, u"123"_s}}}}};
            });
        } else if (mutation == u"result.status=preliminary"_s) {
            bundle = editResource(bundle, u"Observation:94500-6"_s,
                                  [](QJsonObject& r) { r[u"status"_s] = u"preliminary"_s; });
        } else if (mutation == u"report.data=!!!"_s) {
            bundle = editResource(bundle, u"DiagnosticReport"_s, [](QJsonObject& r) {
                r[u"presentedForm"_s] = QJsonArray{
                    QJsonObject{{u"contentType"_s, u"application/pdf"_s}, {u"data"_s, u"!!!"_s}}};
            });
        } else if (mutation == u"Practitioner.id=9123"_s) {
            bundle = editResource(bundle, u"Practitioner"_s, [](QJsonObject& r) {
                QJsonArray ids = r[u"identifier"_s].toArray();
                QJsonObject id = ids[0].toObject();
                id[u"value"_s] = u"9123"_s;
                ids[0] = id;
                r[u"identifier"_s] = ids;
            });
        } else if (mutation == u"method=DELETE"_s) {
            QJsonArray entries = bundle[u"entry"_s].toArray();
            QJsonObject entry = entries[0].toObject();
            entry[u"request"_s] =
                QJsonObject{{u"method"_s, u"DELETE"_s}, {u"url"_s, u"Organization"_s}};
            entries[0] = entry;
            bundle[u"entry"_s] = entries;
        } else {
            QFAIL("unknown mutation");
        }

        const Parsed parsed = parse(bundle);
        QVERIFY(!parsed.ok);
        for (const Problem& problem : parsed.problems)
            QVERIFY(!problem.message.isEmpty());
        QVERIFY2(parsed.has(field, rule), qPrintable(parsed.seen()));
    }

    // Every element of a Bundle replaced by each wrong JSON type, or removed: the parser must
    // answer (problems or not), never crash or hang. Run under ASan in CI.
    void hostileInputNeverCrashes()
    {
        const QJsonObject bundle = bundleOf(FhirSamples::sample(1));
        const QJsonValue replacements[] = {
            QJsonValue(),          QJsonValue(42),           QJsonValue(u"x"_s),
            QJsonArray{1, u"a"_s}, QJsonObject{{u"a"_s, 1}}, QJsonValue(QJsonValue::Undefined)};
        int variants = 0;
        std::function<QJsonValue(const QJsonValue&, int&, int, const QJsonValue&)> mutate =
            [&](const QJsonValue& value, int& counter, int target,
                const QJsonValue& with) -> QJsonValue {
            if (counter++ == target)
                return with;
            if (value.isObject()) {
                QJsonObject object = value.toObject();
                for (const QString& key : object.keys()) {
                    const QJsonValue changed = mutate(object.value(key), counter, target, with);
                    if (changed.isUndefined())
                        object.remove(key);
                    else
                        object.insert(key, changed);
                }
                return object;
            }
            if (value.isArray()) {
                QJsonArray array = value.toArray();
                for (qsizetype i = 0; i < array.size(); ++i)
                    array[i] = mutate(array.at(i), counter, target, with);
                return array;
            }
            return value;
        };
        int total = 0;
        mutate(bundle, total, -1, {});
        for (int target = 1; target < total; target += 3) {
            for (const QJsonValue& with : replacements) {
                int counter = 0;
                const QJsonObject hostile = mutate(bundle, counter, target, with).toObject();
                SamplingRecord record;
                QString site;
                QList<Problem> problems;
                const bool ok = FhirBundle::parse(hostile, &record, &site, &problems);
                QVERIFY(ok || !problems.isEmpty());
                ++variants;
            }
        }
        QVERIFY(variants > 500);

        SamplingRecord record;
        QList<Problem> problems;
        QVERIFY(!FhirBundle::parse(QJsonObject(), &record, nullptr, &problems));
        QVERIFY(!FhirBundle::parse(QJsonObject(), nullptr, nullptr, nullptr));
    }
};

QTEST_GUILESS_MAIN(TestFhirBundle)
#include "TestFhirBundle.moc"
