#pragma once

#include "BundleIntake.h"
#include "CodeQuota.h"
#include "HttpFront.h"
#include "HttpRequest.h"
#include "HttpResponder.h"
#include "HttpResponse.h"

#include <QHostAddress>
#include <QObject>
#include <QThreadPool>

class ServerDatabase;

// The reference national server: what it answers. Requests come from HttpFront (mutual
// TLS, or the local socket of a front such as nginx), complete and with the site that sent
// them (the client certificate's CommonName, its FINESS); the dispatcher never sees a
// socket, and may answer later through the responder.
//
//   POST /fhir   one transaction Bundle, or {"bundles": [Bundle, ...]}
//                one Bundle: HTTP 201 (accepted), 200 (already had), 409 (another content
//                under a stored version, or older than the latest) or 422 (rejected) with
//                {"outcome", "status", "bundleId", "version", "operationOutcome"?};
//                a batch: HTTP 200 with {"results": [that object per Bundle, in order]};
//                a body over MaxRequestBytes, a batch over MaxBundlesPerRequest or JSON
//                over MaxJsonValues: 413
//   Any POST may come gzip-compressed (Content-Encoding: gzip): the connection inflates it
//   under the same cap (HttpRequestParser), so handlers see the plain body.
//   GET /time    {"time": "<UTC ISO 8601>"} so that clients can measure their clock skew
//   GET /health  {"status": "ok"}
//   GET /activation-codes?count=N   (1..500) up to N free activation codes valid now, issued
//                to the site within its quota (CodeQuota): HTTP 200 with {"count",
//                "exhausted", "fileName", "csv", "sha256"}, the CSV in the national format and
//                its sha256sum line; no code left is a 200 with count 0 and exhausted true; a
//                site over its quota gets a 429; a bad count is a 400
//   POST /activation-codes/used   {"codes": [{"code", "day": "yyyy-MM-dd"}, ...]} (at most
//                500; more is a 413): the codes the site's positives took, with their day and
//                nothing else (anything else, or a day in the future, is a 422). HTTP 200 with
//                {"results": [{"code", "outcome"}, ...]} in order, outcome "used", "already
//                used" (by this site), "unknown" (never issued here: recorded as used) or
//                "refused" (issued to or used by another site: logged as a conflict)
//   POST /store-sequence   {"store": "<UUID>", "auditSequence": N}, at the start of every
//                sync round: the workstation store's id and the sequence of its audit log's
//                last entry. HTTP 200 with {"store", "auditSequence", "highest"} when N is at
//                least the highest seen from that store of that site; 409 with an
//                OperationOutcome (code conflict), logged as a store conflict, when it is
//                lower: an older copy of the store file was put back (ServerDatabase)
class ReferenceServer : public QObject
{
    Q_OBJECT

public:
    using TlsFiles = HttpFront::TlsFiles;

    // Far above what a workstation sends (a batch stops at 50 records or about 8 MiB; one
    // record with the largest report is about 14 MiB): refused on its Content-Length,
    // before a byte of the body is read.
    static constexpr qint64 MaxRequestBytes = 32 * 1024 * 1024;
    static constexpr int MaxBundlesPerRequest = 200;
    // JSON values (objects, arrays, strings, numbers...) in one request, counted before
    // anything is built from them: a workstation's Bundle holds a few hundred, so 200 of
    // them stay far below; an array of millions of zeros does not get parsed.
    static constexpr qint64 MaxJsonValues = 400000;

    explicit ReferenceServer(ServerDatabase* database, QObject* parent = nullptr);
    ~ReferenceServer() override;

    // Threads of readFhir(): one a core by default (sidep-server serve --workers).
    static constexpr int MaxWorkers = 64;
    void setWorkers(int count) { m_workers.setMaxThreadCount(count); }

    HttpFront& front() { return m_front; }
    void setCodeQuota(const CodeQuota& quota) { m_codeQuota = quota; }

    // The TLS listener (see HttpFront::setupTls and listen).
    [[nodiscard]] bool setupTls(const TlsFiles& files, QString* error);
    // Returns the port listened on (useful with port 0), 0 on failure.
    [[nodiscard]] quint16 start(const QHostAddress& address, quint16 port, QString* error);

    // The dispatcher.
    void dispatch(const HttpRequest& request, const QString& site, const HttpResponder& responder);

private:
    // POST /fhir read and each Bundle checked (BundleIntake::check), before the database:
    // safe on any thread.
    struct FhirRequest
    {
        bool refused = false; // the whole request, with this answer
        HttpResponse refusal;
        bool single = false; // one Bundle, not {"bundles": [...]}
        QList<BundleIntake::Checked> bundles;
        QList<qsizetype> order; // the order to store them in
    };
    static FhirRequest readFhir(const QByteArray& requestBody, const QString& site);
    // In the database's thread: the batch stored in one transaction, the answer made.
    HttpResponse storeFhir(const FhirRequest& request);
    // readFhir on a worker thread, then storeFhir here; answers through the responder.
    void postFhir(const QByteArray& requestBody, const QString& site,
                  const HttpResponder& responder);
    HttpResponse getActivationCodes(const HttpRequest& request, const QString& site);
    HttpResponse postUsedCodes(const QByteArray& requestBody, const QString& site);
    HttpResponse postStoreSequence(const QByteArray& requestBody, const QString& site);

    ServerDatabase* m_database;
    CodeQuota m_codeQuota;
    HttpFront m_front;
    QThreadPool m_workers; // readFhir's threads; last, so the first to stop
};
