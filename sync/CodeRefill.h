#pragma once

#include "SyncTransport.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

class Store;

// Keeps the site's pool of activation codes (ActivationCodes) stocked from the national
// server: when the unused codes valid now fall below a threshold (site setting
// activation.refillBelow, 50), it asks the server for enough to reach a target
// (activation.refillTarget, 200, plus the positive results waiting for a code) and imports
// the batches through ActivationCodes::importCsv, with their checksum, exactly like a file
// brought by hand. Asynchronous; one refill at a time; needs a signed-in user who may import
// codes (lab or admin).
class CodeRefill : public QObject
{
    Q_OBJECT

public:
    static const QString BelowSetting;  // activation.refillBelow
    static const QString TargetSetting; // activation.refillTarget
    static constexpr int DefaultBelow = 50;
    static constexpr int DefaultTarget = 200;
    static constexpr int MaxPerRequest = 500; // the server's limit per request
    static constexpr int MaxFetch = 10000;    // per refill, whatever the settings say

    struct Result
    {
        enum class Outcome
        {
            NotNeeded,   // enough valid codes
            NotAllowed,  // the signed-in user may not import codes: nothing asked
            Fetched,     // codes imported (perhaps fewer than asked: see serverExhausted)
            ServerEmpty, // the server had no code left: nothing imported
            Failed,      // network, server or import error (see error); some may be imported
        };
        Outcome outcome = Outcome::NotNeeded;
        int validBefore = 0; // unused codes valid now, before the refill
        int requested = 0;
        int imported = 0;
        int assigned = 0; // positive results that were waiting and got a code
        bool serverExhausted = false;
        QString error;
    };

    CodeRefill(Store& store, SyncTransport* transport, QObject* parent = nullptr);

    // Fetches when the valid codes are below the threshold. True when a fetch started:
    // finished() follows. False when nothing was asked (not needed, not allowed, busy, or the
    // pool could not be read): lastResult() says why.
    bool refillIfLow();
    // Fetches what the target lacks, whatever the threshold (sidepctl codes fetch).
    bool refillToTarget();
    // Fetches `count` codes (1..MaxFetch) whatever the pool holds.
    bool fetch(int count);

    bool isBusy() const { return m_busy; }
    const Result& lastResult() const { return m_result; }
    // The last refill's problem, for the sync panel; empty when it went well.
    QString lastProblem() const;

    // The settings as read (defaults when unset or not a positive number).
    int refillBelow() const;
    int refillTarget() const;

Q_SIGNALS:
    void finished(const CodeRefill::Result& result);

private:
    enum class Need
    {
        IfLow,
        ToTarget,
    };
    bool start(Need need, int count);
    void fetchNext();
    void finish();

    Store& m_store;
    SyncTransport* m_transport;
    Result m_result;
    int m_remaining = 0;
    bool m_busy = false;
};
