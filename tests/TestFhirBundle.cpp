#include "FhirBundle.h"
#include "fhir/FhirSamples.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject bundleOf(const FhirSamples::Sample& s)
{
    return FhirBundle::fromRecord(s.record, s.siteFiness, s.options);
}

QJsonObject codingOf(const QJsonValue& codeableConcept)
{
    return codeableConcept.toObject().value(u"coding"_s).toArray().first().toObject();
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
    for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray()) {
        const QJsonObject resource = entry[u"resource"_s].toObject();
        if (resource.value(u"resourceType"_s).toString() != type)
            continue;
        if (!loinc.isEmpty() && codingOf(resource.value(u"code"_s)).value(u"code"_s) != loinc)
            continue;
        if (nth-- == 0)
            return entry.toObject();
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

// Everything a record says, as its JSON, with the defaults the wire format fills in.
QJsonObject normalised(SamplingRecord record)
{
    if (record.specimen.type.isEmpty())
        record.specimen.type = u"258500001"_s;
    return record.toJson(true);
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
        QCOMPARE(bundle[u"identifier"_s][u"value"_s].toString(),
                 u"urn:uuid:"_s + s.record.id.toString(QUuid::WithoutBraces));
        QCOMPARE(bundle[u"meta"_s][u"versionId"_s].toString(), QString::number(s.record.version));
        QVERIFY(!bundle.contains(u"timestamp"_s));

        QSet<QString> urls;
        for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray()) {
            const QString url = entry[u"fullUrl"_s].toString();
            QVERIFY2(url.startsWith(u"urn:uuid:"_s), qPrintable(url));
            QVERIFY(!urls.contains(url));
            urls.insert(url);
            const QJsonObject request = entry[u"request"_s].toObject();
            QCOMPARE(request.value(u"method"_s).toString(), u"POST"_s);
            QCOMPARE(request.value(u"url"_s).toString(),
                     entry[u"resource"_s][u"resourceType"_s].toString());
            QVERIFY(!request.value(u"ifNoneExist"_s).toString().isEmpty());
        }
        // The same record gives the same Bundle: resends are recognisable byte for byte.
        QCOMPARE(bundleOf(s), bundle);
    }

    void fieldPlacement_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("expected");

        const FhirSamples::Sample s = FhirSamples::sample(1);
        const SamplingRecord& r = s.record;
        auto row = [](const char* name, const QString& selector, const QString& path,
                      const QString& expected) {
            QTest::newRow(name) << selector << path << QJsonValue(expected);
        };
        row("INS system", u"Patient"_s, u"identifier/0/system"_s, u"urn:oid:1.2.250.1.213.1.4.8"_s);
        row("INS value", u"Patient"_s, u"identifier/0/value"_s, r.patient.ins);
        row("opening rights NIR", u"Patient"_s, u"identifier/1/value"_s,
            r.patient.openingRightsNir);
        row("opening rights type", u"Patient"_s, u"identifier/1/type/coding/0/code"_s, u"SN"_s);
        row("official name use", u"Patient"_s, u"name/0/use"_s, u"official"_s);
        row("birth name", u"Patient"_s, u"name/0/family"_s, r.patient.birthName);
        row("first given", u"Patient"_s, u"name/0/given/0"_s,
            r.patient.firstNames.split(u' ').first());
        row("third given", u"Patient"_s, u"name/0/given/2"_s, u"Anne"_s);
        row("usual name use", u"Patient"_s, u"name/1/use"_s, u"usual"_s);
        row("usual name", u"Patient"_s, u"name/1/family"_s, r.patient.usualName);
        row("gender", u"Patient"_s, u"gender"_s, u"female"_s);
        row("birth date", u"Patient"_s, u"birthDate"_s, r.patient.birthDate);
        row("birth place url", u"Patient"_s, u"extension/0/url"_s,
            u"http://hl7.org/fhir/StructureDefinition/patient-birthPlace"_s);
        row("birth place COG", u"Patient"_s, u"extension/0/valueAddress/extension/0/valueCode"_s,
            r.patient.birthPlace);
        row("identity status", u"Patient"_s, u"extension/1/valueCode"_s, u"qualified"_s);
        row("email", u"Patient"_s, u"telecom/0/value"_s, r.contact.email);
        row("email system", u"Patient"_s, u"telecom/0/system"_s, u"email"_s);
        row("email owner", u"Patient"_s, u"telecom/0/extension/0/valueCode"_s, u"relative"_s);
        row("mobile", u"Patient"_s, u"telecom/1/value"_s, r.contact.mobilePhone);
        row("mobile use", u"Patient"_s, u"telecom/1/use"_s, u"mobile"_s);
        row("landline", u"Patient"_s, u"telecom/2/value"_s, r.contact.landlinePhone);
        row("landline use", u"Patient"_s, u"telecom/2/use"_s, u"home"_s);
        row("address line 3", u"Patient"_s, u"address/0/line/2"_s, r.contact.address.lines.at(2));
        row("postal code", u"Patient"_s, u"address/0/postalCode"_s, r.contact.address.postalCode);
        row("city", u"Patient"_s, u"address/0/city"_s, r.contact.address.city);
        row("country", u"Patient"_s, u"address/0/country"_s, u"FR"_s);
        row("RPPS system", u"Practitioner"_s, u"identifier/0/system"_s,
            u"urn:oid:1.2.250.1.71.4.2.1"_s);
        row("RPPS value", u"Practitioner"_s, u"identifier/0/value"_s,
            QString(u"8"_s + r.prescriber.rpps));
        row("prescriber name", u"Practitioner"_s, u"name/0/family"_s, r.prescriber.familyName);
        row("ADELI value", u"Practitioner#1"_s, u"identifier/0/value"_s,
            QString(u"0"_s + r.treatingPhysician.adeli));
        row("MSSante", u"Practitioner#1"_s, u"telecom/0/value"_s, r.treatingPhysician.mssante);
        row("structure", u"Practitioner#1"_s, u"extension/0/extension/0/valueString"_s,
            r.treatingPhysician.structure.name);
        row("lab FINESS system", u"Organization"_s, u"identifier/0/system"_s,
            u"http://finess.sante.gouv.fr"_s);
        row("lab FINESS", u"Organization"_s, u"identifier/0/value"_s, r.specimen.finess);
        row("FINESS kind", u"Organization"_s, u"identifier/0/type/coding/0/code"_s, u"FINEJ"_s);
        row("accession", u"Specimen"_s, u"accessionIdentifier/value"_s, r.specimen.accession);
        row("accession system", u"Specimen"_s, u"accessionIdentifier/system"_s,
            QString(u"https://finess.sante.gouv.fr/"_s + r.specimen.finess + u"/accession"_s));
        row("collected", u"Specimen"_s, u"collection/collectedDateTime"_s, r.specimen.collectedAt);
        row("specimen type", u"Specimen"_s, u"type/coding/0/code"_s, u"258500001"_s);
        row("specimen type system", u"Specimen"_s, u"type/coding/0/system"_s,
            u"http://snomed.info/sct"_s);
        row("order code", u"ServiceRequest"_s, u"code/coding/0/code"_s, r.result.analysis);
        row("order system", u"ServiceRequest"_s, u"code/coding/0/system"_s, u"http://loinc.org"_s);
        row("symptoms answer", u"Observation:95419-8"_s, u"valueCodeableConcept/coding/0/code"_s,
            u"Y"_s);
        row("symptoms answer system", u"Observation:95419-8"_s,
            u"valueCodeableConcept/coding/0/system"_s,
            u"http://terminology.hl7.org/CodeSystem/v2-0136"_s);
        row("symptom", u"Observation:95419-8"_s, u"component/1/code/coding/0/code"_s, u"cough"_s);
        row("onset", u"Observation:65222-2"_s, u"valueCodeableConcept/coding/0/code"_s,
            r.symptomOnset);
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
        const QString patient = entryFor(bundle, u"Patient"_s)[u"fullUrl"_s].toString();
        const QString prescriber = entryFor(bundle, u"Practitioner"_s)[u"fullUrl"_s].toString();
        const QString treating = entryFor(bundle, u"Practitioner#1"_s)[u"fullUrl"_s].toString();
        const QString request = entryFor(bundle, u"ServiceRequest"_s)[u"fullUrl"_s].toString();
        const QString specimen = entryFor(bundle, u"Specimen"_s)[u"fullUrl"_s].toString();
        const QString result = entryFor(bundle, u"Observation:94500-6"_s)[u"fullUrl"_s].toString();
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"requester/reference"_s).toString(),
                 prescriber);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"subject/reference"_s).toString(), patient);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"generalPractitioner/0/reference"_s).toString(),
                 treating);
        QCOMPARE(valueAt(bundle, u"Observation:94500-6"_s, u"basedOn/0/reference"_s).toString(),
                 request);
        QCOMPARE(valueAt(bundle, u"Observation:94500-6"_s, u"specimen/reference"_s).toString(),
                 specimen);
        QCOMPARE(valueAt(bundle, u"DiagnosticReport"_s, u"result/0/reference"_s).toString(),
                 result);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"supportingInfo"_s).toArray().size(), 5);
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
        QCOMPARE(coding.value(u"system"_s).toString(), u"http://snomed.info/sct"_s);
        QCOMPARE(coding.value(u"code"_s).toString(), snomed);

        SamplingRecord back;
        QList<Problem> problems;
        QVERIFY(FhirBundle::parse(bundle, &back, nullptr, &problems));
        QCOMPARE(back.result.value, value);
        QCOMPARE(back.result.nonConformity, s.record.result.nonConformity);
    }

    void analyses_data()
    {
        QTest::addColumn<QString>("analysis");
        QTest::newRow("RT-PCR") << u"94500-6"_s;
        QTest::newRow("antigen") << u"94558-4"_s;
    }

    void analyses()
    {
        QFETCH(QString, analysis);
        FhirSamples::Sample s = FhirSamples::sample(2);
        s.record.result.analysis = analysis;
        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"code/coding/0/code"_s).toString(),
                 analysis);
        QCOMPARE(
            valueAt(bundle, u"Observation:"_s + analysis, u"code/coding/0/system"_s).toString(),
            u"http://loinc.org"_s);
    }

    void correctionStatus_data()
    {
        QTest::addColumn<QString>("correction");
        QTest::addColumn<bool>("keepsValue");
        QTest::newRow("first") << QString() << true;
        QTest::newRow("corrected") << u"corrected"_s << true;
        QTest::newRow("entered in error") << u"entered-in-error"_s << false;
    }

    void correctionStatus()
    {
        QFETCH(QString, correction);
        QFETCH(bool, keepsValue);
        FhirSamples::Sample s = FhirSamples::sample(1);
        s.options.correction = correction;
        if (!keepsValue)
            s.record.result.value.clear();
        s.record.version = correction.isEmpty() ? 1 : 2;
        const QJsonObject bundle = bundleOf(s);
        const QString status = correction.isEmpty() ? u"final"_s : correction;
        const QJsonObject result = entryFor(bundle, u"Observation:94500-6"_s);
        QCOMPARE(result[u"resource"_s][u"status"_s].toString(), status);
        QCOMPARE(valueAt(bundle, u"DiagnosticReport"_s, u"status"_s).toString(), status);
        QCOMPARE(result[u"resource"_s].toObject().contains(u"valueCodeableConcept"_s), keepsValue);
        // A correction updates the same Observation (same identifier), never adds a test.
        const QJsonObject first =
            entryFor(bundleOf(FhirSamples::sample(1)), u"Observation:94500-6"_s);
        QCOMPARE(result[u"fullUrl"_s], first[u"fullUrl"_s]);
        QCOMPARE(result[u"request"_s][u"method"_s].toString(),
                 correction.isEmpty() ? u"POST"_s : u"PUT"_s);
        if (!correction.isEmpty())
            QCOMPARE(
                result[u"request"_s][u"url"_s].toString(),
                u"Observation?identifier=urn:ietf:rfc:3986|"_s +
                    QString::fromLatin1(QUrl::toPercentEncoding(first[u"fullUrl"_s].toString())));
        QCOMPARE(bundle[u"meta"_s][u"versionId"_s].toString(), QString::number(s.record.version));
        QCOMPARE(bundle[u"identifier"_s], bundleOf(FhirSamples::sample(1))[u"identifier"_s]);

        SamplingRecord back;
        BundleOptions options;
        QList<Problem> problems;
        QVERIFY(FhirBundle::parse(bundle, &back, nullptr, &problems, &options));
        QCOMPARE(options.correction, correction);
        QCOMPARE(back.version, s.record.version);
    }

    void insAuthorities_data()
    {
        QTest::addColumn<QString>("oid");
        QTest::newRow("NIR") << u"1.2.250.1.213.1.4.8"_s;
        QTest::newRow("NIA") << u"1.2.250.1.213.1.4.9"_s;
        QTest::newRow("test") << u"1.2.250.1.213.1.4.10"_s;
        QTest::newRow("demo") << u"1.2.250.1.213.1.4.11"_s;
    }

    void insAuthorities()
    {
        QFETCH(QString, oid);
        FhirSamples::Sample s = FhirSamples::sample(0);
        s.record.patient.insOid = oid;
        const QJsonObject bundle = bundleOf(s);
        QCOMPARE(valueAt(bundle, u"Patient"_s, u"identifier/0/system"_s).toString(),
                 u"urn:oid:"_s + oid);
        QCOMPARE(entryFor(bundle, u"Patient"_s)[u"request"_s][u"ifNoneExist"_s].toString(),
                 u"identifier=urn:oid:"_s + oid + u"|"_s + s.record.patient.ins);
        SamplingRecord back;
        QList<Problem> problems;
        QVERIFY(FhirBundle::parse(bundle, &back, nullptr, &problems));
        QCOMPARE(back.patient.insOid, oid);
        QCOMPARE(back.patient.ins, s.record.patient.ins);
    }

    void noResultNoReport()
    {
        const FhirSamples::Sample s = FhirSamples::sample(0);
        QVERIFY(s.record.result.value.isEmpty());
        const QJsonObject bundle = bundleOf(s);
        QVERIFY(entryFor(bundle, u"Observation:94500-6"_s).isEmpty());
        QVERIFY(entryFor(bundle, u"DiagnosticReport"_s).isEmpty());
        QCOMPARE(valueAt(bundle, u"ServiceRequest"_s, u"status"_s).toString(), u"active"_s);

        FhirSamples::Sample withPdf = FhirSamples::sample(1);
        withPdf.options.includeReport = false;
        QVERIFY(entryFor(bundleOf(withPdf), u"DiagnosticReport"_s).isEmpty());
    }

    void siteOtherThanLab()
    {
        const FhirSamples::Sample s = FhirSamples::sample(5);
        QVERIFY(s.siteFiness != s.record.specimen.finess);
        const QJsonObject bundle = bundleOf(s);
        const QJsonObject site = entryFor(bundle, u"Organization#1"_s);
        QCOMPARE(site[u"resource"_s][u"identifier"_s][0][u"value"_s].toString(), s.siteFiness);
        QCOMPARE(valueAt(bundle, u"Specimen"_s, u"accessionIdentifier/assigner/reference"_s),
                 site[u"fullUrl"_s]);
        QString siteFiness;
        SamplingRecord back;
        QList<Problem> problems;
        QVERIFY(FhirBundle::parse(bundle, &back, &siteFiness, &problems));
        QCOMPARE(siteFiness, s.siteFiness);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < 60; ++i)
            QTest::addRow("sample %d", i) << i;
    }

    void roundTrip()
    {
        QFETCH(int, index);
        const FhirSamples::Sample s = FhirSamples::sample(index);
        const QJsonObject bundle = bundleOf(s);
        // Through text, as it travels.
        const QJsonObject received =
            QJsonDocument::fromJson(QJsonDocument(bundle).toJson(QJsonDocument::Compact)).object();
        SamplingRecord back;
        QString siteFiness;
        BundleOptions options;
        QList<Problem> problems;
        const bool ok = FhirBundle::parse(received, &back, &siteFiness, &problems, &options);
        for (const Problem& problem : problems)
            qWarning("%s (%s)", qPrintable(problem.toString()), qPrintable(problem.rule));
        QVERIFY(ok);
        QCOMPARE(normalised(back), normalised(s.record));
        QCOMPARE(siteFiness, s.siteFiness);
        QCOMPARE(options.correction, s.options.correction);
        QCOMPARE(options.includeReport, !s.record.result.reportPdf.isEmpty());
        // And the Bundle of what was read is the same Bundle.
        QCOMPARE(FhirBundle::fromRecord(back, siteFiness, options), bundle);
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
            const QJsonObject resource = entry[u"resource"_s].toObject();
            const QString type = resource.value(u"resourceType"_s).toString();
            if (type == u"Patient"_s || type == u"Practitioner"_s)
                continue;
            QJsonObject other = QJsonObject(entry.toObject());
            const QString text = QString::fromUtf8(QJsonDocument(other).toJson());
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
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("rule");
        QTest::newRow("not a bundle")
            << u"resourceType=Patient"_s << u"resourceType"_s << u"code"_s;
        QTest::newRow("batch") << u"type=batch"_s << u"type"_s << u"code"_s;
        QTest::newRow("no identifier") << u"-identifier"_s << u"identifier"_s << u"required"_s;
        QTest::newRow("bad uuid") << u"identifier.value=urn:uuid:nope"_s << u"identifier.value"_s
                                  << u"format"_s;
        QTest::newRow("bad version")
            << u"meta.versionId=two"_s << u"meta.versionId"_s << u"format"_s;
        QTest::newRow("entry not array") << u"entry=5"_s << u"entry"_s << u"type"_s;
        QTest::newRow("no entries") << u"-entry"_s << u"entry"_s << u"required"_s;
        QTest::newRow("no patient") << u"drop Patient"_s << u"entry"_s << u"required"_s;
        QTest::newRow("two specimens")
            << u"dup Specimen"_s << u"entry[9].fullUrl"_s << u"duplicate"_s;
        QTest::newRow("dangling requester")
            << u"drop Practitioner"_s << u"entry[.].resource.requester.reference"_s
            << u"reference"_s;
        QTest::newRow("requester is the patient")
            << u"requester=Patient"_s << u"entry[.+].resource.requester.reference"_s
            << u"reference"_s;
        QTest::newRow("gender") << u"Patient.gender=7"_s << u"entry[0].resource.gender"_s
                                << u"type"_s;
        QTest::newRow("gender code")
            << u"Patient.gender=woman"_s << u"entry[0].resource.gender"_s << u"code"_s;
        QTest::newRow("result code")
            << u"result.snomed=123"_s << u"entry[.+].resource.valueCodeableConcept"_s << u"code"_s;
        QTest::newRow("result status")
            << u"result.status=preliminary"_s << u"entry[.+].resource.status"_s << u"code"_s;
        QTest::newRow("pdf") << u"report.data=!!!"_s
                             << u"entry[.+].resource.presentedForm[0].data"_s << u"format"_s;
        QTest::newRow("idNat") << u"Practitioner.id=9123"_s
                               << u"entry[1].resource.identifier[0].value"_s << u"format"_s;
        QTest::newRow("method") << u"method=DELETE"_s << u"entry[0].request.method"_s << u"code"_s;
    }

    void malformed()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, field);
        QFETCH(QString, rule);
        QJsonObject bundle = bundleOf(FhirSamples::sample(1));
        QJsonArray entries = bundle.value(u"entry"_s).toArray();
        auto indexOf = [&entries](const QString& type) {
            for (qsizetype i = 0; i < entries.size(); ++i) {
                if (entries[i][u"resource"_s][u"resourceType"_s].toString() == type)
                    return i;
            }
            return qsizetype(-1);
        };
        auto editResource = [&](qsizetype i, const std::function<void(QJsonObject&)>& edit) {
            QJsonObject entry = entries[i].toObject();
            QJsonObject resource = entry[u"resource"_s].toObject();
            edit(resource);
            entry[u"resource"_s] = resource;
            entries[i] = entry;
        };
        const qsizetype result = [&] {
            for (qsizetype i = 0; i < entries.size(); ++i) {
                if (entries[i][u"resource"_s][u"category"_s][0][u"coding"_s][0][u"code"_s] ==
                    u"laboratory"_s)
                    return i;
            }
            return qsizetype(-1);
        }();

        if (mutation == u"resourceType=Patient"_s) {
            bundle[u"resourceType"_s] = u"Patient"_s;
        } else if (mutation == u"type=batch"_s) {
            bundle[u"type"_s] = u"batch"_s;
        } else if (mutation == u"-identifier"_s) {
            bundle.remove(u"identifier"_s);
        } else if (mutation == u"identifier.value=urn:uuid:nope"_s) {
            bundle[u"identifier"_s] = QJsonObject{{u"system"_s, u"urn:ietf:rfc:3986"_s},
                                                  {u"value"_s, u"urn:uuid:nope"_s}};
        } else if (mutation == u"meta.versionId=two"_s) {
            bundle[u"meta"_s] = QJsonObject{{u"versionId"_s, u"two"_s}};
        } else if (mutation == u"entry=5"_s) {
            bundle[u"entry"_s] = 5;
        } else if (mutation == u"-entry"_s) {
            bundle.remove(u"entry"_s);
        } else if (mutation == u"drop Patient"_s) {
            entries.removeAt(indexOf(u"Patient"_s));
        } else if (mutation == u"dup Specimen"_s) {
            QJsonObject copy = entries[indexOf(u"Specimen"_s)].toObject();
            copy[u"fullUrl"_s] = entries[0][u"fullUrl"_s];
            entries.insert(9, copy);
        } else if (mutation == u"drop Practitioner"_s) {
            entries.removeAt(indexOf(u"Practitioner"_s));
        } else if (mutation == u"requester=Patient"_s) {
            // A reference into the Bundle, to a resource of the wrong type.
            const QJsonValue patientUrl = entries[indexOf(u"Patient"_s)][u"fullUrl"_s];
            editResource(indexOf(u"ServiceRequest"_s), [&](QJsonObject& r) {
                r[u"requester"_s] = QJsonObject{{u"reference"_s, patientUrl}};
            });
        } else if (mutation == u"Patient.gender=7"_s) {
            editResource(0, [](QJsonObject& r) { r[u"gender"_s] = 7; });
        } else if (mutation == u"Patient.gender=woman"_s) {
            editResource(0, [](QJsonObject& r) { r[u"gender"_s] = u"woman"_s; });
        } else if (mutation == u"result.snomed=123"_s) {
            editResource(result, [](QJsonObject& r) {
                r[u"valueCodeableConcept"_s] = QJsonObject{
                    {u"coding"_s, QJsonArray{QJsonObject{{u"system"_s, u"http://snomed.info/sct"_s},
                                                         {u"code"_s, u"123"_s}}}}};
            });
        } else if (mutation == u"result.status=preliminary"_s) {
            editResource(result, [](QJsonObject& r) { r[u"status"_s] = u"preliminary"_s; });
        } else if (mutation == u"report.data=!!!"_s) {
            editResource(indexOf(u"DiagnosticReport"_s), [](QJsonObject& r) {
                r[u"presentedForm"_s] = QJsonArray{
                    QJsonObject{{u"contentType"_s, u"application/pdf"_s}, {u"data"_s, u"!!!"_s}}};
            });
        } else if (mutation == u"Practitioner.id=9123"_s) {
            editResource(1, [](QJsonObject& r) {
                r[u"identifier"_s] = QJsonArray{QJsonObject{
                    {u"system"_s, u"urn:oid:1.2.250.1.71.4.2.1"_s}, {u"value"_s, u"9123"_s}}};
            });
        } else if (mutation == u"method=DELETE"_s) {
            QJsonObject entry = entries[0].toObject();
            entry[u"request"_s] = QJsonObject{{u"method"_s, u"DELETE"_s}, {u"url"_s, u"Patient"_s}};
            entries[0] = entry;
        } else {
            QFAIL("unknown mutation");
        }
        if (bundle.value(u"entry"_s).isArray())
            bundle[u"entry"_s] = entries;

        SamplingRecord record;
        QList<Problem> problems;
        QVERIFY(!FhirBundle::parse(bundle, &record, nullptr, &problems));
        const QRegularExpression fieldPattern(
            u"^"_s +
            QRegularExpression::escape(field).replace(u"\\."_s, u"."_s).replace(u"\\+"_s, u"+"_s) +
            u"$"_s);
        QStringList seen;
        bool found = false;
        for (const Problem& problem : problems) {
            seen << problem.field + u" "_s + problem.rule;
            QVERIFY(!problem.message.isEmpty());
            found = found || (fieldPattern.match(problem.field).hasMatch() && problem.rule == rule);
        }
        QVERIFY2(found, qPrintable(seen.join(u"; "_s)));
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
