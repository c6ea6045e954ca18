#pragma once

#include <QDateTime>
#include <QWidget>
#include <memory>

namespace Ui {
class SyncPanelWidget;
}
class SyncEngine;
class SyncScheduler;

// The site supervisor's view of the sync: whether the server answers, what waits and
// since when, the last acknowledgement, what the server rejected, the last error in plain
// words, the server's clock against the workstation's, and the speed the batches went at
// with the time what waits should take. The scheduler sends in the
// background; "Send now" starts a round at once, whatever the backoff said. Never blocks
// the window (the network calls are asynchronous).
class SyncPanelWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int ClockToleranceSeconds = 5 * 60;

    explicit SyncPanelWidget(QWidget* parent = nullptr);
    ~SyncPanelWidget() override;

    // The signed-in session's engine and its scheduler (null: not configured).
    void setSync(SyncEngine* engine, SyncScheduler* scheduler, const QString& serverName);
    void refresh();

    // A message of the sync (shared with sidepctl, which names its settings) as a screen
    // says it: "the national server's address" rather than the name of a setting.
    static QString readable(const QString& message);

private:
    // Samples that waited more than RecordStore::AwaitingResultDays for a result.
    void showLateSamples();
    // The measured throughput and the time the backlog should take at it.
    void showThroughput(int versionsWaiting);
    void showClocks(const QDateTime& server, const QDateTime& workstation);

    std::unique_ptr<Ui::SyncPanelWidget> m_ui;
    SyncEngine* m_engine = nullptr;
    SyncScheduler* m_scheduler = nullptr;
};
