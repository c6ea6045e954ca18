#include "SamplingRecord.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(RecordStatus)
Q_DECLARE_METATYPE(SamplingRecord)
Q_DECLARE_METATYPE(SamplingRecord::Block)

// The record as annex1.md describes it at the JSON boundary: its keys, what fromJson
// reports, and the status life cycle.
class TestSamplingRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void statusNames_data();
    void statusNames();
    void unknownStatusNames_data();
    void unknownStatusNames();
    void transitions_data();
    void transitions();

    void jsonKeys();
    void jsonTypes();
    void roundTrip_data();
    void roundTrip();
    void roundTripWithoutReport();
    void emptyValuesLeftOut();

    void unknownKeys_data();
    void unknownKeys();
    void allUnknownKeysListed();
    void wrongValues_data();
    void wrongValues();

    void reportPdf_data();
    void reportPdf();

    void blockNames_data();
    void blockNames();
    void blockKeys_data();
    void blockKeys();
    void blocksMergeBack();
    void blocksOfEmptyRecord();

private:
    QTemporaryDir m_dir;
    QByteArray m_pdf;
};

namespace {

// Binary bytes included, a NUL among them, as real PDFs have.
const QByteArray SmallPdf = QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n") +
                            QByteArray(1, '\0') +
                            QByteArray("\xff"
                                       "trailer\n%%EOF\n");
constexpr qint64 MaxReportSize = 10 * 1024 * 1024;

// Every field set, each to a distinct value, both physicians complete.
SamplingRecord fullRecord()
{
    SamplingRecord r;
    r.id = QUuid::fromString(u"6f1c2b4e-8a3d-4c5e-9f70-1a2b3c4d5e6f"_s);
    r.status = RecordStatus::Resulted;
    r.version = 3;

    r.patient.birthName = u"Zorglubovitch"_s;
    r.patient.firstNames = u"Philomène Anne"_s;
    r.patient.sex = u"F"_s;
    r.patient.birthDate = u"1995-10-21"_s;
    r.patient.birthPlace = u"99126"_s;
    r.patient.ins = u"295109912600109"_s;
    r.patient.insOid = u"1.2.250.1.213.1.4.8"_s;
    r.patient.identityStatus = u"qualified"_s;
    r.patient.usualName = u"Martin-Dupont"_s;
    r.patient.openingRightsNir = u"165037505612366"_s;

    r.contact.address.lines = {u"Bâtiment B"_s, u"12 rue des Lilas"_s, u"Lieu-dit Les Prés"_s};
    r.contact.address.postalCode = u"75012"_s;
    r.contact.address.city = u"Paris"_s;
    r.contact.address.country = u"FR"_s;
    r.contact.email = u"philomene@example.org"_s;
    r.contact.emailOwner = u"relative"_s;
    r.contact.mobilePhone = u"+33612345678"_s;
    r.contact.mobilePhoneOwner = u"patient"_s;
    r.contact.landlinePhone = u"+33123456789"_s;

    r.residence = {u"ehpad"_s, u"prison"_s};
    r.healthProfessional = true;
    r.symptomOnset = u"recent"_s;
    r.symptoms = {u"fever"_s, u"cough"_s, u"anosmia_ageusia"_s};

    r.prescriber.rpps = u"10100710366"_s;
    r.prescriber.adeli = u"751234567"_s;
    r.prescriber.mssante = u"martin@medecin.mssante.fr"_s;
    r.prescriber.familyName = u"Martin"_s;
    r.prescriber.givenName = u"Paul"_s;
    r.prescriber.structure.name = u"Cabinet du Parc"_s;
    r.prescriber.structure.address = u"1 place du Parc, 75011 Paris"_s;
    r.prescriber.structure.phone = u"+33140000000"_s;

    r.treatingPhysician.rpps = u"10000000017"_s;
    r.treatingPhysician.adeli = u"2A1234567"_s;
    r.treatingPhysician.mssante = u"durand@medecin.mssante.fr"_s;
    r.treatingPhysician.familyName = u"Durand"_s;
    r.treatingPhysician.givenName = u"Claire"_s;
    r.treatingPhysician.structure.name = u"Maison de santé"_s;
    r.treatingPhysician.structure.address = u"3 rue Haute, 20000 Ajaccio"_s;
    r.treatingPhysician.structure.phone = u"+33495000000"_s;

    r.specimen.accession = u"CHU75-2020-000042"_s;
    r.specimen.collectedAt = u"2020-11-10T09:30:00+01:00"_s;
    r.specimen.finess = u"750712184"_s;
    r.specimen.finessKind = u"legal"_s;
    r.specimen.type = u"119342007"_s;

    r.result.analysis = u"94500-6"_s;
    r.result.value = u"P"_s;
    r.result.validatedAt = u"2020-11-10T18:00:00+01:00"_s;
    r.result.reportPdf = SmallPdf;
    r.result.nonConformity = u"tube reçu à température ambiante"_s;

    r.activation.code = u"ABCD-EFGH-1234"_s;
    r.activation.link = u"https://example.org/activate#ABCD"_s;
    return r;
}

// Field by field, so that a failure names the field.
void compareRecords(const SamplingRecord& actual, const SamplingRecord& expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(recordStatusName(actual.status), recordStatusName(expected.status));
    QCOMPARE(actual.version, expected.version);

    QCOMPARE(actual.patient.birthName, expected.patient.birthName);
    QCOMPARE(actual.patient.firstNames, expected.patient.firstNames);
    QCOMPARE(actual.patient.sex, expected.patient.sex);
    QCOMPARE(actual.patient.birthDate, expected.patient.birthDate);
    QCOMPARE(actual.patient.birthPlace, expected.patient.birthPlace);
    QCOMPARE(actual.patient.ins, expected.patient.ins);
    QCOMPARE(actual.patient.insOid, expected.patient.insOid);
    QCOMPARE(actual.patient.identityStatus, expected.patient.identityStatus);
    QCOMPARE(actual.patient.usualName, expected.patient.usualName);
    QCOMPARE(actual.patient.openingRightsNir, expected.patient.openingRightsNir);

    QCOMPARE(actual.contact.address.lines, expected.contact.address.lines);
    QCOMPARE(actual.contact.address.postalCode, expected.contact.address.postalCode);
    QCOMPARE(actual.contact.address.city, expected.contact.address.city);
    QCOMPARE(actual.contact.address.country, expected.contact.address.country);
    QCOMPARE(actual.contact.email, expected.contact.email);
    QCOMPARE(actual.contact.emailOwner, expected.contact.emailOwner);
    QCOMPARE(actual.contact.mobilePhone, expected.contact.mobilePhone);
    QCOMPARE(actual.contact.mobilePhoneOwner, expected.contact.mobilePhoneOwner);
    QCOMPARE(actual.contact.landlinePhone, expected.contact.landlinePhone);

    QCOMPARE(actual.residence, expected.residence);
    QCOMPARE(actual.healthProfessional.has_value(), expected.healthProfessional.has_value());
    if (expected.healthProfessional)
        QCOMPARE(*actual.healthProfessional, *expected.healthProfessional);
    QCOMPARE(actual.symptomOnset, expected.symptomOnset);
    QCOMPARE(actual.symptoms, expected.symptoms);

    for (const auto& [a, e] : {std::pair{&actual.prescriber, &expected.prescriber},
                               std::pair{&actual.treatingPhysician, &expected.treatingPhysician}}) {
        QCOMPARE(a->rpps, e->rpps);
        QCOMPARE(a->adeli, e->adeli);
        QCOMPARE(a->mssante, e->mssante);
        QCOMPARE(a->familyName, e->familyName);
        QCOMPARE(a->givenName, e->givenName);
        QCOMPARE(a->structure.name, e->structure.name);
        QCOMPARE(a->structure.address, e->structure.address);
        QCOMPARE(a->structure.phone, e->structure.phone);
    }

    QCOMPARE(actual.specimen.accession, expected.specimen.accession);
    QCOMPARE(actual.specimen.collectedAt, expected.specimen.collectedAt);
    QCOMPARE(actual.specimen.finess, expected.specimen.finess);
    QCOMPARE(actual.specimen.finessKind, expected.specimen.finessKind);
    QCOMPARE(actual.specimen.type, expected.specimen.type);

    QCOMPARE(actual.result.analysis, expected.result.analysis);
    QCOMPARE(actual.result.value, expected.result.value);
    QCOMPARE(actual.result.validatedAt, expected.result.validatedAt);
    QCOMPARE(actual.result.reportPdf, expected.result.reportPdf);
    QCOMPARE(actual.result.nonConformity, expected.result.nonConformity);

    QCOMPARE(actual.activation.code, expected.activation.code);
    QCOMPARE(actual.activation.link, expected.activation.link);
}

QString describe(const QList<Problem>& problems)
{
    QStringList lines;
    for (const Problem& p : problems)
        lines.append(p.field + u' ' + p.rule + u": "_s + p.message);
    return lines.join(u"; "_s);
}

// The dotted paths of every value that is not an object ("contact.address.lines").
QStringList leafPaths(const QJsonObject& object, const QString& prefix = {})
{
    QStringList paths;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (it.value().isObject())
            paths += leafPaths(it.value().toObject(), path);
        else
            paths.append(path);
    }
    paths.sort();
    return paths;
}

QJsonObject setPath(QJsonObject object, QStringView path, const QJsonValue& value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(path.toString());
        else
            object.insert(path.toString(), value);
        return object;
    }
    const QString key = path.left(dot).toString();
    object.insert(key, setPath(object.value(key).toObject(), path.mid(dot + 1), value));
    return object;
}

QJsonObject removePath(const QJsonObject& object, QStringView path)
{
    return setPath(object, path, QJsonValue(QJsonValue::Undefined));
}

SamplingRecord read(const QJsonObject& json, QList<Problem>* problems, const QString& baseDir = {})
{
    return SamplingRecord::fromJson(json, problems, baseDir);
}

} // namespace

void TestSamplingRecord::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(u"sub dir"_s));
    const auto write = [this](const QString& name, const QByteArray& data) {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    };
    QVERIFY(write(u"report.pdf"_s, SmallPdf));
    QVERIFY(write(u"sub dir/report 2.pdf"_s, SmallPdf + "second"));
    QByteArray exact = QByteArray("%PDF-1.7\n") + QByteArray(MaxReportSize - 9, 'x');
    QCOMPARE(qint64(exact.size()), MaxReportSize);
    QVERIFY(write(u"exact.pdf"_s, exact));
    QVERIFY(write(u"big.pdf"_s, exact + 'x'));
}

// --- Status ---------------------------------------------------------------------------

void TestSamplingRecord::statusNames_data()
{
    QTest::addColumn<RecordStatus>("status");
    QTest::addColumn<QString>("name");
    QTest::newRow("draft") << RecordStatus::Draft << u"draft"_s;
    QTest::newRow("sampled") << RecordStatus::Sampled << u"sampled"_s;
    QTest::newRow("resulted") << RecordStatus::Resulted << u"resulted"_s;
    QTest::newRow("purged") << RecordStatus::Purged << u"purged"_s;
}

void TestSamplingRecord::statusNames()
{
    QFETCH(RecordStatus, status);
    QFETCH(QString, name);
    QCOMPARE(recordStatusName(status), name);
    const auto parsed = recordStatusFromName(name);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, status);

    // And through JSON.
    SamplingRecord record;
    record.status = status;
    const QJsonObject json = record.toJson();
    QCOMPARE(json.value(u"status"_s).toString(), name);
    QList<Problem> problems;
    QCOMPARE(read(json, &problems).status, status);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestSamplingRecord::unknownStatusNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised") << u"Draft"_s;
    QTest::newRow("upper case") << u"SENT"_s;
    QTest::newRow("padded") << u" sampled"_s;
    QTest::newRow("other word") << u"deleted"_s;
    QTest::newRow("french") << u"envoyé"_s;
}

void TestSamplingRecord::unknownStatusNames()
{
    QFETCH(QString, name);
    QVERIFY(!recordStatusFromName(name).has_value());
}

void TestSamplingRecord::transitions_data()
{
    QTest::addColumn<RecordStatus>("from");
    QTest::addColumn<RecordStatus>("to");
    QTest::addColumn<bool>("allowed");

    const QList<RecordStatus> all = {RecordStatus::Draft, RecordStatus::Sampled,
                                     RecordStatus::Resulted, RecordStatus::Purged};
    // The life cycle, plus the corrections (a resulted record stays resulted, as a new
    // version). Nothing else: no skipping a step, no way back, nothing out of purged. What
    // the national server holds is the outbox's, not a status.
    const QList<std::pair<RecordStatus, RecordStatus>> allowed = {
        {RecordStatus::Draft, RecordStatus::Sampled},
        {RecordStatus::Sampled, RecordStatus::Resulted},
        {RecordStatus::Resulted, RecordStatus::Resulted},
        {RecordStatus::Resulted, RecordStatus::Purged},
    };
    for (RecordStatus from : all) {
        for (RecordStatus to : all) {
            const QString name = recordStatusName(from) + u" -> "_s + recordStatusName(to);
            QTest::newRow(qPrintable(name)) << from << to << allowed.contains({from, to});
        }
    }
}

void TestSamplingRecord::transitions()
{
    QFETCH(RecordStatus, from);
    QFETCH(RecordStatus, to);
    QFETCH(bool, allowed);
    QCOMPARE(isAllowedTransition(from, to), allowed);
}

// --- JSON out and back ----------------------------------------------------------------

void TestSamplingRecord::jsonKeys()
{
    // Exactly the keys of annex1.md, nested as it says, plus the store's id/status/version.
    QStringList expected = {
        u"id"_s,
        u"status"_s,
        u"version"_s,
        u"patient.birthName"_s,
        u"patient.firstNames"_s,
        u"patient.sex"_s,
        u"patient.birthDate"_s,
        u"patient.birthPlace"_s,
        u"patient.ins"_s,
        u"patient.insOid"_s,
        u"patient.identityStatus"_s,
        u"patient.usualName"_s,
        u"patient.openingRightsNir"_s,
        u"contact.address.lines"_s,
        u"contact.address.postalCode"_s,
        u"contact.address.city"_s,
        u"contact.address.country"_s,
        u"contact.email"_s,
        u"contact.emailOwner"_s,
        u"contact.mobilePhone"_s,
        u"contact.mobilePhoneOwner"_s,
        u"contact.landlinePhone"_s,
        u"residence"_s,
        u"healthProfessional"_s,
        u"symptomOnset"_s,
        u"symptoms"_s,
        u"specimen.accession"_s,
        u"specimen.collectedAt"_s,
        u"specimen.finess"_s,
        u"specimen.finessKind"_s,
        u"specimen.type"_s,
        u"result.analysis"_s,
        u"result.value"_s,
        u"result.validatedAt"_s,
        u"result.reportPdf"_s,
        u"result.nonConformity"_s,
        u"activation.code"_s,
        u"activation.link"_s,
    };
    for (const QString& physician : {u"prescriber"_s, u"treatingPhysician"_s}) {
        for (const QString& key :
             {u"rpps"_s, u"adeli"_s, u"mssante"_s, u"familyName"_s, u"givenName"_s,
              u"structure.name"_s, u"structure.address"_s, u"structure.phone"_s})
            expected.append(physician + u'.' + key);
    }
    expected.sort();
    QCOMPARE(leafPaths(fullRecord().toJson()), expected);
}

void TestSamplingRecord::jsonTypes()
{
    const SamplingRecord record = fullRecord();
    const QJsonObject json = record.toJson();
    QCOMPARE(json.value(u"id"_s).toString(), u"6f1c2b4e-8a3d-4c5e-9f70-1a2b3c4d5e6f"_s);
    QCOMPARE(json.value(u"status"_s).toString(), u"resulted"_s);
    QVERIFY(json.value(u"version"_s).isDouble());
    QCOMPARE(json.value(u"version"_s).toInt(), 3);
    QVERIFY(json.value(u"healthProfessional"_s).isBool());
    QCOMPARE(json.value(u"healthProfessional"_s).toBool(), true);
    QCOMPARE(json.value(u"residence"_s).toArray(),
             QJsonArray({QJsonValue(u"ehpad"_s), QJsonValue(u"prison"_s)}));
    QCOMPARE(json.value(u"symptoms"_s).toArray().size(), 3);
    const QJsonValue lines = json.value(u"contact"_s)[u"address"_s][u"lines"_s];
    QVERIFY(lines.isArray());
    QCOMPARE(lines.toArray().size(), 3);
    QCOMPARE(lines.toArray().at(1).toString(), u"12 rue des Lilas"_s);
    QCOMPARE(json.value(u"patient"_s)[u"firstNames"_s].toString(), u"Philomène Anne"_s);
    QCOMPARE(json.value(u"prescriber"_s)[u"structure"_s][u"phone"_s].toString(), u"+33140000000"_s);
    // The report as base64 of its exact bytes, binary included.
    const QString base64 = json.value(u"result"_s)[u"reportPdf"_s].toString();
    QCOMPARE(base64, QString::fromLatin1(SmallPdf.toBase64()));
    QCOMPARE(QByteArray::fromBase64(base64.toLatin1()), SmallPdf);
}

void TestSamplingRecord::roundTrip_data()
{
    QTest::addColumn<SamplingRecord>("record");

    QTest::newRow("full") << fullRecord();
    QTest::newRow("empty") << SamplingRecord();
    {
        SamplingRecord r;
        r.healthProfessional = false;
        r.patient.usualName = u"Dupont"_s;
        QTest::newRow("healthProfessional false") << r;
    }
    {
        SamplingRecord r = fullRecord();
        r.prescriber = {};
        r.treatingPhysician.rpps.clear();
        r.treatingPhysician.structure = {};
        QTest::newRow("one partial physician") << r;
    }
    {
        SamplingRecord r;
        r.treatingPhysician.structure.phone = u"+33495000000"_s;
        QTest::newRow("structure phone only") << r;
    }
    {
        SamplingRecord r = fullRecord();
        r.result = {};
        r.result.reportPdf = SmallPdf;
        r.activation = {};
        QTest::newRow("report only") << r;
    }
    {
        SamplingRecord r = fullRecord();
        r.result.reportPdf.clear();
        r.activation.link.clear();
        r.id = QUuid();
        r.status = RecordStatus::Draft;
        r.version = 1;
        QTest::newRow("no report, no id") << r;
    }
    {
        SamplingRecord r;
        r.contact.address.lines = {u"un"_s};
        r.contact.address.country = u"BE"_s;
        r.symptoms = {u"breathing"_s};
        r.status = RecordStatus::Purged;
        r.version = 12;
        QTest::newRow("sparse") << r;
    }
}

void TestSamplingRecord::roundTrip()
{
    QFETCH(SamplingRecord, record);
    const QJsonObject json = record.toJson();
    QList<Problem> problems;
    const SamplingRecord back = read(json, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    compareRecords(back, record);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(back.toJson(), json);

    // Through text too, as sidepctl writes and reads it.
    const QJsonObject reparsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    compareRecords(read(reparsed, &problems), record);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestSamplingRecord::roundTripWithoutReport()
{
    const SamplingRecord record = fullRecord();
    const QJsonObject json = record.toJson(false);
    QVERIFY(!json.value(u"result"_s).toObject().contains(u"reportPdf"_s));
    QList<Problem> problems;
    const SamplingRecord back = read(json, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    SamplingRecord expected = record;
    expected.result.reportPdf.clear();
    compareRecords(back, expected);

    // A result that is only its report leaves no "result" at all.
    SamplingRecord reportOnly;
    reportOnly.result.reportPdf = SmallPdf;
    QVERIFY(!reportOnly.toJson(false).contains(u"result"_s));
    QVERIFY(reportOnly.toJson(true).contains(u"result"_s));
}

void TestSamplingRecord::emptyValuesLeftOut()
{
    // A new record: only what the store always has.
    const QJsonObject empty = SamplingRecord().toJson();
    QCOMPARE(empty, QJsonObject({{u"status"_s, u"draft"_s}, {u"version"_s, 1}}));

    SamplingRecord record;
    record.patient.birthName = u"Zorglubovitch"_s;
    record.contact.address.city = u"Paris"_s;
    record.prescriber.structure.name = u"Cabinet"_s;
    record.healthProfessional = false;
    record.activation.code = u"CODE"_s;
    const QJsonObject json = record.toJson();
    QCOMPARE(leafPaths(json),
             QStringList({u"activation.code"_s, u"contact.address.city"_s, u"healthProfessional"_s,
                          u"patient.birthName"_s, u"prescriber.structure.name"_s, u"status"_s,
                          u"version"_s}));
    // false is a value, not an empty one.
    QCOMPARE(json.value(u"healthProfessional"_s), QJsonValue(false));

    // Empty lists and an empty physician are left out as well.
    record = fullRecord();
    record.residence.clear();
    record.symptoms.clear();
    record.contact.address.lines.clear();
    record.treatingPhysician = {};
    record.prescriber.structure = {};
    record.healthProfessional.reset();
    const QJsonObject partial = record.toJson();
    QVERIFY(!partial.contains(u"residence"_s));
    QVERIFY(!partial.contains(u"symptoms"_s));
    QVERIFY(!partial.contains(u"treatingPhysician"_s));
    QVERIFY(!partial.contains(u"healthProfessional"_s));
    QVERIFY(!partial.value(u"prescriber"_s).toObject().contains(u"structure"_s));
    QVERIFY(!partial.value(u"contact"_s)[u"address"_s].toObject().contains(u"lines"_s));
}

// --- What fromJson reports -------------------------------------------------------------

void TestSamplingRecord::unknownKeys_data()
{
    QTest::addColumn<QString>("path");

    for (const QString& path :
         {u"nickname"_s, u"patient.nickname"_s, u"contact.fax"_s, u"contact.address.floor"_s,
          u"prescriber.speciality"_s, u"prescriber.structure.fax"_s, u"treatingPhysician.title"_s,
          u"treatingPhysician.structure.fax"_s, u"specimen.volume"_s, u"result.comment"_s,
          u"activation.expiry"_s, u"Patient"_s, u"patient.BirthName"_s})
        QTest::newRow(qPrintable(path)) << path;
}

void TestSamplingRecord::unknownKeys()
{
    QFETCH(QString, path);
    const SamplingRecord record = fullRecord();
    const QJsonObject json = setPath(record.toJson(), path, u"surplus"_s);

    QList<Problem> problems;
    const SamplingRecord back = read(json, &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].field, path);
    QCOMPARE(problems[0].rule, u"unknown"_s);
    QCOMPARE(problems[0].severity, Problem::Severity::Error);
    QVERIFY(!problems[0].message.isEmpty());
    QVERIFY(!problems[0].message.contains(u"surplus"_s));
    // Everything else is still read.
    compareRecords(back, record);
}

void TestSamplingRecord::allUnknownKeysListed()
{
    QJsonObject json = fullRecord().toJson();
    const QStringList paths = {u"a"_s,
                               u"patient.b"_s,
                               u"contact.address.c"_s,
                               u"prescriber.structure.d"_s,
                               u"treatingPhysician.e"_s,
                               u"result.f"_s};
    for (const QString& path : paths)
        json = setPath(json, path, 1);
    json = setPath(json, u"patient.sex"_s, 1); // and a wrong type in the same pass

    QList<Problem> problems;
    read(json, &problems);
    QStringList found;
    for (const Problem& p : std::as_const(problems))
        found.append(p.field + u' ' + p.rule);
    found.sort();
    QStringList expected = {u"patient.sex type"_s};
    for (const QString& path : paths)
        expected.append(path + u" unknown"_s);
    expected.sort();
    QCOMPARE(found, expected);
}

void TestSamplingRecord::wrongValues_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("rule"); // empty: read as if absent, without a problem

    const auto row = [](const char* name, const QString& path, const QJsonValue& value,
                        const QString& rule) { QTest::newRow(name) << path << value << rule; };
    const QString type = u"type"_s;
    const QJsonValue object = QJsonObject{{u"a"_s, u"b"_s}};
    const QJsonValue list = QJsonArray{u"a"_s};

    // Strings
    row("patient.birthName number", u"patient.birthName"_s, 12, type);
    row("patient.sex bool", u"patient.sex"_s, true, type);
    row("patient.birthDate object", u"patient.birthDate"_s, object, type);
    row("patient.ins number", u"patient.ins"_s, 295109912600109.0, type);
    row("contact.email list", u"contact.email"_s, list, type);
    row("contact.address.postalCode number", u"contact.address.postalCode"_s, 75012, type);
    row("symptomOnset list", u"symptomOnset"_s, list, type);
    row("prescriber.rpps number", u"prescriber.rpps"_s, 10100710366.0, type);
    row("treatingPhysician.structure.phone number", u"treatingPhysician.structure.phone"_s,
        33495000000.0, type);
    row("specimen.accession number", u"specimen.accession"_s, 1234, type);
    row("result.value bool", u"result.value"_s, false, type);
    row("result.reportPdf number", u"result.reportPdf"_s, 25, type);
    row("activation.code object", u"activation.code"_s, object, type);
    row("id number", u"id"_s, 42, type);
    row("status number", u"status"_s, 1, type);

    // Lists of strings
    row("residence string", u"residence"_s, u"individual"_s, type);
    row("residence with a number", u"residence"_s, QJsonArray{u"individual"_s, 3}, type);
    row("symptoms string", u"symptoms"_s, u"fever"_s, type);
    row("symptoms with a bool", u"symptoms"_s, QJsonArray{true}, type);
    row("contact.address.lines string", u"contact.address.lines"_s, u"12 rue"_s, type);
    // Built by append: clang reads QJsonArray{QJsonArray{...}} as a copy, not a nesting.
    QJsonArray nested;
    nested.append(QJsonArray{u"12 rue"_s});
    row("contact.address.lines nested", u"contact.address.lines"_s, nested, type);
    row("contact.address.lines object", u"contact.address.lines"_s, object, type);

    // Booleans
    row("healthProfessional string", u"healthProfessional"_s, u"oui"_s, type);
    row("healthProfessional number", u"healthProfessional"_s, 0, type);
    row("healthProfessional list", u"healthProfessional"_s, QJsonArray{true}, type);

    // Objects
    row("patient string", u"patient"_s, u"Zorglubovitch"_s, type);
    row("patient list", u"patient"_s, list, type);
    row("contact number", u"contact"_s, 3, type);
    row("contact.address string", u"contact.address"_s, u"12 rue"_s, type);
    row("prescriber string", u"prescriber"_s, u"Dr Martin"_s, type);
    row("prescriber.structure list", u"prescriber.structure"_s, list, type);
    row("treatingPhysician bool", u"treatingPhysician"_s, true, type);
    row("specimen list", u"specimen"_s, list, type);
    row("result string", u"result"_s, u"P"_s, type);
    row("activation number", u"activation"_s, 1, type);

    // version: a whole number, 1 or more
    row("version string", u"version"_s, u"3"_s, type);
    row("version fraction", u"version"_s, 1.5, type);
    row("version bool", u"version"_s, true, type);
    row("version too large", u"version"_s, 3e9, type);
    row("version zero", u"version"_s, 0, u"version"_s);
    row("version negative", u"version"_s, -2, u"version"_s);

    // The right type, a value that cannot be
    row("id not a UUID", u"id"_s, u"record-42"_s, u"uuid"_s);
    row("status unknown", u"status"_s, u"lost"_s, u"status"_s);
    row("status capitalised", u"status"_s, u"Sent"_s, u"status"_s);

    // null is the same as absent
    row("patient.birthName null", u"patient.birthName"_s, QJsonValue(), QString());
    row("residence null", u"residence"_s, QJsonValue(), QString());
    row("healthProfessional null", u"healthProfessional"_s, QJsonValue(), QString());
    row("prescriber null", u"prescriber"_s, QJsonValue(), QString());
    row("version null", u"version"_s, QJsonValue(), QString());
}

void TestSamplingRecord::wrongValues()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, rule);

    const QJsonObject original = fullRecord().toJson();
    QList<Problem> problems;
    const SamplingRecord record = read(setPath(original, path, value), &problems);
    if (rule.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    } else {
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].field, path);
        QCOMPARE(problems[0].rule, rule);
        QCOMPARE(problems[0].severity, Problem::Severity::Error);
        QVERIFY(!problems[0].message.isEmpty());
        if (value.isString())
            QVERIFY2(!problems[0].message.contains(value.toString()),
                     qPrintable(problems[0].message));
    }

    // The wrong value is dropped and everything else is read, as if the key were absent.
    QList<Problem> none;
    const SamplingRecord expected = read(removePath(original, path), &none);
    QVERIFY2(none.isEmpty(), qPrintable(describe(none)));
    compareRecords(record, expected);
}

void TestSamplingRecord::reportPdf_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("useBaseDir");
    QTest::addColumn<QString>("expectedFile"); // whose content the report must be
    QTest::addColumn<QString>("rule");

    const QString none;
    QTest::newRow("base64 of a PDF")
        << QString::fromLatin1(SmallPdf.toBase64()) << false << u"report.pdf"_s << none;
    QTest::newRow("base64 of a PDF, with baseDir")
        << QString::fromLatin1(SmallPdf.toBase64()) << true << u"report.pdf"_s << none;
    QTest::newRow("path relative to baseDir") << u"report.pdf"_s << true << u"report.pdf"_s << none;
    QTest::newRow("path in a sub-folder")
        << u"sub dir/report 2.pdf"_s << true << u"sub dir/report 2.pdf"_s << none;
    QTest::newRow("absolute path")
        << m_dir.filePath(u"report.pdf"_s) << false << u"report.pdf"_s << none;
    QTest::newRow("exactly 10 MiB") << u"exact.pdf"_s << true << u"exact.pdf"_s << none;
    QTest::newRow("empty") << QString() << true << none << none;

    QTest::newRow("missing file") << u"missing.pdf"_s << true << none << u"report.file"_s;
    QTest::newRow("relative path without its baseDir")
        << u"sub dir/report 2.pdf"_s << false << none << u"report.file"_s;
    QTest::newRow("base64 of something else")
        << QString::fromLatin1(QByteArray("<html>not a pdf</html>").toBase64()) << true << none
        << u"report.file"_s;
    QTest::newRow("neither base64 nor a file")
        << u"%%not base64%%"_s << true << none << u"report.file"_s;
    QTest::newRow("a folder") << u"sub dir"_s << true << none << u"report.file"_s;
    QTest::newRow("file over 10 MiB") << u"big.pdf"_s << true << none << u"report.size"_s;
    // A device claims a size of 0 and never ends: reading it whole took 2 GiB and aborted.
    QTest::newRow("endless device") << u"/dev/zero"_s << false << none << u"report.size"_s;
}

void TestSamplingRecord::reportPdf()
{
    QFETCH(QString, value);
    QFETCH(bool, useBaseDir);
    QFETCH(QString, expectedFile);
    QFETCH(QString, rule);

    QJsonObject json = fullRecord().toJson();
    json = setPath(json, u"result.reportPdf"_s, value);
    QList<Problem> problems;
    const SamplingRecord record = read(json, &problems, useBaseDir ? m_dir.path() : QString());

    if (rule.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    } else {
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0].field, u"result.reportPdf"_s);
        QCOMPARE(problems[0].rule, rule);
        QCOMPARE(problems[0].severity, Problem::Severity::Error);
        QVERIFY(!problems[0].message.isEmpty());
        QVERIFY(!problems[0].message.contains(value));
    }
    QByteArray expected;
    if (!expectedFile.isEmpty()) {
        QFile file(m_dir.filePath(expectedFile));
        QVERIFY(file.open(QIODevice::ReadOnly));
        expected = file.readAll();
    }
    QCOMPARE(record.result.reportPdf.size(), expected.size());
    QVERIFY(record.result.reportPdf == expected);
    // The rest of the result is read whatever happened to the report.
    QCOMPARE(record.result.value, u"P"_s);
}

// --- Blocks ---------------------------------------------------------------------------

void TestSamplingRecord::blockNames_data()
{
    QTest::addColumn<SamplingRecord::Block>("block");
    QTest::addColumn<QString>("name");
    QTest::newRow("patient") << SamplingRecord::Block::Patient << u"patient"_s;
    QTest::newRow("contact") << SamplingRecord::Block::Contact << u"contact"_s;
    QTest::newRow("clinical") << SamplingRecord::Block::Clinical << u"clinical"_s;
    QTest::newRow("physicians") << SamplingRecord::Block::Physicians << u"physicians"_s;
    QTest::newRow("specimen") << SamplingRecord::Block::Specimen << u"specimen"_s;
    QTest::newRow("result") << SamplingRecord::Block::Result << u"result"_s;
}

void TestSamplingRecord::blockNames()
{
    QFETCH(SamplingRecord::Block, block);
    QFETCH(QString, name);
    QCOMPARE(SamplingRecord::blockName(block), name);
    QVERIFY(std::find(std::begin(SamplingRecord::AllBlocks), std::end(SamplingRecord::AllBlocks),
                      block) != std::end(SamplingRecord::AllBlocks));
}

void TestSamplingRecord::blockKeys_data()
{
    QTest::addColumn<SamplingRecord::Block>("block");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("patient") << SamplingRecord::Block::Patient << QStringList{u"patient"_s};
    QTest::newRow("contact") << SamplingRecord::Block::Contact << QStringList{u"contact"_s};
    QTest::newRow("clinical") << SamplingRecord::Block::Clinical
                              << QStringList{u"healthProfessional"_s, u"residence"_s,
                                             u"symptomOnset"_s, u"symptoms"_s};
    QTest::newRow("physicians") << SamplingRecord::Block::Physicians
                                << QStringList{u"prescriber"_s, u"treatingPhysician"_s};
    QTest::newRow("specimen") << SamplingRecord::Block::Specimen << QStringList{u"specimen"_s};
    QTest::newRow("result") << SamplingRecord::Block::Result
                            << QStringList{u"activation"_s, u"result"_s};
}

void TestSamplingRecord::blockKeys()
{
    QFETCH(SamplingRecord::Block, block);
    QFETCH(QStringList, keys);
    const SamplingRecord record = fullRecord();
    const QJsonObject fragment = record.blockJson(block);
    QCOMPARE(fragment.keys(), keys);
    // Each fragment is exactly the matching part of toJson(), the report aside.
    const QJsonObject whole = record.toJson(false);
    for (const QString& key : std::as_const(keys))
        QCOMPARE(fragment.value(key), whole.value(key));
    if (block == SamplingRecord::Block::Result)
        QVERIFY(!fragment.value(u"result"_s).toObject().contains(u"reportPdf"_s));
}

void TestSamplingRecord::blocksMergeBack()
{
    const SamplingRecord record = fullRecord();
    QJsonObject merged;
    for (SamplingRecord::Block block : SamplingRecord::AllBlocks) {
        const QJsonObject fragment = record.blockJson(block);
        for (auto it = fragment.constBegin(); it != fragment.constEnd(); ++it) {
            QVERIFY2(!merged.contains(it.key()), qPrintable(it.key())); // blocks are disjoint
            merged.insert(it.key(), it.value());
        }
    }
    QJsonObject expectedJson = record.toJson(false);
    expectedJson.remove(u"id"_s);
    expectedJson.remove(u"status"_s);
    expectedJson.remove(u"version"_s);
    QCOMPARE(merged, expectedJson);

    QList<Problem> problems;
    const SamplingRecord back = read(merged, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    SamplingRecord expected = record;
    expected.id = QUuid();
    expected.status = RecordStatus::Draft;
    expected.version = 1;
    expected.result.reportPdf.clear();
    compareRecords(back, expected);
}

void TestSamplingRecord::blocksOfEmptyRecord()
{
    const SamplingRecord record;
    for (SamplingRecord::Block block : SamplingRecord::AllBlocks)
        QVERIFY2(record.blockJson(block).isEmpty(), qPrintable(SamplingRecord::blockName(block)));
}

QTEST_GUILESS_MAIN(TestSamplingRecord)
#include "TestSamplingRecord.moc"
