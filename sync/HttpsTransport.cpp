#include "HttpsTransport.h"

#include "Gzip.h"
#include "JsonText.h"
#include "ParallelWork.h"
#include "TcpLowDelay.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTransport, "sidep.sync.transport", QtWarningMsg)

namespace {

// OpenSSL's words for a TLS alert or a handshake failure, as Qt passes them on.
bool mentionsAny(const QString& text, std::initializer_list<QLatin1StringView> words)
{
    for (const QLatin1StringView word : words) {
        if (text.contains(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// What Qt reports when the server's certificate does not chain to the configured CA.
const QList<QSslError::SslError> UntrustedIssuer = {
    QSslError::UnableToGetLocalIssuerCertificate,
    QSslError::UnableToGetIssuerCertificate,
    QSslError::UnableToVerifyFirstCertificate,
    QSslError::SelfSignedCertificate,
    QSslError::SelfSignedCertificateInChain,
    QSslError::CertificateUntrusted,
    QSslError::CertificateRejected,
    QSslError::CertificateSignatureFailed,
    QSslError::InvalidCaCertificate,
};

QString sslErrorIn(const QList<QSslError>& errors, const QList<QSslError::SslError>& kinds,
                   QSslCertificate* certificate = nullptr)
{
    for (const QSslError& error : errors) {
        if (kinds.contains(error.error())) {
            if (certificate)
                *certificate = error.certificate();
            return error.errorString();
        }
    }
    return {};
}

// {"bundles":[...]} in compact JSON, the Bundles written on every core: the same bytes as
// QJsonDocument writes for the whole batch at once.
QByteArray batchJson(const QJsonArray& bundles)
{
    QList<QJsonObject> objects;
    objects.reserve(bundles.size());
    for (const QJsonValue& bundle : bundles)
        objects.append(bundle.toObject());
    QList<QByteArray> written(objects.size());
    QByteArray* const into = written.data();
    ParallelWork::forEachIndex(objects.size(),
                               [&](qsizetype i) { into[i] = JsonText::compact(objects.at(i)); });
    return "{\"bundles\":[" + written.join(',') + "]}";
}

} // namespace

HttpsTransport::HttpsTransport(const QUrl& serverUrl, const QSslConfiguration& tls, QObject* parent)
    : SyncTransport(parent)
    , m_url(serverUrl)
    , m_tls(tls)
{
    // Each request then leaves at once, not 40 ms later (TcpLowDelay.h). A new connection
    // is up but has carried no request yet when this is said.
    connect(&m_network, &QNetworkAccessManager::encrypted, this,
            [this] { TcpLowDelay::setOnConnectionsTo(quint16(m_url.port(443))); });
}

void HttpsTransport::postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done)
{
    QUrl url = m_url;
    url.setPath(url.path().endsWith(u'/') ? url.path() + u"fhir"_s : url.path() + u"/fhir"_s);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/fhir+json"_s);
    request.setRawHeader("Content-Encoding", "gzip");
    const QByteArray body = Gzip::compress(batchJson(bundles));
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply = m_network.post(request, body);
    abandonWhenStalled(reply);
    // Reported before finished(): kept to say which check of the server's certificate failed.
    auto sslErrors = std::make_shared<QList<QSslError>>();
    connect(reply, &QNetworkReply::sslErrors, this,
            [sslErrors](const QList<QSslError>& errors) { *sslErrors = errors; });
    auto finished = [this, reply, sslErrors, clock, bytes = body.size(), done = std::move(done)] {
        finishPost(reply, *sslErrors, [clock, bytes, done](Reply answer) {
            answer.bytesSent = bytes;
            answer.elapsedMs = clock.elapsed();
            done(answer);
        });
    };
    connect(reply, &QNetworkReply::finished, this, std::move(finished));
}

void HttpsTransport::abandonWhenStalled(QNetworkReply* reply) const
{
    // Not QNetworkRequest::setTransferTimeout: its words promise nothing about a transfer
    // still moving, and this one is what the sync's contract says.
    auto* stall = new QTimer(reply);
    stall->setSingleShot(true);
    stall->setInterval(m_timeoutMs);
    connect(stall, &QTimer::timeout, reply, [reply] {
        qCInfo(lcTransport) << "request abandoned: nothing moved for" << reply->url().path();
        reply->abort();
    });
    const auto moved = [stall](qint64, qint64) { stall->start(); };
    connect(reply, &QNetworkReply::uploadProgress, stall, moved);
    connect(reply, &QNetworkReply::downloadProgress, stall, moved);
    connect(reply, &QNetworkReply::finished, stall, &QTimer::stop);
    stall->start();
}

void HttpsTransport::finishPost(QNetworkReply* reply, const QList<QSslError>& sslErrors,
                                const std::function<void(const Reply&)>& done)
{
    reply->deleteLater();
    Reply result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A reply abandoned at the timeout is closed: nothing to read.
    const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
    result.body = QJsonDocument::fromJson(answer).object();
    if (reply->hasRawHeader("Retry-After"))
        result.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    // An HTTP error status is an answer; no status at all is the network's failure
    // (refused, cut, timed out, or a certificate that did not check out).
    result.networkError = result.httpStatus == 0;
    if (reply->error() == QNetworkReply::NoError) {
        done(result);
        return;
    }
    Failure failure;
    failure.error = reply->error();
    failure.sslErrors = sslErrors;
    failure.networkText = reply->errorString();
    failure.httpStatus = result.httpStatus;
    failure.httpReason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    qCInfo(lcTransport) << "request failed:" << failure.error << failure.networkText
                        << failure.sslErrors;
    // A server that refuses the site's certificate drops the connection without a word
    // (no TLS alert reaches the client), as a cut connection does: ask it again.
    const bool dropped = result.networkError && failure.sslErrors.isEmpty() &&
                         (failure.error == QNetworkReply::RemoteHostClosedError ||
                          failure.error == QNetworkReply::SslHandshakeFailedError);
    if (!dropped || !hasClientCertificate()) {
        result.errorText = describeFailure(failure);
        done(result);
        return;
    }
    checkClientCertificate([this, result, failure, done](bool refused) mutable {
        failure.clientCertificateRefused = refused;
        result.errorText = describeFailure(failure);
        done(result);
    });
}

bool HttpsTransport::hasClientCertificate() const
{
    return !m_tls.localCertificate().isNull() && !m_tls.privateKey().isNull();
}

void HttpsTransport::checkClientCertificate(std::function<void(bool refused)> done)
{
    auto* socket = new QSslSocket(this);
    socket->setSslConfiguration(m_tls);
    auto over = std::make_shared<bool>(false);
    auto finish = [socket, over, done = std::move(done)](bool refused) {
        if (std::exchange(*over, true))
            return;
        socket->abort();
        socket->deleteLater();
        done(refused);
    };
    connect(socket, &QSslSocket::encrypted, socket, [this, socket] {
        QString path = m_url.path();
        path = (path.endsWith(u'/') ? path : path + u'/') + u"health"_s;
        socket->write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " + m_url.host().toUtf8() +
                      "\r\nConnection: close\r\n\r\n");
    });
    // Any answer, even an error status, means the server took the certificate.
    connect(socket, &QSslSocket::readyRead, socket, [finish] { finish(false); });
    connect(socket, &QAbstractSocket::errorOccurred, socket,
            [finish](QAbstractSocket::SocketError error) {
                finish(error == QAbstractSocket::RemoteHostClosedError);
            });
    connect(socket, &QAbstractSocket::disconnected, socket, [finish] { finish(true); });
    QTimer::singleShot(std::min(m_timeoutMs, 10000), socket, [finish] { finish(false); });
    socket->connectToHostEncrypted(m_url.host(), quint16(m_url.port(443)));
}

QString HttpsTransport::describeFailure(const Failure& failure) const
{
    // The first family that recognises the failure tells it: an HTTP status means the server
    // answered, so it comes first; the server's certificate before the site's own, since a
    // refused handshake can look like a refused client certificate.
    if (QString text = httpStatusFailure(failure); !text.isEmpty())
        return text;
    if (QString text = serverCertificateFailure(failure); !text.isEmpty())
        return text;
    if (QString text = clientCertificateFailure(failure); !text.isEmpty())
        return text;
    if (QString text = tlsVersionFailure(failure); !text.isEmpty())
        return text;
    return connectionFailure(failure);
}

QString HttpsTransport::serverAddress() const
{
    return u"%1:%2"_s.arg(m_url.host()).arg(m_url.port(443));
}

QString HttpsTransport::httpStatusFailure(const Failure& failure) const
{
    if (failure.httpStatus < 400)
        return {};
    const QString status =
        u"HTTP %1 %2"_s.arg(failure.httpStatus).arg(failure.httpReason).trimmed();
    if (failure.httpStatus == 429)
        return tr("the server is busy and asks to wait (%1): the records stay waiting and go "
                  "when it allows")
            .arg(status);
    if (failure.httpStatus >= 500)
        return tr("the server failed to take the records (%1): they stay waiting and are "
                  "sent again later")
            .arg(status);
    return tr("the server refused the request (%1): check sync.url, it must be the national "
              "server's address")
        .arg(status);
}

QString HttpsTransport::serverCertificateFailure(const Failure& failure) const
{
    const QList<QSslError>& sslErrors = failure.sslErrors;
    // In the order that matters: a certificate from another CA says nothing worth trusting
    // about its dates or its names.
    if (!sslErrorIn(sslErrors, UntrustedIssuer).isEmpty()) {
        return tr("the server's certificate was not issued by the site's configured CA: the "
                  "server at %1 may not be the national server, or the CA imported on this "
                  "workstation is not the right one; check sync.url, or import the national "
                  "server's CA with 'sidepctl config import-ca'")
            .arg(serverAddress());
    }
    QSslCertificate certificate;
    if (!sslErrorIn(sslErrors, {QSslError::CertificateExpired}, &certificate).isEmpty()) {
        return tr("the server's certificate has expired (on %1): the national server's "
                  "administrators must renew it; if that date is not past, correct this "
                  "computer's date and time")
            .arg(certificate.expiryDate().toUTC().toString(u"yyyy-MM-dd"_s));
    }
    if (!sslErrorIn(sslErrors, {QSslError::CertificateNotYetValid}, &certificate).isEmpty()) {
        return tr("the server's certificate is not valid before %1: correct this computer's date "
                  "and time")
            .arg(certificate.effectiveDate().toUTC().toString(u"yyyy-MM-dd"_s));
    }
    if (!sslErrorIn(sslErrors, {QSslError::HostNameMismatch}, &certificate).isEmpty())
        return hostNameMismatch(certificate);
    if (!sslErrors.isEmpty()) {
        return tr("the server's certificate was refused (%1): ask the national server's "
                  "administrators")
            .arg(sslErrors.first().errorString());
    }
    return {};
}

QString HttpsTransport::hostNameMismatch(const QSslCertificate& certificate) const
{
    QStringList names;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
        names.append(it.value());
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    return tr("the server's certificate is not valid for the host name %1 in sync.url (it "
              "names %2): set sync.url to a name the certificate holds, or ask the server's "
              "administrators for a certificate that names %1")
        .arg(m_url.host(), names.isEmpty() ? tr("no host") : names.join(u", "_s));
}

QString HttpsTransport::clientCertificateFailure(const Failure& failure) const
{
    const bool closed = failure.error == QNetworkReply::RemoteHostClosedError ||
                        failure.error == QNetworkReply::SslHandshakeFailedError;
    if (closed && !hasClientCertificate()) {
        return tr("no client certificate is configured for this site, and the server requires "
                  "one: import the site's certificate with 'sidepctl config import-cert'");
    }
    if (!failure.clientCertificateRefused)
        return {};
    const QSslCertificate own = m_tls.localCertificate();
    if (own.expiryDate() < QDateTime::currentDateTimeUtc()) {
        return tr("the server refused the site's client certificate: it expired on %1; "
                  "import a renewed certificate with 'sidepctl config import-cert'")
            .arg(own.expiryDate().toUTC().toString(u"yyyy-MM-dd"_s));
    }
    return tr("the server refused the site's client certificate: it is not one the server "
              "accepts (issued by another CA, revoked or for another use); import the "
              "certificate the national server issued to this site with 'sidepctl config "
              "import-cert'");
}

QString HttpsTransport::tlsVersionFailure(const Failure& failure) const
{
    if (!mentionsAny(failure.networkText,
                     {"unsupported protocol"_L1, "protocol version"_L1, "wrong version number"_L1,
                      "no protocols available"_L1, "version too low"_L1}))
        return {};
    return tr("the server at %1 and this workstation have no TLS version in common: this "
              "workstation requires TLS 1.2 or later; the server must be upgraded")
        .arg(serverAddress());
}

QString HttpsTransport::connectionFailure(const Failure& failure) const
{
    const QString address = serverAddress();
    switch (failure.error) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("the server at %1 refused the connection: it is not running or not reachable "
                  "there; check sync.url and the network (the records stay waiting and are sent "
                  "when it is back)")
            .arg(address);
    case QNetworkReply::HostNotFoundError:
        return tr("the server's host name %1 (sync.url) cannot be found: check sync.url and this "
                  "computer's network")
            .arg(m_url.host());
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a stalled transfer ends with
        return tr("nothing moved between this workstation and the server at %1 for %n "
                  "second(s): it is down, overloaded or unreachable; the records stay waiting "
                  "and are sent again",
                  nullptr, (m_timeoutMs + 999) / 1000)
            .arg(address);
    case QNetworkReply::RemoteHostClosedError:
        return tr("the server at %1 closed the connection before answering: the records stay "
                  "waiting and are sent again (the server recognises those it already has)")
            .arg(address);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return tr("this computer's network is unavailable (%1): the records stay waiting and "
                  "are sent when it is back")
            .arg(failure.networkText);
    case QNetworkReply::SslHandshakeFailedError:
        return tr("the secure connection to the server at %1 failed (%2): check sync.url and "
                  "the site's certificates ('sidepctl config show')")
            .arg(address, failure.networkText);
    default:
        return tr("the connection to the server at %1 failed (%2): the records stay waiting and "
                  "are sent again")
            .arg(address, failure.networkText);
    }
}

void HttpsTransport::fetchServerTime(std::function<void(const QDateTime&)> done)
{
    QUrl url = m_url;
    url.setPath(url.path().endsWith(u'/') ? url.path() + u"time"_s : url.path() + u"/time"_s);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    QNetworkReply* reply = m_network.get(request);
    abandonWhenStalled(reply);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        done(QDateTime::fromString(answer.value(u"time"_s).toString(), Qt::ISODateWithMs));
    });
}

// ---- Activation codes ----

void HttpsTransport::fetchActivationCodes(int count,
                                          std::function<void(const CodeBatchReply&)> done)
{
    QUrl url = m_url;
    url.setPath(url.path().endsWith(u'/') ? url.path() + u"activation-codes"_s
                                          : url.path() + u"/activation-codes"_s);
    url.setQuery(u"count="_s + QString::number(count));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    QNetworkReply* reply = m_network.get(request);
    abandonWhenStalled(reply);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        CodeBatchReply result;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.networkError = result.httpStatus == 0;
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (result.httpStatus != 200) {
            // The server's own words when it gave some (an OperationOutcome), else the
            // network layer's.
            const QString diagnostics = answer.value(u"issue"_s)
                                            .toArray()
                                            .at(0)
                                            .toObject()
                                            .value(u"diagnostics"_s)
                                            .toString();
            result.errorText = !diagnostics.isEmpty() ? diagnostics : reply->errorString();
            done(result);
            return;
        }
        result.count = answer.value(u"count"_s).toInt(-1);
        result.exhausted = answer.value(u"exhausted"_s).toBool();
        result.fileName = answer.value(u"fileName"_s).toString();
        result.csv = answer.value(u"csv"_s).toString().toUtf8();
        result.sha256 = answer.value(u"sha256"_s).toString().toUtf8();
        if (result.count < 0 || (result.count > 0 && result.fileName.isEmpty()))
            result.errorText = tr("the server's answer is not a batch of activation codes");
        done(result);
    });
}

void HttpsTransport::postStoreSequence(const QJsonObject& request,
                                       std::function<void(const Reply&)> done)
{
    postJson(u"store-sequence"_s, request, std::move(done));
}

void HttpsTransport::reportUsedCodes(const QJsonObject& request,
                                     std::function<void(const Reply&)> done)
{
    postJson(u"activation-codes/used"_s, request, std::move(done));
}

void HttpsTransport::postJson(const QString& endpoint, const QJsonObject& request,
                              std::function<void(const Reply&)> done)
{
    QUrl url = m_url;
    const QString base = url.path();
    url.setPath(base.endsWith(u'/') ? QString(base + endpoint) : QString(base + u'/' + endpoint));
    QNetworkRequest post(url);
    post.setSslConfiguration(m_tls);
    post.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply* reply =
        m_network.post(post, QJsonDocument(request).toJson(QJsonDocument::Compact));
    abandonWhenStalled(reply);
    auto sslErrors = std::make_shared<QList<QSslError>>();
    connect(reply, &QNetworkReply::sslErrors, this,
            [sslErrors](const QList<QSslError>& errors) { *sslErrors = errors; });
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, sslErrors, done = std::move(done)] { finishPost(reply, *sslErrors, done); });
}
