#include "ReferenceServer.h"

#include "ActivationCodePool.h"
#include "BundleIntake.h"
#include "FhirBundle.h"
#ifdef SIDEP_TEST_HOOKS
#include "FaultInjection.h"
#endif
#include "Logging.h"
#include "ServerDatabase.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

using Status = QHttpServerResponder::StatusCode;

const QByteArray FhirJson = "application/fhir+json"_ba;

void respond(QHttpServerResponder& responder, const QJsonObject& body, int status)
{
    responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact), FhirJson,
                    static_cast<Status>(status));
}

// HTTP/1.1: a client that sends "Connection: close" expects the server to close once it
// has answered; QAbstractHttpServer 6.4 does not, and the connection would stay open for as
// long as the client keeps it.
bool asksToClose(const QHttpServerRequest& request)
{
    const auto headers = request.headers();
    for (const auto& header : headers) {
        if (header.first.compare("connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray& token : header.second.split(','))
            if (token.trimmed().compare("close", Qt::CaseInsensitive) == 0)
                return true;
    }
    return false;
}

// From the event loop, once the answer is written and its responder gone: the bytes still
// queued in the socket are sent before it closes.
void closeAfterAnswer(const QHttpServerRequest& request, QTcpSocket* socket)
{
    if (asksToClose(request))
        QTimer::singleShot(0, socket, [socket] { socket->disconnectFromHost(); });
}

QString readFile(const QString& path, QByteArray* contents)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return file.errorString();
    *contents = file.readAll();
    return {};
}

} // namespace

ReferenceServer::ReferenceServer(ServerDatabase* database, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_database(database)
{}

bool ReferenceServer::setupTls(const TlsFiles& files, QString* error)
{
    QByteArray pem;
    if (const QString failure = readFile(files.certificate, &pem); !failure.isEmpty()) {
        *error = tr("cannot read %1: %2").arg(files.certificate, failure);
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = tr("%1 holds no PEM certificate").arg(files.certificate);
        return false;
    }
    if (const QString failure = readFile(files.key, &pem); !failure.isEmpty()) {
        *error = tr("cannot read %1: %2").arg(files.key, failure);
        return false;
    }
    // The demo PKI uses EC keys; RSA works as well.
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = tr("%1 holds no unencrypted EC or RSA private key").arg(files.key);
        return false;
    }
    if (const QString failure = readFile(files.clientCa, &pem); !failure.isEmpty()) {
        *error = tr("cannot read %1: %2").arg(files.clientCa, failure);
        return false;
    }
    const QList<QSslCertificate> clientCas = QSslCertificate::fromData(pem, QSsl::Pem);
    if (clientCas.isEmpty()) {
        *error = tr("%1 holds no PEM certificate").arg(files.clientCa);
        return false;
    }

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCiphers(
        u"ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256"_s);
    // A client certificate is required, and only the configured CA is trusted for it
    // (not the system's store).
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setCaCertificates(clientCas);
    sslSetup(tls);
    return true;
}

quint16 ReferenceServer::start(const QHostAddress& address, quint16 port, QString* error)
{
    const quint16 listening = listen(address, port);
    if (listening == 0)
        *error = tr("cannot listen on %1:%2").arg(address.toString()).arg(port);
    return listening;
}

bool ReferenceServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // Never a plain socket: sslSetup() is called before listen(). Refuse rather than trust.
    auto* ssl = qobject_cast<QSslSocket*>(socket);
    const QSslCertificate peer = ssl ? ssl->peerCertificate() : QSslCertificate();
    const QString site =
        peer.isNull() ? QString() : peer.subjectInfo(QSslCertificate::CommonName).value(0);
    QHttpServerResponder responder = makeResponder(request, socket);
    if (site.isEmpty()) {
        respond(responder,
                BundleIntake::operationOutcome(u"security"_s,
                                               tr("a client certificate naming the site is "
                                                  "required")),
                403);
        closeAfterAnswer(request, socket);
        return true;
    }

    const QString path = request.url().path();
    const auto method = request.method();
#ifdef SIDEP_TEST_HOOKS
    // Test builds only (SIDEP_SERVER_FAULTS): a failing, cut or slow server on demand.
    if (FaultInjection* faults = FaultInjection::fromEnvironment();
        faults && path == u"/fhir"_s && method == QHttpServerRequest::Method::Post) {
        faults->serve(socket, std::move(responder),
                      [this, site, body = request.body()](QHttpServerResponder& answer) {
                          postFhir(body, site, answer);
                      });
        return true;
    }
#endif
    if (path == u"/fhir"_s && method == QHttpServerRequest::Method::Post) {
        postFhir(request.body(), site, responder);
    } else if (path == u"/time"_s && method == QHttpServerRequest::Method::Get) {
        respond(responder,
                {{u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}}, 200);
    } else if (path == u"/health"_s && method == QHttpServerRequest::Method::Get) {
        respond(responder, {{u"status"_s, u"ok"_s}}, 200);
    } else if (path == u"/activation-codes"_s && method == QHttpServerRequest::Method::Get) {
        getActivationCodes(request, site, responder);
    } else if (path == u"/fhir"_s || path == u"/time"_s || path == u"/health"_s ||
               path == u"/activation-codes"_s) {
        respond(responder,
                BundleIntake::operationOutcome(u"not-supported"_s, tr("method not allowed")), 405);
    } else {
        return false; // missingHandler answers 404
    }
    closeAfterAnswer(request, socket);
    return true;
}

void ReferenceServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    respond(responder, BundleIntake::operationOutcome(u"not-found"_s, tr("no such endpoint")), 404);
    closeAfterAnswer(request, socket);
}

void ReferenceServer::postFhir(const QByteArray& requestBody, const QString& site,
                               QHttpServerResponder& responder)
{
    if (requestBody.size() > MaxRequestBytes) {
        respond(responder,
                BundleIntake::operationOutcome(
                    u"too-costly"_s, tr("the request is larger than %1 MiB: send fewer records "
                                        "at a time")
                                         .arg(MaxRequestBytes / (1024 * 1024))),
                413);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(requestBody, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        respond(responder,
                BundleIntake::operationOutcome(
                    u"structure"_s,
                    tr("the body is not a JSON object: %1").arg(parseError.errorString())),
                400);
        return;
    }
    const QJsonObject body = document.object();
    if (!body.contains(u"bundles"_s)) {
        const BundleIntake::Result result = BundleIntake::receive(body, site, m_database);
        respond(responder, result.toJson(), result.httpStatus);
        return;
    }
    const QJsonValue bundles = body.value(u"bundles"_s);
    if (!bundles.isArray()) {
        respond(responder,
                BundleIntake::operationOutcome(u"structure"_s, tr("bundles: must be an array"),
                                               u"bundles"_s),
                400);
        return;
    }
    const QJsonArray array = bundles.toArray();
    if (array.size() > MaxBundlesPerRequest) {
        respond(responder,
                BundleIntake::operationOutcome(
                    u"too-costly"_s,
                    tr("bundles: at most %1 Bundles a request").arg(MaxBundlesPerRequest),
                    u"bundles"_s),
                413);
        return;
    }
    // The whole batch in one commit (one disk sync, not one a record). If anything in it
    // fails the database, nothing of it is kept and the answer says "send again": the
    // workstation resends, and what another instance stored meanwhile is recognised.
    auto sendAgain = [&](const QString& why) {
        qCWarning(lcServer).noquote() << "batch of" << array.size() << "not stored:" << why;
        respond(responder,
                BundleIntake::operationOutcome(
                    u"transient"_s, tr("the server could not store this batch: send it again")),
                503);
    };
    QString error;
    if (!m_database->beginBatch(&error)) {
        sendAgain(error);
        return;
    }
    // In the order of their records, and a record's versions in their order (as numbers):
    // two instances storing overlapping batches take the rows' locks in the same order, so
    // they wait for each other instead of deadlocking.
    QList<qsizetype> order(array.size());
    std::iota(order.begin(), order.end(), 0);
    auto key = [&array](qsizetype i) {
        QUuid record;
        int version = 0;
        FhirBundle::recordVersion(array.at(i).toObject(), &record, &version);
        return std::make_pair(record.toString(), version);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&key](qsizetype a, qsizetype b) { return key(a) < key(b); });
    QList<QJsonObject> results(array.size());
    for (const qsizetype i : std::as_const(order)) {
        BundleIntake::Result result;
        if (array.at(i).isObject()) {
            result = BundleIntake::receive(array.at(i).toObject(), site, m_database);
            if (result.outcome == BundleIntake::Outcome::Failed) {
                m_database->rollbackBatch();
                sendAgain(u"record %1 failed"_s.arg(i));
                return;
            }
        } else {
            const QString where = u"bundles[%1]"_s.arg(i);
            result.operationOutcome = BundleIntake::operationOutcome(
                u"structure"_s, where + u": type: "_s + tr("must be a Bundle object"), where);
        }
        results[i] = result.toJson();
    }
    if (!m_database->commitBatch(&error)) {
        m_database->rollbackBatch();
        sendAgain(error);
        return;
    }
    QJsonArray answer;
    for (const QJsonObject& result : std::as_const(results))
        answer.append(result);
    respond(responder, {{u"results"_s, answer}}, 200);
}

void ReferenceServer::getActivationCodes(const QHttpServerRequest& request, const QString& site,
                                         QHttpServerResponder& responder)
{
    const QString countText = request.query().queryItemValue(u"count"_s);
    bool isNumber = false;
    const int count = countText.toInt(&isNumber);
    if (!isNumber || count < 1 || count > ActivationCodePool::MaxBatch) {
        respond(responder,
                BundleIntake::operationOutcome(
                    u"value"_s,
                    (countText.isEmpty() ? tr("count: required, a whole number from 1 to %1")
                                         : tr("count: must be a whole number from 1 to %1"))
                        .arg(ActivationCodePool::MaxBatch),
                    u"count"_s),
                400);
        return;
    }
    ActivationCodePool::Batch batch;
    QString error;
    if (!ActivationCodePool(m_database).issue(site, count, &batch, &error)) {
        qCWarning(lcServer).noquote() << "activation codes for site" << site << "failed:" << error;
        respond(responder,
                BundleIntake::operationOutcome(u"transient"_s,
                                               tr("the server could not issue activation codes")),
                503);
        return;
    }
    // An empty batch is an answer, not a failure: the stock has run out (exhausted), which
    // the workstation says as such rather than retrying like a server error.
    responder.write(QJsonDocument(batch.toJson()).toJson(QJsonDocument::Compact),
                    "application/json"_ba, Status::Ok);
}
