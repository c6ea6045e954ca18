#pragma once

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>

class ServerDatabase;
class QHttpServerResponder;

// The HTTPS front of the reference server. Mutual TLS: a client without a certificate
// issued by the configured client CA never gets past the handshake, and the certificate's
// CommonName (the site's FINESS) is who the records must come from. QAbstractHttpServer
// parses HTTP; handleRequest() sees the socket, hence the peer certificate.
//
//   POST /fhir   one transaction Bundle, or {"bundles": [Bundle, ...]}
//                one Bundle: HTTP 201 (accepted), 200 (already had) or 422 (rejected) with
//                {"outcome", "status", "bundleId", "version", "operationOutcome"?};
//                a batch: HTTP 200 with {"results": [that object per Bundle, in order]};
//                a body over MaxRequestBytes or a batch over MaxBundlesPerRequest: 413
//   GET /time    {"time": "<UTC ISO 8601>"} so that clients can measure their clock skew
//   GET /health  {"status": "ok"}
//   GET /activation-codes?count=N   (1..500) up to N free activation codes valid now, issued
//                to the site: HTTP 200 with {"count", "exhausted", "fileName", "csv",
//                "sha256"}, the CSV in the national format and its sha256sum line; no code
//                left is a 200 with count 0 and exhausted true; a bad count is a 400
class ReferenceServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    struct TlsFiles
    {
        QString certificate; // PEM, the server's certificate (and chain)
        QString key;         // PEM, its private key
        QString clientCa;    // PEM, the only CA whose client certificates are accepted
    };

    // Far above what a workstation sends (a batch stops at 50 records or about 8 MiB; one
    // record with the largest report is about 14 MiB): refused before any parsing.
    static constexpr qint64 MaxRequestBytes = 32 * 1024 * 1024;
    static constexpr int MaxBundlesPerRequest = 200;

    explicit ReferenceServer(ServerDatabase* database, QObject* parent = nullptr);

    // Loads the certificates and sets up TLS 1.2+ with a required client certificate.
    [[nodiscard]] bool setupTls(const TlsFiles& files, QString* error);
    // Returns the port listened on (useful with port 0), 0 on failure.
    [[nodiscard]] quint16 start(const QHostAddress& address, quint16 port, QString* error);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void postFhir(const QByteArray& requestBody, const QString& site,
                  QHttpServerResponder& responder);
    void getActivationCodes(const QHttpServerRequest& request, const QString& site,
                            QHttpServerResponder& responder);

    ServerDatabase* m_database;
};
