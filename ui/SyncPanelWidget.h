#pragma once

#include <QDateTime>
#include <QTimer>
#include <QWidget>
#include <memory>

namespace Ui {
class SyncPanelWidget;
}
class SyncEngine;
class SyncTransport;

// The site supervisor's view of the sync: what waits and since when, the last
// acknowledgement, what the server rejected, the last error in plain words, and the
// server's clock against the workstation's. Sends in the background every minute and at
// once on "Send now"; never blocks the window (the network calls are asynchronous).
class SyncPanelWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int ClockToleranceSeconds = 5 * 60;

    explicit SyncPanelWidget(QWidget* parent = nullptr);
    ~SyncPanelWidget() override;

    // The signed-in session's engine and its way to the server (null: not configured).
    void setEngine(SyncEngine* engine, SyncTransport* transport, const QString& serverName);
    void refresh();
    // One round: queue what is new, send what is due, check the clocks.
    void syncNow();
    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }

private:
    void sendMore();

    std::unique_ptr<Ui::SyncPanelWidget> m_ui;
    SyncEngine* m_engine = nullptr;
    SyncTransport* m_transport = nullptr;
    QTimer m_timer;
};
