#pragma once

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
    };

    // Posts {"bundles": [...]} and calls `done` once, with the answer.
    virtual void postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done) = 0;
    // The server's clock (GET /time), to warn when the workstation's is off; an invalid
    // time when it cannot be known.
    virtual void fetchServerTime(std::function<void(const QDateTime&)> done) { done({}); }
};
