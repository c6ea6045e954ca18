// The real sidep-server over loopback mutual TLS: a throw-away PKI from scripts/demo-pki,
// a temporary SQLite database, and a client built on QNetworkAccessManager.

#include "FhirBundle.h"
#include "Gzip.h"
#include "JsonText.h"
#include "ServerProcess.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using TestSupport::SiteFiness;

namespace {

const QString OtherSite = u"751012345"_s;

// validRecord(index) with an id of its own (the fixture leaves it null), the same each time.
SamplingRecord record(int index)
{
    SamplingRecord out = TestSupport::validRecord(index);
    out.id = QUuid::createUuidV5(QUuid(), u"reference-server-%1"_s.arg(index));
    return out;
}

// The Bundle with its Patient resource edited; *index is the Patient's entry (-1: none).
QJsonObject withPatientEdited(QJsonObject bundle, const std::function<void(QJsonObject&)>& edit,
                              qsizetype* index)
{
    QJsonArray entries = bundle[u"entry"_s].toArray();
    *index = -1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i][u"resource"_s][u"resourceType"_s] == u"Patient"_s)
            *index = i;
    }
    if (*index < 0)
        return bundle;
    QJsonObject entry = entries[*index].toObject();
    QJsonObject resource = entry[u"resource"_s].toObject();
    edit(resource);
    entry[u"resource"_s] = resource;
    entries[*index] = entry;
    bundle[u"entry"_s] = entries;
    return bundle;
}

struct Answer
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QJsonObject json;
};

} // namespace

class TestReferenceServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void healthAndTime();
    void acceptedThenAlreadyHad();
    void correctionIsANewVersion();
    void brokenBundleIsRejectedWithItsPath();
    void placeholderAddressIsRejectedWithItsPath();
    void bundleFromAnotherSiteIsRejected();
    void batchAnswersPerRecord();
    void notJsonIsABadRequest();
    void oversizedRequestsAreRefused();
    void noClientCertificateIsRefused();
    void certificateFromAnotherCaIsRefused();
    void connectionCloseIsHonoured_data();
    void connectionCloseIsHonoured();
    void statsAndExport();
    void anotherContentUnderAStoredVersionIsAConflict();
    void versionsOfOneRecordInOneBatchAreStoredInOrder();
    void compressedBatchIsStoredAsThePlainOne();
    void badOrUnknownEncodingsAreRefused();
    void batchesBeingCheckedHoldNoOtherRequest();
    void answersGoGzipWhenTheClientTakesIt();
    void storedTextIsTheCompactBundleWhateverTheRequestsForm();

private:
    QString pki(const QString& name) const { return m_server.pki(name); }
    // A client's TLS: the site certificate `clientName` (none when empty), trusting ca.pem
    // only.
    QSslConfiguration clientTls(const QString& clientName);
    // A request as that client; GET when body is null, else POST (with that
    // Content-Encoding when not empty: the body is sent as given).
    Answer send(const QString& path, const QByteArray* body, const QString& clientName,
                const QByteArray& contentEncoding = {});
    Answer post(const QJsonObject& body, const QString& clientName = u"site-750712184"_s)
    {
        const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return send(u"/fhir"_s, &bytes, clientName);
    }

    ServerProcess m_server;
};

void TestReferenceServer::initTestCase()
{
    QVERIFY(m_server.makePki({u"--test-certs"_s, u"--site"_s, SiteFiness, u"--site"_s, OtherSite}));
    m_server.setCaptureLog(true);
    QVERIFY(m_server.start());
}

QSslConfiguration TestReferenceServer::clientTls(const QString& clientName)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCaCertificates(QSslCertificate::fromPath(pki(u"ca.pem"_s)));
    if (!clientName.isEmpty()) {
        const QList<QSslCertificate> certificate =
            QSslCertificate::fromPath(pki(clientName + u".pem"_s));
        QFile keyFile(pki(clientName + u".key"_s));
        if (certificate.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
            qWarning("cannot read the client certificate");
            return tls;
        }
        tls.setLocalCertificate(certificate.first());
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    }
    return tls;
}

Answer TestReferenceServer::send(const QString& path, const QByteArray* body,
                                 const QString& clientName, const QByteArray& contentEncoding)
{
    Answer answer;
    const QSslConfiguration tls = clientTls(clientName);
    // A fresh manager each time: no TLS session or connection reused across identities.
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_server.port()).arg(path)));
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(10000);
    std::unique_ptr<QNetworkReply> reply;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/fhir+json"_s);
        if (!contentEncoding.isEmpty())
            request.setRawHeader("Content-Encoding", contentEncoding);
        reply.reset(manager.post(request, *body));
    } else {
        reply.reset(manager.get(request));
    }
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(15000))
        qWarning("no answer in 15 s");
    answer.error = reply->error();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.json = QJsonDocument::fromJson(reply->readAll()).object();
    return answer;
}

void TestReferenceServer::healthAndTime()
{
    const Answer health = send(u"/health"_s, nullptr, u"site-750712184"_s);
    QCOMPARE(health.error, QNetworkReply::NoError);
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value(u"status"_s).toString(), u"ok"_s);

    const Answer time = send(u"/time"_s, nullptr, u"site-750712184"_s);
    QCOMPARE(time.status, 200);
    const QDateTime serverTime =
        QDateTime::fromString(time.json.value(u"time"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(serverTime.isValid());
    QCOMPARE(serverTime.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(serverTime.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    const Answer missing = send(u"/nothing"_s, nullptr, u"site-750712184"_s);
    QCOMPARE(missing.status, 404);
}

void TestReferenceServer::acceptedThenAlreadyHad()
{
    const QJsonObject bundle = FhirBundle::fromRecord(record(1), SiteFiness);
    const Answer first = post(bundle);
    QVERIFY2(first.error == QNetworkReply::NoError, QJsonDocument(first.json).toJson().constData());
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json.value(u"outcome"_s).toString(), u"accepted"_s);
    QCOMPARE(first.json.value(u"version"_s).toInt(), 1);
    // The answer names the record (the Bundle's own identifier names the version).
    QCOMPARE(first.json.value(u"bundleId"_s).toString(),
             u"urn:uuid:"_s + record(1).id.toString(QUuid::WithoutBraces));

    const Answer again = post(bundle);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value(u"outcome"_s).toString(), u"already had"_s);

    QCOMPARE(post(FhirBundle::fromRecord(record(2), SiteFiness)).status, 201);
}

void TestReferenceServer::correctionIsANewVersion()
{
    SamplingRecord corrected = record(1);
    corrected.version = 2;
    const Answer answer = post(FhirBundle::fromRecord(corrected, SiteFiness));
    QCOMPARE(answer.status, 201);
    QCOMPARE(answer.json.value(u"outcome"_s).toString(), u"accepted"_s);
    QCOMPARE(answer.json.value(u"version"_s).toInt(), 2);
}

void TestReferenceServer::brokenBundleIsRejectedWithItsPath()
{
    qsizetype patient = -1;
    const QJsonObject bundle = withPatientEdited(
        FhirBundle::fromRecord(record(5), SiteFiness),
        [](QJsonObject& resource) { resource[u"gender"_s] = 7; }, &patient);
    QVERIFY(patient >= 0);

    const Answer answer = post(bundle);
    QCOMPARE(answer.status, 422);
    QCOMPARE(answer.json.value(u"outcome"_s).toString(), u"rejected"_s);
    const QJsonObject outcome = answer.json.value(u"operationOutcome"_s).toObject();
    QCOMPARE(outcome.value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
    const QJsonArray issues = outcome.value(u"issue"_s).toArray();
    QVERIFY(!issues.isEmpty());
    const QString path = u"entry[%1].resource.gender"_s.arg(patient);
    bool named = false;
    for (const QJsonValue& issue : issues) {
        QCOMPARE(issue[u"severity"_s].toString(), u"error"_s);
        if (issue[u"expression"_s][0].toString() == path) {
            named = true;
            QVERIFY(issue[u"diagnostics"_s].toString().startsWith(path));
        }
    }
    QVERIFY2(named, QJsonDocument(outcome).toJson().constData());
}

// The server reads with the Bundle's text at hand, which lets it skip the walk for
// placeholder addresses when the text shows none: a placeholder only the walk decodes
// (percent-encoded, in a profile) is still refused, at its path.
void TestReferenceServer::placeholderAddressIsRejectedWithItsPath()
{
    qsizetype patient = -1;
    qsizetype added = -1;
    const QJsonObject bundle = withPatientEdited(
        FhirBundle::fromRecord(record(40), SiteFiness),
        [&added](QJsonObject& resource) {
            QJsonObject meta = resource[u"meta"_s].toObject();
            QJsonArray profiles = meta[u"profile"_s].toArray();
            profiles.append(u"http://%65xample.org/fhir/StructureDefinition/sidep-patient"_s);
            added = profiles.size() - 1;
            meta[u"profile"_s] = profiles;
            resource[u"meta"_s] = meta;
        },
        &patient);
    QVERIFY(patient >= 0);

    const Answer answer = post(bundle);
    QCOMPARE(answer.status, 422);
    const QString path = u"entry[%1].resource.meta.profile[%2]"_s.arg(patient).arg(added);
    bool named = false;
    for (const QJsonValue& issue : answer.json[u"operationOutcome"_s][u"issue"_s].toArray()) {
        if (issue[u"expression"_s][0].toString() == path)
            named = issue[u"diagnostics"_s].toString().contains(u"placeholder"_s);
    }
    QVERIFY2(named, QJsonDocument(answer.json).toJson().constData());
}

void TestReferenceServer::bundleFromAnotherSiteIsRejected()
{
    const QJsonObject bundle = FhirBundle::fromRecord(record(6), OtherSite);
    const Answer answer = post(bundle);
    QCOMPARE(answer.status, 422);
    QCOMPARE(answer.json.value(u"outcome"_s).toString(), u"rejected"_s);
    QVERIFY(QJsonDocument(answer.json).toJson().contains("bundle from another site"));

    // The same Bundle from its own site is welcome.
    QCOMPARE(post(bundle, u"site-"_s + OtherSite).status, 201);
}

void TestReferenceServer::batchAnswersPerRecord()
{
    QJsonObject broken = FhirBundle::fromRecord(record(8), SiteFiness);
    broken.remove(u"identifier"_s);
    const QJsonObject batch{{u"bundles"_s, QJsonArray{FhirBundle::fromRecord(record(7), SiteFiness),
                                                      FhirBundle::fromRecord(record(2), SiteFiness),
                                                      broken, u"not a bundle"_s}}};
    const Answer answer = post(batch);
    QCOMPARE(answer.status, 200);
    const QJsonArray results = answer.json.value(u"results"_s).toArray();
    QCOMPARE(results.size(), 4);
    QCOMPARE(results[0][u"outcome"_s].toString(), u"accepted"_s);
    QCOMPARE(results[0][u"status"_s].toInt(), 201);
    QCOMPARE(results[1][u"outcome"_s].toString(), u"already had"_s);
    QCOMPARE(results[2][u"outcome"_s].toString(), u"rejected"_s);
    QCOMPARE(results[2][u"operationOutcome"_s][u"issue"_s][0][u"expression"_s][0].toString(),
             u"identifier"_s);
    QCOMPARE(results[3][u"outcome"_s].toString(), u"rejected"_s);
}

void TestReferenceServer::notJsonIsABadRequest()
{
    const QByteArray notJson = "{\"resourceType\": \"Bundle\",";
    const Answer answer = send(u"/fhir"_s, &notJson, u"site-750712184"_s);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
    // A JSON array is neither a Bundle nor a batch.
    const QByteArray array = "[]";
    QCOMPARE(send(u"/fhir"_s, &array, u"site-750712184"_s).status, 400);
    QCOMPARE(post(QJsonObject()).status, 422);
    QCOMPARE(send(u"/fhir"_s, nullptr, u"site-750712184"_s).status, 405);
}

void TestReferenceServer::oversizedRequestsAreRefused()
{
    const auto diagnostics = [](const Answer& answer) {
        return answer.json[u"issue"_s][0][u"diagnostics"_s].toString();
    };
    // The documented limits: 32 MiB a request, 200 Bundles a batch. Over them: 413 before
    // any parsing or storing.
    QByteArray huge = "{\"bundles\": [], \"padding\": \"";
    huge.append(QByteArray(32 * 1024 * 1024, 'x'));
    huge.append("\"}");
    const Answer tooBig = send(u"/fhir"_s, &huge, u"site-750712184"_s);
    QCOMPARE(tooBig.status, 413);
    QVERIFY2(diagnostics(tooBig).contains(u"larger than 32 MiB"_s),
             qPrintable(diagnostics(tooBig)));

    QJsonArray notBundles;
    for (int i = 0; i < 200; ++i)
        notBundles.append(i);
    const Answer atLimit = post({{u"bundles"_s, notBundles}});
    QCOMPARE(atLimit.status, 200); // taken: each entry answered (none is a Bundle)
    QCOMPARE(atLimit.json[u"results"_s].toArray().size(), 200);
    notBundles.append(200);
    const Answer tooMany = post({{u"bundles"_s, notBundles}});
    QCOMPARE(tooMany.status, 413);
    QVERIFY2(diagnostics(tooMany).contains(u"at most 200 Bundles"_s),
             qPrintable(diagnostics(tooMany)));
    // The server is still there for the next request.
    QCOMPARE(send(u"/health"_s, nullptr, u"site-750712184"_s).status, 200);
}

void TestReferenceServer::noClientCertificateIsRefused()
{
    const Answer answer = send(u"/health"_s, nullptr, QString());
    QVERIFY(answer.error != QNetworkReply::NoError);
    QCOMPARE(answer.status, 0);
}

void TestReferenceServer::certificateFromAnotherCaIsRefused()
{
    const Answer answer = send(u"/health"_s, nullptr, u"other-site-750712184"_s);
    QVERIFY(answer.error != QNetworkReply::NoError);
    QCOMPARE(answer.status, 0);
    const Answer expired = send(u"/health"_s, nullptr, u"expired-site-750712184"_s);
    QVERIFY(expired.error != QNetworkReply::NoError);
}

void TestReferenceServer::connectionCloseIsHonoured_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("connectionHeader");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<bool>("closes");
    QTest::newRow("close") << "/health"_ba
                           << "Connection: close\r\n"_ba
                           << "HTTP/1.1 200"_ba << true;
    QTest::newRow("close, other case") << "/health"_ba
                                       << "connection: Close\r\n"_ba
                                       << "HTTP/1.1 200"_ba << true;
    QTest::newRow("close, 404") << "/nowhere"_ba
                                << "Connection: close\r\n"_ba
                                << "HTTP/1.1 404"_ba << true;
    QTest::newRow("keep-alive") << "/health"_ba
                                << "Connection: keep-alive\r\n"_ba
                                << "HTTP/1.1 200"_ba << false;
    QTest::newRow("no header") << "/health"_ba << QByteArray() << "HTTP/1.1 200"_ba << false;
}

void TestReferenceServer::connectionCloseIsHonoured()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, connectionHeader);
    QFETCH(QByteArray, statusLine);
    QFETCH(bool, closes);
    QSslSocket socket;
    socket.setSslConfiguration(clientTls(u"site-750712184"_s));
    QSignalSpy disconnected(&socket, &QAbstractSocket::disconnected);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, m_server.port());
    QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
    QByteArray received;
    const auto askAndRead = [&] {
        received.clear();
        socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + connectionHeader +
                     "\r\n");
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("}"), 10000);
        QVERIFY2(received.startsWith(statusLine), received.constData());
    };
    askAndRead();
    if (QTest::currentTestFailed())
        return;
    if (closes) {
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 10000);
        return;
    }
    // Kept open, and a second request on the same connection is answered.
    QTest::qWait(300);
    QCOMPARE(disconnected.size(), 0);
    askAndRead();
    QCOMPARE(disconnected.size(), 0);
}

void TestReferenceServer::statsAndExport()
{
    // Stored: records 1 (versions 1 and 2), 2 and 7 from our site, 6 from the other one.
    const QString stats = m_server.run({u"stats"_s, u"--database"_s, m_server.database()});
    // A record counts once, under its latest version; the versions are counted apart.
    QVERIFY2(stats.contains(SiteFiness + u"\tsampled\t3\n"_s), qPrintable(stats));
    QVERIFY(stats.contains(OtherSite + u"\tsampled\t1\n"_s));
    QVERIFY(stats.contains(u"total\t\t4\n"_s));
    QVERIFY(stats.contains(u"versions\t\t5\n"_s));

    const QString exported =
        m_server.run({u"export"_s, u"--format"_s, u"fhir"_s, u"--database"_s, m_server.database()});
    const QStringList lines = exported.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QSet<QString> ids;
    for (const QString& line : lines) {
        const QJsonObject bundle = QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(bundle.value(u"resourceType"_s).toString(), u"Bundle"_s);
        SamplingRecord stored;
        QString site;
        QList<Problem> problems;
        QVERIFY(FhirBundle::parse(bundle, &stored, &site, &problems));
        ids.insert(stored.id.toString() + u'/' + QString::number(stored.version));
    }
    QCOMPARE(ids.size(), 5);
}

void TestReferenceServer::anotherContentUnderAStoredVersionIsAConflict()
{
    const auto diagnostics = [](const Answer& answer) {
        return answer.json[u"operationOutcome"_s][u"issue"_s][0][u"diagnostics"_s].toString();
    };
    SamplingRecord first = record(20);
    QCOMPARE(post(FhirBundle::fromRecord(first, SiteFiness)).status, 201);
    // The same identifier and version, another patient: not a replay.
    SamplingRecord other = TestSupport::validRecord(21);
    other.id = first.id;
    const Answer conflict = post(FhirBundle::fromRecord(other, SiteFiness));
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.json[u"outcome"_s].toString(), u"rejected"_s);
    QCOMPARE(conflict.json[u"version"_s].toInt(), 1);
    QCOMPARE(conflict.json[u"operationOutcome"_s][u"resourceType"_s].toString(),
             u"OperationOutcome"_s);
    QCOMPARE(conflict.json[u"operationOutcome"_s][u"issue"_s][0][u"code"_s].toString(),
             u"conflict"_s);
    QVERIFY2(diagnostics(conflict).contains(u"not newer than version 1"_s),
             qPrintable(diagnostics(conflict)));
    // A later version after a gap (the workstation's versions in between were refused, and a
    // refused version is never stored): stored.
    SamplingRecord third = first;
    third.version = 3;
    QCOMPARE(post(FhirBundle::fromRecord(third, SiteFiness)).status, 201);
    // An older version arriving after a newer one never goes in behind it.
    SamplingRecord second = first;
    second.version = 2;
    const Answer late = post(FhirBundle::fromRecord(second, SiteFiness));
    QCOMPARE(late.status, 409);
    QVERIFY2(diagnostics(late).contains(u"not newer than version 3"_s),
             qPrintable(diagnostics(late)));
    // The operator sees each as a conflict, not as a replay.
    QTRY_COMPARE_WITH_TIMEOUT(m_server.log().count(u"CONFLICT: record"_s), 2, 5000);
    // The genuine replays are still what they were.
    QCOMPARE(post(FhirBundle::fromRecord(first, SiteFiness)).status, 200);
    QCOMPARE(post(FhirBundle::fromRecord(third, SiteFiness)).status, 200);
}

void TestReferenceServer::versionsOfOneRecordInOneBatchAreStoredInOrder()
{
    // Versions 1 to 12 of one record in one batch, in no order: stored one after the other
    // as numbers (as text, "10" would come before "2" and be refused as a jump).
    SamplingRecord base = record(30);
    const QList<int> shuffled{10, 2, 1, 12, 3, 9, 4, 8, 5, 7, 6, 11};
    QJsonArray bundles;
    for (const int version : shuffled) {
        SamplingRecord one = base;
        one.version = version;
        bundles.append(FhirBundle::fromRecord(one, SiteFiness));
    }
    const Answer answer = post({{u"bundles"_s, bundles}});
    QCOMPARE(answer.status, 200);
    const QJsonArray results = answer.json[u"results"_s].toArray();
    QCOMPARE(results.size(), shuffled.size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        QCOMPARE(results[i][u"version"_s].toInt(), shuffled.at(i)); // answered in order sent
        QVERIFY2(results[i][u"status"_s].toInt() == 201,
                 QJsonDocument(results[i].toObject()).toJson().constData());
    }
}

void TestReferenceServer::compressedBatchIsStoredAsThePlainOne()
{
    // A batch as the workstation sends it: gzip-compressed.
    QJsonArray bundles;
    for (int i = 100; i < 110; ++i)
        bundles.append(FhirBundle::fromRecord(record(i), SiteFiness));
    const QByteArray plain =
        QJsonDocument(QJsonObject{{u"bundles"_s, bundles}}).toJson(QJsonDocument::Compact);
    const QByteArray compressed = Gzip::compress(plain);
    QVERIFY(compressed.size() * 5 < plain.size()); // what compression is for
    const Answer answer = send(u"/fhir"_s, &compressed, u"site-750712184"_s, "gzip");
    QCOMPARE(answer.status, 200);
    QJsonArray results = answer.json[u"results"_s].toArray();
    QCOMPARE(results.size(), 10);
    for (const QJsonValue& result : std::as_const(results))
        QCOMPARE(result[u"outcome"_s].toString(), u"accepted"_s);
    // The same batch plain: each Bundle is one the server already has, with this very
    // content (another content under a stored version is a conflict).
    const Answer again = send(u"/fhir"_s, &plain, u"site-750712184"_s);
    QCOMPARE(again.status, 200);
    results = again.json[u"results"_s].toArray();
    QCOMPARE(results.size(), 10);
    for (const QJsonValue& result : std::as_const(results))
        QCOMPARE(result[u"outcome"_s].toString(), u"already had"_s);
    // And the other way round: plain first, then compressed.
    const QByteArray single =
        QJsonDocument(FhirBundle::fromRecord(record(110), SiteFiness)).toJson();
    QCOMPARE(send(u"/fhir"_s, &single, u"site-750712184"_s).status, 201);
    const QByteArray singleCompressed = Gzip::compress(single);
    const Answer replay = send(u"/fhir"_s, &singleCompressed, u"site-750712184"_s, "gzip");
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.json[u"outcome"_s].toString(), u"already had"_s);
    // What the server exports of a compressed record is what it was sent.
    const QString exported =
        m_server.run({u"export"_s, u"--format"_s, u"fhir"_s, u"--database"_s, m_server.database()});
    int found = 0;
    for (const QString& line : exported.split(u'\n', Qt::SkipEmptyParts)) {
        SamplingRecord stored;
        QString site;
        QList<Problem> problems;
        if (!FhirBundle::parse(QJsonDocument::fromJson(line.toUtf8()).object(), &stored, &site,
                               &problems))
            continue;
        if (stored.id == record(105).id) {
            ++found;
            QCOMPARE(stored.specimen.accession, record(105).specimen.accession);
            QCOMPARE(stored.patient.birthName, record(105).patient.birthName);
        }
    }
    QCOMPARE(found, 1);
}

void TestReferenceServer::badOrUnknownEncodingsAreRefused()
{
    const auto diagnostics = [](const Answer& answer) {
        return answer.json[u"issue"_s][0][u"diagnostics"_s].toString();
    };
    const QByteArray plain =
        QJsonDocument(FhirBundle::fromRecord(record(120), SiteFiness)).toJson();
    QByteArray corrupt = Gzip::compress(plain);
    corrupt[corrupt.size() / 2] = char(corrupt.at(corrupt.size() / 2) ^ 0x55);
    const Answer broken = send(u"/fhir"_s, &corrupt, u"site-750712184"_s, "gzip");
    QCOMPARE(broken.status, 400);
    QVERIFY2(diagnostics(broken).contains(u"gzip"_s), qPrintable(diagnostics(broken)));
    // Plain bytes said to be gzip.
    QCOMPARE(send(u"/fhir"_s, &plain, u"site-750712184"_s, "gzip").status, 400);
    const Answer unknown = send(u"/fhir"_s, &plain, u"site-750712184"_s, "br");
    QCOMPARE(unknown.status, 415);
    QVERIFY2(diagnostics(unknown).contains(u"gzip"_s), qPrintable(diagnostics(unknown)));
    // None of them stored anything: the record goes in now, plain.
    QCOMPARE(send(u"/fhir"_s, &plain, u"site-750712184"_s).status, 201);
    // The used-code report (another POST) is read through the same door.
    const QByteArray report = Gzip::compress(R"({"codes": []})");
    const Answer codes = send(u"/activation-codes/used"_s, &report, u"site-750712184"_s, "gzip");
    QCOMPARE(codes.status, 200);
    QCOMPARE(send(u"/health"_s, nullptr, u"site-750712184"_s).status, 200);
}

QTEST_GUILESS_MAIN(TestReferenceServer)
void TestReferenceServer::batchesBeingCheckedHoldNoOtherRequest()
{
    // Twelve batches of the largest size on twelve connections: reading and checking them
    // takes the server's worker threads a while. A health check sent once they are all on
    // their way is answered before the last of them: the event loop does not read Bundles.
    // (Six batches were not always enough once the server kept the workstation's text: under
    // `ctest -j2` it had checked them all before the health check's handshake was done.)
    constexpr int PerManager = 6; // as many connections as QNetworkAccessManager opens to a host
    constexpr int Batches = 2 * PerManager;
    QNetworkAccessManager managers[Batches / PerManager];
    QList<QNetworkReply*> replies;
    QStringList finishedOrder;
    for (int b = 0; b < Batches; ++b) {
        QJsonArray bundles;
        for (int i = 0; i < 200; ++i) {
            SamplingRecord r = TestSupport::validRecord(i % 10);
            r.id = QUuid::createUuidV5(QUuid(), u"held-%1-%2"_s.arg(b).arg(i));
            bundles.append(FhirBundle::fromRecord(r, SiteFiness));
        }
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1/fhir"_s.arg(m_server.port())));
        request.setSslConfiguration(clientTls(u"site-750712184"_s));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/fhir+json"_s);
        request.setTransferTimeout(60000);
        QNetworkReply* reply = managers[b / PerManager].post(
            request,
            QJsonDocument(QJsonObject{{u"bundles"_s, bundles}}).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this,
                [&finishedOrder, b] { finishedOrder.append(u"batch %1"_s.arg(b)); });
        replies.append(reply);
    }
    // Every batch written to its connection before the health check leaves.
    int uploaded = 0;
    for (QNetworkReply* reply : std::as_const(replies)) {
        connect(reply, &QNetworkReply::uploadProgress, this,
                [&uploaded](qint64 sent, qint64 total) {
                    if (total > 0 && sent == total)
                        ++uploaded;
                });
    }
    QTRY_COMPARE_WITH_TIMEOUT(uploaded, Batches, 30000);
    QNetworkRequest health(QUrl(u"https://127.0.0.1:%1/health"_s.arg(m_server.port())));
    health.setSslConfiguration(clientTls(u"site-750712184"_s));
    health.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // A manager of its own: the others' connections are all busy with the batches.
    QNetworkAccessManager healthManager;
    std::unique_ptr<QNetworkReply> healthReply(healthManager.get(health));
    connect(healthReply.get(), &QNetworkReply::finished, this,
            [&finishedOrder] { finishedOrder.append(u"health"_s); });
    QTRY_COMPARE_WITH_TIMEOUT(finishedOrder.size(), Batches + 1, 60000);
    QCOMPARE(healthReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    for (QNetworkReply* reply : std::as_const(replies)) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonArray results =
            QJsonDocument::fromJson(reply->readAll()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 200);
        for (const QJsonValue& result : results)
            QCOMPARE(result.toObject().value(u"outcome"_s).toString(), u"accepted"_s);
        reply->deleteLater();
    }
    QVERIFY2(finishedOrder.indexOf(u"health"_s) < Batches, qPrintable(finishedOrder.join(u", "_s)));
}

void TestReferenceServer::answersGoGzipWhenTheClientTakesIt()
{
    // A batch's answer (a result per record) is sent compressed to a client that takes gzip,
    // as the workstation's QNetworkAccessManager does by default; not to one that refuses it,
    // and a short answer is never worth it.
    struct Raw
    {
        int status = 0;
        QByteArray encoding;
        QByteArray body;
    };
    auto exchange = [this](const QString& path, const QByteArray* body,
                           const QByteArray& acceptEncoding) {
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_server.port()).arg(path)));
        request.setSslConfiguration(clientTls(u"site-750712184"_s));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/fhir+json"_s);
        // Set by hand, QNetworkAccessManager leaves the body as it came.
        request.setRawHeader("Accept-Encoding", acceptEncoding);
        request.setTransferTimeout(20000);
        std::unique_ptr<QNetworkReply> reply(body ? manager.post(request, *body)
                                                  : manager.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        Raw raw;
        if (!finished.wait(30000))
            return raw;
        raw.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        raw.encoding = reply->rawHeader("Content-Encoding");
        raw.body = reply->readAll();
        return raw;
    };
    QJsonArray bundles;
    for (int i = 0; i < 30; ++i) {
        SamplingRecord r = TestSupport::validRecord(i % 10);
        r.id = QUuid::createUuidV5(QUuid(), u"gzip-answer-%1"_s.arg(i));
        bundles.append(FhirBundle::fromRecord(r, SiteFiness));
    }
    const QByteArray batch =
        QJsonDocument(QJsonObject{{u"bundles"_s, bundles}}).toJson(QJsonDocument::Compact);

    const Raw compressed = exchange(u"/fhir"_s, &batch, "gzip, deflate");
    QCOMPARE(compressed.status, 200);
    QCOMPARE(compressed.encoding, QByteArray("gzip"));
    QByteArray plain;
    QCOMPARE(Gzip::inflate(compressed.body, 1024 * 1024, &plain), Gzip::Status::Ok);
    const QJsonArray results =
        QJsonDocument::fromJson(plain).object().value(u"results"_s).toArray();
    QCOMPARE(results.size(), 30);
    QCOMPARE(results.first().toObject().value(u"outcome"_s).toString(), u"accepted"_s);
    QVERIFY2(compressed.body.size() * 3 < plain.size(),
             qPrintable(u"%1 bytes for %2"_s.arg(compressed.body.size()).arg(plain.size())));

    // Refused by its weight: the same answer (already had, now) comes plain.
    const Raw refused = exchange(u"/fhir"_s, &batch, "gzip;q=0, identity");
    QCOMPARE(refused.status, 200);
    QVERIFY(refused.encoding.isEmpty());
    const QJsonArray again =
        QJsonDocument::fromJson(refused.body).object().value(u"results"_s).toArray();
    QCOMPARE(again.size(), 30);
    QCOMPARE(again.first().toObject().value(u"outcome"_s).toString(), u"already had"_s);

    const Raw health = exchange(u"/health"_s, nullptr, "gzip");
    QCOMPARE(health.status, 200);
    QVERIFY(health.encoding.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(health.body).object().value(u"status"_s).toString(), u"ok"_s);
}

// The server keeps a Bundle's own text when the request is compact JSON (a workstation's)
// and writes the Bundle again otherwise: either way the stored text is the Bundle's compact
// JSON, so a replay in the other form is "already had", never a conflict.
void TestReferenceServer::storedTextIsTheCompactBundleWhateverTheRequestsForm()
{
    QList<QJsonObject> bundles;
    for (int i = 130; i < 134; ++i)
        bundles.append(FhirBundle::fromRecord(record(i), SiteFiness));
    auto batch = [&](qsizetype from, QJsonDocument::JsonFormat format) {
        const QJsonObject body{{u"bundles"_s, QJsonArray{bundles.at(from), bundles.at(from + 1)}}};
        return format == QJsonDocument::Compact ? JsonText::compact(body)
                                                : QJsonDocument(body).toJson(format);
    };
    auto outcomes = [&](const QByteArray& body) {
        const Answer answer = send(u"/fhir"_s, &body, u"site-750712184"_s);
        QStringList seen;
        for (const QJsonValue& result : answer.json[u"results"_s].toArray())
            seen << result[u"outcome"_s].toString();
        return seen;
    };
    const QByteArray indented = batch(0, QJsonDocument::Indented);
    QVERIFY(!JsonText::isCompact(indented));
    QCOMPARE(outcomes(indented), QStringList({u"accepted"_s, u"accepted"_s}));
    QCOMPARE(outcomes(batch(0, QJsonDocument::Compact)),
             QStringList({u"already had"_s, u"already had"_s}));
    const QByteArray compact = batch(2, QJsonDocument::Compact);
    QVERIFY(JsonText::isCompact(compact));
    QCOMPARE(outcomes(compact), QStringList({u"accepted"_s, u"accepted"_s}));
    QCOMPARE(outcomes(batch(2, QJsonDocument::Indented)),
             QStringList({u"already had"_s, u"already had"_s}));
    // A single Bundle, not in a batch.
    bundles.append(FhirBundle::fromRecord(record(134), SiteFiness));
    const QByteArray single = QJsonDocument(bundles.last()).toJson(QJsonDocument::Indented);
    QCOMPARE(send(u"/fhir"_s, &single, u"site-750712184"_s).status, 201);
    QCOMPARE(post(bundles.last()).status, 200);

    QSet<QByteArray> expected;
    for (const QJsonObject& bundle : std::as_const(bundles))
        expected.insert(JsonText::compact(bundle));
    const QString exported =
        m_server.run({u"export"_s, u"--format"_s, u"fhir"_s, u"--database"_s, m_server.database()});
    int found = 0;
    for (const QString& line : exported.split(u'\n', Qt::SkipEmptyParts))
        found += expected.contains(line.toUtf8()) ? 1 : 0;
    QCOMPARE(found, bundles.size());
}

#include "TestReferenceServer.moc"
