#pragma once

#include <QTime>
#include <QTimer>
#include <QWidget>
#include <memory>

namespace Ui {
class SiteDatabaseRetryWidget;
}

// The page a station shows when its site database does not answer at start (the database
// server restarting, the network down, a laptop started before its Wi-Fi): why, as the
// store says it, what to do, and another attempt asked for on "Try again" and by itself
// every RetrySeconds. The attempt is the window's: it opens the store and reports back.
class SiteDatabaseRetryWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RetrySeconds = 10;

    explicit SiteDatabaseRetryWidget(QWidget* parent = nullptr);
    ~SiteDatabaseRetryWidget() override;

    // The station's first attempt at start is under way: the page says it is connecting,
    // not yet that the database cannot be reached.
    void showConnecting();
    // The last attempt failed with `reason`: counts down to the next one.
    void showUnreachable(const QString& reason);
    // An attempt is under way (on another thread; the window stays responsive): says so.
    void showTrying();
    // The database answered: no more attempts.
    void stop();

Q_SIGNALS:
    void retryRequested();

private:
    void tick();
    void showCountdown();

    std::unique_ptr<Ui::SiteDatabaseRetryWidget> m_ui;
    QTimer m_countdown; // a tick a second, for the seconds shown
    int m_secondsLeft = 0;
    QTime m_lastAttempt;
};
