#pragma once

#include <QObject>
#include <QTimer>

// Watches the application's keyboard and mouse input and says when nobody has touched the
// workstation for a while, so the session can lock itself before a patient's data is left
// on screen. Any key press, click, wheel or pointer move restarts the count.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject* parent = nullptr);

    void setTimeout(int milliseconds);
    int timeout() const { return m_timer.interval(); }
    void start();
    void stop();

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
};
