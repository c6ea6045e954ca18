#pragma once

#include "SyncTransport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

// The real way to the national server: HTTPS POST of a batch to <url>/fhir with the site's
// TLS settings (SyncSettings::load: TLS 1.2+, the configured CA only, the site's client
// certificate), the batch gzip-compressed (Content-Encoding: gzip: FHIR JSON shrinks about
// 13-fold, what a slow uplink needs). A request on which nothing moved, up or down, for the
// timeout is abandoned, as a network error; a slow transfer still moving is not. Failures
// are told in plain words, with what to do (describeFailure): what Status::lastError and
// `sidepctl sync` show.
class HttpsTransport : public SyncTransport
{
    Q_OBJECT

public:
    HttpsTransport(const QUrl& serverUrl, const QSslConfiguration& tls, QObject* parent = nullptr);

    // How long a request may stand still (no byte sent nor received) before it is abandoned.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // What went wrong with a request, as the network layer saw it.
    struct Failure
    {
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QList<QSslError> sslErrors; // the checks of the server's certificate that failed
        QString networkText;        // Qt's own words
        int httpStatus = 0;
        QString httpReason;
        // A new connection with the same settings was dropped too, before any answer.
        bool clientCertificateRefused = false;
    };
    // What went wrong and what to do, translated: an expired, misnamed or foreign server
    // certificate, a refused or missing client certificate, no common TLS version, a server
    // down, unreachable or too slow, an HTTP error. Built from the network layer's verdict
    // only: never any of the request's content.
    QString describeFailure(const Failure& failure) const;
    void postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done) override;
    void fetchServerTime(std::function<void(const QDateTime&)> done) override;
    // GET <url>/activation-codes?count=N
    void fetchActivationCodes(int count, std::function<void(const CodeBatchReply&)> done) override;
    // POST <url>/activation-codes/used
    void reportUsedCodes(const QJsonObject& request,
                         std::function<void(const Reply&)> done) override;
    // POST <url>/store-sequence
    void postStoreSequence(const QJsonObject& request,
                           std::function<void(const Reply&)> done) override;

private:
    // POST <url>/<endpoint> of a small JSON object.
    void postJson(const QString& endpoint, const QJsonObject& request,
                  std::function<void(const Reply&)> done);
    void finishPost(QNetworkReply* reply, const QList<QSslError>& sslErrors,
                    const std::function<void(const Reply&)>& done);
    // Abandons `reply` once nothing moved on it, either way, for the timeout.
    void abandonWhenStalled(QNetworkReply* reply) const;
    bool hasClientCertificate() const;
    // The families of failure describeFailure tries in turn; each returns an empty string
    // when the failure is not one of its own.
    QString httpStatusFailure(const Failure& failure) const;
    QString serverCertificateFailure(const Failure& failure) const;
    QString hostNameMismatch(const QSslCertificate& certificate) const;
    QString clientCertificateFailure(const Failure& failure) const;
    QString tlsVersionFailure(const Failure& failure) const;
    QString connectionFailure(const Failure& failure) const; // the rest: the network's verdict
    QString serverAddress() const;                           // host:port, as messages show it
    // After a connection dropped without an answer: a new one with the same settings asks
    // GET /health, and `done(true)` when the server drops it too without a byte, which is
    // how it refuses a client certificate (no TLS alert reaches the client).
    void checkClientCertificate(std::function<void(bool refused)> done);

    QNetworkAccessManager m_network;
    QUrl m_url;
    QSslConfiguration m_tls;
    int m_timeoutMs = 60000;
};
