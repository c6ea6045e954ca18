#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>

// How the sync engine reaches the national server: one POST of a batch of Bundles, one
// answer. The real one speaks HTTPS with mutual TLS; tests give the engine a fake that
// answers what a test wants (a failing network, 500s, 429s, a server that drops a batch).
class SyncTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    struct Reply
    {
        bool networkError = false; // no HTTP answer at all (refused, cut, timed out, TLS)
        QString errorText;         // what the network layer or the server said
        int httpStatus = 0;
        int retryAfterSeconds = -1; // from a 429's Retry-After
        // {"results": [{"bundleId", "version", "outcome", "status", "operationOutcome"}]}
        QJsonObject body;
        // What the request cost, for the engine's throughput: the body's bytes as sent
        // (compressed), and the time from the request to its answer. 0 when unknown.
        qint64 bytesSent = 0;
        qint64 elapsedMs = 0;
    };

    // Posts {"bundles": [...]} (gzip-compressed on the wire) and calls `done` once, with
    // the answer.
    virtual void postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done) = 0;
    // The server's clock (GET /time), to warn when the workstation's is off; an invalid
    // time when it cannot be known.
    virtual void fetchServerTime(std::function<void(const QDateTime&)> done) { done({}); }

    // A batch of activation codes from the server's stock (GET /activation-codes), for the
    // site's pool: the national CSV file, its name and its sha256sum line, to import with
    // ActivationCodes::importCsv like a file brought by hand.
    struct CodeBatchReply
    {
        bool networkError = false;
        QString errorText; // empty when the batch arrived
        int httpStatus = 0;
        int count = 0;
        bool exhausted = false; // the server has fewer codes left than asked (maybe none)
        QString fileName;
        QByteArray csv;
        QByteArray sha256;
    };
    // Asks for up to `count` codes and calls `done` once. A transport without this says so.
    virtual void fetchActivationCodes(int count, std::function<void(const CodeBatchReply&)> done)
    {
        Q_UNUSED(count);
        CodeBatchReply reply;
        reply.errorText = tr("this connection cannot fetch activation codes");
        done(reply);
    }

    // Posts {"store": "<UUID>", "auditSequence": N} (POST /store-sequence), what opens each
    // round (StoreIdentity), and calls `done` once. A transport without this answers as a
    // server without the endpoint does (404): nothing is checked.
    virtual void postStoreSequence(const QJsonObject& request,
                                   std::function<void(const Reply&)> done)
    {
        Q_UNUSED(request);
        Reply reply;
        reply.httpStatus = 404;
        reply.errorText = tr("this connection does not check the store's sequence");
        done(reply);
    }

    // Posts {"codes": [{"code", "day"}, ...]} (POST /activation-codes/used) and calls `done`
    // once; the answer's body is {"results": [{"code", "outcome"}, ...]}. A transport without
    // this says so.
    virtual void reportUsedCodes(const QJsonObject& request, std::function<void(const Reply&)> done)
    {
        Q_UNUSED(request);
        Reply reply;
        reply.errorText = tr("this connection cannot report used activation codes");
        done(reply);
    }
};
