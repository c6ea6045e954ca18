#pragma once

#include "HttpResponder.h"
#include "HttpResponse.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <functional>

// A failing, cut or slow server on demand, for the sync tests only. When the environment
// variable SIDEP_SERVER_FAULTS names a file, each POST /fhir takes (and removes) the first
// line of that file and suffers what it says:
//   status 500, status 503   that answer, nothing stored
//   status 429 SECONDS       429 with Retry-After: SECONDS, nothing stored
//   cut-before-store         the connection dropped, nothing stored
//   cut-after-store          the batch stored, then the connection dropped without an answer
//   delay MS                 the batch stored and answered MS milliseconds later (the event
//                            loop keeps serving); nothing if the client has gone by then
//   an empty line, or none   the normal answer
// Compiled only into builds with test hooks (SIDEP_TEST_HOOKS, never a package), where
// `serve` warns loudly when the variable is set.
class FaultInjection : public QObject
{
    Q_OBJECT

public:
    static constexpr const char* Variable = "SIDEP_SERVER_FAULTS";

    struct Fault
    {
        enum class Kind
        {
            None,
            Status,
            CutBeforeStore,
            CutAfterStore,
            Delay,
        };
        Kind kind = Kind::None;
        int status = 0;             // Status
        int retryAfterSeconds = -1; // Status 429
        int delayMs = 0;            // Delay
    };

    // This process's instance, or null when SIDEP_SERVER_FAULTS is not set (the normal case).
    static FaultInjection* fromEnvironment();

    explicit FaultInjection(const QString& file, QObject* parent = nullptr);
    QString file() const { return m_file; }

    // One line of the file; what is not understood is said in `error` and read as no fault.
    static Fault parse(const QString& line, QString* error);
    // Takes the first line out of the file (no fault when there is none).
    Fault takeNext();

    // Stores the batch and returns the answer: the server's normal handling of POST /fhir.
    using Handler = std::function<HttpResponse()>;
    // Serves one POST /fhir with the next fault of the file.
    void serve(const HttpResponder& responder, Handler handle);

private:
    QString m_file;
};
