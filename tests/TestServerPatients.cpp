// A person tested more than once, as the national side keeps them (docs/fhir-mapping.md
// section 5): against the real sidep-server over loopback mutual TLS, each qualified
// identity keeps the Patient of its newest sampling whatever order the Bundles arrive in,
// read back with `sidep-server patient show`. Each test case is a person of its own.

#include "FhirBundle.h"
#include "ServerProbes.h"
#include "ServerProcess.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using TestSupport::SiteFiness;

namespace {

const QString InsSystem = u"urn:oid:1.2.250.1.213.1.4.8"_s;

// The sampling time `daysAgo` days before now, as a workstation in summer time writes it.
QString daysAgo(int days)
{
    static const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(-3600);
    return now.addDays(-days).toOffsetFromUtc(7200).toString(Qt::ISODate);
}

// A record of person `person` (validRecord's traits and INS), its own id from `name`,
// sampled at `collectedAt`, reachable at `phone`.
SamplingRecord sampling(int person, const QString& name, const QString& collectedAt,
                        const QString& phone, bool qualified = true)
{
    SamplingRecord record = TestSupport::validRecord(person);
    record.id = QUuid::createUuidV5(QUuid(), u"server-patients-"_s + name);
    record.specimen.accession = u"PAT-"_s + name;
    record.specimen.collectedAt = collectedAt;
    record.contact.mobilePhone = phone;
    if (qualified)
        record.patient.identityStatus = u"qualified"_s;
    return record;
}

SamplingRecord nextVersion(SamplingRecord record, const QString& phone)
{
    ++record.version;
    record.contact.mobilePhone = phone;
    return record;
}

QJsonObject patientOf(const QJsonObject& bundle)
{
    for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray()) {
        const QJsonObject resource = entry[u"resource"_s].toObject();
        if (resource.value(u"resourceType"_s).toString() == u"Patient"_s)
            return resource;
    }
    return {};
}

// The Patient's mobile number as its Bundle carries it.
QString mobileOf(const QJsonObject& patient)
{
    for (const QJsonValue& point : patient.value(u"telecom"_s).toArray()) {
        if (point[u"use"_s].toString() == u"mobile"_s)
            return point[u"value"_s].toString();
    }
    return {};
}

} // namespace

class TestServerPatients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void newerSamplingReplacesTheDetails();
    void olderSamplingArrivingLaterIsStoredButKeepsTheNewer();
    void lateCorrectionOfAnOldRecordKeepsTheNewer();
    void correctionOfTheNewestRecordReplaces();
    void sameSamplingTimeGoesToTheLaterArrival();
    void notQualifiedIsOnePatientPerRecord();
    void logsNameNoPatientData();

private:
    // POSTs the record's Bundle; the answer's status (201 stored, 200 already had).
    int send(const SamplingRecord& record);
    // `sidep-server patient show`: the kept Patient and its source, empty when none.
    QJsonObject show(const QString& identifier);
    QJsonObject showIns(const SamplingRecord& record)
    {
        return show(InsSystem + u'|' + record.patient.ins);
    }
    // The mobile number the record's Bundle gives its Patient.
    static QString mobile(const SamplingRecord& record)
    {
        return mobileOf(patientOf(FhirBundle::fromRecord(record, SiteFiness)));
    }
    static QString recordUrn(const SamplingRecord& record)
    {
        return u"urn:uuid:"_s + record.id.toString(QUuid::WithoutBraces);
    }

    ServerProcess m_server;
    QStringList m_patientData; // phones and INS sent, which the log must never show
};

void TestServerPatients::initTestCase()
{
    QVERIFY(m_server.makePki({u"--test-certs"_s, u"--site"_s, SiteFiness}));
    m_server.setCaptureLog(true);
    QVERIFY(m_server.start());
}

int TestServerPatients::send(const SamplingRecord& record)
{
    m_patientData << record.contact.mobilePhone << record.patient.ins;
    const QByteArray body =
        QJsonDocument(FhirBundle::fromRecord(record, SiteFiness)).toJson(QJsonDocument::Compact);
    const ServerProbes probes(m_server.pki({}).chopped(1), m_server.port());
    const ServerProbes::Answer answer =
        probes.send(u"site-750712184"_s, ServerProbes::post("/fhir", body));
    if (answer.status != 201 && answer.status != 200)
        qWarning("POST /fhir: %d %s", answer.status, answer.body.constData());
    return answer.status;
}

QJsonObject TestServerPatients::show(const QString& identifier)
{
    const QString out =
        m_server.run({u"patient"_s, u"show"_s, identifier, u"--database"_s, m_server.database()});
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

void TestServerPatients::newerSamplingReplacesTheDetails()
{
    const SamplingRecord march = sampling(301, u"march-1"_s, daysAgo(270), u"0611000001"_s);
    const SamplingRecord june = sampling(301, u"june-1"_s, daysAgo(180), u"0611000002"_s);
    QVERIFY(mobile(march) != mobile(june));

    QCOMPARE(send(march), 201);
    QCOMPARE(mobileOf(showIns(march)[u"patient"_s].toObject()), mobile(march));
    QCOMPARE(send(june), 201);
    const QJsonObject kept = showIns(june);
    QCOMPARE(mobileOf(kept[u"patient"_s].toObject()), mobile(june));
    QCOMPARE(kept[u"patient"_s].toObject(), patientOf(FhirBundle::fromRecord(june, SiteFiness)));
    // Where it came from, for the operator.
    QCOMPARE(kept[u"identifier"_s].toString(), InsSystem + u'|' + june.patient.ins);
    QCOMPARE(kept[u"record"_s].toString(), recordUrn(june));
    QCOMPARE(kept[u"version"_s].toInt(), 1);
    QCOMPARE(kept[u"site"_s].toString(), SiteFiness);
    QCOMPARE(kept[u"sampledAt"_s].toString(),
             QDateTime::fromString(june.specimen.collectedAt, Qt::ISODate)
                 .toUTC()
                 .toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s));
}

void TestServerPatients::olderSamplingArrivingLaterIsStoredButKeepsTheNewer()
{
    // An offline station's March queue, sent after another site's June.
    const SamplingRecord march = sampling(302, u"march-2"_s, daysAgo(270), u"0611000003"_s);
    const SamplingRecord june = sampling(302, u"june-2"_s, daysAgo(180), u"0611000004"_s);
    QCOMPARE(send(june), 201);
    QCOMPARE(send(march), 201); // the record version is still stored
    const QJsonObject kept = showIns(march);
    QCOMPARE(mobileOf(kept[u"patient"_s].toObject()), mobile(june));
    QCOMPARE(kept[u"record"_s].toString(), recordUrn(june));
}

void TestServerPatients::lateCorrectionOfAnOldRecordKeepsTheNewer()
{
    const SamplingRecord march = sampling(303, u"march-3"_s, daysAgo(270), u"0611000005"_s);
    const SamplingRecord june = sampling(303, u"june-3"_s, daysAgo(180), u"0611000006"_s);
    QCOMPARE(send(march), 201);
    QCOMPARE(send(june), 201);
    // A correction of March made after June: a later version of the March record, which
    // still holds (or even fixes) the March details.
    const SamplingRecord marchCorrected = nextVersion(march, u"0611000007"_s);
    QCOMPARE(send(marchCorrected), 201);
    const QJsonObject kept = showIns(june);
    QCOMPARE(mobileOf(kept[u"patient"_s].toObject()), mobile(june));
    QCOMPARE(kept[u"record"_s].toString(), recordUrn(june));
    QCOMPARE(kept[u"version"_s].toInt(), 1);
}

void TestServerPatients::correctionOfTheNewestRecordReplaces()
{
    const SamplingRecord march = sampling(304, u"march-4"_s, daysAgo(270), u"0611000008"_s);
    const SamplingRecord june = sampling(304, u"june-4"_s, daysAgo(180), u"0611000009"_s);
    QCOMPARE(send(march), 201);
    QCOMPARE(send(june), 201);
    // The same sampling time: a later version of the kept record wins the tie.
    const SamplingRecord juneCorrected = nextVersion(june, u"0611000010"_s);
    QCOMPARE(send(juneCorrected), 201);
    const QJsonObject kept = showIns(june);
    QCOMPARE(mobileOf(kept[u"patient"_s].toObject()), mobile(juneCorrected));
    QCOMPARE(kept[u"record"_s].toString(), recordUrn(june));
    QCOMPARE(kept[u"version"_s].toInt(), 2);
    // A replay of the first June version changes nothing.
    QCOMPARE(send(june), 200);
    QCOMPARE(showIns(june)[u"version"_s].toInt(), 2);
}

void TestServerPatients::sameSamplingTimeGoesToTheLaterArrival()
{
    // Two records of one sampling time (two tubes, two sites' typing): the later arrival.
    const QString at = daysAgo(100);
    const SamplingRecord first = sampling(305, u"tie-a"_s, at, u"0611000011"_s);
    const SamplingRecord second = sampling(305, u"tie-b"_s, at, u"0611000012"_s);
    QCOMPARE(send(first), 201);
    QCOMPARE(send(second), 201);
    QJsonObject kept = showIns(first);
    QCOMPARE(mobileOf(kept[u"patient"_s].toObject()), mobile(second));
    QCOMPARE(kept[u"record"_s].toString(), recordUrn(second));
    // Later versions of both, the other way round: the order of arrival decides, not the
    // record (the second's version first, then the first's).
    const SamplingRecord secondAgain = nextVersion(second, u"0611000013"_s);
    const SamplingRecord firstAgain = nextVersion(first, u"0611000014"_s);
    QCOMPARE(send(secondAgain), 201);
    QCOMPARE(mobileOf(showIns(first)[u"patient"_s].toObject()), mobile(secondAgain));
    QCOMPARE(send(firstAgain), 201);
    kept = showIns(first);
    QCOMPARE(mobileOf(kept[u"patient"_s].toObject()), mobile(firstAgain));
    QCOMPARE(kept[u"record"_s].toString(), recordUrn(first));
    QCOMPARE(kept[u"version"_s].toInt(), 2);
}

void TestServerPatients::notQualifiedIsOnePatientPerRecord()
{
    // The same traits without a qualified identity: nothing matches the two records.
    const SamplingRecord march = sampling(307, u"march-7"_s, daysAgo(270), u"0611000015"_s, false);
    const SamplingRecord june = sampling(307, u"june-7"_s, daysAgo(180), u"0611000016"_s, false);
    QCOMPARE(send(june), 201);
    QCOMPARE(send(march), 201);
    auto identifierOf = [](const SamplingRecord& record) -> QString {
        const QJsonObject patient = patientOf(FhirBundle::fromRecord(record, SiteFiness));
        for (const QJsonValue& id : patient[u"identifier"_s].toArray()) {
            if (id[u"system"_s].toString() == u"urn:ietf:rfc:3986"_s)
                return u"urn:ietf:rfc:3986|"_s + id[u"value"_s].toString();
        }
        return QString();
    };
    QVERIFY(!identifierOf(march).isEmpty());
    QVERIFY(identifierOf(march) != identifierOf(june));
    // No INS travels, so none is kept.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no Patient is kept under"_s));
    QVERIFY(showIns(march).isEmpty());
    // Each record its own Patient, with its own details, the older sampling included.
    QJsonObject kept = show(identifierOf(march));
    QCOMPARE(mobileOf(kept[u"patient"_s].toObject()), mobile(march));
    QCOMPARE(kept[u"record"_s].toString(), recordUrn(march));
    kept = show(identifierOf(june));
    QCOMPARE(mobileOf(kept[u"patient"_s].toObject()), mobile(june));
    // The record's later version updates its Patient, even one whose sampling time was
    // corrected to an earlier one.
    SamplingRecord juneAmended = nextVersion(june, u"0611000017"_s);
    juneAmended.specimen.collectedAt = daysAgo(181);
    QCOMPARE(send(juneAmended), 201);
    kept = show(identifierOf(june));
    QCOMPARE(mobileOf(kept[u"patient"_s].toObject()), mobile(juneAmended));
    QCOMPARE(kept[u"version"_s].toInt(), 2);
}

void TestServerPatients::logsNameNoPatientData()
{
    const QString log = m_server.log();
    QVERIFY(log.contains(u"gives its Patient's details"_s));
    QVERIFY(log.contains(u"a newer sampling's Patient kept"_s));
    QVERIFY(!m_patientData.isEmpty());
    for (const QString& data : std::as_const(m_patientData)) {
        // Phones as sent and as the Bundle carries them (E.164).
        QVERIFY2(!log.contains(data), qPrintable(data));
        QVERIFY2(!log.contains(data.mid(1)), qPrintable(data));
    }
}

QTEST_GUILESS_MAIN(TestServerPatients)
#include "TestServerPatients.moc"
