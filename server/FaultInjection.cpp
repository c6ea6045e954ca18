#include "FaultInjection.h"

#include "BundleIntake.h"
#include "Logging.h"

#include <QFile>
#include <QSaveFile>
#include <QTimer>

using namespace Qt::StringLiterals;

FaultInjection* FaultInjection::fromEnvironment()
{
    static FaultInjection* const instance = []() -> FaultInjection* {
        const QString file = qEnvironmentVariable(Variable);
        return file.isEmpty() ? nullptr : new FaultInjection(file, QCoreApplication::instance());
    }();
    return instance;
}

FaultInjection::FaultInjection(const QString& file, QObject* parent)
    : QObject(parent)
    , m_file(file)
{}

FaultInjection::Fault FaultInjection::parse(const QString& line, QString* error)
{
    const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
    Fault fault;
    if (words.isEmpty())
        return fault;
    bool ok = false;
    const QString& word = words.first();
    if (word == u"status"_s && (words.size() == 2 || words.size() == 3)) {
        fault.status = words.at(1).toInt(&ok);
        if (ok && fault.status == 429 && words.size() == 3)
            fault.retryAfterSeconds = words.at(2).toInt(&ok);
        else if (words.size() == 3)
            ok = false; // only a 429 takes seconds
        ok = ok && fault.status >= 400 && fault.status <= 599 && fault.retryAfterSeconds >= -1;
        fault.kind = Fault::Kind::Status;
    } else if (word == u"cut-before-store"_s && words.size() == 1) {
        ok = true;
        fault.kind = Fault::Kind::CutBeforeStore;
    } else if (word == u"cut-after-store"_s && words.size() == 1) {
        ok = true;
        fault.kind = Fault::Kind::CutAfterStore;
    } else if (word == u"delay"_s && words.size() == 2) {
        fault.delayMs = words.at(1).toInt(&ok);
        ok = ok && fault.delayMs >= 0;
        fault.kind = Fault::Kind::Delay;
    }
    if (!ok) {
        *error = tr("fault not understood: '%1' (status CODE [SECONDS], cut-before-store, "
                    "cut-after-store, delay MS)")
                     .arg(line.simplified());
        return {};
    }
    return fault;
}

FaultInjection::Fault FaultInjection::takeNext()
{
    QFile in(m_file);
    if (!in.open(QIODevice::ReadOnly))
        return {}; // no file: no fault
    const QByteArray contents = in.readAll();
    in.close();
    if (contents.isEmpty())
        return {};
    const qsizetype end = contents.indexOf('\n');
    const QString line = QString::fromUtf8(end < 0 ? contents : contents.left(end));
    // Written back whole and atomically: a test may be writing the next faults meanwhile.
    QSaveFile out(m_file);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(end < 0 ? QByteArray() : contents.mid(end + 1)) < 0 || !out.commit()) {
        qCWarning(lcServer).noquote()
            << "fault injection: cannot rewrite" << m_file << ":" << out.errorString();
    }
    QString error;
    const Fault fault = parse(line, &error);
    if (!error.isEmpty())
        qCWarning(lcServer).noquote() << "fault injection:" << error;
    return fault;
}

void FaultInjection::serve(const HttpResponder& responder, Handler handle)
{
    const Fault fault = takeNext();
    switch (fault.kind) {
    case Fault::Kind::None:
        responder.respond(handle());
        return;
    case Fault::Kind::Status: {
        qCWarning(lcServer) << "fault injection: answering" << fault.status;
        const bool throttled = fault.status == 429;
        HttpResponse response = HttpResponse::json(
            fault.status, BundleIntake::operationOutcome(
                              throttled ? u"throttled"_s : u"transient"_s,
                              tr("fault injected for a test: HTTP %1").arg(fault.status)));
        if (throttled && fault.retryAfterSeconds >= 0)
            response.setHeader("Retry-After", QByteArray::number(fault.retryAfterSeconds));
        responder.respond(response);
        return;
    }
    case Fault::Kind::CutBeforeStore:
        qCWarning(lcServer) << "fault injection: connection cut before storing";
        responder.abort();
        return;
    case Fault::Kind::CutAfterStore:
        qCWarning(lcServer) << "fault injection: connection cut after storing";
        // Stored, and the answer never written: the client gets no byte of it.
        handle();
        responder.abort();
        return;
    case Fault::Kind::Delay:
        qCWarning(lcServer) << "fault injection: answering in" << fault.delayMs << "ms";
        // The event loop keeps serving other connections meanwhile.
        QTimer::singleShot(fault.delayMs, this, [responder, handle = std::move(handle)] {
            if (responder.isWaiting()) {
                responder.respond(handle());
                return;
            }
            // A client that gave up is not answered; nothing stored either,
            // as a server that cancels work for a closed connection.
            qCWarning(lcServer) << "fault injection: the client left before the answer";
        });
        return;
    }
}
