#pragma once

#include "SyncTransport.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

class Store;

// Tells the national server which activation codes the site's positive results took, apart
// from the records (POST /activation-codes/used): each code with the UTC day it was taken,
// sorted by code; no record identifier, no time of day. A record never carries its code, so
// the server cannot tie an application user to a named person.
//
// Crash-safe like the outbox: a code stays "not reported" in the pool (ActivationCodes) until
// the server has answered for it, so a lost answer or a crash sends it again and the server
// says "already used". Runs after the records' round; one report at a time, in requests of
// at most MaxPerRequest codes. Any signed-in user: the codes name no one.
class UsedCodeReport : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxPerRequest = 500; // the server's limit per request
    static constexpr int MaxRequests = 20;    // per report; the rest goes next round

    struct Result
    {
        enum class Outcome
        {
            NothingToReport,
            Reported, // the server answered for every code sent (see refused)
            Failed,   // network, server or store error (see error); the rest goes next time
        };
        Outcome outcome = Outcome::NothingToReport;
        int sent = 0;
        int used = 0;        // marked used now
        int alreadyUsed = 0; // the server had them (a resend after a lost answer)
        int unknown = 0;     // never issued by that server: recorded as used
        int refused = 0;     // issued to or used by another site: a conflict for the operators
        QString error;
    };

    UsedCodeReport(Store& store, SyncTransport* transport, QObject* parent = nullptr);

    // Sends what is not reported yet. True when a request started: finished() follows. False
    // when nothing was sent (nothing to report, busy, or the pool could not be read):
    // lastResult() says why.
    bool reportPending();

    bool isBusy() const { return m_busy; }
    const Result& lastResult() const { return m_result; }
    // The last report's problem, for the sync panel; empty when it went well.
    QString lastProblem() const;

Q_SIGNALS:
    void finished(const UsedCodeReport::Result& result);

private:
    // False with nothing sent when nothing is left or the pool could not be read.
    bool sendNext();
    void finish();

    Store& m_store;
    SyncTransport* m_transport;
    Result m_result;
    int m_requests = 0;
    bool m_busy = false;
};
