#pragma once

#include "FhirBundle.h"
#include "SyncTransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

// A national server in memory: keeps what it accepted (once per identifier and version) and
// answers as the test says: normally, with a network error, a 500, a 429, or not at all.
class FakeSyncServer : public SyncTransport
{
public:
    enum class Mode
    {
        Normal,
        NetworkDown,
        ServerError,
        Throttled,
        Swallow, // takes the batch and never answers: a connection cut after sending
    };
    Mode mode = Mode::Normal;
    QSet<QString> stored;        // urn:uuid:<record> # version
    QList<QString> arrivals;     // the same keys, in the order the server took them
    QList<QJsonObject> received; // every Bundle posted, in order
    QSet<QString> rejectIds;     // record ids the server refuses
    int posts = 0;
    QList<qint64> postBytes;       // the size of each request's JSON
    QList<int> bundlesPerPost;     // how many records each request held
    qint64 clockOffsetSeconds = 0; // how far the server's clock is from this machine's
    // The link's pace, for the engine's throughput: each answered request says it took its
    // JSON's bytes at this many bytes a second (0: says nothing, as a transport that cannot
    // tell).
    double linkBytesPerSecond = 0;
    // Used activation codes (POST /activation-codes/used): every report posted, the code
    // and day the server holds, and the codes it refuses as another site's.
    QList<QJsonObject> usedCodeReports;
    QMap<QString, QString> usedCodes;
    QSet<QString> otherSiteCodes;
    QList<int> storedWhenReported; // how many record versions the server held at each report

    void postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done) override
    {
        ++posts;
        postBytes.append(QJsonDocument(bundles).toJson(QJsonDocument::Compact).size());
        bundlesPerPost.append(int(bundles.size()));
        Reply reply;
        switch (mode) {
        case Mode::NetworkDown:
            reply.networkError = true;
            reply.errorText = u"Connection refused"_s;
            done(reply);
            return;
        case Mode::ServerError:
            reply.httpStatus = 500;
            reply.errorText = u"Internal Server Error"_s;
            done(reply);
            return;
        case Mode::Throttled:
            reply.httpStatus = 429;
            reply.retryAfterSeconds = 120;
            done(reply);
            return;
        case Mode::Swallow:
            for (const QJsonValue& bundle : bundles)
                store(bundle.toObject()); // the server got them; the answer is lost
            return;
        case Mode::Normal:
            break;
        }
        QJsonArray results;
        for (const QJsonValue& bundle : bundles)
            results.append(store(bundle.toObject()));
        reply.httpStatus = 200;
        if (linkBytesPerSecond > 0) {
            reply.bytesSent = postBytes.last();
            reply.elapsedMs = qint64(double(reply.bytesSent) * 1000.0 / linkBytesPerSecond);
        }
        reply.body.insert(u"results"_s, results);
        done(reply);
    }

    // POST /store-sequence, when checksStoreSequence: the highest sequence seen so far (-1:
    // none), raised by each request, a lower one refused as the real server does (409).
    bool checksStoreSequence = false;
    qint64 highestSequence = -1;
    int storeSequencePosts = 0;
    void postStoreSequence(const QJsonObject& request,
                           std::function<void(const Reply&)> done) override
    {
        if (!checksStoreSequence) {
            SyncTransport::postStoreSequence(request, std::move(done));
            return;
        }
        ++storeSequencePosts;
        const qint64 sequence = qint64(request.value(u"auditSequence"_s).toDouble());
        Reply reply;
        if (sequence < highestSequence) {
            reply.httpStatus = 409;
            reply.body = QJsonObject{
                {u"resourceType"_s, u"OperationOutcome"_s},
                {u"issue"_s, QJsonArray{QJsonObject{{u"severity"_s, u"error"_s},
                                                    {u"code"_s, u"conflict"_s},
                                                    {u"diagnostics"_s, u"went back"_s}}}}};
        } else {
            highestSequence = sequence;
            reply.httpStatus = 200;
        }
        done(reply);
    }

    void reportUsedCodes(const QJsonObject& request,
                         std::function<void(const Reply&)> done) override
    {
        usedCodeReports.append(request);
        storedWhenReported.append(int(stored.size()));
        Reply reply;
        switch (mode) {
        case Mode::NetworkDown:
            reply.networkError = true;
            reply.errorText = u"Connection refused"_s;
            done(reply);
            return;
        case Mode::ServerError:
        case Mode::Throttled:
            reply.httpStatus = mode == Mode::Throttled ? 429 : 500;
            reply.errorText = u"not now"_s;
            done(reply);
            return;
        case Mode::Swallow:
        case Mode::Normal:
            break;
        }
        QJsonArray results;
        for (const QJsonValue& entry : request.value(u"codes"_s).toArray()) {
            const QString code = entry[u"code"_s].toString();
            QString outcome = u"used"_s;
            if (otherSiteCodes.contains(code))
                outcome = u"refused"_s;
            else if (usedCodes.contains(code))
                outcome = u"already used"_s;
            else
                usedCodes.insert(code, entry[u"day"_s].toString());
            results.append(QJsonObject{{u"code"_s, code}, {u"outcome"_s, outcome}});
        }
        if (mode == Mode::Swallow)
            return; // taken, the answer lost
        reply.httpStatus = 200;
        reply.body.insert(u"results"_s, results);
        done(reply);
    }

    void fetchServerTime(std::function<void(const QDateTime&)> done) override
    {
        done(mode == Mode::Normal ? QDateTime::currentDateTimeUtc().addSecs(clockOffsetSeconds)
                                  : QDateTime());
    }

private:
    QJsonObject store(const QJsonObject& bundle)
    {
        QUuid record;
        int version = 0;
        FhirBundle::recordVersion(bundle, &record, &version);
        const QString id = u"urn:uuid:"_s + record.toString(QUuid::WithoutBraces);
        received.append(bundle);
        QJsonObject result{{u"bundleId"_s, id}, {u"version"_s, version}};
        if (rejectIds.contains(id.mid(9))) {
            result.insert(u"outcome"_s, u"rejected"_s);
            result.insert(
                u"operationOutcome"_s,
                QJsonObject{{u"issue"_s, QJsonArray{QJsonObject{
                                             {u"diagnostics"_s, u"patient.ins: nir.key"_s}}}}});
            return result;
        }
        const QString key = id + u'#' + QString::number(version);
        result.insert(u"outcome"_s, stored.contains(key) ? u"already had"_s : u"accepted"_s);
        if (!stored.contains(key))
            arrivals.append(key);
        stored.insert(key);
        return result;
    }
};
