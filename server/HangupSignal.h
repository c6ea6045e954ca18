#pragma once

#include <QObject>

class QSocketNotifier;

// SIGHUP as a Qt signal, the usual way to tell a daemon to reload its files: the handler
// only writes a byte to a socket pair, and the event loop reads it (nothing else is safe in
// a signal handler). One instance per process.
class HangupSignal : public QObject
{
    Q_OBJECT

public:
    explicit HangupSignal(QObject* parent = nullptr);
    ~HangupSignal() override;
    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received();

private:
    QSocketNotifier* m_notifier = nullptr;
};
