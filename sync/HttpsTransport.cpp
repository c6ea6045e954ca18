#include "HttpsTransport.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

HttpsTransport::HttpsTransport(const QUrl& serverUrl, const QSslConfiguration& tls, QObject* parent)
    : SyncTransport(parent)
    , m_url(serverUrl)
    , m_tls(tls)
{}

void HttpsTransport::postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done)
{
    QUrl url = m_url;
    url.setPath(url.path().endsWith(u'/') ? url.path() + u"fhir"_s : url.path() + u"/fhir"_s);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/fhir+json"_s);
    request.setTransferTimeout(m_timeoutMs);
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"bundles"_s, bundles}}).toJson(QJsonDocument::Compact);
    QNetworkReply* reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        Reply result;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        result.body = QJsonDocument::fromJson(answer).object();
        if (reply->hasRawHeader("Retry-After"))
            result.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
        // An HTTP error status is an answer; no status at all is the network's failure
        // (refused, cut, timed out, or a certificate that did not check out).
        result.networkError = result.httpStatus == 0;
        if (reply->error() != QNetworkReply::NoError)
            result.errorText = reply->errorString();
        done(result);
    });
}

void HttpsTransport::fetchServerTime(std::function<void(const QDateTime&)> done)
{
    QUrl url = m_url;
    url.setPath(url.path().endsWith(u'/') ? url.path() + u"time"_s : url.path() + u"/time"_s);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply* reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        done(QDateTime::fromString(answer.value(u"time"_s).toString(), Qt::ISODateWithMs));
    });
}
