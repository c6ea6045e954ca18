#pragma once

#include "SyncTransport.h"

#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QUrl>

// The real way to the national server: HTTPS POST of a batch to <url>/fhir with the site's
// TLS settings (SyncSettings::load: TLS 1.2+, the configured CA only, the site's client
// certificate). A request that takes too long is abandoned, as a network error.
class HttpsTransport : public SyncTransport
{
    Q_OBJECT

public:
    HttpsTransport(const QUrl& serverUrl, const QSslConfiguration& tls, QObject* parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done) override;
    void fetchServerTime(std::function<void(const QDateTime&)> done) override;

private:
    QNetworkAccessManager m_network;
    QUrl m_url;
    QSslConfiguration m_tls;
    int m_timeoutMs = 60000;
};
