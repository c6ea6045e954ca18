#include "ReferenceServer.h"

#include "ActivationCodePool.h"
#include "BundleIntake.h"
#ifdef SIDEP_TEST_HOOKS
#include "FaultInjection.h"
#endif
#include "JsonBudget.h"
#include "JsonText.h"
#include "Logging.h"
#include "ServerDatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUuid>
#include <algorithm>
#include <memory>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

HttpResponse answer(const QJsonObject& body, int status)
{
    return HttpResponse::json(status, body);
}

HttpResponse problem(int status, const QString& code, const QString& text,
                     const QString& expression = {})
{
    return answer(BundleIntake::operationOutcome(code, text, expression), status);
}

} // namespace

ReferenceServer::ReferenceServer(ServerDatabase* database, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_front([this](const HttpRequest& request, const QString& site,
                     const HttpResponder& responder) { dispatch(request, site, responder); },
              this)
{
    m_workers.setMaxThreadCount(QThread::idealThreadCount());
}

ReferenceServer::~ReferenceServer()
{
    m_workers.waitForDone();
}

bool ReferenceServer::setupTls(const TlsFiles& files, QString* error)
{
    return m_front.setupTls(files, error);
}

quint16 ReferenceServer::start(const QHostAddress& address, quint16 port, QString* error)
{
    return m_front.listen(address, port, error);
}

void ReferenceServer::dispatch(const HttpRequest& request, const QString& site,
                               const HttpResponder& responder)
{
    const QString& path = request.path;
    const QByteArray& method = request.method;
    const bool fhir = path == u"/fhir"_s;
#ifdef SIDEP_TEST_HOOKS
    // Test builds only (SIDEP_SERVER_FAULTS): a failing, cut or slow server on demand.
    if (FaultInjection* faults = FaultInjection::fromEnvironment();
        faults && fhir && method == "POST") {
        faults->serve(responder, [this, site, body = request.body] {
            return storeFhir(readFhir(body, site));
        });
        return;
    }
#endif
    if (fhir && method == "POST") {
        postFhir(request.body, site, responder);
    } else if (path == u"/time"_s && method == "GET") {
        responder.respond(answer(
            {{u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}}, 200));
    } else if (path == u"/health"_s && method == "GET") {
        responder.respond(answer({{u"status"_s, u"ok"_s}}, 200));
    } else if (path == u"/activation-codes"_s && method == "GET") {
        responder.respond(getActivationCodes(request, site));
    } else if (path == u"/activation-codes/used"_s && method == "POST") {
        responder.respond(postUsedCodes(request.body, site));
    } else if (path == u"/store-sequence"_s && method == "POST") {
        responder.respond(postStoreSequence(request.body, site));
    } else if (fhir || path == u"/time"_s || path == u"/health"_s ||
               path == u"/activation-codes"_s || path == u"/activation-codes/used"_s ||
               path == u"/store-sequence"_s) {
        responder.respond(problem(405, u"not-supported"_s, tr("method not allowed")));
    } else {
        responder.respond(problem(404, u"not-found"_s, tr("no such endpoint")));
    }
}

ReferenceServer::FhirRequest ReferenceServer::readFhir(const QByteArray& requestBody,
                                                       const QString& site)
{
    FhirRequest request;
    auto refuse = [&request](const HttpResponse& response) {
        request.refused = true;
        request.refusal = response;
        return request;
    };
    // The connection refused a larger Content-Length already; kept for other callers.
    if (requestBody.size() > MaxRequestBytes) {
        return refuse(problem(413, u"too-costly"_s,
                              tr("the request is larger than %1 MiB: send fewer records at a time")
                                  .arg(MaxRequestBytes / (1024 * 1024))));
    }
    // Counted before parsing: the parsed document costs memory per value.
    if (JsonBudget::countValues(requestBody, MaxJsonValues) > MaxJsonValues) {
        qCWarning(lcServer).noquote() << "request from site" << site << "refused: more than"
                                      << MaxJsonValues << "JSON values";
        return refuse(problem(413, u"too-costly"_s,
                              tr("the request holds more than %1 JSON values: send fewer records "
                                 "at a time")
                                  .arg(MaxJsonValues)));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(requestBody, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return refuse(
            problem(400, u"structure"_s,
                    tr("the body is not a JSON object: %1").arg(parseError.errorString())));
    }
    const QJsonObject body = document.object();
    // A workstation's request is compact JSON: each Bundle's text is then kept as it came
    // (checking it and finding each Bundle's text, in one pass: 8 µs a Bundle of a batch of
    // 50 sample Bundles; writing it again: 40); the Bundles of any other text are written
    // again.
    QList<QByteArrayView> texts;
    const bool compactBody = JsonText::isCompact(requestBody, "bundles", &texts);
    if (!body.contains(u"bundles"_s)) {
        request.single = true;
        request.bundles.append(
            BundleIntake::check(body, site, compactBody ? QByteArrayView(requestBody) : nullptr));
        request.order.append(0);
        return request;
    }
    const QJsonValue bundles = body.value(u"bundles"_s);
    if (!bundles.isArray())
        return refuse(problem(400, u"structure"_s, tr("bundles: must be an array"), u"bundles"_s));
    const QJsonArray array = bundles.toArray();
    if (array.size() > MaxBundlesPerRequest) {
        return refuse(problem(413, u"too-costly"_s,
                              tr("bundles: at most %1 Bundles a request").arg(MaxBundlesPerRequest),
                              u"bundles"_s));
    }
    request.bundles.reserve(array.size());
    const bool textEach = texts.size() == array.size();
    QList<std::pair<QString, int>> keys(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (array.at(i).isObject()) {
            request.bundles.append(BundleIntake::check(array.at(i).toObject(), site,
                                                       textEach ? texts.at(i) : nullptr));
        } else {
            const QString where = u"bundles[%1]"_s.arg(i);
            BundleIntake::Checked notABundle;
            notABundle.result.operationOutcome = BundleIntake::operationOutcome(
                u"structure"_s, where + u": type: "_s + tr("must be a Bundle object"), where);
            request.bundles.append(notABundle);
        }
        // The record and version check() read off the Bundle (none for a rejected one).
        const BundleIntake::Result& read = request.bundles.last().result;
        keys[i] = {read.bundleId, read.version};
    }
    // Stored in the order of their records, then of their versions as numbers (version 10
    // after 9): a record's versions in one batch are stored in turn, each the next of the
    // one before, and two instances storing overlapping batches take the rows' locks in the
    // same order, so they wait for each other instead of deadlocking.
    request.order.resize(array.size());
    std::iota(request.order.begin(), request.order.end(), 0);
    std::stable_sort(request.order.begin(), request.order.end(),
                     [&keys](qsizetype a, qsizetype b) { return keys.at(a) < keys.at(b); });
    return request;
}

HttpResponse ReferenceServer::storeFhir(const FhirRequest& request)
{
    if (request.refused)
        return request.refusal;
    QString error;
    if (request.single) {
        // A batch of one: the version and the Patient it may replace are committed together.
        if (!m_database->beginBatch(&error)) {
            qCWarning(lcServer).noquote() << "Bundle not stored:" << error;
            return problem(503, u"transient"_s, tr("the server could not store the record"));
        }
        const BundleIntake::Result result =
            BundleIntake::store(request.bundles.first(), m_database);
        if (result.outcome == BundleIntake::Outcome::Failed) {
            m_database->rollbackBatch();
        } else if (!m_database->commitBatch(&error)) {
            m_database->rollbackBatch();
            qCWarning(lcServer).noquote() << "Bundle not stored:" << error;
            return problem(503, u"transient"_s, tr("the server could not store the record"));
        }
        return answer(result.toJson(), result.httpStatus);
    }
    // The whole batch in one commit (one disk sync, not one a record). If anything in it
    // fails the database, nothing of it is kept and the answer says "send again": the
    // workstation resends, and what another instance stored meanwhile is recognised.
    const qsizetype count = request.bundles.size();
    auto sendAgain = [&](const QString& why) {
        qCWarning(lcServer).noquote() << "batch of" << count << "not stored:" << why;
        return problem(503, u"transient"_s,
                       tr("the server could not store this batch: send it again"));
    };
    if (!m_database->beginBatch(&error))
        return sendAgain(error);
    QList<QJsonObject> results(count);
    for (const qsizetype i : request.order) {
        const BundleIntake::Result result = BundleIntake::store(request.bundles.at(i), m_database);
        if (result.outcome == BundleIntake::Outcome::Failed) {
            m_database->rollbackBatch();
            return sendAgain(u"record %1 failed"_s.arg(i));
        }
        results[i] = result.toJson();
    }
    if (!m_database->commitBatch(&error)) {
        m_database->rollbackBatch();
        return sendAgain(error);
    }
    QJsonArray out;
    for (const QJsonObject& result : std::as_const(results))
        out.append(result);
    return answer({{u"results"_s, out}}, 200);
}

void ReferenceServer::postFhir(const QByteArray& requestBody, const QString& site,
                               const HttpResponder& responder)
{
    // Reading and checking a batch costs far more than storing it: done on the worker
    // threads, so that one instance uses every core and the event loop keeps serving the
    // other connections meanwhile. Storing stays here, on the database connection's thread,
    // each batch in its own transaction. The pool is waited for before this object goes
    // (its destructor), so the queued call never reaches a deleted server.
    m_workers.start([this, requestBody, site, responder] {
        auto request = std::make_shared<const FhirRequest>(readFhir(requestBody, site));
        QMetaObject::invokeMethod(
            this, [this, request, responder] { responder.respond(storeFhir(*request)); },
            Qt::QueuedConnection);
    });
}

HttpResponse ReferenceServer::getActivationCodes(const HttpRequest& request, const QString& site)
{
    const QString countText = request.query.queryItemValue(u"count"_s);
    bool isNumber = false;
    const int count = countText.toInt(&isNumber);
    if (!isNumber || count < 1 || count > ActivationCodePool::MaxBatch) {
        return problem(400, u"value"_s,
                       (countText.isEmpty() ? tr("count: required, a whole number from 1 to %1")
                                            : tr("count: must be a whole number from 1 to %1"))
                           .arg(ActivationCodePool::MaxBatch),
                       u"count"_s);
    }
    auto unavailable = [&](const QString& error) {
        qCWarning(lcServer).noquote() << "activation codes for site" << site << "failed:" << error;
        return problem(503, u"transient"_s, tr("the server could not issue activation codes"));
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CodeQuota::Allowance allowance;
    QString error;
    if (!m_codeQuota.allowance(m_database, site, count, now, &allowance, &error))
        return unavailable(error);
    if (allowance.count == 0) {
        qCWarning(lcServer).noquote()
            << "activation codes refused to site" << site << ":" << allowance.reason;
        HttpResponse refused = problem(429, u"throttled"_s, allowance.reason, u"count"_s);
        refused.setHeader("Retry-After", QByteArray::number(allowance.retryAfterSeconds));
        return refused;
    }
    if (allowance.count < count) {
        qCInfo(lcServer).noquote() << "activation codes for site" << site << "trimmed from" << count
                                   << "to" << allowance.count << ":" << allowance.reason;
    }
    ActivationCodePool::Batch batch;
    if (!ActivationCodePool(m_database).issue(site, allowance.count, &batch, &error, now))
        return unavailable(error);
    // An empty batch is an answer, not a failure: the stock has run out (exhausted), which
    // the workstation says as such rather than retrying like a server error. A batch trimmed
    // by the quota is not "exhausted" (fewer than the allowance): the stock is not short.
    return HttpResponse::json(200, batch.toJson(), "application/json");
}

HttpResponse ReferenceServer::postUsedCodes(const QByteArray& requestBody, const QString& site)
{
    // A report of 500 codes is about 35 KiB and 1,500 JSON values.
    constexpr qint64 MaxValues = 4 * ActivationCodePool::MaxReport + 10;
    constexpr qint64 MaxBytes = 256 * 1024;
    if (requestBody.size() > MaxBytes ||
        JsonBudget::countValues(requestBody, MaxValues) > MaxValues) {
        return problem(413, u"too-costly"_s,
                       tr("codes: at most %1 codes a request").arg(ActivationCodePool::MaxReport),
                       u"codes"_s);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(requestBody, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return problem(400, u"structure"_s,
                       tr("the body is not a JSON object: %1").arg(parseError.errorString()));
    }
    const QJsonObject body = document.object();
    const QJsonValue codes = body.value(u"codes"_s);
    if (body.size() != 1 || !codes.isArray())
        return problem(400, u"structure"_s, tr("codes: an array, and nothing else"), u"codes"_s);
    const QJsonArray array = codes.toArray();
    if (array.size() > ActivationCodePool::MaxReport) {
        return problem(413, u"too-costly"_s,
                       tr("codes: at most %1 codes a request").arg(ActivationCodePool::MaxReport),
                       u"codes"_s);
    }
    // A code and its day, nothing else: the report must not tie a code to a record or to a
    // time of day, and a request that tries is refused whole.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate latest = now.date().addDays(1); // a workstation's day may be ahead of ours
    QList<ActivationCodePool::UsedCode> used;
    used.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = u"codes[%1]"_s.arg(i);
        const QJsonObject entry = array.at(i).toObject();
        const QString code = entry.value(u"code"_s).toString();
        const QString day = entry.value(u"day"_s).toString();
        const QDate date = QDate::fromString(day, Qt::ISODate);
        if (entry.size() != 2 || code.isEmpty() || code.size() > 64 || day.size() != 10 ||
            !date.isValid() || date > latest) {
            return problem(422, u"structure"_s,
                           where + u": "_s +
                               tr("must be {\"code\", \"day\": \"yyyy-MM-dd\"}, nothing else, "
                                  "the day not in the future"),
                           where);
        }
        used.append({code, day});
    }
    auto unavailable = [&](const QString& error) {
        qCWarning(lcServer).noquote()
            << "used activation codes from site" << site << "not stored:" << error;
        return problem(503, u"transient"_s,
                       tr("the server could not store this report: send it again"));
    };
    // One commit for the report: all of it or, on a failure, none (the site sends it again).
    QString error;
    if (!m_database->beginBatch(&error))
        return unavailable(error);
    QList<ServerDatabase::CodeUse> outcomes;
    if (!ActivationCodePool(m_database).reportUsed(used, site, &outcomes, &error, now)) {
        m_database->rollbackBatch();
        return unavailable(error);
    }
    if (!m_database->commitBatch(&error)) {
        m_database->rollbackBatch();
        return unavailable(error);
    }
    QJsonArray results;
    int conflicts = 0;
    for (qsizetype i = 0; i < used.size(); ++i) {
        const ServerDatabase::CodeUse use = outcomes.at(i);
        if (use == ServerDatabase::CodeUse::OtherSite ||
            use == ServerDatabase::CodeUse::UsedElsewhere) {
            ++conflicts;
            // Codes are anonymous; the operators need the code to settle it with the sites.
            qCWarning(lcServer).noquote()
                << "activation code conflict: site" << site << "reported" << used.at(i).code
                << (use == ServerDatabase::CodeUse::OtherSite ? "issued to another site"
                                                              : "used by another site");
        }
        results.append(QJsonObject{{u"code"_s, used.at(i).code},
                                   {u"outcome"_s, ActivationCodePool::outcomeText(use)}});
    }
    qCInfo(lcServer).noquote() << "site" << site << "reported" << used.size()
                               << "used activation codes," << conflicts << "refused";
    return answer({{u"results"_s, results}}, 200);
}

HttpResponse ReferenceServer::postStoreSequence(const QByteArray& requestBody, const QString& site)
{
    constexpr qint64 MaxBytes = 1024;
    if (requestBody.size() > MaxBytes)
        return problem(413, u"too-costly"_s,
                       tr("the request is larger than %1 bytes").arg(MaxBytes));
    const QJsonObject body = QJsonDocument::fromJson(requestBody).object();
    const QString storeId = body.value(u"store"_s).toString();
    const QJsonValue sequenceValue = body.value(u"auditSequence"_s);
    // Exactly an integer: JSON numbers are doubles, and 2^53 is far beyond any audit log.
    const double number = sequenceValue.toDouble(-1);
    const qint64 sequence = qint64(number);
    const bool storeValid = storeId.size() == 36 && !QUuid::fromString(storeId).isNull();
    if (body.size() != 2 || !storeValid || !sequenceValue.isDouble() || number < 0 ||
        number > 9007199254740992.0 || double(sequence) != number) {
        return problem(422, u"structure"_s,
                       tr("must be {\"store\": \"<UUID>\", \"auditSequence\": <integer >= 0>}, "
                          "nothing else"));
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    ServerDatabase::StoreSequence verdict = ServerDatabase::StoreSequence::Recorded;
    qint64 highest = 0;
    QString error;
    if (!m_database->noteStoreSequence(site, storeId, sequence, now, &verdict, &highest, &error)) {
        qCWarning(lcServer).noquote()
            << "store sequence from site" << site << "not stored:" << error;
        return problem(503, u"transient"_s, tr("the server could not note this: send it again"));
    }
    if (verdict == ServerDatabase::StoreSequence::WentBack) {
        // What the operators must see: a site whose store file was replaced by an older copy
        // (a backup put back without `sidepctl db restored`, or someone hiding records).
        qCWarning(lcServer).noquote()
            << "store conflict: site" << site << "store" << storeId << "is at audit sequence"
            << sequence << "after" << highest << "was seen: an older copy of its store";
        return problem(409, u"conflict"_s,
                       tr("this store went back in time: its audit log ends at entry %1, and "
                          "the national server saw it at entry %2 before. An older copy of the "
                          "store file was put back; nothing is accepted from it until an "
                          "administrator checks it (sidepctl db verify, audit verify) and, for "
                          "a backup restored on purpose, runs sidepctl db restored")
                           .arg(sequence)
                           .arg(highest));
    }
    return answer({{u"store"_s, storeId},
                   {u"auditSequence"_s, double(sequence)},
                   {u"highest"_s, double(highest)}},
                  200);
}
